// The stored topic document frequencies: contributions, batch deltas, and taking a replaced paper out again.
import { describe, expect, it } from 'vitest';
import { contributionFromProps, contributionProps, frequencyDeltas } from '../../../ingest/topic-frequencies.js';
import { contributionOf, DocumentFrequencies, extractCandidates } from '../../../ingest/topics/index.js';

const A = extractCandidates('Differentially private training', 'We train deep neural networks with differential privacy (DP) and DP-SGD.');
const B = extractCandidates('Private federated learning', 'Federated learning with differential privacy for medical imaging.');
const C = extractCandidates('Segmentation of MRI', 'A U-Net for segmentation of MRI and CT images.');

describe('topic document-frequency contributions', () => {
  it('round-trips through the paper properties', () => {
    const c = contributionOf(A);
    expect(c.terms.length).toBeGreaterThan(0);
    const props = contributionProps(c);
    expect(contributionFromProps(props.topicTerms, props.topicAcronyms)).toEqual(c);
    expect(contributionFromProps(null, null)).toBeNull();
  });

  it('add and removeContribution leave the table a one-shot count of the remaining papers would hold', () => {
    const df = new DocumentFrequencies();
    for (const c of [A, B, C]) df.add(c);
    df.removeContribution(contributionOf(B));
    const expected = new DocumentFrequencies();
    for (const c of [A, C]) expected.add(c);
    expect(df.toJSON()).toEqual(expected.toJSON());
  });

  it('a batch delta is the new contributions minus the old ones; a re-ingest of an unchanged paper moves nothing', () => {
    const a = contributionOf(A);
    const b = contributionOf(B);
    expect(frequencyDeltas([{ before: a, after: a }])).toEqual({ terms: [], acronyms: [], papers: 0 });
    const d = frequencyDeltas([
      { before: null, after: b },
      { before: a, after: null },
    ]);
    expect(d.papers).toBe(0);
    const shared = a.terms.filter((t) => b.terms.includes(t));
    for (const t of shared) expect(d.terms.find((x) => x.key === t)).toBeUndefined();
    for (const t of b.terms.filter((k) => !shared.includes(k))) expect(d.terms.find((x) => x.key === t)?.delta).toBe(1);
    for (const t of a.terms.filter((k) => !shared.includes(k))) expect(d.terms.find((x) => x.key === t)?.delta).toBe(-1);
  });
});
