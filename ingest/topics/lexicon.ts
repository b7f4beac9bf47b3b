// Word lists for topic extraction: academic filler, weak modifiers and normalization exceptions.

/**
 * Academic filler: a phrase containing one of these lemmas is never a topic ("study", "proposed approach",
 * "segmentation performance", "state of the art result").
 */
export const FILLER_NOUNS: ReadonlySet<string> = new Set([
  'study', 'result', 'approach', 'methodology', 'paper', 'article', 'performance', 'way', 'purpose', 'aim', 'goal',
  'finding', 'conclusion', 'contribution', 'improvement', 'increase', 'decrease', 'capability', 'ability',
  'possibility', 'need', 'promise', 'benefit', 'limitation', 'challenge', 'issue', 'amount', 'lot', 'variety', 'kind',
  'insight', 'attempt', 'effort', 'respect', 'regard', 'manner', 'idea', 'introduction', 'overview', 'usage', 'means',
  'total', 'lack', 'presence', 'absence', 'et', 'al', 'something', 'anything', 'everything', 'nothing', 'one', 'ones',
  'other', 'others', 'help', 'comparison', 'future', 'effectiveness', 'feasibility', 'availability', 'success',
  'superiority', 'show', 'large scale', 'state of the art',
]);

/**
 * Nouns that are filler when they head a phrase ("clinical task", "proposed framework", "biomedical application")
 * but topical as modifiers ("task scheduling", "application layer"): a phrase never ends in one of these.
 */
export const HEAD_FILLER_NOUNS: ReadonlySet<string> = new Set([
  'task', 'method', 'framework', 'technique', 'tool', 'setting', 'scenario', 'counterpart', 'application', 'option',
  'version', 'step', 'analysis', 'use', 'strategy', 'procedure', 'solution', 'system', 'pipeline', 'scheme',
  'paradigm', 'mechanism', 'manner', 'fashion', 'alternative', 'candidate', 'variant', 'extension', 'modification',
]);

/**
 * Broad nouns: not a topic on their own ("model", "data", "network"), fine inside a phrase ("segmentation model",
 * "decision support", "information extraction"). A phrase made only of broad nouns and weak modifiers is kept but
 * scored down ("training data").
 */
