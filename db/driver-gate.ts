// A "known down" gate in front of the Neo4j driver: while the database is down, managed transactions fail at once
// (ServiceUnavailable) instead of each waiting out the driver's retry window, and the driver behind it can be swapped
// when a restarted local Neo4j listens on a new port.
import net from 'node:net';
import neo4j, { Neo4jError, type Driver, type Session } from 'neo4j-driver';

/** up: queries go through. down: unreachable (probing until it answers). restarting / failed: the supervisor's word. */
export type DatabaseState = 'up' | 'down' | 'restarting' | 'failed';

/** What /api/health reports about the database besides its own query. */
export interface Availability {
  state: DatabaseState;
  /** ISO time of the last change of state. */
  since: string;
  /** Why it is not up (or was last down). */
  reason?: string;
  /** How many times the built-in Neo4j was restarted by the supervisor. */
  restarts?: number;
  /** The built-in Neo4j's last unexpected exit. */
  lastExit?: { reason: string; at: string };
  /** What a client should wait before trying again, for Retry-After. */
  retryAfterSeconds: number;
}

export interface DriverGateOptions {
  /** The database URI (no credentials); host and port are probed with a plain TCP connect. */
  uri: string;
  log?: (line: string) => void;
  /** A transaction still running after this long triggers a reachability probe (default 400 ms), then every second. */
  watchdogMs?: number;
  /** Timeout of one TCP probe (default 800 ms). */
  probeTimeoutMs?: number;
  /** Interval of the recovery probe while down (default 1 s). */
  recoveryIntervalMs?: number;
  /** Extra facts merged into availability() (the supervisor's state, restarts and last exit). */
  describe?: () => Partial<Availability>;
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);
const gates = new WeakMap<object, DriverGate>();

/** The gate behind a driver handed out by {@link DriverGate}, if any (health reads the database state through it). */
export function gateOf(driver: Driver): DriverGate | undefined {
  return gates.get(driver);
}

export class DriverGate {
  /** The driver to give to Graph: sessions of the current driver, with managed transactions guarded by the gate. */
  readonly driver: Driver;
  private current: Driver;
  private uri: string;
  private state: 'up' | 'down' = 'up';
  private reason: string | undefined;
  private since = new Date().toISOString();
  private downListeners = new Set<() => void>();
  private probe: Promise<boolean> | undefined;
  private lastProbeOk = 0;
  private recovering = false;
  /** Counts markUp calls, so a transaction that started before an outage cannot mark the database down after it. */
  private upEpoch = 0;
  private closed = false;
  private readonly log: (line: string) => void;

  constructor(
    driver: Driver,
    private readonly opts: DriverGateOptions,
  ) {
    this.current = driver;
    this.uri = opts.uri;
    this.log = opts.log ?? (() => {});
    const gate = this;
    this.driver = new Proxy({} as Driver, {
      get(_target, prop) {
        if (prop === 'session') return (config?: Parameters<Driver['session']>[0]) => gate.wrapSession(gate.current.session(config));
        if (prop === 'close') return () => gate.close();
        const value = Reflect.get(gate.current, prop, gate.current) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(gate.current) : value;
      },
    });
    gates.set(this.driver, this);
  }

  /** Whether queries go through now: reachable, and not held down by the supervisor (restarting, failed). */
  isUp(): boolean {
    if (this.state !== 'up') return false;
    const held = this.opts.describe?.().state;
    return held === undefined || held === 'up';
  }

  availability(): Availability {
    const extra = this.opts.describe?.() ?? {};
    const state: DatabaseState = extra.state && extra.state !== 'up' ? extra.state : this.state;
    return {
      state,
      since: extra.since ?? this.since,
      reason: extra.reason ?? this.reason,
      restarts: extra.restarts,
      lastExit: extra.lastExit,
      retryAfterSeconds: state === 'restarting' ? 10 : state === 'failed' ? 60 : 5,
    };
  }

  /**
   * Marks the database down: transactions waiting on it fail now, new ones fail at once. A probe every second marks
   * it up again once it answers Bolt; while a supervisor reports it restarting, isUp() stays false regardless.
   */
  markDown(reason: string): void {
    if (this.closed) return;
    if (this.state === 'up') {
      this.state = 'down';
      this.reason = reason;
      this.since = new Date().toISOString();
      this.log(`Neo4j at ${this.uri} is down (${reason}); requests fail fast until it is back`);
      for (const listener of [...this.downListeners]) listener();
    }
    void this.recover();
  }

  /** Marks the database up again. */
  markUp(): void {
    if (this.state === 'up' || this.closed) return;
    this.state = 'up';
    this.upEpoch++;
    this.since = new Date().toISOString();
    this.log(`Neo4j at ${this.uri} answers again`);
  }

