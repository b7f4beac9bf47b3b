// Corpus document frequencies of candidate phrases in bounded memory (lossy counting), persistable as JSON.
import { z } from 'zod';
import type { Candidate } from './extract.js';

/** Default cap on distinct phrases kept; measured ≈ 180 bytes of V8 heap per entry (~25-char keys), so ≈ 180 MB. */
export const DEFAULT_MAX_ENTRIES = 1_000_000;

const Json = z.object({
  version: z.literal(1),
  docCount: z.number().int().nonnegative(),
  maxEntries: z.number().int().positive(),
  pruneFloor: z.number().int().nonnegative(),
  prunes: z.number().int().nonnegative(),
  /** [key, count, delta]: true df is in [count, count + delta]. */
  entries: z.array(z.tuple([z.string(), z.number().int().positive(), z.number().int().nonnegative()])),
  /** [acronym, [[expansion key, papers defining it so], ...]]. */
  acronyms: z.array(z.tuple([z.string(), z.array(z.tuple([z.string(), z.number().int().positive()]))])).default([]),
});
export type DocumentFrequenciesJSON = z.infer<typeof Json>;

export interface DocumentFrequenciesOptions {
  /** Prune when more distinct phrases than this are held (default DEFAULT_MAX_ENTRIES). */
  maxEntries?: number;
}

/**
 * What one document adds to document frequencies: its distinct phrase keys used as complete noun phrases
 * (Candidate.standaloneTf > 0) and the acronym definitions it made ([acronym, phrase key]), both sorted. Stored with a
 * paper in the graph, so a re-ingest can take the paper's old contribution out before adding the new one.
 */
export interface DfContribution {
  terms: string[];
  acronyms: [string, string][];
}

/** The contribution of one document's candidates (what DocumentFrequencies.add counts). */
export function contributionOf(candidates: readonly Candidate[]): DfContribution {
  const terms = new Set<string>();
  const acronyms = new Map<string, [string, string]>();
  for (const c of candidates) {
    if (c.aliases) for (const a of c.aliases) acronyms.set(`${a}\t${c.key}`, [a, c.key]);
    if (c.standaloneTf > 0) terms.add(c.key);
  }
  return {
    terms: [...terms].sort(),
    acronyms: [...acronyms.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([, v]) => v),
  };
}

/** Share of an acronym's definitions its commonest expansion needs before undefined uses resolve to it. */
export const ACRONYM_DOMINANCE = 0.6;

/**
 * How many documents use each phrase as a complete noun phrase (Candidate.standaloneTf > 0), plus the number of
 * documents seen. Memory is bounded by `maxEntries`: when the table grows past it, entries whose count is at most the
 * current floor are dropped (most phrases of a large corpus occur in one document only), raising the floor until at
 * most 3/4 of the cap remains. This is Manku & Motwani's lossy counting: a phrase first seen after a prune gets the
 * floor as its `delta`, so for every phrase kept the true df lies in [count, count + delta], and a phrase dropped had
 * df ≤ floor at that time. `df()` returns the lower bound; `idf()` uses the midpoint. Phrases that are shared by many
 * papers are never pruned, which is what topic linking needs; rare phrases may be undercounted after pruning.
 */
export class DocumentFrequencies {
  readonly maxEntries: number;
  #docCount = 0;
  // count and delta packed into one number (count * 2^21 + delta) to halve the per-entry cost of a second map.
  #table = new Map<string, number>();
  #floor = 0;
  #prunes = 0;
  // Acronym → expansion → papers that defined it so; lets a paper that writes "DP-SGD" without spelling it out meet
  // the papers that did. Bounded separately (acronyms are far fewer than phrases).
  #acronyms = new Map<string, Map<string, number>>();

  constructor(opts: DocumentFrequenciesOptions = {}) {
    this.maxEntries = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  }

  /**
   * Counts one document: every distinct candidate key used as a complete phrase adds 1, and every acronym the
   * document defined (Candidate.aliases) adds a vote for its expansion.
   */
  add(candidates: readonly Candidate[]): void {
    this.addContribution(contributionOf(candidates));
  }

