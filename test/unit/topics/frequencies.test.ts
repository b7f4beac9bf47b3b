// DocumentFrequencies: counting, idf, bounded memory (lossy counting), persistence, acronym table.
import { describe, expect, it } from 'vitest';
import { DocumentFrequencies, type Candidate } from '../../../ingest/topics/index.js';

function cand(key: string, extra: Partial<Candidate> = {}): Candidate {
  return { key, tf: 1, titleTf: 0, standaloneTf: 1, inTitle: false, words: key.split(' ').length, broad: false, ...extra };
}

describe('DocumentFrequencies', () => {
  it('counts documents, once per key and document, only for complete-phrase uses', () => {
    const df = new DocumentFrequencies();
    df.add([cand('differential privacy', { tf: 5 }), cand('neural network')]);
    df.add([cand('differential privacy'), cand('large language', { standaloneTf: 0 })]);
    df.add([]);
    expect(df.docCount).toBe(3);
    expect(df.df('differential privacy')).toBe(2);
    expect(df.df('neural network')).toBe(1);
    expect(df.df('large language')).toBe(0);
    expect(df.df('never seen')).toBe(0);
    expect(df.pruneFloor).toBe(0);
    expect(df.dfUpper('neural network')).toBe(1);
  });

  it('idf falls as df rises and stays positive', () => {
    const df = new DocumentFrequencies();
    for (let i = 0; i < 100; i++) df.add([cand('common'), ...(i < 10 ? [cand('medium')] : []), ...(i === 0 ? [cand('rare')] : [])]);
    expect(df.idf('rare')).toBeGreaterThan(df.idf('medium'));
    expect(df.idf('medium')).toBeGreaterThan(df.idf('common'));
    expect(df.idf('common')).toBeGreaterThan(0);
    // Unknown keys count as df 1 (the paper being scored).
    expect(df.idf('unknown')).toBeCloseTo(df.idf('rare'));
  });

  it('keeps memory bounded by pruning rare phrases, never the shared ones', () => {
    const df = new DocumentFrequencies({ maxEntries: 100 });
    for (let i = 0; i < 2_000; i++) df.add([cand(`unique phrase ${i}`), cand('shared topic'), ...(i % 10 === 0 ? [cand('tenth')] : [])]);
    expect(df.size).toBeLessThanOrEqual(100);
    expect(df.pruneFloor).toBeGreaterThan(0);
    expect(df.df('shared topic')).toBe(2_000);
    // "tenth" may be pruned early and come back: the true df (200) lies within [df, dfUpper].
    expect(df.df('tenth')).toBeLessThanOrEqual(200);
    expect(df.dfUpper('tenth')).toBeGreaterThanOrEqual(200);
    expect(df.docCount).toBe(2_000);
  });

  it('round-trips through JSON exactly (and validates what it reads)', () => {
    const df = new DocumentFrequencies({ maxEntries: 50 });
    for (let i = 0; i < 300; i++) df.add([cand(`p${i % 70}`), cand('shared'), cand('ct', { acronym: 'CT' })]);
    df.add([cand('computed tomography', { aliases: ['CT'] })]);
    const json = JSON.parse(JSON.stringify(df.toJSON())) as unknown;
    const back = DocumentFrequencies.fromJSON(json);
    expect(back.toJSON()).toEqual(df.toJSON());
    expect(back.df('shared')).toBe(300);
    expect(back.docCount).toBe(301);
    expect(back.pruneFloor).toBe(df.pruneFloor);
    expect(back.expansionOf('CT')).toBe('computed tomography');
    expect(() => DocumentFrequencies.fromJSON({ version: 2 })).toThrow();
    expect(() => DocumentFrequencies.fromJSON({ ...df.toJSON(), entries: [['x', -1, 0]] })).toThrow();
  });

  it('serializes equal tables identically whatever the insertion order', () => {
    const docs = [[cand('a'), cand('b')], [cand('c')], [cand('b'), cand('d', { aliases: ['D'] })]];
    const x = new DocumentFrequencies();
    const y = new DocumentFrequencies();
    for (const d of docs) x.add(d);
    for (const d of [...docs].reverse()) y.add(d);
    expect(JSON.stringify(y.toJSON())).toBe(JSON.stringify(x.toJSON()));
  });

  it('merges per-worker tables into the same counts as one table', () => {
    const docs = Array.from({ length: 40 }, (_, i) => [cand(`k${i % 7}`), cand('all')]);
    const one = new DocumentFrequencies();
    for (const d of docs) one.add(d);
    const a = new DocumentFrequencies();
    const b = new DocumentFrequencies();
    docs.forEach((d, i) => (i % 2 ? a : b).add(d));
    a.merge(b);
    expect(a.toJSON()).toEqual(one.toJSON());
  });

  it('resolves an acronym only to a dominant expansion', () => {
    const df = new DocumentFrequencies();
    df.add([cand('computed tomography', { aliases: ['CT'] })]);
    df.add([cand('computed tomography', { aliases: ['CT'] })]);
    df.add([cand('cardiac troponin', { aliases: ['CT'] })]);
    expect(df.expansionOf('CT')).toBe('computed tomography'); // 2 of 3 ≥ 60 %
    expect(df.expansionOf('CT', 3)).toBeUndefined();
    df.add([cand('cardiac troponin', { aliases: ['CT'] })]);
    expect(df.expansionOf('CT')).toBeUndefined(); // 2:2 is ambiguous
    expect(df.expansionOf('XYZ')).toBeUndefined();
  });

  it('rejects a nonsensical cap', () => {
    expect(() => new DocumentFrequencies({ maxEntries: 0 })).toThrow(RangeError);
  });
});
