// Candidate topic phrases of one paper: POS-tagged noun phrases, normalized, with acronyms resolved per document.
// The steps live in extract/: prepare (text), units (tokens → units), acronyms (definitions), phrases (counting).
import { findDefinitions } from './extract/acronyms.js';
import { addMention, emitPhrases, type Acc } from './extract/phrases.js';
import { looksEnglish, prepareText, prepareTitle } from './extract/prepare.js';
import { toUnits, type Definition } from './extract/units.js';
import { tagText } from './nlp.js';

export { nominalize } from './extract/phrases.js';
export { MAX_PHRASE_UNITS } from './extract/units.js';

/** One normalized phrase of a paper with its counts; the input of DocumentFrequencies and selectTopics. */
export interface Candidate {
  /** Normalized phrase: lower case, singular head, acronyms expanded, hyphen/space variants unified. */
  key: string;
  /** Mentions in title + abstract (including mentions as a sub-phrase of a longer noun phrase). */
  tf: number;
  /** Mentions in the title. */
  titleTf: number;
  /**
   * Mentions where the phrase is complete, i.e. not the front part of a longer noun phrase ("large language" in
   * "large language model" is not). A phrase never used on its own is only kept when other papers use it so.
   */
  standaloneTf: number;
  inTitle: boolean;
  /** Number of words in `key`. */
  words: number;
  /** Made only of broad nouns and weak modifiers ("training data"): allowed, scored down. */
  broad: boolean;
  /** Acronyms the text defined for this phrase, e.g. ["LLM"] for "large language model". */
  aliases?: string[];
  /** Set when the candidate is an acronym the text used without defining it, e.g. "DP-SGD". */
  acronym?: string;
}

/**
 * Normalized noun-phrase candidates of one paper (title + abstract), deterministic and independent of any corpus.
 * Phrases are 1–4 units (adjectives/nouns ending in a noun) tagged by wink-nlp; every sub-phrase ending in a noun is
 * counted too ("differential privacy guarantee" also counts "differential privacy" and "privacy guarantee"), so
 * papers that share only part of a phrase still meet. Acronyms defined as "long form (ACR)" or "ACR (long form)"
 * are counted under the long form wherever they occur in the paper; the acronym is kept as an alias.
 * Returns candidates sorted by key.
 */
export function extractCandidates(title: string, abstract: string): Candidate[] {
  const titleTagged = tagText(prepareTitle(title, abstract));
  const abstractTagged = tagText(prepareText(abstract));
  // The model is English; text in another language would only yield its words as junk "nouns".
  const titleUnits = looksEnglish(titleTagged, 4) ? toUnits(titleTagged, true) : [];
  const abstractUnits = looksEnglish(abstractTagged, 12) ? toUnits(abstractTagged) : [];

  // Definitions first (title, then abstract, left to right; first wins) so a mention before the definition (often
  // in the title) still counts under the long form.
  const defs = new Map<string, Definition>();
  findDefinitions(titleUnits, defs);
  findDefinitions(abstractUnits, defs);

  const acc = new Map<string, Acc>();
  for (const [units, inTitle] of [
    [titleUnits, true],
    [abstractUnits, false],
  ] as const) {
    for (const u of units) if (u.acronym !== undefined && !u.definitionSite) {
      const def = defs.get(u.acronym);
      if (def) u.expansion = def;
    }
    emitPhrases(units, inTitle, acc);
  }
  for (const def of defs.values()) {
    // The long form at the definition site may not be a plain noun phrase ("differentially private stochastic
    // gradient descent"): then count it here, once. Record the alias either way.
    if (def.countExplicitly) addMention(acc, def.key, def.words.length, def.broad, false, true);
    const a = acc.get(def.key);
    if (a) (a.aliases ??= new Set()).add(def.acronym);
  }

  const out: Candidate[] = [];
  for (const [key, a] of acc) {
    const c: Candidate = {
      key,
      tf: a.tf,
      titleTf: a.titleTf,
      standaloneTf: a.standaloneTf,
      inTitle: a.titleTf > 0,
      words: a.words,
      broad: a.broad,
    };
    if (a.aliases && a.aliases.size > 0) c.aliases = [...a.aliases].sort();
    if (a.acronym !== undefined && !a.aliases) c.acronym = a.acronym;
    out.push(c);
  }
  out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return out;
}
