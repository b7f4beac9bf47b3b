// Vitest global setup: ONE real Neo4j for the whole run (a local one in a temp dir, or NEO4J_URI when set).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j } from '../../db/local-neo4j.js';

export interface Neo4jTestTarget {
  uri: string;
  user: string;
  password: string;
  database?: string;
  kind: 'local' | 'remote';
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTestTarget;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI) {
    if (!process.env.NEO4J_PASSWORD) throw new Error('NEO4J_URI is set for the tests but NEO4J_PASSWORD is not');
    project.provide('neo4j', {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD,
      database: process.env.NEO4J_DATABASE,
      kind: 'remote',
    });
    return async () => {};
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-test-neo4j-'));
  const started = Date.now();
  const local = await startLocalNeo4j({ dataDir, port: 0, log: (l) => process.stderr.write(`[neo4j] ${l}\n`) });
  process.stderr.write(`[test] local Neo4j ready at ${local.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  project.provide('neo4j', { uri: local.uri, user: local.user, password: local.password, kind: 'local' });
  return async () => {
    await local.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
