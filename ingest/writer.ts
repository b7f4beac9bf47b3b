// Writes batches into Neo4j: one managed write transaction per batch (all-or-nothing, transient errors retried).
import neo4j, { Neo4jError } from 'neo4j-driver';
import type { QueryName } from '../cypher/rows.js';
import { QueryTooLargeError } from '../core/errors.js';
import { runQuery, type Graph, type Row } from '../db/graph.js';
import { bumpGraphVersion } from '../db/summary/version.js';
import { suggestionReason } from './authors/identity.js';
import { buildBatch, type CategoryInfo, type WritablePaper } from './batch.js';
import { frequencyDeltas, storedPaperTopics } from './topic-frequencies.js';

export interface CreatedMatched {
  created: number;
  matched: number;
}

export interface WriteCounts {
  papers: CreatedMatched;
  authors: CreatedMatched;
  categories: CreatedMatched;
  topics: CreatedMatched;
  /** Topics removed because no paper links to them any more after their papers' re-ingest. */
  topicsRemoved: number;
  authored: number;
  citations: number;
  stubs: number;
  /** MAYBE_SAME_AS pairs (re)written for the names in this batch. */
  suggestions: number;
}

export function emptyCounts(): WriteCounts {
  return {
    papers: { created: 0, matched: 0 },
    authors: { created: 0, matched: 0 },
    categories: { created: 0, matched: 0 },
    topics: { created: 0, matched: 0 },
    topicsRemoved: 0,
    authored: 0,
    citations: 0,
    stubs: 0,
    suggestions: 0,
  };
}

/** Adds `b` into `a` in place. */
export function addCounts(a: WriteCounts, b: WriteCounts): WriteCounts {
  for (const k of ['papers', 'authors', 'categories', 'topics'] as const) {
    a[k].created += b[k].created;
    a[k].matched += b[k].matched;
  }
  a.topicsRemoved += b.topicsRemoved;
  a.authored += b.authored;
  a.citations += b.citations;
  a.stubs += b.stubs;
  a.suggestions += b.suggestions;
  return a;
}

/** Most authors one loose name key may have before pairwise merge suggestions stop being useful. */
export const MAX_SUGGESTION_GROUP = 25;
/** Papers with more authors than this are no evidence of who knows whom (hyperauthorship). */
export const MAX_EVIDENCE_AUTHORS = 50;

/**
 * A batch's transaction needed more memory than Neo4j allows one. Thrown from inside the transaction function instead of
 * Neo4j's transient MemoryPoolOutOfMemoryError, which the driver would retry unchanged for 30 s.
 */
export class BatchTooLargeError extends Error {
  override name = 'BatchTooLargeError';
  constructor(
    readonly papers: number,
    readonly cause: unknown,
  ) {
    super(`a batch of ${papers} papers needs more memory than Neo4j allows one transaction (${(cause as Error).message})`);
  }
}

function isMemoryPoolError(err: unknown): boolean {
  return err instanceof Neo4jError && err.code.includes('MemoryPoolOutOfMemoryError');
}

export class GraphWriter {
  constructor(
    private readonly graph: Graph,
    private readonly describeCategory: (code: string) => CategoryInfo,
  ) {}

  /** Batches that were split in halves because their transaction needed more memory than Neo4j allows one. */
  splits = 0;

  /** Milliseconds spent per step over all batches so far (for the ingest benchmark's breakdown). */
  readonly timings: Record<string, number> = {};

