// npm run bench:scale -- --papers 100000,1000000 [--reuse-data DIR] [--seconds 8] [--load bulk|transactional]
// [--print-only]: per size, N synthetic arXiv-shaped papers (bench/synthetic.ts, seed 42) loaded into a local Neo4j by
// `npm run ingest -- --bulk` (kept under DIR/scale-N and reused by later runs), then a restart (a new JVM: cold page
// cache and query plans) and per view: the first request once the server reports ready, warm p50/p95 at c=1,
// throughput/p95/errors at c=16 with /api/health as the floor, the response's bytes (plain and gzip), and the time of a
// full summary refresh. Prints a table per size, a growth table across sizes and PASS/MISS per goal; writes a
// "bench:scale" section per size into docs/benchmarks.md unless --print-only. `--serve` is the child mode: the API
// server as `npm start` runs it (summary, listen, warm-up).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { connect } from '../db/connect.js';
import { Graph } from '../db/graph.js';
import { startLocalNeo4j } from '../db/local-neo4j.js';
import { applySchema } from '../db/schema.js';
import { ingest } from '../ingest/pipeline.js';
import { refreshSummaries } from '../db/summary/refresh.js';
import { createApp } from '../server/app.js';
import { loadConfig } from '../core/config.js';
import { StartState } from '../server/summary/readiness.js';
import { SummaryService } from '../server/summary/summary.service.js';
import { warmUp } from '../server/summary/warm.js';
import { ms, summarize } from './latency.js';
import { machine, writeBenchSection } from './report.js';
import { writeSyntheticArxiv } from './synthetic.js';
import { must } from '../core/must.js';
import { plainRow } from '../db/plain.js';

const LISTENING_PREFIX = 'PAPERGRAPH_SCALE_LISTENING ';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '8' },
    'reuse-data': { type: 'string' },
    load: { type: 'string', default: 'bulk' },
    'print-only': { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
  },
});

/** Child mode: the server as server/main.ts prepares it, minus the client build and the sample data. */
async function serveMode(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => console.error(`[scale-server] ${line}`);
  const connection = await connect(config, log);
  const start = new StartState(new SummaryService(connection.graph, { log }));
  // As server/main.ts does, a summary read that fails on a cold, busy database is retried rather than fatal.
  for (;;) {
    try {
      await start.summaries.ensureBuilt();
      break;
    } catch (err) {
      log(`summary not ready (${(err as Error).message}); retrying in 5 s`);
      await new Promise((r) => setTimeout(r, 5_000));
    }
  }
  const server = createApp({ graph: connection.graph, start, log }).listen(0, '127.0.0.1');
  server.on('listening', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    console.log(`${LISTENING_PREFIX}${port}`);
    void warmUp(`http://127.0.0.1:${port}`, connection.graph, start, log);
  });
  process.stdin.on('end', () => {
    server.close();
    server.closeAllConnections();
    void connection.close().then(() => process.exit(0));
  });
  process.stdin.resume();
}


