// Data migrations of what the ingest writes (paper identities, topic document frequencies): run once per database,
// before an ingest writes, recorded like the schema's migrations (a :PaperGraphMigration node, db/schema.ts).
//
// They live here rather than in db/schema.ts because they need the ingest's own code (the title-id hash, the NLP
// candidate extraction), which the db layer does not import. Every write into the graph goes through an ingest, which
// runs them first, so no write can meet a graph that still has the old form.
import neo4j from 'neo4j-driver';
import { must } from '../core/must.js';
import { rows, type Graph } from '../db/graph.js';
import { paperIdFromTitle } from './text/paper-id.js';
import { contributionProps, frequencyDeltas } from './topic-frequencies.js';
import { contributionOf } from './topics/frequencies.js';
import { CandidatePool } from './topics/pool.js';

export interface IngestMigration {
  id: string;
  /** Does the work; returns a line for the log (what it changed). */
  run(graph: Graph, opts: MigrationOptions): Promise<string>;
}

export interface MigrationOptions {
  /** NLP worker threads for migrations that extract candidates (default: one per core). */
  nlpWorkers?: number;
}

/** Papers renamed per transaction. */
const RENAME_CHUNK = 500;
/** Papers per page of the frequency backfill. */
const BACKFILL_PAGE = 1_000;

/**
 * Gives listing papers dated without a year (an inferred year) the `title:` id that hashes no year, where their stored
 * id still hashes the year inferred on the day of their ingest. Two papers that differ only by the inferred year (the
 * same listing ingested in two years) become one, keeping every link of both.
 */
export async function renameInferredYearIds(graph: Graph): Promise<string> {
  const papers = await graph.read('ingest/inferred-year-papers');
  const renames = papers
    .map((r) => ({ from: r.id, to: paperIdFromTitle(r.title ?? '', null) }))
    .filter((r) => r.from !== r.to);
  let merged = 0;
  for (let i = 0; i < renames.length; i += RENAME_CHUNK) {
    const part = renames.slice(i, i + RENAME_CHUNK);
    merged += await graph.transaction(neo4j.session.WRITE, async (tx) => {
      let n = 0;
      // One paper per statement: two old ids of one chunk may meet under the same new id.
      for (const r of part) if ((await rows(tx, 'ingest/rename-paper', r))[0]?.merged === true) n++;
      return n;
    });
  }
  return `${renames.length} papers with an inferred year got ids without it (${merged} of them were duplicates, merged)`;
}

/**
 * Papers written before the graph kept topic document frequencies are counted: their candidates are extracted from
 * the stored title and abstract (the same extraction an ingest runs) and added, page by page. Their topics stay.
 */
export async function backfillTopicFrequencies(graph: Graph, opts: MigrationOptions = {}): Promise<string> {
  let after = '';
  let counted = 0;
  let pool: CandidatePool | null = null;
  try {
    for (;;) {
      const page = await graph.read('ingest/uncounted-papers', { after, limit: neo4j.int(BACKFILL_PAGE) });
      if (page.length === 0) break;
      pool ??= (await CandidatePool.start(opts.nlpWorkers ?? CandidatePool.defaultSize())).pool;
      const docs = page.map((r) => ({ title: r.title ?? '', abstract: r.abstract }));
      const extractor = pool;
      const candidates = (await Promise.all(chunk(docs, 250).map((d) => extractor.extract(d)))).flat();
      const contributions = candidates.map((c) => contributionOf(c));
      const deltas = frequencyDeltas(contributions.map((after) => ({ before: null, after })));
      await graph.transaction(neo4j.session.WRITE, async (tx) => {
        const papers = page.map((r, i) => ({ id: r.id, ...contributionProps(must(contributions[i], `topic contribution of paper ${r.id}`)) }));
        await rows(tx, 'ingest/set-topic-contributions', { papers });
        await rows(tx, 'ingest/update-topic-frequencies', {
          terms: deltas.terms.map((t) => ({ ...t, delta: neo4j.int(t.delta) })),
          acronyms: deltas.acronyms.map((a) => ({ ...a, delta: neo4j.int(a.delta) })),
          paperDelta: neo4j.int(deltas.papers),
        });
      });
      counted += page.length;
      after = must(page.at(-1), 'last paper of a page').id;
    }
  } finally {
    await pool?.close();
  }
  return `${counted} papers written before the graph kept topic document frequencies were counted`;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** In order; the id is recorded once the migration ran. */
export const INGEST_MIGRATIONS: readonly IngestMigration[] = [
  { id: 'ingest/inferred-year-paper-ids', run: (graph) => renameInferredYearIds(graph) },
  { id: 'ingest/topic-frequencies-backfill', run: backfillTopicFrequencies },
];

/** Runs the ingest migrations this database has not had yet; returns their log lines. */
export async function applyIngestMigrations(graph: Graph, opts: MigrationOptions = {}): Promise<string[]> {
  const [row] = await graph.read('migrations/applied');
  const applied = new Set(row?.ids ?? []);
  const lines: string[] = [];
  for (const m of INGEST_MIGRATIONS) {
    if (applied.has(m.id)) continue;
    lines.push(`${m.id}: ${await m.run(graph, opts)}`);
    await graph.write('migrations/record', { id: m.id });
  }
  return lines;
}