  /** Counts one document given by its contribution (see contributionOf). */
  addContribution(c: DfContribution): void {
    this.#docCount++;
    for (const [a, key] of c.acronyms) this.#vote(a, key, 1);
    for (const key of c.terms) {
      const v = this.#table.get(key);
      // The table counts documents: +1 per distinct key of the document.
      this.#table.set(key, v === undefined ? pack(1, this.#floor) : v + DELTA_RANGE);
    }
    if (this.#table.size > this.maxEntries) this.#prune();
  }

  /**
   * Takes one counted document out again (a paper being replaced by its re-ingested version). Keys and votes the
   * table no longer holds (pruned) are skipped; a count reaching 0 removes the key.
   */
  removeContribution(c: DfContribution): void {
    this.#docCount = Math.max(0, this.#docCount - 1);
    for (const [a, key] of c.acronyms) {
      const votes = this.#acronyms.get(a);
      const n = votes?.get(key);
      if (votes === undefined || n === undefined) continue;
      if (n <= 1) votes.delete(key);
      else votes.set(key, n - 1);
      if (votes.size === 0) this.#acronyms.delete(a);
    }
    for (const key of c.terms) {
      const v = this.#table.get(key);
      if (v === undefined) continue;
      if (countOf(v) <= 1) this.#table.delete(key);
      else this.#table.set(key, v - DELTA_RANGE);
    }
  }

  /** Documents (lower bound) that used `key` as a complete phrase; 0 if never seen or pruned. */
  df(key: string): number {
    const v = this.#table.get(key);
    return v === undefined ? 0 : countOf(v);
  }

  /** Upper bound of the document frequency: count + what a prune may have removed before the key came back. */
  dfUpper(key: string): number {
    const v = this.#table.get(key);
    return v === undefined ? this.#floor : countOf(v) + deltaOf(v);
  }

  /**
   * The phrase most papers spell `acronym` out as, when one expansion holds at least ACRONYM_DOMINANCE of the
   * definitions seen and `minVotes` of them; otherwise undefined (ambiguous or unknown). Ties break by key.
   */
  expansionOf(acronym: string, minVotes = 1): string | undefined {
    const votes = this.#acronyms.get(acronym);
    if (!votes) return undefined;
    let total = 0;
    let best: string | undefined;
    let bestCount = 0;
    for (const [key, n] of votes) {
      total += n;
      if (n > bestCount || (n === bestCount && best !== undefined && key < best)) {
        best = key;
        bestCount = n;
      }
    }
    return best !== undefined && bestCount >= minVotes && bestCount >= ACRONYM_DOMINANCE * total ? best : undefined;
  }

  /** Number of documents added. */
  get docCount(): number {
    return this.#docCount;
  }

  /** Distinct phrases currently held. */
  get size(): number {
    return this.#table.size;
  }

  /** Highest count ever pruned away (0 = counts are exact). */
  get pruneFloor(): number {
    return this.#floor;
  }

  /**
   * BM25 inverse document frequency, ln(1 + (N − df + 0.5) / (df + 0.5)), with df the midpoint estimate, clamped to
   * [1, N] so a phrase of the document being scored counts that document even when pruned or never counted.
   */
  idf(key: string): number {
    const v = this.#table.get(key);
    return this.idfFor(v === undefined ? 1 + this.#floor / 2 : countOf(v) + deltaOf(v) / 2);
  }

  /** BM25 idf of a given document frequency in this corpus (clamped to [1, docCount]). */
  idfFor(df: number): number {
    const n = Math.max(1, this.#docCount);
    const d = Math.min(n, Math.max(1, df));
    return Math.log(1 + (n - d + 0.5) / (d + 0.5));
  }

  /** Adds another table's counts (e.g. per-worker tables of a parallel pass 1). */
  merge(other: DocumentFrequencies): void {
    this.#docCount += other.#docCount;
    for (const [key, v] of other.#table) {
      const mine = this.#table.get(key);
      const count = countOf(v) + (mine === undefined ? 0 : countOf(mine));
      const delta = deltaOf(v) + (mine === undefined ? this.#floor : deltaOf(mine));
      this.#table.set(key, pack(count, delta));
    }
    this.#floor = Math.max(this.#floor, other.#floor);
    for (const [acronym, votes] of other.#acronyms) for (const [key, n] of votes) this.#vote(acronym, key, n);
    if (this.#table.size > this.maxEntries) this.#prune();
  }

  /** Plain JSON (entries sorted by key, so equal tables serialize identically). */
  toJSON(): DocumentFrequenciesJSON {
    const entries: [string, number, number][] = [];
    for (const [key, v] of this.#table) entries.push([key, countOf(v), deltaOf(v)]);
    entries.sort((a, b) => byFirst(a, b));
    const acronyms: [string, [string, number][]][] = [];
    for (const [acronym, votes] of this.#acronyms) acronyms.push([acronym, [...votes].sort(byFirst)]);
    acronyms.sort(byFirst);
    return {
      version: 1,
      docCount: this.#docCount,
      maxEntries: this.maxEntries,
      pruneFloor: this.#floor,
      prunes: this.#prunes,
      entries,
      acronyms,
    };
  }

  /** Restores a table written by toJSON (validated; throws on malformed input). */
  static fromJSON(json: unknown, opts: DocumentFrequenciesOptions = {}): DocumentFrequencies {
    const data = Json.parse(json);
    const df = new DocumentFrequencies({ maxEntries: opts.maxEntries ?? data.maxEntries });
    df.#docCount = data.docCount;
    df.#floor = data.pruneFloor;
    df.#prunes = data.prunes;
    for (const [key, count, delta] of data.entries) df.#table.set(key, pack(count, Math.min(delta, DELTA_RANGE - 1)));
    for (const [acronym, votes] of data.acronyms) for (const [key, n] of votes) df.#vote(acronym, key, n);
    if (df.#table.size > df.maxEntries) df.#prune();
    return df;
  }

  #vote(acronym: string, key: string, n: number): void {
    let votes = this.#acronyms.get(acronym);
    if (!votes) {
      // Cap: a tenth of the phrase cap. Past it, acronyms defined by a single paper go first (like phrase pruning).
      if (this.#acronyms.size >= Math.max(1_000, Math.floor(this.maxEntries / 10))) this.#pruneAcronyms();
      votes = new Map();
      this.#acronyms.set(acronym, votes);
    }
    // At most 8 expansions per acronym: beyond that it is hopelessly ambiguous anyway.
    if (votes.has(key) || votes.size < 8) votes.set(key, (votes.get(key) ?? 0) + n);
  }

  #pruneAcronyms(): void {
    for (let floor = 1; this.#acronyms.size >= Math.floor(Math.max(1_000, this.maxEntries / 10) * 0.75); floor++) {
      for (const [acronym, votes] of this.#acronyms) {
        let total = 0;
        for (const n of votes.values()) total += n;
        if (total <= floor) this.#acronyms.delete(acronym);
      }
    }
  }

  #prune(): void {
    const target = Math.floor(this.maxEntries * 0.75);
    while (this.#table.size > target) {
      this.#floor++;
      for (const [key, v] of this.#table) if (countOf(v) + deltaOf(v) <= this.#floor) this.#table.delete(key);
    }
    this.#prunes++;
  }
}

function byFirst<T extends [string, ...unknown[]]>(a: T, b: T): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

// Packing: delta in the low 21 bits (floors stay far below 2M), count above; exact in doubles up to 2^53.
const DELTA_RANGE = 2 ** 21;
function pack(count: number, delta: number): number {
  return count * DELTA_RANGE + Math.min(delta, DELTA_RANGE - 1);
}
function countOf(v: number): number {
  return Math.floor(v / DELTA_RANGE);
}
function deltaOf(v: number): number {
  return v % DELTA_RANGE;
}
