// Runs the real entry point (server/main.ts) in a child process, as `npm start` does, for the fault suites.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { must } from '../../core/must.js';

export interface ServerProcess {
  child: ChildProcess;
  /** Base URL, e.g. http://127.0.0.1:PORT */
  url: string;
  /** Everything the server printed so far. */
  log(): string;
  /** SIGINT, resolving with the exit code. */
  stop(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();
/** Kills (SIGKILL) every server this module started that is still running: for afterAll. */
export function killServers(): void {
  for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

/**
 * Starts server/main.ts with `env` (NEO4J_* of this process removed first) and resolves once /api/health answers
 * `status`; rejects with the server's output when it exits or the timeout passes.
 */
export async function startServer(env: Record<string, string>, status: number, timeoutMs = 240_000): Promise<ServerProcess> {
  const port = await freePort();
  const clean = { ...process.env };
  for (const k of Object.keys(clean)) if (k.startsWith('NEO4J_')) delete clean[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...clean, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  must(child.stdout, 'the stdout pipe of the server process').on('data', (d) => (output += d));
  must(child.stderr, 'the stderr pipe of the server process').on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    child,
    url,
    log: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGINT');
      }),
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      if (res.status === status) return server;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`no ${status} from ${url}/api/health within ${timeoutMs / 1000} s:\n${output}`);
}

/** A GET with its status, Retry-After header, parsed JSON body and how long the answer took. */
export async function timedGet(url: string): Promise<{ status: number; retryAfter: string | null; body: unknown; ms: number }> {
  const started = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  const ms = performance.now() - started;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body, ms };
}

/** Polls `probe` every 50 ms until it returns true or `timeoutMs` passes; returns whether it did. */
export async function waitFor(probe: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
