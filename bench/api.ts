// npm run bench:api : the 100k-paper synthetic graph in a local Neo4j, each endpoint under autocannon at concurrency
// 1 and 16; p50/p95/p99 (from every response time), throughput and CPU per request into docs/benchmarks.md. The loaded
// database is cached between runs. The API server runs in its own process (bench/api-server.ts), so autocannon does
// not share its event loop; Neo4j, the server and autocannon still share the machine's cores.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { must } from '../core/must.js';
import { Graph } from '../db/graph.js';
import { startLocalNeo4j } from '../db/local-neo4j.js';
import { applySchema } from '../db/schema.js';
import { ms, rotation, summarize } from './latency.js';
import { cpuMs, machine, writeBenchSection } from './report.js';
import { loadSyntheticOnce } from './synthetic-graph.js';
import { plainRow } from '../db/plain.js';
import { z } from 'zod';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    // Only the cells whose name contains one of these texts, `|`-separated (quick comparisons; docs are not updated).
    only: { type: 'string' },
    // Print the table without updating docs/benchmarks.md.
    'print-only': { type: 'boolean', default: false },
    // Distinct inputs per rotating cell.
    distinct: { type: 'string', default: '200' },
  },
});
const papers = Number(values.papers);
const seconds = Number(values.seconds);
const distinct = Number(values.distinct);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(os.tmpdir(), 'papergraph-bench');
const dataDir = path.join(dir, `neo4j-api-${papers}`);
mkdirSync(dir, { recursive: true });


/** Starts bench/api-server.ts against `neo` in a child process; resolves with its base URL once /api/health is 200. */
async function startServer(neo: { uri: string; user: string; password: string }): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'api-server.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NEO4J_URI: neo.uri,
      NEO4J_USER: neo.user,
      NEO4J_PASSWORD: neo.password,
      HOST: '127.0.0.1',
      PORT: '0',
      LOAD_SAMPLE: '0',
      NODE_ENV: 'production',
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const m = /^PAPERGRAPH_BENCH_LISTENING (\d+)$/.exec(line);
      if (m) resolve(Number(m[1]));
      else console.error(`[api-server] ${line}`);
    });
    child.once('exit', (code, signal) => reject(new Error(`bench/api-server.ts exited (${signal ?? code}) before listening`)));
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const res = await fetch(`${base}/api/health`).catch(() => null);
    if (res?.status === 200) break;
    if (i > 100) throw new Error(`${base}/api/health never answered 200`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, child };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

interface Cell {
  name: string;
  /** One path (fixed cell) or many, cycled through request by request (rotating cell). */
  paths: string[];
  /** Rotating cells only: a path outside `paths`, used to warm up and to check the endpoint answers. */
  warm?: string;
}

interface Measured {
  text: string;
  log: string;
}

/** One autocannon run of `cell` at `connections`, with every response time recorded. */
async function measure(base: string, cell: Cell, connections: number, pids: { server?: number; neo4j: number }): Promise<Measured> {
  const times: number[] = [];
  let failed = 0;
  const next = rotation(cell.paths);
  const cpu0 = { server: cpuMs(pids.server), neo4j: cpuMs(pids.neo4j), load: process.cpuUsage() };
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: next() }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    else failed++;
  });
  const r = await done;
  const load = process.cpuUsage(cpu0.load);
  const serverCpu = cpuMs(pids.server);
  const neo4jCpu = cpuMs(pids.neo4j);
  failed += r.errors + r.timeouts;
  const s = summarize(times);
  const throughput = s.count / r.duration;
  const perReq = (after: number | null, before: number | null) =>
    after !== null && before !== null && s.count > 0 ? ms((after - before) / s.count) : '?';
  const cpu = `${perReq(serverCpu, cpu0.server)} + ${perReq(neo4jCpu, cpu0.neo4j)} + ${ms((load.user + load.system) / 1000 / Math.max(1, s.count))}`;
  return {
    text: `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)} ms · ${Math.round(throughput)} req/s · CPU ${cpu} ms${failed ? ` · ${failed} failed` : ''}`,
    log: `p50 ${ms(s.p50)} p95 ${ms(s.p95)} p99 ${ms(s.p99)} ms, ${Math.round(throughput)} req/s, CPU/req server+neo4j+autocannon ${cpu} ms${failed ? `, ${failed} failed` : ''}`,
  };
}

