// Vitest global setup: the Neo4j databases of the integration project: one throw-away local Neo4j per worker of the
// project (each in its own temp dir; a file uses the one of the worker running it, see neo4j-target.ts), or the one
// database named by TEST_NEO4J_URI (the project then runs one file at a time, vitest.config.ts). NEO4J_URI is never
// used here (see test-database.ts). The run claims each database before any suite starts: a database holding data
// without the test marker stops the run with a message saying why and how to opt in.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j } from '../../db/local-neo4j.js';
import { testJvmEnv } from './jvm-options.js';
import { chooseTestTarget, claimTestDatabase, type Neo4jTestTarget } from './test-database.js';

export type { Neo4jTestTarget } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One database per worker of the integration project (index = VITEST_POOL_ID - 1), or the one remote database. */
    neo4jTargets: Neo4jTestTarget[];
  }
}

async function claim(target: Neo4jTestTarget): Promise<void> {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password));
  try {
    await claimTestDatabase(driver, target.uri, target.database);
  } finally {
    await driver.close();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const choice = chooseTestTarget(process.env);
  if (choice.kind === 'remote') {
    const { kind: _kind, ...target } = choice;
    const remote: Neo4jTestTarget = { ...target, kind: 'remote' };
    await claim(remote);
    project.provide('neo4jTargets', [remote]);
    return async () => {};
  }
  if (choice.ignored) process.stderr.write(`[test] ${choice.ignored}\n`);
  const instances = Math.max(1, project.config.maxWorkers ?? 1);
  const started = Date.now();
  const locals = await Promise.allSettled(
    Array.from({ length: instances }, async (_, i) => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-test-neo4j-'));
      try {
        const local = await startLocalNeo4j({
          dataDir,
          port: 0,
          log: (l) => process.stderr.write(`[neo4j ${i + 1}] ${l}\n`),
          env: { ...process.env, ...testJvmEnv() },
        });
        return { local, dataDir };
      } catch (err) {
        rmSync(dataDir, { recursive: true, force: true });
        throw err;
      }
    }),
  );
  const up = locals.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const stopAll = async () => {
    for (const { local, dataDir } of up) {
      await local.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  const failed = locals.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  process.stderr.write(`[test] ${up.length} local Neo4j ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const targets: Neo4jTestTarget[] = up.map(({ local }) => ({ uri: local.uri, user: local.user, password: local.password, kind: 'local' }));
  try {
    for (const t of targets) await claim(t);
  } catch (err) {
    await stopAll();
    throw err;
  }
  project.provide('neo4jTargets', targets);
  return stopAll;
}
