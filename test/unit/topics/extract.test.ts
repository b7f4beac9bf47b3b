// extractCandidates: noun phrases, normalization, acronyms, filler words, determinism.
import { describe, expect, it } from 'vitest';
import { extractCandidates, nominalize, type Candidate } from '../../../ingest/topics/index.js';

function keys(cs: Candidate[]): string[] {
  return cs.map((c) => c.key);
}

function get(cs: Candidate[], key: string): Candidate {
  const c = cs.find((x) => x.key === key);
  if (!c) throw new Error(`no candidate "${key}" in: ${keys(cs).join(' | ')}`);
  return c;
}

describe('acronyms', () => {
  it('counts "long form (ACR)" and later uses of ACR under the long form, keeping the acronym as alias', () => {
    const cs = extractCandidates(
      'Evaluating LLMs on clinical notes',
      'Large language models (LLMs) are popular. We fine-tune LLMs on notes and evaluate each LLM.',
    );
    const llm = get(cs, 'large language model');
    // Definition site + title "LLMs" + "LLMs" + "LLM"; the acronym in its own parentheses is not counted twice.
    expect(llm.tf).toBe(4);
    expect(llm.titleTf).toBe(1);
    expect(llm.inTitle).toBe(true);
    expect(llm.aliases).toEqual(['LLM']);
    expect(keys(cs)).not.toContain('llm');
    expect(keys(cs)).not.toContain('llms');
  });

  it('reads the reverse form "ACR (long form)"', () => {
    const cs = extractCandidates('', 'We report results on the CLUE (Clinical Language Understanding Evaluation) benchmark tasks.');
    expect(get(cs, 'clinical language understanding evaluation').aliases).toEqual(['CLUE']);
  });

  it('accepts long forms that are not plain noun phrases (adverb inside)', () => {
    const cs = extractCandidates('', 'We show that differentially private stochastic gradient descent (DP-SGD) is overconfident. DP-SGD is popular.');
    const c = get(cs, 'differentially private stochastic gradient descent');
    expect(c.aliases).toEqual(['DP-SGD']);
    expect(c.tf).toBe(2);
  });

  it('does not invent a long form when the letters do not match', () => {
    const cs = extractCandidates('', 'Participants came from the German National Cohort (NAKO) and the NAKO biobank.');
    expect(cs.some((c) => c.aliases !== undefined)).toBe(false);
    expect(get(cs, 'nako').acronym).toBe('NAKO');
  });

  it('marks acronyms used without a definition', () => {
    const cs = extractCandidates('', 'We evaluate on MNIST and report results for GPUs.');
    expect(get(cs, 'mnist').acronym).toBe('MNIST');
    expect(get(cs, 'gpu').acronym).toBe('GPU');
  });
});

describe('normalization', () => {
  it('singularizes with the lemmatizer (plural → singular), also in compounds and proper-noun plurals', () => {
    const cs = extractCandidates(
      'Graph Attention Networks for X-rays',
      'Convolutional neural networks detect kidneys and co-morbidities in radiographs.',
    );
    for (const k of ['graph attention network', 'x-ray', 'convolutional neural network', 'kidney', 'comorbidity', 'radiograph']) {
      expect(keys(cs)).toContain(k);
    }
    expect(cs.some((c) => /\b(networks|kidneys|radiographs|x-rays)\b/.test(c.key))).toBe(false);
  });

  it('keeps words the lemmatizer would break ("data", "dynamics")', () => {
    const cs = extractCandidates('', 'We study Langevin dynamics and radiological data deduplication.');
    expect(keys(cs)).toContain('langevin dynamics');
    expect(keys(cs)).toContain('radiological data deduplication');
    expect(cs.some((c) => /datum|dynamic\b/.test(c.key))).toBe(false);
  });

  it('unifies hyphen, space and solid spellings deterministically', () => {
    const variants = ['multi-organ segmentation', 'multiorgan segmentation', 'multi organ segmentation'];
    for (const v of variants) expect(keys(extractCandidates('', `We propose a ${v} network.`))).toContain('multiorgan segmentation');
    const a = keys(extractCandidates('', 'An anatomy-aware model was trained.'));
    const b = keys(extractCandidates('', 'An anatomy aware model was trained.'));
    expect(a).toContain('anatomy aware model');
    expect(b).toContain('anatomy aware model');
    // Letters/digits/acronym parts keep their hyphen: "covid-19", "u-net".
    expect(keys(extractCandidates('', 'A U-Net segments COVID-19 lesions.'))).toEqual(expect.arrayContaining(['u-net', 'covid-19 lesion']));
  });

  it('turns "differentially private" into "differential privacy" (checked against the lexicon)', () => {
    const cs = extractCandidates('Differentially private neural networks', 'We train differentially private models.');
    expect(get(cs, 'differential privacy').tf).toBe(2);
    expect(nominalize('differentially', 'private')).toBe('differential privacy');
    // "high" is a weak modifier: no "high accuracy" topic.
    expect(nominalize('highly', 'accurate')).toBeUndefined();
  });

  it('lower-cases Title Case titles before tagging but keeps acronyms and names recognizable', () => {
    const cs = extractCandidates('Multimodal Graph Attention Network for COVID-19 Outcome Prediction', '');
    expect(keys(cs)).toEqual(expect.arrayContaining(['multimodal graph attention network', 'covid-19 outcome prediction']));
  });
});

