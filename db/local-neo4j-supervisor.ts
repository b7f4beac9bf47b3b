// Keeps the built-in Neo4j running: when its JVM ends on its own (kill -9, out of memory), it is started again on the
// same data dir, with a growing delay between attempts and a limit on consecutive attempts.
import {
  LocalNeo4jStartError,
  startLocalNeo4j,
  type LocalNeo4j,
  type LocalNeo4jExit,
  type LocalNeo4jOptions,
} from './local-neo4j.js';

export type SupervisorState = 'running' | 'restarting' | 'failed' | 'stopped';

export interface SupervisorStatus {
  state: SupervisorState;
  /** Current Bolt URI (the last one while restarting). */
  uri: string;
  /** Successful restarts since the server started. */
  restarts: number;
  lastExit?: LocalNeo4jExit;
  /** Why the last restart attempt failed, when it did. */
  lastError?: string;
  /** ISO time of the last change of state. */
  since: string;
}

export interface SupervisorOptions {
  /** Delay before restart attempt n (0-based): min(backoffMs * 2^n, maxBackoffMs). Default 1 s, capped at 30 s. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Consecutive attempts (failed starts, or JVMs that died within `stableMs`) before giving up. Default 5. */
  maxAttempts?: number;
  /** A JVM that stayed up this long resets the attempt count (default 60 s). */
  stableMs?: number;
  /** The JVM ended on its own; a restart is scheduled unless the limit is reached. */
  onDown?: (exit: LocalNeo4jExit) => void;
  /** A restarted JVM is ready (its URI may differ from the previous one when the port was chosen freely). */
  onUp?: (neo4j: LocalNeo4j) => void;
  /** The limit is reached: no more restarts. */
  onGiveUp?: (status: SupervisorStatus) => void;
}

export interface SupervisedLocalNeo4j {
  /** The running instance, undefined while restarting or after giving up. */
  current(): LocalNeo4j | undefined;
  status(): SupervisorStatus;
  /** Stops supervising and shuts the JVM down (also one being started). */
  stop(): Promise<void>;
}

/**
 * Starts the local Neo4j (throwing as {@link startLocalNeo4j} does) and supervises it. A restart asks for the port the
 * previous JVM had, so the URI normally stays the same; when the port was chosen freely (0) and is taken by then, any
 * free port is used and `onUp` hands over the new URI.
 */
export async function superviseLocalNeo4j(
  options: LocalNeo4jOptions,
  sup: SupervisorOptions = {},
): Promise<SupervisedLocalNeo4j> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[local-neo4j] ${line}\n`));
  const backoffMs = sup.backoffMs ?? 1_000;
  const maxBackoffMs = sup.maxBackoffMs ?? 30_000;
  const maxAttempts = sup.maxAttempts ?? 5;
  const stableMs = sup.stableMs ?? 60_000;
  const configuredPort = options.port ?? 0;

  let current: LocalNeo4j | undefined = await startLocalNeo4j(options);
  let uri = current.uri;
  let state: SupervisorState = 'running';
  let since = new Date().toISOString();
  let upSince = Date.now();
  let restarts = 0;
  let attempts = 0;
  let lastExit: LocalNeo4jExit | undefined;
  let lastError: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let starting: Promise<LocalNeo4j> | undefined;
  let stopped = false;

  const setState = (next: SupervisorState) => {
    state = next;
    since = new Date().toISOString();
  };
  const status = (): SupervisorStatus => ({ state, uri, restarts, lastExit, lastError, since });

  const watch = (instance: LocalNeo4j) => {
    instance.onUnexpectedExit((exit) => {
      if (stopped) return;
      current = undefined;
      lastExit = exit;
      if (Date.now() - upSince >= stableMs) attempts = 0;
      setState('restarting');
      sup.onDown?.(exit);
      schedule();
    });
  };

  const schedule = () => {
    if (stopped) return;
    if (attempts >= maxAttempts) {
      setState('failed');
      log(
        `Neo4j did not stay up after ${maxAttempts} restart attempts; giving up (last exit: ${lastExit?.reason ?? 'none'}` +
          `${lastError ? `; last start error: ${lastError.split('\n')[0]}` : ''}). Restart PaperGraph once the cause is fixed.`,
      );
      sup.onGiveUp?.(status());
      return;
    }
    const delay = Math.min(backoffMs * 2 ** attempts, maxBackoffMs);
    attempts++;
    log(`Restarting Neo4j in ${(delay / 1000).toFixed(1)} s (attempt ${attempts} of ${maxAttempts})`);
    timer = setTimeout(() => void attempt(), delay);
  };

  const startOn = async (port: number): Promise<LocalNeo4j> => {
    try {
      return await startLocalNeo4j({ ...options, port });
    } catch (err) {
      if (err instanceof LocalNeo4jStartError && err.code === 'port-in-use' && configuredPort === 0 && port !== 0) {
        log(`Port ${port} is taken now; starting Neo4j on another free port`);
        return startLocalNeo4j({ ...options, port: 0 });
      }
      throw err;
    }
  };

  const attempt = async () => {
    if (stopped) return;
    const previousPort = Number(new URL(uri.replace(/^bolt:/, 'http:')).port) || configuredPort;
    starting = startOn(configuredPort === 0 ? previousPort : configuredPort);
    try {
      const instance = await starting;
      if (stopped) {
        await instance.stop();
        return;
      }
      current = instance;
      uri = instance.uri;
      restarts++;
      lastError = undefined;
      upSince = Date.now();
      setState('running');
      log(`Neo4j is back at ${uri} (restart ${restarts}; it had stopped: ${lastExit?.reason ?? 'unknown'})`);
      watch(instance);
      sup.onUp?.(instance);
    } catch (err) {
      lastError = (err as Error).message;
      log(`Restarting Neo4j failed: ${lastError.split('\n')[0]}`);
      schedule();
    } finally {
      starting = undefined;
    }
  };

  watch(current);
  return {
    current: () => current,
    status,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      const pending = starting;
      if (pending) await pending.then((instance) => instance.stop()).catch(() => {});
      await current?.stop();
      setState('stopped');
    },
  };
}