export const BROAD_NOUNS: ReadonlySet<string> = new Set([
  // words that are filler alone but name things in a phrase ("finite element method", "point cloud", "dark matter",
  // "adversarial example", "instance segmentation", "question answering", "objective function", "work function")
  'method', 'work', 'use', 'point', 'example', 'instance', 'question', 'contrast', 'basis', 'number', 'range', 'term',
  'order', 'part', 'detail', 'role', 'addition', 'summary', 'fact', 'direction', 'importance', 'potential', 'advantage',
  'understanding', 'end', 'majority', 'minority', 'tradeoff', 'trade off', 'proposal', 'background', 'aspect', 'thing',
  'matter', 'bit', 'objective', 'half',
  'analysis', 'framework', 'technique', 'procedure', 'application', 'problem', 'solution', 'case', 'experiment',
  'evaluation', 'investigation', 'assessment', 'examination', 'discussion', 'reduction', 'difference', 'change',
  'effect', 'impact', 'influence', 'process', 'factor', 'feature', 'information', 'knowledge', 'research', 'field',
  'area', 'domain', 'time', 'year', 'state', 'art', 'set', 'level', 'type', 'form', 'concept', 'theory', 'view',
  'perspective', 'context', 'scenario', 'setting', 'condition', 'property', 'element', 'component', 'strategy',
  'design', 'implementation', 'version', 'scale', 'size', 'step', 'stage', 'option', 'choice', 'trend', 'tool',
  'resource', 'technology', 'system', 'mechanism', 'structure', 'function', 'operation', 'action', 'activity',
  'behavior', 'behaviour', 'outcome', 'output', 'input', 'target', 'task', 'requirement', 'constraint', 'assumption',
  'hypothesis', 'claim', 'evidence', 'support', 'day', 'month', 'week', 'hour', 'minute', 'second', 'accuracy',
  'precision', 'quality', 'efficiency', 'robustness', 'reliability', 'significance', 'relevance', 'score', 'measure',
  'measurement', 'metric', 'value', 'rate', 'ratio', 'proportion', 'percentage', 'mean', 'average', 'median', 'error',
  'gain', 'cost', 'baseline', 'benchmark', 'test', 'trial', 'validation', 'estimate', 'estimation', 'prediction',
  'generalization', 'generalizability', 'variability', 'sensitivity', 'specificity', 'correlation', 'agreement',
  'consistency', 'failure', 'model', 'data', 'dataset', 'database', 'corpus', 'sample', 'subject', 'participant',
  'patient', 'individual', 'person', 'people', 'user', 'group', 'cohort', 'population', 'image', 'network', 'learning',
  'training', 'algorithm', 'architecture', 'layer', 'parameter', 'weight', 'variable', 'representation', 'space',
  'signal', 'object', 'item', 'unit', 'entity', 'community', 'science', 'scientist', 'researcher', 'author', 'expert',
  'human', 'world', 'life', 'practice', 'practitioner', 'development', 'generation', 'production', 'creation',
  'extraction', 'processing', 'adaptation', 'modification', 'combination', 'integration', 'deployment', 'situation',
  'status', 'focus', 'emphasis', 'interest', 'attention', 'relationship', 'relation', 'link', 'connection',
  'interaction', 'pattern', 'category', 'class', 'document', 'text', 'word', 'source', 'material', 'content',
  'collection', 'series', 'list', 'table', 'figure', 'section', 'access', 'code', 'software', 'hardware', 'platform',
  'environment', 'plan', 'planning', 'course', 'decision', 'risk', 'tuning', 'fine tuning', 'specialist', 'counterpart',
  'generalist', 'expectation', 'recommendation', 'claim', 'guideline', 'weight', 'sequence', 'region', 'organ',
  'scan', 'examination', 'modality', 'volume', 'quantity', 'dimension', 'direction', 'location', 'position',
  // broad in the medical/ML literature this project ingests
  'imaging', 'similarity', 'disease', 'progression', 'gradient', 'treatment', 'ai', 'diagnosis', 'severity',
  'clinician', 'physician', 'doctor', 'hospital', 'volunteer', 'admission', 'care', 'medicine', 'health', 'body',
  'memory', 'automation', 'computer', 'machine', 'device', 'sensor', 'instrument',
  // generic in any field's abstracts
  'description', 'definition', 'consequence', 'note', 'quest', 'meeting', 'calculation', 'computation', 'computing',
  'construction', 'characterization', 'family', 'product', 'limit', 'pair', 'energy', 'phase', 'mode', 'regime',
  'arrangement', 'power', 'ground', 'edge', 'flow', 'index', 'observation', 'distribution', 'formula', 'equation',
  'expression', 'bound', 'generalization', 'extension', 'analogue', 'analog', 'notion', 'theorem', 'lemma', 'proof',
  'formalism', 'approximation', 'scheme', 'quantum', 'simulation', 'experiment', 'measurement', 'observation',
  'sample', 'article', 'letter', 'comment', 'reply', 'erratum', 'talk', 'lecture', 'proceeding', 'conference',
  'workshop', 'thesis', 'chapter', 'appendix', 'supplement', 'review', 'survey', 'report', 'author', 'contribution',
]);

/**
 * Modifiers that carry no topical content: they may appear inside a phrase but never start one, and a phrase made
 * only of these and generic nouns is dropped ("new method", "proposed model", "high accuracy").
 */
