// Pure: co-author weights from the bounded reads of cypher/graph/coauthor-expand.cypher and coauthor-edges.cypher.
// Cypher reads (each paper once, within the caps); the sums, per-node top-K, ranking and pairing happen here, which on
// Neo4j Community's interpreted runtime is several times cheaper than aggregating thousands of rows in Cypher and
// sends far less over Bolt (ids per paper instead of one map per pair).
import { must } from '../../../core/must.js';
import type { CoauthorGraphQuery } from '../../../schema/graph.js';
import { orderedPair } from './elements.js';

type Weighting = CoauthorGraphQuery['weighting'];

/** What one paper adds to a pair: 1 (joint papers), or 1/(n-1) for a paper with n authors (fractional counting). */
export function paperWeight(weighting: Weighting, authorCount: number): number {
  return weighting === 'fractional' ? 1 / (authorCount - 1) : 1;
}

/** One paper read while expanding a level (see coauthor-expand.cypher). */
export interface LevelPaper {
  id: string;
  /** The frontier authors that read it (once per reading, as stored). */
  readers: string[];
  /** All of its authors, for the fractional weight. */
  n: number;
  /** Its first authors (at most the per-paper cap), without those already visited. */
  authors: string[];
}

export interface LevelOptions {
  weighting: Weighting;
  minWeight: number;
  /** Per-node top-K: new co-authors each frontier author may contribute. */
  fanout: number;
  /** New authors the level may add. */
  budget: number;
  /** Authors read per paper: papers with more are reported as crowded. */
  authorsPerPaper: number;
  /** Authors never to add (the frontier and earlier levels); coauthor-expand already leaves them out. */
  visited?: ReadonlySet<string>;
}

