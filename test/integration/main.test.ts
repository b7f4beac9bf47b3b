// The real entry point (server/main.ts) as `npm start` runs it: a local Neo4j with the sample loaded, a clean stop that
// leaves no JVM, a second start on the same data; and an unreachable NEO4J_URI that still serves (503).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HealthResponse } from '../../schema/api.js';
import { must } from '../../core/must.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const running: ChildProcess[] = [];
afterAll(() => {
  for (const c of running) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Starts server/main.ts; resolves when /api/health answers with `status` (or rejects after the timeout). */
async function start(env: Record<string, string>, status: number, timeoutMs = 120_000) {
  const port = await freePort();
  const clean = { ...process.env };
  for (const k of ['NEO4J_URI', 'NEO4J_PASSWORD', 'NEO4J_USER', 'NEO4J_DATABASE']) delete clean[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...clean, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let log = '';
  must(child.stdout, 'the stdout pipe of the server').on('data', (d) => (log += d));
  must(child.stderr, 'the stderr pipe of the server').on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}/api/health`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(url);
      if (res.status === status) return { child, url, body: HealthResponse.parse(await res.json()), log: () => log };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`no ${status} from ${url} in time:\n${log}`);
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start (server/main.ts)', () => {
  it('serves the sample from a local Neo4j, stops cleanly without leaving a JVM, and reuses the data', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pg-main-'));
    try {
      const first = await start({ DATA_DIR: dataDir }, 200);
      expect(first.body.neo4j.version).toMatch(/^5\.26\./);
      expect(first.body.counts).toMatchObject({ papers: 11, authors: 26, categories: 4 });
      const jvm = Number(/\(pid (\d+)\)/.exec(first.log())?.[1]);
      expect(jvm).toBeGreaterThan(0);
      expect(await stop(first.child)).toBe(0);
      for (let i = 0; i < 50 && alive(jvm); i++) await new Promise((r) => setTimeout(r, 200));
      expect(alive(jvm)).toBe(false);

      const second = await start({ DATA_DIR: dataDir }, 200);
      expect(second.body.counts).toMatchObject({ papers: 11, authors: 26 });
      expect(second.log()).not.toContain('loading the sample');
      expect(await stop(second.child)).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('with an unreachable NEO4J_URI still starts and answers 503 naming the URI', async () => {
    const s = await start({ NEO4J_URI: 'bolt://127.0.0.1:1' }, 503, 60_000);
    expect(s.body).toMatchObject({ status: 'unavailable', neo4j: { connected: false, uri: 'bolt://127.0.0.1:1' } });
    expect(s.body.neo4j.message).toContain('bolt://127.0.0.1:1');
    expect(await stop(s.child)).toBe(0);
  });
});