export const WEAK_MODIFIERS: ReadonlySet<string> = new Set([
  'new', 'novel', 'proposed', 'various', 'different', 'several', 'other', 'such', 'many', 'more', 'most', 'much',
  'further', 'additional', 'previous', 'prior', 'recent', 'existing', 'current', 'respective', 'relevant', 'specific',
  'significant', 'important', 'main', 'major', 'key', 'good', 'better', 'best', 'high', 'higher', 'highest', 'low',
  'lower', 'lowest', 'small', 'smaller', 'smallest', 'larger', 'largest', 'similar', 'overall', 'potential', 'possible',
  'first', 'second', 'third', 'last', 'final', 'promising', 'comparable', 'single', 'multiple', 'whole', 'entire',
  'total', 'general', 'typical', 'simple', 'efficient', 'effective', 'accurate', 'reliable', 'useful', 'valuable',
  'strong', 'great', 'wide', 'broad', 'extensive', 'substantial', 'considerable', 'minor', 'serious', 'rigorous',
  'expected', 'available', 'able', 'due', 'certain', 'own', 'same', 'independent', 'traditional', 'conventional',
  'improved', 'reduced', 'increased', 'limited', 'based', 'given', 'used', 'obtained', 'presented', 'trained',
  'following', 'emerging', 'underlying', 'corresponding', 'respective', 'present', 'standard', 'unknown', 'known',
  'original', 'appropriate', 'suitable', 'sufficient', 'necessary', 'critical', 'crucial', 'essential', 'fundamental',
  'common', 'frequent', 'rare', 'various', 'diverse', 'numerous', 'few', 'fewer', 'less', 'least', 'little', 'long',
  'longer', 'short', 'shorter', 'early', 'earlier', 'late', 'later', 'full', 'fully', 'real', 'actual', 'whole',
  'particular', 'certain', 'additional', 'alternative', 'optimal', 'superior', 'inferior', 'poor', 'excellent',
  'remarkable', 'impressive', 'competitive', 'state-of-the-art', 'state of the art', 'related', 'associated',
  'respective', 'like', 'unseen', 'open', 'free', 'statistical', 'empirical', 'experimental', 'practical', 'theoretical',
  'overall', 'individual', 'external', 'internal', 'direct', 'indirect', 'same', 'above', 'below', 'next', 'prior',
  'able', 'unable', 'whether', 'key', 'clear', 'unclear', 'easy', 'difficult', 'hard', 'fast', 'faster', 'slow',
  'large scale', 'small scale', 'high quality', 'well defined', 'in depth', 'fine', 'deeper', 'wider', 'broader',
  'open source', 'publicly available', 'novel', 'unique', 'modern', 'advanced', 'enhanced', 'comprehensive',
  'affordable', 'powerful', 'complex', 'future', 'brief', 'short', 'detailed', 'systematic', 'thorough', 'general purpose', 'domain specific', 'feasible', 'notable', 'considerable', 'generalist', 'specialized',
]);

/**
 * Participles that act as prepositions or main verbs after a noun ("validation using NAKO data", "benchmarks covering
 * ..."): never the head of a noun phrase, unlike real gerund nouns ("transfer learning", "gradient clipping").
 */
export const VERBAL_ING: ReadonlySet<string> = new Set([
  'using', 'regarding', 'including', 'concerning', 'following', 'according', 'considering', 'involving', 'comparing',
  'leveraging', 'yielding', 'resulting', 'focusing', 'covering', 'comprising', 'showing', 'demonstrating',
  'achieving', 'providing', 'allowing', 'enabling', 'requiring', 'containing', 'reaching', 'ranging', 'exceeding',
  'outperforming', 'performing', 'improving', 'reducing', 'increasing', 'combining', 'integrating', 'exploiting',
  'utilizing', 'utilising', 'employing', 'applying', 'incorporating', 'producing', 'making', 'taking', 'giving',
  'being', 'having', 'getting', 'expressing', 'generating', 'creating', 'building', 'leading', 'suggesting',
  'indicating', 'highlighting', 'addressing', 'investigating', 'exploring', 'evaluating', 'assessing', 'examining',
  'introducing', 'proposing', 'presenting', 'describing', 'developing', 'designing', 'obtaining', 'depending',
  'corresponding', 'underlying', 'existing', 'emerging', 'promising', 'compromising', 'enhancing', 'challenging',
  'missing', 'remaining', 'varying', 'surrounding', 'relying', 'aiming', 'trying', 'seeking', 'helping', 'supporting',
]);

