// Writes batches into Neo4j: one managed write transaction per batch (all-or-nothing, transient errors retried).
import neo4j, { Neo4jError } from 'neo4j-driver';
import type { QueryName } from '../cypher/rows.js';
import { QueryTooLargeError } from '../core/errors.js';
import { runQuery, type Graph, type Row } from '../db/graph.js';
import { afterBatch, beforeBatch } from '../db/summary/incremental.js';
import { bumpGraphVersion, graphVersionIn } from '../db/summary/version.js';
import { graphReader, identitySource, RecordingSource, txReader } from './authors/checked-source.js';
import { authorProps, batchMentions, suggestionRows } from './authors/persons.js';
import { resolveBatch } from './authors/resolve.js';
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
  /** Identity suggestions (re)written for this batch: MAYBE_SAME_AS variant pairs and split proposals. */
  suggestions: number;
  /** Person ids retired (merged into another person) and kept as redirects. */
  retired: number;
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
    retired: 0,
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
  a.retired += b.retired;
  return a;
}

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

  /** Batches whose identity was resolved again inside their transaction (another writer changed its persons meanwhile). */
  identityRechecks = 0;

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
    const mentions = batchMentions(batch);
    const counts = emptyCounts();
    let workDone = 0;
    // Who each mention is (ingest/identity), from the persons of the batch's name blocks, read before the write
    // transaction: the model's work is CPU-bound and must not hold a write transaction open. The graph version read
    // first and the reads kept by `source` let the transaction check that no other writer changed them meanwhile.
    const [seen] = await this.graph.read('summary/version');
    const source = new RecordingSource(identitySource(graphReader(this.graph)));
    let resolved = await this.timed('identity', () => resolveBatch(mentions, source));
    let p = buildBatch(batch, this.describeCategory, resolved.authorOf);
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
        // The stored counts are moved by this batch at its end (db/summary/incremental.ts).
        const summaryBefore = await beforeBatch(tx, p.papers.map((r) => r.id));
        // beforeBatch holds the version lock every writer takes: when another write committed since the identity
        // reads and they read differently now, the identity is resolved again here, from what this transaction sees.
        const now = await graphVersionIn(tx);
        if (now.version !== (seen?.version ?? 0) || now.epoch !== (seen?.epoch ?? '')) {
          const inTx = identitySource(txReader(tx));
          if (!(await source.sameFrom(inTx))) {
            this.identityRechecks++;
            resolved = await this.timed('identity', () => resolveBatch(mentions, inTx));
            p = buildBatch(batch, this.describeCategory, resolved.authorOf);
          }
        }
        // What the graph holds for these papers before they are replaced: their counted topic document frequencies
        // and their topics (those left without any paper are removed below).
        const before = storedPaperTopics((await run('ingest/paper-topic-state', { ids: p.papers.map((r) => r.id) })).rows);
        const result = resolved.result;
        if (result) {
          // Integers as Neo4j integers (a JS number would be stored as a float).
          const persons = result.persons.map((s) => {
            const props = authorProps(s);
            return { id: s.id, props: { ...props, mentions: neo4j.int(props.mentions) }, spans: s.blocks.length > 1 };
          });
          await run('identity/store-persons', { persons });
          const created = new Set(result.created);
          c.authors = { created: created.size, matched: new Set(result.assignments.map((a) => a.personId).filter((id) => !created.has(id))).size };
          if (result.retired.length > 0) await run('identity/retire', { retired: result.retired });
          c.retired = result.retired.length;
        }
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
        if (result && result.suggestions.length > 0) {
          const { variants, splits } = suggestionRows(result.suggestions);
          if (variants.length > 0) await run('identity/store-variants', { pairs: variants.map(absentEmptyLists) });
          if (splits.length > 0) await run('identity/store-splits', { splits: splits.map(absentEmptyLists) });
          c.suggestions = variants.length + splits.length;
        }
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
        await afterBatch(tx, summaryBefore, await bumpGraphVersion(tx));
        Object.assign(counts, c);
        workDone = performance.now();
      }),
    );
    this.timings.commit = (this.timings.commit ?? 0) + (performance.now() - workDone);
    return counts;
  }
}

/**
 * Empty evidence lists stored as absent properties (null): the bulk importer cannot store an empty list, and both paths
 * must leave the same properties.
 */
function absentEmptyLists<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Array.isArray(v) && v.length === 0 ? null : v])) as T;
}
