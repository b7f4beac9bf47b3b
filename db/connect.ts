// Opens the graph: a remote Neo4j when NEO4J_URI is set, else the local Neo4j under DATA_DIR (reused if already running).
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { Config } from '../core/config.js';
import { Graph } from './graph.js';
import { findRunningLocalNeo4j, startLocalNeo4j } from './local-neo4j.js';

export interface Connection {
  graph: Graph;
  /** Closes the driver, and stops the local Neo4j when this process started it. */
  close(): Promise<void>;
}

/** Where the local Neo4j keeps its store, logs and password under DATA_DIR. */
export function localNeo4jDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'neo4j');
}

/**
 * Connects according to the configuration. A remote URI is not contacted here: an unreachable server is reported by
 * /api/health (503) and the driver reconnects by itself when it is back.
 */
export async function connect(config: Config, log: (line: string) => void = console.log): Promise<Connection> {
  if (config.NEO4J_URI) {
    // Without a password we connect without credentials (a server with auth disabled); a secured one answers with an
    // authentication error that /api/health reports as 503.
    if (!config.NEO4J_PASSWORD) log(`NEO4J_PASSWORD is not set: connecting to ${config.NEO4J_URI} without credentials`);
    const auth = config.NEO4J_PASSWORD ? neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD) : undefined;
    const driver = neo4j.driver(config.NEO4J_URI, auth, {
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 10_000,
    });
    const graph = new Graph(driver, { uri: config.NEO4J_URI, database: config.NEO4J_DATABASE, kind: 'remote' });
    return { graph, close: () => driver.close() };
  }

  const dataDir = localNeo4jDir(config);
  const running = await findRunningLocalNeo4j(dataDir);
  if (running) {
    log(`Using the local Neo4j already running at ${running.uri} (data: ${dataDir})`);
    const driver = neo4j.driver(running.uri, neo4j.auth.basic(running.user, running.password));
    const graph = new Graph(driver, { uri: running.uri, kind: 'local' });
    return { graph, close: () => driver.close() };
  }

  const local = await startLocalNeo4j({
    dataDir,
    port: config.NEO4J_BOLT_PORT,
    password: config.NEO4J_PASSWORD,
    heap: config.NEO4J_HEAP,
    pageCache: config.NEO4J_PAGECACHE,
    log,
  });
  const driver = neo4j.driver(local.uri, neo4j.auth.basic(local.user, local.password));
  const graph = new Graph(driver, { uri: local.uri, kind: 'local' });
  return {
    graph,
    close: async () => {
      await driver.close();
      await local.stop();
    },
  };
}
