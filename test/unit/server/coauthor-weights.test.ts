import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import { pairEdges, paperWeight, rankLevel, topByWeight, type EdgePaper, type LevelPaper } from '../../../server/api/graph/coauthor-weights.js';

const level = { weighting: 'count' as const, minWeight: 0, fanout: 10, budget: 10, authorsPerPaper: 30 };

describe('rankLevel', () => {
  it('sums weights per frontier author and co-author, ranks by summed weight, ties by id', () => {
    const papers: LevelPaper[] = [
      { id: 'p1', readers: ['f1'], n: 3, authors: ['x', 'y'] },
      { id: 'p2', readers: ['f1', 'f2'], n: 3, authors: ['x', 'z'] },
      { id: 'p3', readers: ['f2'], n: 2, authors: ['z'] },
    ];
    const r = rankLevel(papers, level);
    // f1: x 2, y 1, z 1; f2: x 1, z 2 → x 3, z 3, y 1.
    expect(r.kept).toEqual([
      { id: 'x', score: 3 },
      { id: 'z', score: 3 },
      { id: 'y', score: 1 },
    ]);
    expect(r.found).toBe(3);
    expect(r.crowded).toEqual([]);
  });

  it('keeps each frontier author’s fanout heaviest, then cuts the union to the budget; found counts all', () => {
    const papers: LevelPaper[] = [
      { id: 'p1', readers: ['f1'], n: 4, authors: ['a', 'b', 'c'] },
      { id: 'p2', readers: ['f1'], n: 2, authors: ['a'] },
      { id: 'p3', readers: ['f2'], n: 3, authors: ['d', 'e'] },
    ];
    const r = rankLevel(papers, { ...level, fanout: 1, budget: 1 });
    // f1 keeps a (2), f2 keeps d (1, before e by id); the budget keeps a.
    expect(r.kept).toEqual([{ id: 'a', score: 2 }]);
    expect(r.found).toBe(5);
  });

  it('drops pairs below minWeight, the readers themselves and visited authors; reports crowded papers', () => {
    const papers: LevelPaper[] = [
      { id: 'big', readers: ['f1'], n: 40, authors: ['f1', 'old', 'a'] },
      { id: 'p2', readers: ['f1'], n: 2, authors: ['a'] },
      { id: 'p3', readers: ['f1'], n: 2, authors: ['b'] },
    ];
    const r = rankLevel(papers, { ...level, minWeight: 2, visited: new Set(['f1', 'old']) });
    expect(r.kept).toEqual([{ id: 'a', score: 2 }]);
    expect(r.found).toBe(1);
    expect(r.crowded).toEqual(['big']);
  });

  it('weighs fractionally with the true author count: 1/(n-1) per paper', () => {
    const papers: LevelPaper[] = [
      { id: 'p1', readers: ['f1'], n: 3, authors: ['a'] },
      { id: 'p2', readers: ['f1'], n: 5, authors: ['a'] },
    ];
    const r = rankLevel(papers, { ...level, weighting: 'fractional' });
    expect(must(r.kept[0], 'r.kept[0]').score).toBeCloseTo(0.5 + 0.25, 12);
    expect(paperWeight('fractional', 2)).toBe(1);
    expect(paperWeight('count', 100)).toBe(1);
  });
});

const edgeOpts = { weighting: 'count' as const, minWeight: 0, membersPerPaper: 50, maxEdges: 100, maxPaperIds: 10 };

describe('pairEdges', () => {
  const rank = new Map([
    ['a', 0],
    ['b', 1],
    ['c', 2],
  ]);

  it('pairs each paper’s chosen authors once (source < target), summing joint papers, paper ids newest first', () => {
    const papers: EdgePaper[] = [
      { id: 'old', year: 2001, n: null, members: ['b', 'a'] },
      { id: 'new', year: 2020, n: null, members: ['a', 'b', 'c', 'a'] },
      { id: 'solo', year: 2020, n: null, members: ['c', 'c', 'zzz'] },
    ];
    const r = pairEdges(papers, rank, edgeOpts);
    expect(r.edges).toEqual([
      { source: 'a', target: 'b', weight: 2, joint: 2, papers: ['new', 'old'] },
      { source: 'a', target: 'c', weight: 1, joint: 1, papers: ['new'] },
      { source: 'b', target: 'c', weight: 1, joint: 1, papers: ['new'] },
    ]);
    expect(r.total).toBe(3);
    expect(r.crowded).toBe(0);
  });

  it('pairs only the highest-ranked members of a crowded paper, cuts to maxEdges after counting, honours minWeight', () => {
    const papers: EdgePaper[] = [
      { id: 'p1', year: 2020, n: null, members: ['c', 'b', 'a'] },
      { id: 'p2', year: 2021, n: null, members: ['b', 'c'] },
    ];
    const crowded = pairEdges(papers, rank, { ...edgeOpts, membersPerPaper: 2 });
    expect(crowded.crowded).toBe(1);
    expect(crowded.edges.map((e) => `${e.source}|${e.target}`)).toEqual(['a|b', 'b|c']);
    const cut = pairEdges(papers, rank, { ...edgeOpts, maxEdges: 1, maxPaperIds: 1 });
    expect(cut.total).toBe(3);
    expect(cut.edges).toEqual([{ source: 'b', target: 'c', weight: 2, joint: 2, papers: ['p2'] }]);
    expect(pairEdges(papers, rank, { ...edgeOpts, minWeight: 2 }).edges.map((e) => e.weight)).toEqual([2]);
  });

  it('weighs fractionally by each paper’s true author count', () => {
    const papers: EdgePaper[] = [
      { id: 'p1', year: 2020, n: 3, members: ['a', 'b'] },
      { id: 'p2', year: null, n: 2, members: ['a', 'b'] },
    ];
    const r = pairEdges(papers, rank, { ...edgeOpts, weighting: 'fractional' });
    expect(must(r.edges[0], 'r.edges[0]').weight).toBeCloseTo(1.5, 12);
    // A paper without a year sorts first, as Cypher's ORDER BY year DESC does.
    expect(must(r.edges[0], 'r.edges[0]').papers).toEqual(['p2', 'p1']);
  });
});

describe('topByWeight', () => {
  const reference = (entries: { id: string; w: number }[], k: number) =>
    [...entries].sort((a, b) => b.w - a.w || (a.id < b.id ? -1 : 1)).slice(0, k).map((e) => e.id).sort();

  it('keeps the k heaviest, ties by smallest id, whether few or many entries tie', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(rand() * 300);
      const distinctWeights = 1 + Math.floor(rand() * 4);
      const entries = Array.from({ length: n }, (_, i) => ({ id: `name:${Math.floor(rand() * 1e6)}-${i}`, w: 1 + Math.floor(rand() * distinctWeights) }));
      for (const k of [0, 1, 4, 37, n, n + 3]) {
        expect(topByWeight(entries, k).map((e) => e.id).sort(), `n=${n} k=${k}`).toEqual(reference(entries, k));
      }
    }
  });
});