  private async timed<T>(step: string, work: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      this.timings[step] = (this.timings[step] ?? 0) + (performance.now() - t0);
    }
  }

  /** Writes one batch of whole papers in a single transaction and then refreshes merge suggestions for its names. */
  async writeBatch(batch: WritablePaper[]): Promise<WriteCounts> {
    try {
      return await this.writeWhole(batch);
    } catch (err) {
      // A batch too large for Neo4j's per-transaction memory cap (dbms.memory.transaction.max; e.g. a big
      // --batch-size with long author lists) was rolled back whole: write it as two halves, each all-or-nothing.
      // (The error surfaces from a query as BatchTooLargeError, or at commit as a QueryTooLargeError.)
      const tooLarge = err instanceof BatchTooLargeError || err instanceof QueryTooLargeError;
      if (!tooLarge || batch.length < 2) throw err;
      this.splits++;
      const half = Math.ceil(batch.length / 2);
      const first = await this.writeBatch(batch.slice(0, half));
      return addCounts(first, await this.writeBatch(batch.slice(half)));
    }
  }

  private async writeWhole(batch: WritablePaper[]): Promise<WriteCounts> {
    const p = buildBatch(batch, this.describeCategory);
    const counts = emptyCounts();
    let newAuthorIds: string[] = [];
    let workDone = 0;
    await this.timed('transaction', () =>
      this.graph.transaction(neo4j.session.WRITE, async (tx) => {
        // The work function may be retried after a transient error: it recomputes every count from scratch.
        const c = emptyCounts();
        const run = <N extends QueryName>(name: N, params: Row) =>
          this.timed(name, async () => {
            try {
              return await runQuery(tx, name, params);
            } catch (err) {
              throw isMemoryPoolError(err) ? new BatchTooLargeError(batch.length, err) : err;
            }
          });
        // What the graph holds for these papers before they are replaced: their counted topic document frequencies
        // and their topics (those left without any paper are removed below).
        const before = storedPaperTopics((await run('ingest/paper-topic-state', { ids: p.papers.map((r) => r.id) })).rows);
        const authorsRun = await run('ingest/merge-authors', { authors: p.authors });
        newAuthorIds = authorsRun.rows[0]?.newIds ?? [];
        const createdAuthors = authorsRun.updates.nodesCreated;
        c.authors = { created: createdAuthors, matched: p.authors.length - createdAuthors };
        const cats = (await run('ingest/merge-categories', { categories: p.categories })).updates;
        c.categories = { created: cats.nodesCreated, matched: p.categories.length - cats.nodesCreated };
        const topics = (await run('ingest/merge-topics', { topics: p.topics })).updates;
        c.topics = { created: topics.nodesCreated, matched: p.topics.length - topics.nodesCreated };
        const papers = (await run('ingest/write-papers', { papers: p.papers })).updates;
        c.papers = { created: papers.nodesCreated, matched: p.papers.length - papers.nodesCreated };
        // Every link's far end was merged above, so each row creates exactly one relationship; anything else means a
        // row was lost, and the batch is rolled back rather than written incomplete.
        const links = p.links.authored + p.links.inCategory + p.links.hasTopic;
        if (papers.relationshipsCreated !== links) {
          throw new Error(`write-papers created ${papers.relationshipsCreated} relationships for ${links} links`);
        }
        c.authored = p.links.authored;
        const deltas = frequencyDeltas(
          [...p.contributions].map(([id, after]) => ({ before: before.get(id)?.contribution ?? null, after })),
        );
        await run('ingest/update-topic-frequencies', {
          terms: deltas.terms.map((t) => ({ ...t, delta: neo4j.int(t.delta) })),
          acronyms: deltas.acronyms.map((a) => ({ ...a, delta: neo4j.int(a.delta) })),
          paperDelta: neo4j.int(deltas.papers),
        });
        const kept = new Set(p.topics.map((t) => t.id));
        const former = [...new Set([...before.values()].flatMap((b) => b.topics))].filter((id) => !kept.has(id));
        if (former.length > 0) {
          c.topicsRemoved = (await run('ingest/remove-orphan-topics', { ids: former })).updates.nodesDeleted;
        }
        if (p.openalexPapers.length > 0) await run('ingest/absorb-stubs', { papers: p.openalexPapers });
        if (p.cites.length > 0) {
          const cites = (await run('ingest/link-citations', { cites: p.cites })).updates;
          c.citations = cites.relationshipsCreated;
          c.stubs = cites.nodesCreated;
        }
        // The version commits with the data it describes (ETags, stored summaries).
        await bumpGraphVersion(tx);
        Object.assign(counts, c);
        workDone = performance.now();
      }),
    );
    this.timings.commit = (this.timings.commit ?? 0) + (performance.now() - workDone);
    // Suggestions run after the commit, not next to the next batch's write: Neo4j already keeps both cores busy during
    // a write, so overlapping them is no faster (docs/benchmarks.md).
    counts.suggestions = await this.timed('suggestions', () => this.refreshSuggestions(newAuthorIds));
    return counts;
  }

  /**
   * Finds authors sharing a loose name key with the given new authors and stores each pair as a MAYBE_SAME_AS
   * suggestion with its evidence. Pairs of two authors already in the graph were checked when the later one arrived.
   */
  async refreshSuggestions(newAuthorIds: string[]): Promise<number> {
    if (newAuthorIds.length === 0) return 0;
    const rows = await this.graph.read('ingest/suggestion-candidates', {
      newIds: newAuthorIds,
      maxGroup: neo4j.int(MAX_SUGGESTION_GROUP),
      maxAuthorsPerPaper: neo4j.int(MAX_EVIDENCE_AUTHORS),
    });
    if (rows.length === 0) return 0;
    // Stored once per pair, from the smaller id to the larger (two new authors of one batch find each other twice).
    const byPair = new Map<string, Record<string, unknown>>();
    for (const r of rows) {
      const [a, b] = r.a < r.b ? [r.a, r.b] : [r.b, r.a];
      byPair.set(`${a}|${b}`, {
        a,
        b,
        reason: suggestionReason(r.aName, r.bName),
        sharedCoauthors: r.sharedCoauthors,
        sharedCategories: r.sharedCategories,
      });
    }
    const pairs = [...byPair.values()];
    await this.graph.transaction(neo4j.session.WRITE, async (tx) => {
      await runQuery(tx, 'ingest/merge-suggestions', { pairs });
      await bumpGraphVersion(tx);
    });
    return pairs.length;
  }
}