const neo = await startLocalNeo4j({ dataDir, port: 0, heap: '2g', pageCache: '2g', transactionTimeout: '120s' });
const driver = neo4j.driver(neo.uri, neo4j.auth.basic(neo.user, neo.password));
const graph = new Graph(driver, { uri: neo.uri, kind: 'local' });
let server: ChildProcess | undefined;
try {
  await applySchema(graph);
  await loadSyntheticOnce(graph, { dir, dataDir, papers });

  // Pick realistic targets from the data itself.
  const pickOne = async (cypher: string) =>
    graph.transaction('READ', async (tx) => plainRow(must((await tx.run(cypher)).records[0], `a row of ${cypher}`)));
  /** `n` + 1 values spread evenly over the (sorted) list the query collects as `all`; the first is the fixed target. */
  const spread = async (cypher: string, n: number) => {
    const { all } = await pickOne(cypher);
    const list = z.array(z.string()).parse(all);
    return Array.from({ length: Math.min(n + 1, list.length) }, (_, i) => must(list[Math.floor((i * list.length) / (n + 1))], 'a spread value'));
  };
  const hub = await pickOne(
    'MATCH (a:Author) WITH a, COUNT { (a)-[:AUTHORED]->() } AS n ORDER BY n DESC LIMIT 1 RETURN a.id AS id, n',
  );
  // Typical authors: 10-20 papers. The first (by id) is the fixed target, so runs compare on the same author.
  const typicalAuthors = await spread(
    'MATCH (a:Author) WITH a, COUNT { (a)-[:AUTHORED]->() } AS n WHERE n >= 10 AND n <= 20 WITH a.id AS id ORDER BY id RETURN collect(id) AS all',
    distinct,
  );
  const other = await pickOne(
    'MATCH (a:Author) WITH a, COUNT { (a)-[:AUTHORED]->() } AS n WHERE n >= 10 AND n <= 20 RETURN a.id AS id ORDER BY a.id DESC LIMIT 1',
  );
  const paper = await pickOne(
    'MATCH (p:Paper) WHERE p.authorCount >= 3 AND p.authorCount <= 8 RETURN p.id AS id ORDER BY p.id SKIP 5000 LIMIT 1',
  );
  // Typical papers: 3-8 authors, spread over the id order.
  const typicalPapers = (
    await spread(
      'MATCH (p:Paper) WHERE p.authorCount >= 3 AND p.authorCount <= 8 WITH p.id AS id ORDER BY id RETURN collect(id) AS all',
      distinct,
    )
  ).filter((id) => id !== paper.id);
  const topic = await pickOne('MATCH (t:Topic) RETURN t.name AS name ORDER BY COUNT { (t)<-[:HAS_TOPIC]-() } DESC LIMIT 1');
  // What people type into the search box: title words (broad: each matches thousands of papers) and author surnames
  // (narrow), half and half, cut to 3, 4, 5 or 6 letters (or whole).
  const wordList = async (cypher: string) => ((await pickOne(cypher)).all as string[]).filter((w) => /^[a-z]{4,}$/.test(w));
  const prefixesOf = (words: string[]) => [...new Set(words.map((w, i) => w.slice(0, 3 + (i % 4))))];
  const titlePrefixes = prefixesOf(
    await wordList("MATCH (p:Paper) WITH p LIMIT 20000 UNWIND split(toLower(p.title), ' ') AS w WITH DISTINCT w ORDER BY w RETURN collect(w) AS all"),
  );
  const namePrefixes = prefixesOf(
    await wordList(
      "MATCH (a:Author) WITH a LIMIT 20000 WITH DISTINCT toLower(last(split(a.name, ' '))) AS w ORDER BY w RETURN collect(w) AS all",
    ),
  ).filter((w) => !titlePrefixes.includes(w));
  const pick = (list: string[], n: number) => Array.from({ length: n }, (_, i) => must(list[Math.floor((i * list.length) / n) % list.length], 'a picked prefix'));
  const half = Math.ceil((distinct + 1) / 2);
  const searchInputs = [...new Set(pick(titlePrefixes, half).flatMap((t, i) => [t, must(pick(namePrefixes, half)[i], 'a name prefix')]))];
  const e = encodeURIComponent;
  const firstAuthor = must(typicalAuthors[0], 'an author with 10-20 papers');
  const fixed = (name: string, url: string): Cell => ({ name, paths: [url] });
  const rotating = (name: string, urls: string[]): Cell => ({ name, paths: urls.slice(1), warm: urls[0] });
  const egoUrl = (id: string) => `/api/graph/coauthors?author=${e(id)}&depth=2`;
  const cells: Cell[] = [
    fixed('health', '/api/health'),
    fixed('search (autocomplete "gra")', '/api/search?q=gra&limit=10'),
    fixed('search (full word)', `/api/search?q=${e(String(topic.name).split(' ')[0] ?? '')}&limit=10`),
    rotating(`search, ${searchInputs.length - 1} distinct prefixes (rotating)`, searchInputs.map((q) => `/api/search?q=${e(q)}&limit=10`)),
    fixed('paper', `/api/papers/${e(String(paper.id))}`),
    fixed('related by=all', `/api/papers/${e(String(paper.id))}/related?by=all&limit=10`),
    fixed('related by=authors', `/api/papers/${e(String(paper.id))}/related?by=authors&limit=10`),
    rotating(
      `related by=all, ${distinct} distinct papers (rotating)`,
      [String(paper.id), ...typicalPapers].map((id) => `/api/papers/${e(id)}/related?by=all&limit=10`),
    ),
    fixed('author', `/api/authors/${e(firstAuthor)}`),
    fixed('ego network depth 2', egoUrl(firstAuthor)),
    rotating(`ego network depth 2, ${distinct} distinct authors (rotating)`, typicalAuthors.map(egoUrl)),
    fixed(`hub ego network depth 2 (${hub.n} papers)`, egoUrl(String(hub.id))),
    fixed('topic graph', '/api/graph/topics?limit=100'),
    fixed('path (maxHops 4)', `/api/graph/path?from=${e(firstAuthor)}&to=${e(String(other.id))}&maxHops=4`),
    fixed('stats', '/api/stats'),
  ].filter((c) => !values.only || values.only.split('|').some((part) => c.name.includes(part)));

  const started = await startServer(neo);
  server = started.child;
  const { base } = started;
  const rows: string[] = [];
  for (const cell of cells) {
    const warmPath = cell.warm ?? must(cell.paths[0], `a path of cell ${cell.name}`);
    const warm = await fetch(base + warmPath);
    const warmBody = await warm.text();
    if (warm.status !== 200) throw new Error(`${cell.name}: ${warmPath} answered ${warm.status}: ${warmBody}`);
    if (cell.name.startsWith('hub ')) {
      const g = JSON.parse(warmBody) as { nodes: unknown[]; edges: unknown[]; truncated?: { reasons?: string[] } };
      console.error(`${cell.name}: ${g.nodes.length} nodes, ${g.edges.length} edges, ${g.truncated?.reasons?.length ?? 0} truncation reasons`);
    }
    // Warm-up, not recorded: the warm path for a few seconds, so the JIT of Neo4j and Node has seen this endpoint
    // (otherwise the first cells after start-up pay for it).
    await autocannon({ url: base + warmPath, connections: 2, duration: Math.min(3, seconds) });
    const out: string[] = [];
    for (const connections of [1, 16]) {
      const m = await measure(base, cell, connections, { server: server.pid, neo4j: neo.pid });
      out.push(m.text);
      console.error(`${cell.name} c=${connections}: ${m.log}`);
    }
    rows.push(`| ${cell.name} | ${out[0]} | ${out[1]} |`);
  }
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()} with \`npm run bench:api\`: ${papers.toLocaleString('en-US')}`,
    'synthetic papers (bench/synthetic.ts) in a local Neo4j 5.26 (heap 2g, page cache 2g) on the same machine. The API',
    'server runs in its own Node process (bench/api-server.ts); autocannon runs in the bench process, one connection',
    `per concurrent client, ${seconds} s per cell. Cells: p50 / p95 / p99 latency computed from every response time,`,
    'throughput (2xx responses per second), and CPU per request (ms) of the server process + Neo4j + autocannon,',
    'from /proc. The three share the 2 cores, so at concurrency 16 latency ≈ 16 / throughput (requests queue for CPU).',
    `Fixed cells repeat one URL; rotating cells cycle over ${distinct} distinct inputs (typical authors with 10–20`,
    'papers, papers with 3–8 authors, search prefixes of 3–6 letters, half from titles, half from surnames). Before each',
    'cell, 3 s of unrecorded warm-up on one URL (for rotating cells one outside the rotation).',
    '',
    '| endpoint | concurrency 1 | concurrency 16 |',
    '|---|---|---|',
    ...rows,
  ].join('\n');
  if (values.only || values['print-only']) console.log(body);
  else {
    writeBenchSection('API', body);
    console.log(body);
  }
} finally {
  if (server) await stopServer(server);
  await driver.close();
  await neo.stop();
}
