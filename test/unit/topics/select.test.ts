// selectTopics / extractTopicsForCorpus: cap, scores, ids, determinism, filler, corpus-level acronym links.
import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import {
  compactCandidates,
  DocumentFrequencies,
  extractCandidates,
  extractTopicsForCorpus,
  selectTopics,
  topicId,
  type CorpusDoc,
} from '../../../ingest/topics/index.js';

const CORPUS: CorpusDoc[] = [
  {
    id: 'a',
    title: 'Thyroid segmentation with convolutional neural networks',
    abstract:
      'We present a convolutional neural network for thyroid segmentation in ultrasound images. Thyroid volumetry ' +
      'and thyroid nodules are assessed. Segmentation accuracy is high. Our method outperforms manual segmentation.',
  },
  {
    id: 'b',
    title: 'Liver segmentation in computed tomography',
    abstract:
      'Liver segmentation in computed tomography (CT) scans is needed for surgery planning. We train a U-Net on CT ' +
      'scans of liver tumors. The segmentation model generalizes to new CT scanners.',
  },
  {
    id: 'c',
    title: 'Differentially private federated learning',
    abstract:
      'Differential privacy protects patients in federated learning. We study privacy budgets and differentially ' +
      'private training of neural networks with DP-SGD on hospital data.',
  },
  {
    id: 'd',
    title: 'Private training with gradient clipping',
    abstract:
      'Differentially private stochastic gradient descent (DP-SGD) clips per-example gradients. We analyse the ' +
      'privacy budget of DP-SGD and the utility of gradient clipping.',
  },
  {
    id: 'e',
    title: 'Large language models for radiology reports',
    abstract:
      'Large language models (LLMs) summarize radiology reports. We evaluate LLMs on report summarization and ' +
      'question answering. Results show that LLMs hallucinate findings.',
  },
  {
    id: 'f',
    title: 'Hallucination in clinical LLMs',
    abstract:
      'Large language models (LLMs) are used for clinical decision support. We measure hallucination rates of LLMs ' +
      'on discharge summaries and propose retrieval augmented generation.',
  },
];

function names(topics: { name: string }[]): string[] {
  return topics.map((t) => t.name);
}

