// npm run bench:api : the 100k-paper synthetic graph in a local Neo4j, each endpoint under autocannon at concurrency
// 1 and 16; p50/p95/p99 and throughput into docs/benchmarks.md. The loaded database is cached between runs.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { Graph } from '../db/graph.js';
import { startLocalNeo4j } from '../db/local-neo4j.js';
import { applySchema } from '../db/schema.js';
import { ingest } from '../ingest/pipeline.js';
import { createApp } from '../server/app.js';
import { machine, writeBenchSection } from './report.js';
import { writeSyntheticArxiv } from './synthetic.js';

const { values } = parseArgs({
  options: { papers: { type: 'string', default: '100000' }, seconds: { type: 'string', default: '10' } },
});
const papers = Number(values.papers);
const seconds = Number(values.seconds);
const dir = path.join(os.tmpdir(), 'papergraph-bench');
const dataDir = path.join(dir, `neo4j-api-${papers}`);
const loadedMarker = path.join(dataDir, 'bench-loaded');
mkdirSync(dir, { recursive: true });

const neo = await startLocalNeo4j({ dataDir, port: 0, heap: '2g', pageCache: '2g', transactionTimeout: '120s' });
const driver = neo4j.driver(neo.uri, neo4j.auth.basic(neo.user, neo.password));
const graph = new Graph(driver, { uri: neo.uri, kind: 'local' });
try {
  await applySchema(graph);
  if (!existsSync(loadedMarker)) {
    const file = path.join(dir, `synthetic-arxiv-${papers}.jsonl`);
    if (!existsSync(file)) await writeSyntheticArxiv(file, { papers, seed: 42 });
    console.error(`loading ${papers} synthetic papers…`);
    const s = await ingest([{ path: file }], graph, {});
    console.error(`loaded in ${(s.elapsedMs / 1000).toFixed(0)} s`);
    writeFileSync(loadedMarker, new Date().toISOString());
  }

  // Pick realistic targets from the data itself.
  const pickOne = async (cypher: string) =>
    graph.transaction('READ', async (tx) => (await tx.run(cypher)).records[0]!.toObject() as Record<string, unknown>);
  const hub = await pickOne(
    'MATCH (a:Author) WITH a, COUNT { (a)-[:AUTHORED]->() } AS n ORDER BY n DESC LIMIT 1 RETURN a.id AS id, n',
  );
  const typical = await pickOne(
    'MATCH (a:Author) WITH a, COUNT { (a)-[:AUTHORED]->() } AS n WHERE n >= 10 AND n <= 20 RETURN a.id AS id, n ORDER BY a.id LIMIT 1',
  );
  const other = await pickOne(
    'MATCH (a:Author) WITH a, COUNT { (a)-[:AUTHORED]->() } AS n WHERE n >= 10 AND n <= 20 RETURN a.id AS id ORDER BY a.id DESC LIMIT 1',
  );
  const paper = await pickOne(
    "MATCH (p:Paper) WHERE p.authorCount >= 3 AND p.authorCount <= 8 RETURN p.id AS id ORDER BY p.id SKIP 5000 LIMIT 1",
  );
  const topic = await pickOne('MATCH (t:Topic) RETURN t.name AS name ORDER BY COUNT { (t)<-[:HAS_TOPIC]-() } DESC LIMIT 1');
  const e = encodeURIComponent;
  const targets: [string, string][] = [
    ['health', '/api/health'],
    ['search (autocomplete "gra")', '/api/search?q=gra&limit=10'],
    ['search (full word)', `/api/search?q=${e(String(topic.name).split(' ')[0]!)}&limit=10`],
    ['paper', `/api/papers/${e(String(paper.id))}`],
    ['related by=all', `/api/papers/${e(String(paper.id))}/related?by=all&limit=10`],
    ['related by=authors', `/api/papers/${e(String(paper.id))}/related?by=authors&limit=10`],
    ['author', `/api/authors/${e(String(typical.id))}`],
    ['ego network depth 2', `/api/graph/coauthors?author=${e(String(typical.id))}&depth=2`],
    [`hub ego network depth 2 (${hub.n} papers)`, `/api/graph/coauthors?author=${e(String(hub.id))}&depth=2`],
    ['topic graph', '/api/graph/topics?limit=100'],
    ['path (maxHops 4)', `/api/graph/path?from=${e(String(typical.id))}&to=${e(String(other.id))}&maxHops=4`],
    ['stats', '/api/stats'],
  ];

  const app = createApp({ graph });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const rows: string[] = [];
  for (const [name, url] of targets) {
    const warm = await fetch(base + url);
    if (warm.status !== 200) throw new Error(`${name}: ${url} answered ${warm.status}: ${await warm.text()}`);
    const cells: string[] = [];
    for (const connections of [1, 16]) {
      const r = await autocannon({ url: base + url, connections, duration: seconds });
      const non2xx = r.non2xx + r.errors + r.timeouts;
      cells.push(
        `${r.latency.p50} / ${r.latency.p97_5 ?? '?'} / ${r.latency.p99} ms · ${Math.round(r.requests.average)} req/s${non2xx ? ` · ${non2xx} failed` : ''}`,
      );
      console.error(`${name} c=${connections}: p50 ${r.latency.p50} p99 ${r.latency.p99} ${Math.round(r.requests.average)} req/s`);
    }
    rows.push(`| ${name} | ${cells[0]} | ${cells[1]} |`);
  }
  server.closeAllConnections();
  server.close();
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()} with \`npm run bench:api\`: ${papers.toLocaleString('en-US')}`,
    `synthetic papers (bench/synthetic.ts) in a local Neo4j 5.26 (heap 2g, page cache 2g) on the same machine; autocannon,`,
    `${seconds} s per cell. Cells: p50 / p97.5 / p99 latency and mean throughput. autocannon reports p97.5, not p95:`,
    'p95 is at most the p97.5 shown. The load generator, the server and Neo4j share the 2 cores.',
    '',
    '| endpoint | concurrency 1 | concurrency 16 |',
    '|---|---|---|',
    ...rows,
  ].join('\n');
  writeBenchSection('API', body);
  console.log(body);
} finally {
  await driver.close();
  await neo.stop();
}