/**
 * Adjective-like words the tagger sometimes labels ADV before a noun ("deep neural network" in a title): treated as
 * modifiers when a noun follows.
 */
export const ADVERB_AS_ADJECTIVE: ReadonlySet<string> = new Set([
  'deep', 'early', 'late', 'fast', 'wide', 'hard', 'long', 'short', 'high', 'low', 'direct', 'free', 'close', 'well',
]);

/** Words that end a noun phrase whatever their tag (Latin abbreviations, author-list residue, filler). */
export const BREAK_WORDS: ReadonlySet<string> = new Set([
  'et', 'al', 'al.', 'e.g.', 'i.e.', 'etc', 'etc.', 'cf', 'cf.', 'vs', 'vs.', 'viz', 'viz.', 'ie', 'eg', 'approx',
  'none', 'here', 'there', 'thereby', 'herein', 'furthermore', 'moreover', 'however', 'therefore', 'thus', 'hence',
]);

/**
 * Plural-looking nouns whose singular is the word itself or which the English lemmatizer gets wrong for our
 * domain ("data" → "datum", "dynamics" → "dynamic", "lenses" → "lense").
 */
export const LEMMA_OVERRIDES: ReadonlyMap<string, string> = new Map([
  ['data', 'data'],
  ['metadata', 'metadata'],
  ['media', 'media'],
  ['lenses', 'lens'],
  ['species', 'species'],
  ['series', 'series'],
  ['news', 'news'],
  ['analyses', 'analysis'],
  ['diagnoses', 'diagnosis'],
  ['prognoses', 'prognosis'],
  ['bias', 'bias'],
  ['biases', 'bias'],
  ['gas', 'gas'],
  ['alias', 'alias'],
  ['corpora', 'corpus'],
  ['criteria', 'criterion'],
  ['phenomena', 'phenomenon'],
  ['covid', 'covid'],
  ['sars', 'sars'],
  ['axis', 'axis'],
  ['means', 'means'],
]);

/**
 * The model's normal form maps British to American spelling ("tumours" → "tumors", "modelling" → "modeling"), which
 * unifies variants; a few of its mappings pick a spelling no scientist uses.
 */
export const NORMAL_OVERRIDES: ReadonlyMap<string, string> = new Map([['gage', 'gauge']]);

/**
 * Prefixes written solid, hyphenated or spaced ("pretrained", "pre-trained", "pre trained"); the key always writes
 * them solid so the three variants meet.
 */
export const SOLID_PREFIXES: ReadonlySet<string> = new Set([
  'pre', 'post', 'multi', 'non', 'co', 'inter', 'intra', 'semi', 'sub', 'bi', 'tri', 'anti', 'un', 're', 'de', 'mid',
  'micro', 'macro', 'meta', 'hyper', 'mono', 'poly', 'uni',
]);

/**
 * Adjective → noun suffix rewrites used to nominalize "ADV-ly ADJ" modifiers ("differentially private" →
 * "differential privacy"); each result must be a known noun of the language model before it is used.
 */
export const NOMINALIZING_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['ate', 'acy'],
  ['ent', 'ence'],
  ['ent', 'ency'],
  ['ant', 'ance'],
  ['ant', 'ancy'],
  ['able', 'ability'],
  ['ible', 'ibility'],
  ['ive', 'ivity'],
  ['al', 'ality'],
  ['ous', 'osity'],
];
