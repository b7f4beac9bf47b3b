// npm run bench:scale -- --papers N : N synthetic arXiv-shaped papers loaded into a local Neo4j (transactional ingest;
// the database is cached between runs), then a restart (a new JVM: cold page cache and query plans) and per view:
// the first request once the server reports ready, warm p50/p95 at c=1, throughput/p95/errors at c=16 with
// /api/health as the floor, and the response's bytes (plain and gzip). Writes a "bench:scale" section per N into
// docs/benchmarks.md. `--serve` is the child mode: the API server as `npm start` runs it (summary, listen, warm-up).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
  await start.summaries.ensureBuilt();
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

if (values.serve) {
  await serveMode();
} else {
  await benchMode();
}

async function benchMode(): Promise<void> {
  const papers = Number(values.papers);
  const seconds = Number(values.seconds);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = path.join(os.tmpdir(), 'papergraph-bench');
  const dataDir = path.join(dir, `neo4j-scale-${papers}`);
  const loadedMarker = path.join(dataDir, 'bench-loaded');
  mkdirSync(dir, { recursive: true });
  const notes: string[] = [];

  // 1. Load (once per N; kept between runs).
  if (!existsSync(loadedMarker)) {
    // A 2,000-paper batch can take over a minute on a loaded machine: a longer transaction timeout than the default.
    const neo = await startLocalNeo4j({ dataDir, port: 0, startTimeoutMs: 600_000, transactionTimeout: '600s' });
    const graph = new Graph(neo4j.driver(neo.uri, neo4j.auth.basic(neo.user, neo.password)), { uri: neo.uri, kind: 'local' });
    try {
      await applySchema(graph);
      const file = path.join(dir, `synthetic-arxiv-${papers}.jsonl`);
      if (!existsSync(file)) await writeSyntheticArxiv(file, { papers, seed: 42 });
      console.error(`loading ${papers} synthetic papers (transactional ingest)…`);
      const s = await ingest([{ path: file }], graph, {});
      const line = `loaded ${papers} papers in ${(s.elapsedMs / 1000).toFixed(0)} s (transactional ingest; summary refresh ${s.timings.summary ?? '?'} ms)`;
      console.error(line);
      writeFileSync(loadedMarker, `${new Date().toISOString()} ${line}\n`);
    } finally {
      await graph.close();
      await neo.stop();
    }
  }

  // 2. Restart: a new JVM on the loaded store, then the server.
  const t0 = performance.now();
  const neo = await startLocalNeo4j({ dataDir, port: 0, startTimeoutMs: 600_000 });
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

    // 3. Targets from the data.
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
      ['overview `/api/stats`', '/api/stats'],
      ['topic map', '/api/graph/topics'],
      ['co-author network (whole)', '/api/graph/coauthors'],
      ['related papers (by=all)', `/api/papers/${e(paper.id)}/related?by=all`],
      [`hub co-author map, depth 1 (${hub.n} papers)`, `/api/graph/coauthors?author=${e(hub.id)}`],
      ['typical co-author map, depth 2', `/api/graph/coauthors?author=${e(typical.id)}&depth=2`],
      ['paper', `/api/papers/${e(paper.id)}`],
      ['author', `/api/authors/${e(typical.id)}`],
      ['search', `/api/search?q=${e(String(topic.name).split(' ')[0])}`],
      ['topic-centred map', `/api/graph/topics?topic=${e(topic.id)}`],
      ['path (two typical authors)', `/api/graph/path?from=${e(typical.id)}&to=${e(other.id)}`],
    ];

    // 4. First request of each view after the restart (the server reported ready).
    const rows: string[] = [];
    const first = new Map<string, { ms: number; status: number; bytes: number; gzip: number }>();
    for (const [name, p] of views) {
      const s = performance.now();
      const res = await fetch(`${base}${p}`, { headers: { 'Accept-Encoding': 'identity' } });
      const body = Buffer.from(await res.arrayBuffer());
      first.set(name, { ms: performance.now() - s, status: res.status, bytes: body.length, gzip: gzipSync(body).length });
    }
    // 5. Warm c=1 and c=16 per view; /api/health at c=16 as the floor.
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
    for (const [name, p] of views) {
      const c1 = await run(p, 1);
      const c16 = await run(p, 16);
      const f = must(first.get(name), 'first.get(name)');
      rows.push(
        `| ${name} | ${ms(f.ms)}${f.status === 200 ? '' : ` (${f.status})`} | ${ms(c1.p50)} / ${ms(c1.p95)} | ` +
          `${Math.round(c16.rps)} req/s, p95 ${ms(c16.p95)}, ${c16.failed} errors | ${(f.bytes / 1024).toFixed(1)} kB (${(f.gzip / 1024).toFixed(1)} kB gzip) |`,
      );
      console.error(rows.at(-1));
    }
    rows.push(`| floor: \`/api/health\` | – | – | ${Math.round(floor.rps)} req/s, p95 ${ms(floor.p95)}, ${floor.failed} errors | – |`);
    const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
    const body = [
      `${papers.toLocaleString('en')} synthetic arXiv-shaped papers (bench/synthetic.ts, seed 42), loaded by the transactional ingest; ` +
        `Neo4j restarted (new JVM) before measuring; local Neo4j with default heap (1g) and page cache (sized from the store). ` +
        `${machine()}; load average at the end ${load} (shared machine: other engineers' builds and databases ran at the same time).`,
      '',
      notes.map((n) => `- ${n}`).join('\n'),
      '',
      `| view | first request after start (ms) | warm c=1 p50 / p95 (ms) | c=16, ${seconds} s | response (plain, first request) |`,
      '|---|---|---|---|---|',
      ...rows,
    ].join('\n');
    console.log(body);
    if (!values['print-only']) writeBenchSection(`bench:scale, ${papers.toLocaleString('en')} papers`, body, path.join(root, 'docs', 'benchmarks.md'));
  } finally {
    server?.stdin?.end();
    await new Promise((r) => setTimeout(r, 1_000));
    if (server && server.exitCode === null) server.kill('SIGTERM');
    await graph.close();
    await neo.stop();
  }
}
