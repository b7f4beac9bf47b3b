// Writes batches into Neo4j: one write transaction per batch (all-or-nothing, transient errors retried).
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, { Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import type { QueryName } from '../cypher/rows.js';
import { DatabaseUnavailableError, QueryTooLargeError } from '../core/errors.js';
import { runQuery, type Graph, type Row } from '../db/graph.js';
import { afterBatch, beforeBatch } from '../db/summary/incremental.js';
import { bumpGraphVersion, graphVersionIn, sameVersion, versionOf, type GraphVersion } from '../db/summary/version.js';
import { graphReader, identitySource, RecordingSource, txReader } from './authors/checked-source.js';
import { PersonCache } from './authors/person-cache.js';
import { authorProps, batchMentions, suggestionRows } from './authors/persons.js';
import { resolveBatch } from './authors/resolve.js';
import type { IdentityResult } from './identity/index.js';
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

/**
 * Characters of identity summaries one transaction writes at most: a batch whose persons hold more is split before
 * its transaction starts. Summaries are most of a batch's transaction memory once the persons have many papers
 * (29.8 million characters committed within the built-in database's 256 MiB cap, 41.9 million did not).
 */
export const SUMMARY_CHARS_PER_TRANSACTION = 20_000_000;

/** The Author rows identity/store-persons.cypher writes for a batch's persons (`mentions` a Neo4j integer, not a float). */
function personRows(result: IdentityResult | null) {
  return (result?.persons ?? []).map((s) => {
    const props = authorProps(s);
    return { id: s.id, props: { ...props, mentions: neo4j.int(props.mentions) }, spans: s.blocks.length > 1 };
  });
}

/** Attempts of one batch's transaction when it fails transiently (a deadlock, a cluster's leader change). */
const TRANSIENT_ATTEMPTS = 5;

/**
 * Whether a failed batch transaction may succeed unchanged on a new attempt. A transaction over Neo4j's memory cap may
 * not (it surfaces as QueryTooLargeError, at commit too): the driver's managed retry would repeat it for 30 s.
 */
function isTransient(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return neo4j.isRetryableError(err.cause as Error);
  return err instanceof Neo4jError && !isMemoryPoolError(err) && neo4j.isRetryableError(err);
}

export class GraphWriter {
  constructor(
    private readonly graph: Graph,
    private readonly describeCategory: (code: string) => CategoryInfo,
    private readonly summaryCharsPerTransaction = SUMMARY_CHARS_PER_TRANSACTION,
  ) {}

  /** Batches that were split in halves because their transaction needed more memory than Neo4j allows one. */
  splits = 0;

  /** Batches whose identity was resolved again inside their transaction (another writer changed its persons meanwhile). */
  identityRechecks = 0;

  /** Transactions attempted again after a transient failure. */
  retries = 0;

  /**
   * Papers per transaction from now on: lowered to the half that fit when a batch was too large for Neo4j's memory cap,
   * so that later batches of the ingest (whose persons only grow) do not fail the same way first.
   */
  paperLimit = Number.POSITIVE_INFINITY;

  /** Persons of the name blocks earlier batches read and wrote, valid while no other write commits (person-cache.ts). */
  readonly persons = new PersonCache();

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

  /**
   * Writes a batch of whole papers, in one transaction unless it holds more than `paperLimit` papers (then in
   * consecutive parts of that size, each all-or-nothing).
   */
  async writeBatch(batch: WritablePaper[]): Promise<WriteCounts> {
    if (batch.length > this.paperLimit) {
      const counts = emptyCounts();
      for (let i = 0; i < batch.length; ) {
        const n = this.paperLimit;
        addCounts(counts, await this.writeBatch(batch.slice(i, i + n)));
        i += n;
      }
      return counts;
    }
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
      this.paperLimit = Math.min(this.paperLimit, half);
      const first = await this.writeBatch(batch.slice(0, half));
      return addCounts(first, await this.writeBatch(batch.slice(half)));
    }
  }

  /** Runs `work` in a write transaction, again after a transient failure (not after one over the memory cap). */
  private async inTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.graph.transaction(neo4j.session.WRITE, work, { noRetry: true });
      } catch (err) {
        if (attempt >= TRANSIENT_ATTEMPTS || !isTransient(err)) throw err;
        this.retries++;
        await sleep(250 * 2 ** attempt * (0.8 + 0.4 * Math.random()));
      }
    }
  }

  private async writeWhole(batch: WritablePaper[]): Promise<WriteCounts> {
    const mentions = batchMentions(batch);
    const counts = emptyCounts();
    let workDone = 0;
    // Who each mention is (ingest/identity), from the persons of the batch's name blocks, read before the write
    // transaction: the model's work is CPU-bound and must not hold a write transaction open. The graph version read
    // first and the reads kept by `source` let the transaction check that no other writer changed them meanwhile.
    const seen = versionOf((await this.graph.read('summary/version'))[0]);
    this.persons.at(seen);
    const source = new RecordingSource(this.persons.source(identitySource(graphReader(this.graph))));
    let resolved: Awaited<ReturnType<typeof resolveBatch>>;
    try {
      resolved = await this.timed('identity', () => resolveBatch(mentions, source));
    } catch (err) {
      this.persons.clear();
      throw err;
    }
    let p = buildBatch(batch, this.describeCategory, resolved.authorOf);
    let persons = personRows(resolved.result);
    const summaryChars = persons.reduce((n, r) => n + r.props.summary.length, 0);
    if (summaryChars > this.summaryCharsPerTransaction && batch.length > 1) {
      // Split before the transaction: the model changed the cached profiles of the persons it touched.
      this.persons.clear();
      throw new BatchTooLargeError(batch.length, new Error(`its persons' summaries hold ${summaryChars} characters, more than ${this.summaryCharsPerTransaction} per transaction`));
    }
    // What the committed transaction saw: whether another writer had committed since the reads, and the version it wrote.
    let sawOtherWrite = false;
    let written: GraphVersion | null = null;
    await this.timed('transaction', () =>
      this.inTransaction(async (tx) => {
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
        sawOtherWrite = !sameVersion(now, seen);
        if (sawOtherWrite) {
          const inTx = identitySource(txReader(tx));
          if (!(await source.sameFrom(inTx))) {
            this.identityRechecks++;
            resolved = await this.timed('identity', () => resolveBatch(mentions, inTx));
            p = buildBatch(batch, this.describeCategory, resolved.authorOf);
            persons = personRows(resolved.result);
          }
        }
        // What the graph holds for these papers before they are replaced: their counted topic document frequencies
        // and their topics (those left without any paper are removed below).
        const before = storedPaperTopics((await run('ingest/paper-topic-state', { ids: p.papers.map((r) => r.id) })).rows);
        const result = resolved.result;
        if (result) {
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
        written = await bumpGraphVersion(tx);
        await afterBatch(tx, summaryBefore, written);
        Object.assign(counts, c);
        workDone = performance.now();
      }),
    ).catch((err: unknown) => {
      // The model changed the cached profiles of the persons it touched; nothing of that was written.
      this.persons.clear();
      throw err;
    });
    // The cache now holds exactly what this batch committed, unless another writer's changes came in between.
    if (written === null || sawOtherWrite) this.persons.clear();
    else this.persons.committed(written, resolved);
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
