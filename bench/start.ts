// npm run bench:start : cold start (empty jar and Maven caches) and warm start (cached jars, existing data), each from
// launching `npm start` to the first 200 on /api/health; warm is the median of 3.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { machine, writeBenchSection } from './report.js';
import { must } from '../core/must.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `npm start` with `env`, returns ms until /api/health answers 200 and a stop function. */
async function timeStart(env: NodeJS.ProcessEnv): Promise<{ ms: number; stop: () => Promise<void>; log: string[] }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const log: string[] = [];
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    try {
      process.kill(-must(child.pid, 'the pid of the server'), 'SIGINT');
    } catch {
      /* already gone */
    }
    await exited;
  };
  const deadline = started + 15 * 60_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${log.join('')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return { ms: performance.now() - started, stop, log };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`no 200 from /api/health within 15 minutes:\n${log.join('')}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'papergraph-bench-start-'));
try {
  // Cold: a fresh data dir, an empty jar cache and an empty Maven repository, so every jar is downloaded.
  const coldEnv = {
    DATA_DIR: path.join(tmp, 'cold-data'),
    PAPERGRAPH_NEO4J_JARS: path.join(tmp, 'jars'),
    MAVEN_OPTS: `-Dmaven.repo.local=${path.join(tmp, 'm2')}`,
  };
  const cold = await timeStart(coldEnv);
  await cold.stop();
  const fetched = cold.log.join('').match(/Resolved (\d+) jars \(([\d.]+) MiB\) in ([\d.]+) s/);
  console.error(`cold: ${secs(cold.ms)} ${fetched ? `(${fetched[0]})` : ''}`);

  // Warm: jars cached, data existing (the sample was loaded by the first warm run's predecessor below).
  const warmEnv = { DATA_DIR: path.join(tmp, 'warm-data') };
  const first = await timeStart(warmEnv); // loads the sample into an empty database; not counted
  await first.stop();
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    const run = await timeStart(warmEnv);
    warm.push(run.ms);
    await run.stop();
    console.error(`warm ${i + 1}: ${secs(run.ms)}`);
  }
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()} with \`npm run bench:start\`: from launching`,
    '`npm start` to the first 200 on `/api/health` (local Neo4j in a child JVM; the client was already built).',
    '',
    '| start | time | notes |',
    '|---|---|---|',
    `| cold (empty jar cache and Maven repository, empty data dir) | ${secs(cold.ms)} | ${fetched ? `${fetched[1]} jars, ${fetched[2]} MiB downloaded and copied in ${fetched[3]} s` : 'jar figures not found in the log'} |`,
    `| first start with cached jars (empty data dir: includes loading the sample) | ${secs(first.ms)} | |`,
    `| warm (cached jars, existing data), median of 3 | ${secs(median(warm))} | runs: ${warm.map(secs).join(', ')} |`,
  ].join('\n');
  writeBenchSection('Start', body);
  console.log(body);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