/** Seeded Fisher–Yates, so the "shuffled" order is the same on every run. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [must(out[j], 'out[j]'), must(out[i], 'out[i]')];
  }
  return out;
}

describe('topicId', () => {
  it('is a stable URL slug of the phrase', () => {
    expect(topicId('large language model')).toBe('large-language-model');
    expect(topicId('covid-19 pneumonia')).toBe('covid-19-pneumonia');
    expect(topicId('3d u-net')).toBe('3d-u-net');
    expect(topicId('naïve bayes')).toBe('naive-bayes');
  });
});

describe('selectTopics', () => {
  const all = extractTopicsForCorpus(CORPUS);

  it('caps the number of topics per paper', () => {
    for (const topics of all.values()) expect(topics.length).toBeLessThanOrEqual(8);
    const one = extractTopicsForCorpus(CORPUS, { topicsPerPaper: 2 });
    for (const topics of one.values()) expect(topics.length).toBeLessThanOrEqual(2);
    expect([...extractTopicsForCorpus(CORPUS, { topicsPerPaper: 0 }).values()].every((t) => t.length === 0)).toBe(true);
    // Without a relative floor the cap is the only limit: exactly topicsPerPaper when candidates abound.
    const full = extractTopicsForCorpus(CORPUS, { topicsPerPaper: 3, minRelativeScore: 0 });
    for (const topics of full.values()) expect(topics.length).toBe(3);
  });

  it('gives ids that are slugs of the names and scores in (0, 1], best first', () => {
    for (const topics of all.values()) {
      expect(topics.length).toBeGreaterThan(0);
      expect(must(topics[0], 'topics[0]').score).toBe(1);
      for (let i = 0; i < topics.length; i++) {
        const t = must(topics[i], 'topics[i]');
        expect(t.id).toBe(topicId(t.name));
        expect(t.score).toBeGreaterThan(0);
        expect(t.score).toBeLessThanOrEqual(1);
        if (i > 0) expect(t.score).toBeLessThanOrEqual(must(topics[i - 1], 'topics[i - 1]').score);
      }
      expect(new Set(topics.map((t) => t.id)).size).toBe(topics.length);
    }
  });

  it('links related papers through shared, sensible topics', () => {
    const shared = (x: string, y: string) => names(must(all.get(x), 'all.get(x)')).filter((n) => names(must(all.get(y), 'all.get(y)')).includes(n));
    expect(shared('a', 'b')).toContain('segmentation');
    expect(shared('c', 'd')).toContain('differential privacy');
    expect(shared('e', 'f')).toContain('large language model');
    // ... and not unrelated ones.
    expect(names(must(all.get('e'), `all.get('e')`))).not.toContain('segmentation');
    expect(names(must(all.get('a'), `all.get('a')`))).not.toContain('differential privacy');
  });

  it('resolves an acronym one paper leaves undefined through the corpus ("DP-SGD" in c, defined in d)', () => {
    const c = must(all.get('c'), `all.get('c')`);
    const dpsgd = c.find((t) => t.name === 'differentially private stochastic gradient descent');
    expect(dpsgd?.aliases).toEqual(['DP-SGD']);
    expect(names(must(all.get('d'), `all.get('d')`))).toContain('differentially private stochastic gradient descent');
  });

  it('never picks filler', () => {
    for (const topics of all.values()) {
      for (const n of names(topics)) expect(n).not.toMatch(/\b(result|study|approach|method|paper|work|performance|task)\b/);
      for (const n of names(topics)) expect(['model', 'data', 'network', 'image', 'accuracy']).not.toContain(n);
    }
  });

  it('is deterministic: input order and repetition do not change any paper\'s topics', () => {
    const ref = extractTopicsForCorpus(CORPUS);
    for (const seed of [1, 7, 42]) {
      const again = extractTopicsForCorpus(shuffled(CORPUS, seed));
      for (const d of CORPUS) expect(again.get(d.id)).toEqual(ref.get(d.id));
    }
  });

  it('breaks score ties by phrase, not by candidate order', () => {
    const cands = extractCandidates(must(CORPUS[0], 'CORPUS[0]').title, must(CORPUS[0], 'CORPUS[0]').abstract);
    const df = new DocumentFrequencies();
    df.add(cands);
    const x = selectTopics(cands, df, { minRelativeScore: 0 });
    const y = selectTopics([...cands].reverse(), df, { minRelativeScore: 0 });
    expect(y).toEqual(x);
  });

  it('with a DF persisted and restored, scores the same', () => {
    const df = new DocumentFrequencies();
    const cands = CORPUS.map((d) => extractCandidates(d.title, d.abstract));
    for (const c of cands) df.add(c);
    const restored = DocumentFrequencies.fromJSON(JSON.parse(JSON.stringify(df)));
    cands.forEach((c) => expect(selectTopics(c, restored)).toEqual(selectTopics(c, df)));
  });
});

describe('compactCandidates', () => {
  it('keeps the strongest candidates, sorted by key, without changing the top topics', () => {
    const cands = extractCandidates(must(CORPUS[1], 'CORPUS[1]').title, must(CORPUS[1], 'CORPUS[1]').abstract);
    const small = compactCandidates(cands, 6);
    expect(small).toHaveLength(6);
    expect(small.map((c) => c.key)).toEqual([...small.map((c) => c.key)].sort());
    const df = new DocumentFrequencies();
    for (const d of CORPUS) df.add(extractCandidates(d.title, d.abstract));
    expect(selectTopics(small, df, { topicsPerPaper: 2 })).toEqual(selectTopics(cands, df, { topicsPerPaper: 2 }));
    expect(compactCandidates(cands, 1_000)).toEqual(cands);
  });
});
