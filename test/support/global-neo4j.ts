// Vitest global setup: ONE Neo4j for the whole run, a throw-away local one in a temp dir, or the database named by
// TEST_NEO4J_URI. NEO4J_URI is never used here (see test-database.ts). The run claims the database before any suite
// starts: a database holding data without the test marker stops the run with a message saying why and how to opt in.
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
    neo4j: Neo4jTestTarget;
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
    project.provide('neo4j', remote);
    return async () => {};
  }
  if (choice.ignored) process.stderr.write(`[test] ${choice.ignored}\n`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-test-neo4j-'));
  const started = Date.now();
  const local = await startLocalNeo4j({
    dataDir,
    port: 0,
    log: (l) => process.stderr.write(`[neo4j] ${l}\n`),
    env: { ...process.env, ...testJvmEnv() },
  });
  process.stderr.write(`[test] local Neo4j ready at ${local.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const target: Neo4jTestTarget = { uri: local.uri, user: local.user, password: local.password, kind: 'local' };
  try {
    await claim(target);
  } catch (err) {
    await local.stop();
    throw err;
  }
  project.provide('neo4j', target);
  return async () => {
    await local.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