async function benchMode(): Promise<void> {
  const sizes = String(values.papers)
    .split(',')
    .map((x) => Number(x.trim().replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error(`--papers takes sizes of at least 100, comma-separated; got ${values.papers}`);
  const seconds = Number(values.seconds);
  if (!(seconds > 0)) throw new Error(`--seconds must be a positive number; got ${values.seconds}`);
  if (values.load !== 'bulk' && values.load !== 'transactional') throw new Error(`--load takes bulk or transactional; got ${values.load}`);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dataRoot = path.resolve(values['reuse-data'] ?? path.join(os.tmpdir(), 'papergraph-bench'));
  mkdirSync(dataRoot, { recursive: true });
  const results: SizeResult[] = [];
  for (const papers of sizes) {
    const r = await runSize(root, dataRoot, papers, seconds, values.load);
    results.push(r);
    const text = sizeSection(r, seconds);
    console.log(`\n## bench:scale, ${papers.toLocaleString('en')} papers\n\n${text}\n`);
    if (!values['print-only']) writeBenchSection(`bench:scale, ${papers.toLocaleString('en')} papers`, text, path.join(root, 'docs', 'benchmarks.md'));
  }
  if (results.length > 1) console.log(`\n${growthTable(results)}\n`);
  const missed = results.flatMap((r) => r.goals.filter((g) => !g.pass).map((g) => `${r.papers}: ${g.goal}`));
  console.log(missed.length === 0 ? 'All goals PASS.' : `Goals missed:\n${missed.map((m) => `  MISS ${m}`).join('\n')}`);
}

interface ViewResult {
  name: string;
  path: string;
  first: { ms: number; status: number; bytes: number; gzip: number };
  c1: { p50: number; p95: number; failed: number };
  c16: { rps: number; p95: number; failed: number };
}

interface SizeResult {
  papers: number;
  notes: string[];
  views: ViewResult[];
  floor: { rps: number; p95: number; failed: number };
  refreshMs: number;
  summaryBytes: Record<string, number>;
  goals: { goal: string; pass: boolean; detail: string }[];
}

/** Loads `papers` synthetic papers into `dataDir` (a DATA_DIR) unless a previous run did, through the chosen path. */
async function load(root: string, dataRoot: string, dataDir: string, papers: number, how: string): Promise<string> {
  const marker = path.join(dataDir, 'bench-loaded');
  if (existsSync(marker)) return `reused the store loaded earlier: ${readFileSync(marker, 'utf8').trim()}`;
  const file = path.join(dataRoot, `synthetic-arxiv-${papers}.jsonl`);
  if (!existsSync(file)) {
    console.error(`writing ${file}…`);
    await writeSyntheticArxiv(file, { papers, seed: 42 });
  }
  const t0 = performance.now();
  if (how === 'bulk') {
    if (existsSync(path.join(dataDir, 'neo4j', 'data', 'databases'))) {
      throw new Error(`${dataDir} holds a store but no bench-loaded marker (an interrupted load?): remove it and run again`);
    }
    console.error(`loading ${papers} synthetic papers with npm run ingest -- --bulk into ${dataDir}…`);
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.NEO4J_URI;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'ingest', 'cli.ts'), '--bulk', file], {
        cwd: root,
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ingest --bulk exited with ${code}`))));
    });
  } else {
    // A 2,000-paper batch can take over a minute on a loaded machine: a longer transaction timeout than the default.
    const neo = await startLocalNeo4j({ dataDir: path.join(dataDir, 'neo4j'), port: 0, startTimeoutMs: 600_000, transactionTimeout: '600s' });
    const graph = new Graph(neo4j.driver(neo.uri, neo4j.auth.basic(neo.user, neo.password)), { uri: neo.uri, kind: 'local' });
    try {
      await applySchema(graph);
      console.error(`loading ${papers} synthetic papers (transactional ingest)…`);
      await ingest([{ path: file }], graph, {});
    } finally {
      await graph.close();
      await neo.stop();
    }
  }
  const line = `${new Date().toISOString()}: ${papers} papers loaded by the ${how === 'bulk' ? 'bulk path (ingest --bulk)' : 'transactional ingest'} in ${(
    (performance.now() - t0) /
    1000
  ).toFixed(0)} s`;
  writeFileSync(marker, `${line}\n`);
  return line;
}

async function runSize(root: string, dataRoot: string, papers: number, seconds: number, how: string): Promise<SizeResult> {
  const dataDir = path.join(dataRoot, `scale-${papers}`);
  mkdirSync(dataDir, { recursive: true });
  const notes = [await load(root, dataRoot, dataDir, papers, how)];

  // Restart: a new JVM on the loaded store, then the server.
  const t0 = performance.now();
  const neo = await startLocalNeo4j({
    dataDir: path.join(dataDir, 'neo4j'),
    port: 0,
    startTimeoutMs: 600_000,
    heap: process.env.NEO4J_HEAP || undefined,
    pageCache: process.env.NEO4J_PAGECACHE || undefined,
  });
  const neoMs = performance.now() - t0;
  const graph = new Graph(neo4j.driver(neo.uri, neo4j.auth.basic(neo.user, neo.password)), { uri: neo.uri, kind: 'local' });
  let server: ChildProcess | undefined;
  try {
    const t1 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'scale.ts'), '--serve'], {
      cwd: root,
      env: { ...process.env, NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password, LOAD_SAMPLE: 'false' },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    server = child;
    const port = await new Promise<number>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (l) => l.startsWith(LISTENING_PREFIX) && resolve(Number(l.slice(LISTENING_PREFIX.length))));
      child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
    const listenMs = performance.now() - t1;
    const base = `http://127.0.0.1:${port}`;
    let health: { ready?: boolean; warm?: { ms: number | null } } = {};
    for (;;) {
      health = (await (await fetch(`${base}/api/health`)).json()) as typeof health;
      if (health.ready) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const readyMs = performance.now() - t1;
    notes.push(
      `Neo4j start ${ms(neoMs)} ms; server listening ${ms(listenMs)} ms after spawn (summary checked/built first), ` +
        `ready (warm-up done, ${health.warm?.ms ?? '?'} ms) ${ms(readyMs)} ms after spawn`,
    );

    // Targets from the data.
    const one = async (q: string) =>
      graph.transaction('READ', async (tx) => {
        const [r] = (await tx.run(q)).records;
        if (!r) throw new Error(`bench target query found nothing: ${q}`);
        return plainRow(r);
      });
    const hub = await one('MATCH (a:Author) WITH a, COUNT { (a)-[:AUTHORED]->() } AS n ORDER BY n DESC LIMIT 1 RETURN a.id AS id, n');
    const typical = await one(
      'MATCH (a:Author) WITH a, COUNT { (a)-[:AUTHORED]->() } AS n WHERE n >= 5 AND n <= 20 RETURN a.id AS id ORDER BY a.id LIMIT 1',
    );
    const other = await one(
      'MATCH (a:Author) WITH a, COUNT { (a)-[:AUTHORED]->() } AS n WHERE n >= 5 AND n <= 20 RETURN a.id AS id ORDER BY a.id DESC LIMIT 1',
    );
    const paper = await one(
      `MATCH (p:Paper) WHERE p.authorCount >= 3 AND p.authorCount <= 8 RETURN p.id AS id ORDER BY p.id SKIP ${Math.floor(papers / 20)} LIMIT 1`,
    );
    const topic = await one('MATCH (t:Topic) RETURN t.id AS id, t.name AS name ORDER BY COUNT { (t)<-[:HAS_TOPIC]-() } DESC LIMIT 1');
    const e = (v: unknown) => encodeURIComponent(String(v));
    const views: [string, string][] = [
      [OVERVIEW, '/api/stats'],
      ['topic map', '/api/graph/topics'],
      ['topic map, 1,000 topics', '/api/graph/topics?limit=1000'],
      ['topic map, bipartite', '/api/graph/topics?mode=bipartite'],
      ['co-author network (whole)', '/api/graph/coauthors'],
      ['related papers (by=all)', `/api/papers/${e(paper.id)}/related?by=all`],
      [`${HUB} (${hub.n} papers)`, `/api/graph/coauthors?author=${e(hub.id)}`],
      ['typical co-author map, depth 2', `/api/graph/coauthors?author=${e(typical.id)}&depth=2`],
      ['paper', `/api/papers/${e(paper.id)}`],
      ['author', `/api/authors/${e(typical.id)}`],
      ['search', `/api/search?q=${e(String(topic.name).split(' ')[0])}`],
      ['topic-centred map', `/api/graph/topics?topic=${e(topic.id)}`],
      ['path (two typical authors)', `/api/graph/path?from=${e(typical.id)}&to=${e(other.id)}`],
    ];

    // First request of each view after the restart (the server reported ready).
    const first = new Map<string, ViewResult['first']>();
    for (const [name, p] of views) {
      const s = performance.now();
      const res = await fetch(`${base}${p}`, { headers: { 'Accept-Encoding': 'identity' } });
      const body = Buffer.from(await res.arrayBuffer());
      first.set(name, { ms: performance.now() - s, status: res.status, bytes: body.length, gzip: gzipSync(body).length });
    }
    // Warm c=1 and c=16 per view; /api/health at c=16 as the floor.
    const run = async (p: string, connections: number) => {
      const times: number[] = [];
      let failed = 0;
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const inst = autocannon({ url: `${base}${p}`, connections, duration: seconds }, (err, r) => (err ? reject(err) : resolve(r)));
        inst.on('response', (_c, status, _b, t) => (status >= 200 && status < 300 ? times.push(t) : failed++));
      });
      failed += result.errors + result.timeouts;
      const s = summarize(times);
      return { p50: s.p50, p95: s.p95, rps: s.count / result.duration, failed };
    };
    const floor = await run('/api/health', 16);
    const results: ViewResult[] = [];
    for (const [name, p] of views) {
      const c1 = await run(p, 1);
      const c16 = await run(p, 16);
      results.push({ name, path: p, first: must(first.get(name), 'first.get(name)'), c1, c16 });
      console.error(tableRow(must(results.at(-1), 'the row just measured')));
    }

    // A full summary refresh of this store (computed as after a load; nothing newer is stored, the version is unchanged).
    const refresh = await refreshSummaries(graph);
    const sizes = await graph.transaction('READ', async (tx) =>
      (await tx.run('MATCH (m:PaperGraphSummary) RETURN m.key AS key, size(m.json) AS bytes')).records.map(
        (r) => [String(r.get('key')), Number(r.get('bytes'))] as const,
      ),
    );
    notes.push(`load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
    const result: SizeResult = {
      papers,
      notes,
      views: results,
      floor: { rps: floor.rps, p95: floor.p95, failed: floor.failed },
      refreshMs: refresh.ms,
      summaryBytes: Object.fromEntries(sizes),
      goals: [],
    };
    result.goals = checkGoals(result);
    return result;
  } finally {
    server?.stdin?.end();
    await new Promise((r) => setTimeout(r, 1_000));
    if (server && server.exitCode === null) server.kill('SIGTERM');
    await graph.close();
    await neo.stop();
  }
}

const OVERVIEW = 'overview `/api/stats`';
const HUB = 'hub co-author map, depth 1';

/** The goals of issue 10 (stated for 1M papers on 2 cores, 24 GiB), checked for one size. */
function checkGoals(r: SizeResult): SizeResult['goals'] {
  const goals: SizeResult['goals'] = [];
  const goal = (name: string, misses: string[], detail: string) => goals.push({ goal: name, pass: misses.length === 0, detail: misses.length ? misses.join('; ') : detail });
  const overview = must(r.views.find((v) => v.name === OVERVIEW), 'the overview row');
  goal('overview < 100 ms warm (p50 at c=1)', overview.c1.p50 < 100 ? [] : [`p50 ${ms(overview.c1.p50)} ms`], `p50 ${ms(overview.c1.p50)} ms`);
  const worstP95 = Math.max(...r.views.map((v) => v.c1.p95));
  goal(
    'every view p95 < 300 ms warm at c=1',
    r.views.filter((v) => !(v.c1.p95 < 300)).map((v) => `${v.name} ${ms(v.c1.p95)} ms`),
    `slowest p95 ${ms(worstP95)} ms`,
  );
  goal(
    'every view < 1.5 s first after start (and 200)',
    r.views.filter((v) => !(v.first.ms < 1500) || v.first.status !== 200).map((v) => `${v.name} ${ms(v.first.ms)} ms (${v.first.status})`),
    `slowest ${ms(Math.max(...r.views.map((v) => v.first.ms)))} ms`,
  );
  const hub = must(r.views.find((v) => v.name.startsWith(HUB)), 'the hub row');
  goal('hub map < 150 kB', hub.first.bytes < 150_000 ? [] : [`${(hub.first.bytes / 1000).toFixed(1)} kB`], `${(hub.first.bytes / 1000).toFixed(1)} kB`);
  goal(
    'c=16: 0 errors',
    [...r.views, { name: '/api/health', c16: r.floor }].filter((v) => v.c16.failed > 0).map((v) => `${v.name} ${v.c16.failed} errors`),
    'no errors',
  );
  goal(
    `c=16: p95 within 2× /api/health's p95 (${ms(r.floor.p95)} ms)`,
    r.views.filter((v) => !(v.c16.p95 <= 2 * r.floor.p95)).map((v) => `${v.name} ${ms(v.c16.p95)} ms`),
    `slowest p95 ${ms(Math.max(...r.views.map((v) => v.c16.p95)))} ms`,
  );
  return goals;
}

function tableRow(v: ViewResult): string {
  const f = v.first;
  return (
    `| ${v.name} | ${ms(f.ms)}${f.status === 200 ? '' : ` (${f.status})`} | ${ms(v.c1.p50)} / ${ms(v.c1.p95)}${v.c1.failed ? ` (${v.c1.failed} errors)` : ''} | ` +
    `${Math.round(v.c16.rps)} req/s, p95 ${ms(v.c16.p95)}, ${v.c16.failed} errors | ${(f.bytes / 1024).toFixed(1)} kB (${(f.gzip / 1024).toFixed(1)} kB gzip) |`
  );
}

/** The section for one size, ready for docs/benchmarks.md. */
function sizeSection(r: SizeResult, seconds: number): string {
  const summary = Object.entries(r.summaryBytes)
    .map(([k, b]) => `${k} ${(b / 1024).toFixed(0)} kB`)
    .join(', ');
  return [
    `${r.papers.toLocaleString('en')} synthetic arXiv-shaped papers (bench/synthetic.ts, seed 42); Neo4j restarted (new JVM) before ` +
      `measuring; local Neo4j with heap ${process.env.NEO4J_HEAP || 'default (1g)'} and page cache ${process.env.NEO4J_PAGECACHE || 'sized from the store'}. ${machine()}.`,
    '',
    ...r.notes.map((n) => `- ${n}`),
    `- full summary refresh (every stored part, as after a load): ${ms(r.refreshMs)} ms; stored parts: ${summary}`,
    '',
    `| view | first request after start (ms) | warm c=1 p50 / p95 (ms) | c=16, ${seconds} s | response (plain, first request) |`,
    '|---|---|---|---|---|',
    ...r.views.map(tableRow),
    `| floor: \`/api/health\` | – | – | ${Math.round(r.floor.rps)} req/s, p95 ${ms(r.floor.p95)}, ${r.floor.failed} errors | – |`,
    '',
    '| goal | result | |',
    '|---|---|---|',
    ...r.goals.map((g) => `| ${g.goal} | ${g.pass ? 'PASS' : 'MISS'} | ${g.detail} |`),
  ].join('\n');
}

/** Warm p50 / p95 at c=1 and first request per view across sizes, so growth with the corpus is visible. */
function growthTable(results: SizeResult[]): string {
  const head = `| view | ${results.map((r) => `${r.papers.toLocaleString('en')}: warm p50 / p95, first (ms)`).join(' | ')} |`;
  const names = must(results[0], 'a size').views.map((v) => v.name.replace(/ \(\d+ papers\)$/, ''));
  const rows = names.map((name, i) => {
    const cells = results.map((r) => {
      const v = r.views[i];
      return v ? `${ms(v.c1.p50)} / ${ms(v.c1.p95)}, ${ms(v.first.ms)}` : '–';
    });
    return `| ${name} | ${cells.join(' | ')} |`;
  });
  const refresh = `| summary refresh | ${results.map((r) => `${ms(r.refreshMs)}`).join(' | ')} |`;
  return ['### Growth across sizes', '', head, `|---|${results.map(() => '---|').join('')}`, ...rows, refresh].join('\n');
}

// Last, so every module-level constant above is initialised before either mode runs.
if (values.serve) {
  await serveMode();
} else {
  await benchMode();
}
