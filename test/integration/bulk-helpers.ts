// Helpers of the bulk-load tests: the CLI against a temp DATA_DIR (it runs its own JVMs), a Neo4j on such a DATA_DIR,
// and a typed, sorted dump of a whole graph for line-by-line comparison.
import { spawn } from 'node:child_process';
import path from 'node:path';
import neo4j, { isInt } from 'neo4j-driver';
import { localNeo4jDir } from '../../db/connect.js';
import { Graph } from '../../db/graph.js';
import { startLocalNeo4j } from '../../db/local-neo4j.js';
import { SAMPLE_LISTING, SAMPLE_LISTING_DATE } from '../support/sample.js';
import { TEST_MARKER_LABEL } from '../support/test-database.js';

export const fixture = (rel: string) => path.resolve('test/fixtures', rel);

/** The shared samples, in one order used by both paths. */
export const SAMPLES = [
  SAMPLE_LISTING,
  fixture('arxiv-jsonl/arxiv-sample-200.jsonl'),
  fixture('arxiv-atom/query-einstein-2018.xml'),
  fixture('openalex/works-page-25.json'),
  fixture('bibtex/zbmath-47.bib'),
];
export const LISTING_DATE = SAMPLE_LISTING_DATE;

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Environment of a CLI run on a local DATA_DIR: no NEO4J_URI (so the built-in database is the target). */
export function localEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...extra };
  delete env.NEO4J_URI;
  delete env.NEO4J_PASSWORD;
  delete env.NEO4J_DATABASE;
  return env;
}

/**
 * Runs `ingest/cli.ts args` as a child; `onStderr` sees the output as it comes (and may kill the child through the
 * returned handle).
 */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  onStderr?: (text: string, child: ReturnType<typeof spawn>) => void,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      onStderr?.(stderr, child);
    });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A graph on the built-in Neo4j of a DATA_DIR, started by {@link openLocalGraph}; `close` also stops the JVM. */
export interface OpenLocalGraph {
  graph: Graph;
  close(): Promise<void>;
}

/** Starts the built-in Neo4j of `dataDir` and connects to it; the caller closes it. */
export async function openLocalGraph(dataDir: string): Promise<OpenLocalGraph> {
  const local = await startLocalNeo4j({
    dataDir: localNeo4jDir({ dataDir }),
    log: () => {},
    // A 2-core machine shared by other test runs: starts and first (cold) write batches take far longer than alone.
    startTimeoutMs: 600_000,
    transactionTimeout: '600s',
  });
  const graph = new Graph(neo4j.driver(local.uri, neo4j.auth.basic(local.user, local.password)), { uri: local.uri, kind: 'local' });
  return {
    graph,
    close: async () => {
      await graph.close();
      await local.stop();
    },
  };
}

/** Starts the built-in Neo4j of `dataDir`, runs `fn` on it, stops it. */
export async function withLocalGraph<T>(dataDir: string, fn: (g: Graph) => Promise<T>): Promise<T> {
  const open = await openLocalGraph(dataDir);
  try {
    return await fn(open.graph);
  } finally {
    await open.close();
  }
}

export async function q(graph: Graph, cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  return graph.transaction('READ', async (tx) => (await tx.run(cypher, params)).records.map((r) => r.toObject()));
}

/** A value with its type, so an integer stored as a float (or a list reordered) is a difference. */
function typed(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (isInt(v)) return `int:${v.toString()}`;
  if (typeof v === 'number') return `float:${v}`;
  if (typeof v === 'boolean') return `bool:${v}`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(typed).join(',')}]`;
  return `other:${String(v)}`;
}

function propsLine(props: Record<string, unknown>, skip: string[] = [], unordered: string[] = []): string {
  return Object.keys(props)
    .filter((k) => !skip.includes(k))
    .sort()
    .map((k) => {
      const v = props[k];
      return `${k}=${typed(unordered.includes(k) && Array.isArray(v) ? [...(v as string[])].sort() : v)}`;
    })
    .join(' ');
}


function nodeKey(labels: string[], props: Record<string, unknown>): string {
  const key = props.id ?? props.code ?? props.key;
  return `${[...labels].sort().join(':')}#${String(key)}`;
}

export interface GraphDump {
  labels: Record<string, number>;
  types: Record<string, number>;
  nodes: string[];
  relationships: string[];
}

/**
 * Properties of bookkeeping nodes left out of the dump: clock readings (`appliedAt`, `changedAt`, `builtAt`, `buildMs`),
 * the graph version and its epoch (a per-database random id; the transactional path bumps once per batch, a bulk load
 * once), and the stored summaries' `json`, which {@link summaryData} compares as data instead.
 */
const VOLATILE: Record<string, string[]> = {
  PaperGraphMigration: ['appliedAt'],
  // summaryLockedAt: datetime() stamped by summary/lock-version only to take the write lock (every ingest batch's beforeBatch); never read.
  PaperGraphState: ['version', 'epoch', 'changedAt', 'summaryLockedAt'],
  PaperGraphSummary: ['version', 'epoch', 'builtAt', 'buildMs', 'json'],
};