  /** Points the gate at a new driver (e.g. a restarted Neo4j on another port); the old one is closed. */
  replace(driver: Driver, uri: string): void {
    const old = this.current;
    this.current = driver;
    this.uri = uri;
    void old.close().catch(() => {});
  }

  /**
   * A plain TCP connect to the database's host and port, shared by concurrent callers. Marks the database down when
   * nothing accepts the connection. Resolves true when it did.
   */
  checkReachable(): Promise<boolean> {
    if (this.state === 'up' && Date.now() - this.lastProbeOk < 250) return Promise.resolve(true);
    this.probe ??= tcpReachable(this.uri, this.opts.probeTimeoutMs ?? 800).then((result) => {
      this.probe = undefined;
      if (result.ok) this.lastProbeOk = Date.now();
      else this.markDown(result.reason);
      return result.ok;
    });
    return this.probe;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.current.close();
  }

  private async recover(): Promise<void> {
    if (this.recovering) return;
    this.recovering = true;
    try {
      while (!this.closed && this.state === 'down') {
        await sleep(this.opts.recoveryIntervalMs ?? 1_000);
        if (this.closed || this.isUp()) break;
        // A supervisor that holds the database (restarting) says itself when it is back.
        if (this.opts.describe?.().state) continue;
        if (!(await tcpReachable(this.uri, this.opts.probeTimeoutMs ?? 800)).ok) continue;
        try {
          await withTimeout(this.current.getServerInfo(), 3_000);
          this.markUp();
        } catch {
          // Reachable but not answering Bolt yet (starting up, or credentials refused): keep probing.
        }
      }
    } finally {
      this.recovering = false;
    }
  }

  private unavailable(): Neo4jError {
    const a = this.availability();
    return new Neo4jError(
      `Neo4j at ${this.uri} is ${a.state}${a.reason ? ` (${a.reason})` : ''}`,
      neo4j.error.SERVICE_UNAVAILABLE,
      '08000',
      'error: connection exception',
    );
  }

  /**
   * Runs `run` (work on the database) unless the database is known to be down, and fails it (ServiceUnavailable) as
   * soon as it becomes known down; a run that takes long triggers a reachability probe. Managed transactions of the
   * gated driver go through here; other callers (health) may too.
   */
  guard<T>(run: () => Promise<T>): Promise<T> {
    if (!this.isUp()) return Promise.reject(this.unavailable());
    const epoch = this.upEpoch;
    const real = run();
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        this.downListeners.delete(onDown);
      };
      const onDown = () => {
        done();
        reject(this.unavailable());
      };
      const watch = () => {
        void this.checkReachable();
        timer = setTimeout(watch, 1_000);
      };
      this.downListeners.add(onDown);
      timer = setTimeout(watch, this.opts.watchdogMs ?? 400);
      real.then(
        (value) => {
          done();
          resolve(value);
        },
        (err: unknown) => {
          done();
          if (err instanceof Neo4jError && UNAVAILABLE.has(err.code) && epoch === this.upEpoch) this.markDown(err.message.split('\n')[0]!.slice(0, 200));
          reject(err);
        },
      );
    });
  }

  private wrapSession(session: Session): Session {
    const gate = this;
    return new Proxy(session, {
      get(target, prop) {
        if (prop === 'executeRead' || prop === 'executeWrite') {
          const method = target[prop].bind(target) as (...a: unknown[]) => Promise<unknown>;
          return (...args: unknown[]) => gate.guard(() => method(...args));
        }
        if (prop === 'close') {
          // While down, closing may wait on a connection attempt that is bound to fail: do not hold the answer for it.
          return () => {
            const closing = target.close();
            if (gate.isUp()) return closing;
            closing.catch(() => {});
            return Promise.resolve();
          };
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Host and port of a Neo4j URI (bolt, neo4j and their +s/+ssc forms; 7687 when no port is given). */
export function boltAddress(uri: string): { host: string; port: number } {
  const url = new URL(uri.replace(/^[a-z0-9+]+:\/\//i, 'http://'));
  return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: url.port ? Number(url.port) : 7687 };
}

async function tcpReachable(uri: string, timeoutMs: number): Promise<{ ok: true } | { ok: false; reason: string }> {
  const { host, port } = boltAddress(uri);
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let settled = false;
    const finish = (result: { ok: true } | { ok: false; reason: string }) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () =>
      // A busy event loop runs timers before it looks at I/O: let a connect that already happened be seen first.
      setImmediate(() => finish({ ok: false, reason: `no TCP connection to ${host}:${port} within ${timeoutMs} ms` })),
    );
    socket.once('connect', () => finish({ ok: true }));
    socket.once('error', (err: NodeJS.ErrnoException) =>
      finish({ ok: false, reason: `${host}:${port}: ${err.code ?? err.message}` }),
    );
  });
}
