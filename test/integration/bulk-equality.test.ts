// The bulk path and the transactional path build the same graph: the shared samples plus a synthetic arXiv file,
// loaded by `ingest --bulk` into a temp DATA_DIR (its own JVMs) and by the transactional pipeline into the run's shared
// test database, compared node by node and relationship by relationship, by full-text search and merge suggestions.
// Then the same transactional appends on both graphs (the daily update after a bulk first load) keep them equal.
//
// Size of the synthetic file: BULK_EQ_PAPERS (default 2000 to keep the suite's run time bearable on a loaded 2-core
// machine; the acceptance size is 20000). Both paths use batches of BATCH papers (several batches, so the bulk path's
// replay of per-batch upserts and merge suggestions is exercised; small enough for the test Neo4j's 60 s transaction
// timeout under load).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticArxiv } from '../../bench/synthetic.js';
import type { Graph } from '../../db/graph.js';
import { ingest, type IngestInput } from '../../ingest/pipeline.js';
import { resetDatabase, testGraph } from '../support/graph.js';
import { must } from '../../core/must.js';
import {
  diffLines,
  dumpGraph,
  LISTING_DATE,
  localEnv,
  q,
  runCli,
  SAMPLES,
  schemaObjects,
  openLocalGraph,
  searchResults,
  summaryData,
  type GraphDump,
  type OpenLocalGraph,
} from './bulk-helpers.js';

const PAPERS = Number(process.env.BULK_EQ_PAPERS ?? 2_000);
const BATCH = 400;
const QUERIES = ['quantum', 'graph neural', 'einstein', 'black hole', 'Müller', 'spectral'];

const graph = testGraph();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'papergraph-bulk-eq-'));
const dataDir = path.join(tmp, 'data');
let inputs: string[];

// The bulk-loaded store's Neo4j: started once, on first use, for the tests that read it and append to it.
let bulkStore: Promise<OpenLocalGraph> | undefined;
async function bulkGraph(): Promise<Graph> {
  bulkStore ??= openLocalGraph(dataDir);
  return (await bulkStore).graph;
}

afterAll(async () => {
  await (await bulkStore)?.close();
  await resetDatabase(graph);
  await graph.close();
  rmSync(tmp, { recursive: true, force: true });
});

function expectSameLines(bulk: string[], tx: string[], what: string) {
  const d = diffLines(bulk, tx);
  expect({ what, onlyInBulk: d.onlyA, onlyInTransactional: d.onlyB }).toEqual({ what, onlyInBulk: [], onlyInTransactional: [] });
  expect(bulk).toEqual(tx);
}

// Full-text results are compared as the set of matches per query: the shared test database's indexes carry deleted
// documents of earlier suites, which shift BM25 scores (see searchResults). On two fresh stores the top-25 scores were
// equal to 6 places as well.
async function snapshot(g: Graph, matchesOnly = true) {
  const dump = await dumpGraph(g);
  const search = await searchResults(g, QUERIES, matchesOnly);
  const suggestions = [
    ...dump.relationships.filter((l) => l.includes('-MAYBE_SAME_AS->')),
    ...dump.nodes.filter((l) => l.startsWith('SplitProposal#')),
  ];
  const schema = await schemaObjects(g);
  const summaries = await summaryData(g);
  return { dump, search, suggestions, schema, summaries };
}

function compare(bulk: Awaited<ReturnType<typeof snapshot>>, tx: Awaited<ReturnType<typeof snapshot>>) {
  expect(bulk.dump.labels).toEqual(tx.dump.labels);
  expect(bulk.dump.types).toEqual(tx.dump.types);
  expectSameLines(bulk.dump.nodes, tx.dump.nodes, 'nodes');
  expectSameLines(bulk.dump.relationships, tx.dump.relationships, 'relationships');
  expectSameLines(bulk.search, tx.search, 'full-text search');
  expectSameLines(bulk.suggestions, tx.suggestions, 'merge suggestions');
  expectSameLines(bulk.schema, tx.schema, 'schema');
  // Bookkeeping: the dump compares the topic-frequency totals, the migration records and the state and summary nodes'
  // keys; version numbers, epochs and clock readings differ by construction (the transactional path bumps the version
  // once per batch, a bulk load once), so the summaries are compared by their data and by describing the current version.
  expect(bulk.dump.labels.TopicCorpus).toBe(1);
  expect(bulk.dump.labels.PaperGraphState).toBe(1);
  expect(bulk.summaries.length).toBeGreaterThan(0);
  expectSameLines(bulk.summaries, tx.summaries, 'stored summaries (data)');
}

