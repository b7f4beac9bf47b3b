// db/local-neo4j-supervisor.ts against real JVMs: a killed Neo4j comes back on the same port with its data, and the
// supervisor gives up at its attempt limit. Plus the exit reasons people see in the log and in /api/health.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { superviseLocalNeo4j, type SupervisedLocalNeo4j, type SupervisorStatus } from '../../db/local-neo4j-supervisor.js';
import { exitReason, type LocalNeo4j, type LocalNeo4jExit } from '../../db/local-neo4j.js';

const dirs: string[] = [];
const supervisors: SupervisedLocalNeo4j[] = [];
afterAll(async () => {
  for (const s of supervisors) await s.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function next<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function countPapers(instance: LocalNeo4j): Promise<number> {
  const driver = neo4j.driver(instance.uri, neo4j.auth.basic(instance.user, instance.password));
  try {
    const { records } = await driver.executeQuery('MATCH (p:SupervisorProbe) RETURN count(p) AS n');
    return Number(records[0]!.get('n'));
  } finally {
    await driver.close();
  }
}

describe('superviseLocalNeo4j', () => {
  it('restarts a killed JVM on the same port with its data, and gives up at the attempt limit', { timeout: 600_000 }, async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-supervisor-'));
    dirs.push(dataDir);
    const lines: string[] = [];
    let down = next<LocalNeo4jExit>();
    const up = next<LocalNeo4j>();
    const gaveUp = next<SupervisorStatus>();
    const supervised = await superviseLocalNeo4j(
      { dataDir, heap: '512m', pageCache: '64m', log: (l) => lines.push(l), startTimeoutMs: 240_000 },
      {
        backoffMs: 200,
        maxAttempts: 1,
        stableMs: 3_600_000,
        onDown: (exit) => down.resolve(exit),
        onUp: (instance) => up.resolve(instance),
        onGiveUp: (status) => gaveUp.resolve(status),
      },
    );
    supervisors.push(supervised);
    const first = supervised.current()!;
    {
      const driver = neo4j.driver(first.uri, neo4j.auth.basic(first.user, first.password));
      await driver.executeQuery('UNWIND range(1, 3) AS i CREATE (:SupervisorProbe {i: i})');
      await driver.close();
    }
    expect(supervised.status()).toMatchObject({ state: 'running', restarts: 0 });

    process.kill(first.pid, 'SIGKILL');
    const exit = await down.promise;
    expect(exit).toMatchObject({ signal: 'SIGKILL', reason: 'killed by SIGKILL' });
    expect(supervised.status().state).toBe('restarting');
    expect(supervised.current()).toBeUndefined();

    const second = await up.promise;
    expect(second.pid).not.toBe(first.pid);
    expect(second.uri).toBe(first.uri);
    expect(supervised.status()).toMatchObject({ state: 'running', restarts: 1, lastExit: { reason: 'killed by SIGKILL' } });
    expect(await countPapers(second)).toBe(3);
    expect(lines.join('\n')).toMatch(/exited unexpectedly: killed by SIGKILL[\s\S]*Restarting Neo4j in 0\.2 s \(attempt 1 of 1\)/);

    // Died again before it was stable: the one allowed attempt is used up.
    down = next<LocalNeo4jExit>();
    process.kill(second.pid, 'SIGKILL');
    await down.promise;
    const final = await gaveUp.promise;
    expect(final.state).toBe('failed');
    expect(final.restarts).toBe(1);
    expect(supervised.current()).toBeUndefined();
    expect(lines.join('\n')).toMatch(/giving up \(last exit: killed by SIGKILL/);
  });
});

describe('exitReason', () => {
  it('names an out-of-memory exit, a signal, or the exit code with the last stderr line', () => {
    const oom = ['some line', 'Terminating due to java.lang.OutOfMemoryError: Java heap space', ''];
    expect(exitReason(3, null, oom)).toBe('out of memory (Terminating due to java.lang.OutOfMemoryError: Java heap space)');
    expect(exitReason(null, 'SIGKILL', ['INFO started'])).toBe('killed by SIGKILL');
    expect(exitReason(1, null, ['first', 'boom', ''])).toBe('exit code 1: boom');
    expect(exitReason(1, null, [])).toBe('exit code 1');
  });
});
