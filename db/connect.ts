// Opens the graph: a remote Neo4j when NEO4J_URI is set, else the local Neo4j under DATA_DIR (reused if already running).
// For the server (`resilient`), the local Neo4j it starts is supervised (restarted when its JVM dies) and every
// database sits behind a DriverGate, so requests fail fast while the database is down.
import path from 'node:path';
import neo4j, { type AuthToken, type Config as DriverConfig, type Driver } from 'neo4j-driver';
import { cypher } from '../cypher/index.js';
import { must } from '../core/must.js';
import type { Config } from '../core/config.js';
import { DriverGate, type Availability } from './driver-gate.js';
import { Graph } from './graph.js';
import { superviseLocalNeo4j, type SupervisedLocalNeo4j } from './local-neo4j-supervisor.js';
import { findRunningLocalNeo4j, startLocalNeo4j } from './local-neo4j.js';

export interface Connection {
  graph: Graph;
  /** Closes the driver, and stops the local Neo4j when this process started it. */
  close(): Promise<void>;
  /** The database's availability as the gate and the supervisor see it (resilient connections only). */
  availability?: () => Availability;
}

export interface ConnectOptions {
  /**
   * For a long-running server: supervise a local Neo4j this process starts (restart it when its JVM dies, with
   * backoff and a limit) and put a DriverGate in front of the driver (fail fast while the database is down). The
   * ingest CLI leaves this off: its run simply fails if the database goes away.
   */
  resilient?: boolean;
}

/** Where the local Neo4j keeps its store, logs and password under DATA_DIR. */
export function localNeo4jDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'neo4j');
}

/** Driver settings of a resilient connection: a dead server is noticed within seconds, not the default 30–60 s. */
const RESILIENT_DRIVER: DriverConfig = {
  connectionAcquisitionTimeout: 10_000,
  connectionTimeout: 5_000,
  maxTransactionRetryTime: 10_000,
};

/**
 * Connects according to the configuration. A remote URI is not contacted here: an unreachable server is reported by
 * /api/health (503) and the driver reconnects by itself when it is back.
 */
export async function connect(
  config: Config,
  log: (line: string) => void = console.log,
  options: ConnectOptions = {},
): Promise<Connection> {
  const gated = (driver: Driver, uri: string, describe?: () => Partial<Availability>) => {
    const gate = new DriverGate(driver, { uri, log, describe });
    return { gate, driver: gate.driver };
  };

  if (config.NEO4J_URI) {
    // Without a password we connect without credentials (a server with auth disabled); a secured one answers with an
    // authentication error that /api/health reports as 503.
    if (!config.NEO4J_PASSWORD) log(`NEO4J_PASSWORD is not set: connecting to ${config.NEO4J_URI} without credentials`);
    const auth = config.NEO4J_PASSWORD ? neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD) : undefined;
    const raw = neo4j.driver(config.NEO4J_URI, auth, RESILIENT_DRIVER);
    const target = { uri: config.NEO4J_URI, database: config.NEO4J_DATABASE, kind: 'remote' as const };
    if (!options.resilient) return { graph: new Graph(raw, target), close: () => raw.close() };
    const { gate, driver } = gated(raw, config.NEO4J_URI);
    return { graph: new Graph(driver, target), close: () => driver.close(), availability: () => gate.availability() };
  }

  const dataDir = localNeo4jDir(config);
  const running = await findRunningLocalNeo4j(dataDir);
  if (running) {
    // Started by another process (e.g. an ingest run): this one cannot restart it, only notice when it is gone.
    log(`Using the local Neo4j already running at ${running.uri} (data: ${dataDir})`);
    const auth = neo4j.auth.basic(running.user, running.password);
    const raw = neo4j.driver(running.uri, auth, options.resilient ? RESILIENT_DRIVER : undefined);
    const target = { uri: running.uri, kind: 'local' as const };
    if (!options.resilient) return { graph: new Graph(raw, target), close: () => raw.close() };
    const { gate, driver } = gated(raw, running.uri);
    return { graph: new Graph(driver, target), close: () => driver.close(), availability: () => gate.availability() };
  }

  const localOptions = {
    dataDir,
    port: config.NEO4J_BOLT_PORT,
    password: config.NEO4J_PASSWORD,
    heap: config.NEO4J_HEAP,
    pageCache: config.NEO4J_PAGECACHE,
    log,
  };
  if (!options.resilient) {
    const local = await startLocalNeo4j(localOptions);
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
  return connectSupervised(localOptions, log);
}

async function connectSupervised(
  localOptions: Parameters<typeof superviseLocalNeo4j>[0],
  log: (line: string) => void,
): Promise<Connection> {
  const localDriver = (uri: string, auth: AuthToken) => neo4j.driver(uri, auth, RESILIENT_DRIVER);
  let gate: DriverGate | undefined;
  let graph: Graph | undefined;
  let supervised: SupervisedLocalNeo4j | undefined;
  let raw: Driver | undefined;
  // From a JVM's death until its successor has answered the warm-up queries, requests keep failing fast.
  let held = false;
  supervised = await superviseLocalNeo4j(localOptions, {
    onDown: (exit) => {
      held = true;
      gate?.markDown(`the built-in Neo4j stopped: ${exit.reason}; restarting it`);
    },
    onUp: (instance) => {
      if (!gate || !graph) return;
      if (instance.uri !== graph.target.uri) {
        raw = localDriver(instance.uri, neo4j.auth.basic(instance.user, instance.password));
        gate.replace(raw, instance.uri);
        graph.target.uri = instance.uri;
      }
      // A fresh JVM answers its first queries slowly (planning, JIT, cold page cache): requests keep failing fast
      // until it has answered the health queries once, instead of each waiting for that.
      const g = gate;
      const driver = raw;
      if (!driver) return; // assigned before the gate, so always set here
      void warmUp(driver, log).then(() => {
        if (supervised?.current() !== instance) return; // it died again meanwhile
        held = false;
        g.markUp();
      });
    },
    onGiveUp: (status) => gate?.markDown(`the built-in Neo4j did not stay up after restarts: ${status.lastExit?.reason}`),
  });
  const sup = supervised;
  const first = must(sup.current(), 'the running built-in Neo4j');
  raw = localDriver(first.uri, neo4j.auth.basic(first.user, first.password));
  gate = new DriverGate(raw, {
    uri: first.uri,
    log,
    describe: () => {
      const s = sup.status();
      const state = s.state === 'failed' ? 'failed' : s.state === 'restarting' || held ? 'restarting' : undefined;
      return {
        ...(state ? { state, since: s.since } : {}),
        restarts: s.restarts,
        lastExit: s.lastExit && { reason: s.lastExit.reason, at: s.lastExit.at },
      };
    },
  });
  graph = new Graph(gate.driver, { uri: first.uri, kind: 'local' });
  const g = gate;
  return {
    graph,
    availability: () => g.availability(),
    close: async () => {
      await g.close();
      await sup.stop();
    },
  };
}

/** Runs the health queries once (each bounded to 30 s; a failure is only logged). */
async function warmUp(driver: Driver, log: (line: string) => void): Promise<void> {
  for (const name of ['health/components', 'health/counts']) {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        driver.executeQuery(cypher(name), {}, { routing: neo4j.routing.READ }),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 30 s')), 30_000))),
      ]);
    } catch (err) {
      log(`Warm-up query ${name} on the restarted Neo4j failed: ${(err as Error).message.split('\n')[0]}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