describe(`bulk load and transactional load give the same graph (samples + ${PAPERS} synthetic papers)`, () => {
  let bulkOut = '';
  let tx: Awaited<ReturnType<typeof snapshot>>;
  let txDump: GraphDump;

  beforeAll(async () => {
    const synthetic = path.join(tmp, `synthetic-${PAPERS}.jsonl`);
    await writeSyntheticArxiv(synthetic, { papers: PAPERS, seed: 42 });
    inputs = [...SAMPLES, synthetic];
    const res = await runCli(['--bulk', '--listing-date', LISTING_DATE, '--batch-size', String(BATCH), ...inputs], localEnv(dataDir));
    bulkOut = res.stderr;
    expect(res.code, res.stderr).toBe(0);

    await resetDatabase(graph);
    await ingest(inputs.map((p): IngestInput => ({ path: p })), graph, { listingDate: LISTING_DATE, batchSize: BATCH });
    tx = await snapshot(graph);
    txDump = tx.dump;
  }, 1_800_000);

  it('loads each sample with today’s acceptance counts and leaves no staging behind', async () => {
    const bySource = Object.fromEntries(
      (await q(graph, 'MATCH (p:Paper) WHERE NOT p:Stub RETURN p.source AS s, count(*) AS c')).map((r) => [r.s, Number(r.c)]),
    );
    expect(bySource).toMatchObject({ listing: 11, 'arxiv-atom': 10, openalex: 25, bibtex: 47 });
    // Synthetic ids may repeat sample ids (a later record of an id replaces the earlier one on both paths).
    expect(bySource['arxiv-jsonl']).toBeGreaterThanOrEqual(PAPERS);
    expect(bySource['arxiv-jsonl']).toBeLessThanOrEqual(200 + PAPERS);
    expect(txDump.types.CITES).toBeGreaterThan(0);
    expect(bulkOut).toMatch(/papers: \d+; authors: \d+/);
    expect(bulkOut).toMatch(/peak memory: ingest process \d+ MB RSS/);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dataDir).sort()).toEqual(['neo4j']);
  });

  it('has the same labels, types, properties, search results, merge suggestions and schema', async () => {
    const bulk = await snapshot(await bulkGraph());
    expect(bulk.dump.labels.Paper).toBeGreaterThan(PAPERS);
    expect(bulk.suggestions.length).toBeGreaterThan(0);
    compare(bulk, tx);
  }, 600_000);

  it('after the bulk load, transactional appends work as on the transactional graph: idempotent, no duplicate ids', async () => {
    const more = path.join(tmp, 'append.jsonl');
    await writeSyntheticArxiv(more, { papers: 300, seed: 7 });
    const appends: IngestInput[] = [{ path: more }, { path: must(SAMPLES[1], 'the second sample') }, { path: more }];
    // Small batches: the first writes into a freshly started Neo4j must fit its 60 s transaction timeout under load.
    const APPEND_BATCH = 100;
    for (const a of appends) await ingest([a], graph, { listingDate: LISTING_DATE, batchSize: APPEND_BATCH });
    const txAfter = await snapshot(graph);
    const g = await bulkGraph();
    for (const a of appends) await ingest([a], g, { listingDate: LISTING_DATE, batchSize: APPEND_BATCH });
    const dupes = await q(
      g,
      `CALL () { MATCH (p:Paper) WITH p.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS papers }
       CALL () { MATCH (a:Author) WITH a.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS authors }
       RETURN papers, authors`,
    );
    expect(dupes.map((r) => [Number(r.papers), Number(r.authors)])).toEqual([[0, 0]]);
    const bulkAfter = await snapshot(g);
    expect(bulkAfter.dump.labels.Paper).toBeGreaterThanOrEqual(must(tx.dump.labels.Paper, 'papers of the transactional graph'));
    compare(bulkAfter, txAfter);
  }, 900_000);
});