describe('what is not a candidate', () => {
  const filler =
    'In this paper we propose a novel approach. Our results show improved performance on the task. ' +
    'This study uses a framework and a method for the analysis of data with a model. Our work is state-of-the-art. ' +
    'Smith et al. reported it.';

  it('drops academic filler and generic single words', () => {
    const ks = keys(extractCandidates('A study of approaches', filler));
    for (const w of ['result', 'study', 'approach', 'method', 'paper', 'work', 'performance', 'task', 'model', 'data',
      'analysis', 'framework', 'use', 'state of the art', 'et', 'al', 'smith et al']) {
      expect(ks).not.toContain(w);
    }
    // No phrase contains a filler noun anywhere.
    expect(ks.some((k) => /\b(result|study|approach|method|paper|work|performance|et|al)\b/.test(k))).toBe(false);
  });

  it('keeps multi-word phrases with a broad head ("segmentation model")', () => {
    const ks = keys(extractCandidates('', 'We train a segmentation model and a convolutional network.'));
    expect(ks).toContain('segmentation model');
    expect(ks).toContain('convolutional network');
    expect(ks).not.toContain('model');
    expect(ks).not.toContain('network');
  });

  it('never yields numbers, measurements or TeX', () => {
    const cs = extractCandidates(
      '',
      'We trained on 1,200 scans (n=900) with an 18-layer ResNet, reaching 0.85 $\\pm$ 0.08 DSC and 66.4% vs. 65% in 2 years.',
    );
    for (const c of cs) {
      expect(c.key).not.toMatch(/(^|\s)[\d.,%±=-]+(\s|$)/);
      expect(c.key).not.toMatch(/\\|\$|pm\b/);
    }
    expect(keys(cs)).toContain('resnet');
  });

  it('does not turn verbs tagged as nouns into phrases after "we" or a modal', () => {
    const ks = keys(extractCandidates('', 'We fine-tune LLMs. The model can segment organs.'));
    expect(ks.some((k) => k.startsWith('fine tune'))).toBe(false);
  });
});

describe('determinism and shape', () => {
  const title = 'Tracked 3D Ultrasound and Deep Neural Network-based Thyroid Segmentation';
  const abstract = 'Thyroid volumetry is crucial. A convolutional deep neural network (CNN) segmented the 3D thyroid lobes.';

  it('is pure: same input, same output (sorted by key)', () => {
    const a = extractCandidates(title, abstract);
    const b = extractCandidates(title, abstract);
    expect(b).toEqual(a);
    expect(keys(a)).toEqual([...keys(a)].sort());
    expect(new Set(keys(a)).size).toBe(a.length);
  });

  it('reports consistent counts', () => {
    for (const c of extractCandidates(title, abstract)) {
      expect(c.tf).toBeGreaterThanOrEqual(1);
      expect(c.titleTf).toBeLessThanOrEqual(c.tf);
      expect(c.standaloneTf).toBeLessThanOrEqual(c.tf);
      expect(c.inTitle).toBe(c.titleTf > 0);
      expect(c.words).toBe(c.key.split(' ').length);
      expect(c.key).toBe(c.key.toLowerCase());
    }
  });

  it('handles empty and odd input', () => {
    expect(extractCandidates('', '')).toEqual([]);
    expect(extractCandidates('   ', '\n\t')).toEqual([]);
    expect(() => extractCandidates('((( )))', '$$ \\frac{a}{b} $$ -- ... ???')).not.toThrow();
    expect(() => extractCandidates('Über die Quantenmechanik', 'Eine Studie über Ähnlichkeit. 日本語のテキスト。')).not.toThrow();
  });
});