function volatileOf(labels: string[]): string[] {
  return labels.flatMap((l) => VOLATILE[l] ?? []);
}

/**
 * Every node (labels, key, all properties but the bookkeeping {@link VOLATILE} ones) and relationship (ends, type, all
 * properties) as sorted lines. The marker of the shared test database (test/support/test-database.ts) is left out.
 */
export async function dumpGraph(graph: Graph): Promise<GraphDump> {
  const labels: Record<string, number> = {};
  for (const r of await q(graph, `MATCH (n) WHERE NOT n:${TEST_MARKER_LABEL} UNWIND labels(n) AS l RETURN l, count(*) AS c`)) {
    labels[String(r.l)] = Number(r.c);
  }
  const types: Record<string, number> = {};
  for (const r of await q(graph, 'MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c')) types[String(r.t)] = Number(r.c);
  const nodes = (await q(graph, `MATCH (n) WHERE NOT n:${TEST_MARKER_LABEL} RETURN labels(n) AS labels, properties(n) AS props`)).map((r) => {
    const props = r.props as Record<string, unknown>;
    return `${nodeKey(r.labels as string[], props)} ${propsLine(props, volatileOf(r.labels as string[]))}`;
  });
  const relationshipsRaw = (
    await q(graph, 'MATCH (a)-[r]->(b) RETURN labels(a) AS al, properties(a) AS ap, type(r) AS t, properties(r) AS rp, labels(b) AS bl, properties(b) AS bp')
  );
  const relationships = relationshipsRaw.map(
    (r) =>
      `${nodeKey(r.al as string[], { id: (r.ap as Record<string, unknown>).id, code: (r.ap as Record<string, unknown>).code })} -${r.t as string}-> ` +
      `${nodeKey(r.bl as string[], { id: (r.bp as Record<string, unknown>).id, code: (r.bp as Record<string, unknown>).code })} ${propsLine(r.rp as Record<string, unknown>)}`,
  );
  return { labels, types, nodes: nodes.sort(), relationships: relationships.sort() };
}

/**
 * The stored summaries (db/summary) as data: one line per part, its JSON parsed and re-serialised with sorted keys, and
 * whether it describes the graph's current version (a summary of an older version would be a stale one).
 */
export async function summaryData(graph: Graph): Promise<string[]> {
  const rows = await q(
    graph,
    `OPTIONAL MATCH (s:PaperGraphState {key: 'graph'})
     MATCH (m:PaperGraphSummary)
     RETURN m.key AS key, m.json AS json, m.version = s.version AND m.epoch = s.epoch AS current ORDER BY key`,
  );
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
        : v;
  return rows.map((r) => `${String(r.key)} current=${String(r.current)} ${JSON.stringify(sorted(JSON.parse(String(r.json))))}`);
}

/** Lines in one sorted list and not the other (at most `max` of each), for a readable failure. */
export function diffLines(a: string[], b: string[], max = 10): { onlyA: string[]; onlyB: string[] } {
  const setB = new Set(b);
  const setA = new Set(a);
  return { onlyA: a.filter((l) => !setB.has(l)).slice(0, max), onlyB: b.filter((l) => !setA.has(l)).slice(0, max) };
}

/**
 * Full-text hits of a few queries on the three indexes: the top 25 with their BM25 scores (to 6 places), or with
 * `matchesOnly` every matching key, sorted, without scores. BM25 statistics count deleted documents until Lucene merges
 * segments, so after updates (re-ingested papers) scores depend on each index's write history, not on the graph.
 */
export async function searchResults(graph: Graph, queries: string[], matchesOnly = false): Promise<string[]> {
  const out: string[] = [];
  for (const [index, query] of queries.flatMap((qq) => ['paper_text', 'author_name', 'topic_name'].map((i) => [i, qq] as const))) {
    const rows = await q(
      graph,
      'CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score RETURN coalesce(node.id, node.code) AS key, score ORDER BY score DESC, key',
      { index, query },
    );
    out.push(
      matchesOnly
        ? `${index} ${query}: ${rows.map((r) => String(r.key)).sort().join(' ')}`
        : `${index} ${query}: ${rows.slice(0, 25).map((r) => `${String(r.key)}@${(r.score as number).toFixed(6)}`).join(' ')}`,
    );
  }
  return out;
}

/** Schema objects by name and type (constraints and indexes), sorted. */
export async function schemaObjects(graph: Graph): Promise<string[]> {
  const idx = await q(graph, 'SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN name, type, labelsOrTypes, properties, state');
  const cons = await q(graph, 'SHOW CONSTRAINTS YIELD name, type RETURN name, type');
  return [
    ...idx.map((r) => `index ${String(r.name)} ${String(r.type)} ${JSON.stringify(r.labelsOrTypes)} ${JSON.stringify(r.properties)} ${String(r.state)}`),
    ...cons.map((r) => `constraint ${String(r.name)} ${String(r.type)}`),
  ].sort();
}