export interface LevelResult {
  /** New co-authors seen, before the per-node and budget cuts. */
  found: number;
  /** The level's authors, heaviest first: summed weight of their kept pairs with the frontier. */
  kept: { id: string; score: number }[];
  /** Papers with more authors than were read. */
  crowded: string[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byWeightThenId = (a: { id: string; w: number }, b: { id: string; w: number }) => b.w - a.w || byId(a, b);

/**
 * The `k` heaviest entries, ties by id (in no particular order). Weights are mostly small integers, so most entries tie
 * and a full sort would spend its time comparing ids: the k-th weight is found by sorting the numbers alone, and only
 * the entries tied at it are compared by id.
 */
export function topByWeight<T extends { id: string; w: number }>(entries: T[], k: number): T[] {
  if (k <= 0) return [];
  if (entries.length <= k) return entries;
  const weights = Float64Array.from(entries, (e) => e.w).sort();
  const threshold = must(weights[weights.length - k], 'the k-th heaviest weight');
  const out: T[] = [];
  const ties: T[] = [];
  for (const e of entries) {
    if (e.w > threshold) out.push(e);
    else if (e.w === threshold) ties.push(e);
  }
  const need = k - out.length;
  if (ties.length > need) {
    if (need * 8 < ties.length) {
      // A few of many: keep the `need` smallest ids in one pass.
      const best: T[] = [];
      for (const t of ties) {
        const last = best[need - 1];
        if (last && t.id >= last.id) continue;
        let i = best.length === need ? need - 1 : best.length;
        while (i > 0 && must(best[i - 1], 'a kept tie').id > t.id) i--;
        best.splice(i, 0, t);
        if (best.length > need) best.pop();
      }
      return out.concat(best);
    }
    ties.sort(byId);
  }
  return out.concat(ties.slice(0, need));
}

/**
 * Ranks one level: each frontier author's weight to each new co-author (summed over the papers it read; pairs lighter
 * than minWeight dropped), its `fanout` heaviest kept (ties by id), the union ranked by summed weight and cut to
 * `budget`.
 */
export function rankLevel(papers: readonly LevelPaper[], opts: LevelOptions): LevelResult {
  const perReader = new Map<string, Map<string, number>>();
  const crowded: string[] = [];
  for (const p of papers) {
    if (p.n > opts.authorsPerPaper) crowded.push(p.id);
    const w = paperWeight(opts.weighting, p.n);
    for (const a of p.readers) {
      let weights = perReader.get(a);
      if (!weights) perReader.set(a, (weights = new Map()));
      for (const b of p.authors) {
        if (b === a || opts.visited?.has(b)) continue;
        weights.set(b, (weights.get(b) ?? 0) + w);
      }
    }
  }
  const seen = new Set<string>();
  const score = new Map<string, number>();
  for (const weights of perReader.values()) {
    const ranked: { id: string; w: number }[] = [];
    for (const [id, w] of weights) {
      if (w < opts.minWeight) continue;
      ranked.push({ id, w });
      seen.add(id);
    }
    for (const r of topByWeight(ranked, opts.fanout)) score.set(r.id, (score.get(r.id) ?? 0) + r.w);
  }
  const kept = [...score].map(([id, w]) => ({ id, w })).sort(byWeightThenId);
  return { found: seen.size, kept: kept.slice(0, Math.max(0, opts.budget)).map((k) => ({ id: k.id, score: k.w })), crowded };
}

/** One paper with at least one chosen author (see coauthor-edges.cypher). */
export interface EdgePaper {
  id: string;
  year: number | null;
  /** All of its authors (only needed for fractional weights). */
  n: number | null;
  /** The chosen authors found on it, in any order, possibly repeated. */
  members: string[];
}

export interface EdgeOptions {
  weighting: Weighting;
  minWeight: number;
  /** Chosen authors paired per paper (highest-ranked first). */
  membersPerPaper: number;
  /** Most edges returned, heaviest first. */
  maxEdges: number;
  /** Paper ids listed per edge, newest first. */
  maxPaperIds: number;
}

export interface PairEdge {
  source: string;
  target: string;
  weight: number;
  joint: number;
  papers: string[];
}

export interface EdgeResult {
  /** Papers with more than membersPerPaper chosen authors. */
  crowded: number;
  /** Pairs at or above minWeight, before the maxEdges cut. */
  total: number;
  edges: PairEdge[];
}

/** Newest first (a paper without a year first, as Cypher's `ORDER BY year DESC` puts nulls), then by id. */
function newestFirst(a: EdgePaper, b: EdgePaper): number {
  if (a.year !== b.year) {
    if (a.year === null) return -1;
    if (b.year === null) return 1;
    return b.year - a.year;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Member `i` of a paper's list; an index past the end is a bug here. Monomorphic, for the pair loop. */
function idAt(list: readonly string[], i: number): string {
  const id = list[i];
  if (id === undefined) throw new RangeError(`member ${i} of ${list.length} is missing`);
  return id;
}

/** The number `map` holds for `id` (a rank or an ordinal); every paired author has both, so a miss is a bug here. */
function numberOf(map: ReadonlyMap<string, number>, id: string): number {
  const v = map.get(id);
  if (v === undefined) throw new Error(`Internal error: author ${id} has no rank or ordinal`);
  return v;
}

/**
 * Co-author pairs among the chosen authors (`rank`: id → priority, lower first), each pair once (source < target),
 * weighted by their joint papers. A paper with more than membersPerPaper chosen authors pairs only the highest-ranked
 * ones. Pairs lighter than minWeight are dropped; the heaviest maxEdges are returned (ties by source, then target).
 */
export function pairEdges(papers: readonly EdgePaper[], rank: ReadonlyMap<string, number>, opts: EdgeOptions): EdgeResult {
  // Pairs are keyed and ordered by the ids' positions in sorted order (numbers compare faster than strings).
  const sortedIds = [...rank.keys()].sort();
  const ordinal = new Map(sortedIds.map((id, i) => [id, i]));
  const n = sortedIds.length;
  const pairs = new Map<number, PairEdge & { key: number }>();
  let crowded = 0;
  for (const p of [...papers].sort(newestFirst)) {
    const members = [...new Set(p.members)].filter((m) => rank.has(m)).sort((a, b) => numberOf(rank, a) - numberOf(rank, b));
    if (members.length < 2) continue;
    if (members.length > opts.membersPerPaper) {
      crowded++;
      members.length = opts.membersPerPaper;
    }
    const w = paperWeight(opts.weighting, p.n ?? 2);
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const { source, target } = orderedPair(idAt(members, i), idAt(members, j));
        const key = numberOf(ordinal, source) * n + numberOf(ordinal, target);
        let e = pairs.get(key);
        if (!e) pairs.set(key, (e = { key, source, target, weight: 0, joint: 0, papers: [] }));
        e.weight += w;
        e.joint++;
        if (e.papers.length < opts.maxPaperIds) e.papers.push(p.id);
      }
    }
  }
  const kept = [...pairs.values()].filter((e) => e.weight >= opts.minWeight).sort((a, b) => b.weight - a.weight || a.key - b.key);
  return {
    crowded,
    total: kept.length,
    edges: kept.slice(0, opts.maxEdges).map(({ source, target, weight, joint, papers: ids }) => ({ source, target, weight, joint, papers: ids })),
  };
}
