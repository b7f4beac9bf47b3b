// Runs a real Neo4j 5.26 Community in a child JVM (Maven Central jars + db/Launcher.java) when no NEO4J_URI is set:
// start, readiness, stop, and the runtime files (password, running.json) of a data dir. Java, Maven and the jar cache
// are in neo4j-toolchain.ts.
import { must } from '../core/must.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  defaultJarsDir,
  findJava,
  findMaven,
  jarsComplete,
  LocalNeo4jStartError,
  type LocalNeo4jStartErrorCode,
  NEO4J_VERSION,
  resolveNeo4jJars,
  TAIL_LINES,
} from './neo4j-toolchain.js';
import { defaultPageCache } from './page-cache.js';

// The toolchain's public names, for callers that start Neo4j and handle its errors through this module.
export {
  defaultJarsDir,
  findJava,
  findMaven,
  type JavaInfo,
  LocalNeo4jStartError,
  type LocalNeo4jStartErrorCode,
  LocalNeo4jUnavailableError,
  NEO4J_VERSION,
  resolveNeo4jJars,
} from './neo4j-toolchain.js';

const DB_DIR = path.dirname(fileURLToPath(import.meta.url));
const LAUNCHER = path.join(DB_DIR, 'Launcher.java');

const READY_PREFIX = 'PAPERGRAPH_NEO4J_READY ';
const ERROR_PREFIX = 'PAPERGRAPH_NEO4J_ERROR ';
const PASSWORD_FILE = 'password';
const RUNTIME_FILE = 'running.json';

/**
 * JVM flags. The three --add-opens were each verified on Java 17 (see db/NOTES.md): without java.nio the page cache
 * falls back to slower buffer handling, without sun.nio.ch + java.io Neo4j cannot reach file descriptors for
 * preallocating and advising transaction logs. Neo4j still starts without them, only degraded and noisy.
 */
export const JVM_FLAGS: readonly string[] = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  // Netty may then use direct buffers without the JDK cleaner, as in Neo4j's own neo4j.conf.
  '-Dio.netty.tryReflectionSetAccessible=true',
  // No -XX:+ExitOnOutOfMemoryError: Neo4j fails a query whose allocation does not fit with
  // Neo.TransientError.General.OutOfMemoryError and keeps serving (as with Neo4j's own neo4j.conf, where the flag is
  // off), so one console query cannot take the database down; a JVM that dies anyway is the supervisor's to restart.
  '-XX:-OmitStackTraceInFastThrow',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
];

/** The java arguments that run a single-file launcher (`source`) on Neo4j's jars with {@link JVM_FLAGS} and a fixed heap. */
export function jvmArgs(heap: string, jarsDir: string, source: string): string[] {
  return [`-Xms${heap}`, `-Xmx${heap}`, ...JVM_FLAGS, '-cp', `${jarsDir}${path.sep}*`, source];
}

/** Options for {@link startLocalNeo4j}. */
export interface LocalNeo4jOptions {
  /** Neo4j home: store (data/), logs (logs/), password file and running.json. Created if missing. */
  dataDir: string;
  /** Bolt port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Password for user neo4j (min. 8 chars). Default: the one stored in dataDir, else a generated one. */
  password?: string;
  /** JVM heap, e.g. '1g' (default) or '768m'; used for -Xms and -Xmx. */
  heap?: string;
  /** Neo4j page cache, e.g. '512m'. Default: sized from the store and free memory (db/page-cache.ts). */
  pageCache?: string;
  /** Receives progress lines and the JVM's stderr. Default: written to stderr. */
  log?: (line: string) => void;
  /** How long the JVM may take to report readiness (default 120 s); jar resolution is not counted. */
  startTimeoutMs?: number;
  /** Per-transaction timeout (Neo4j duration, default '60s'). */
  transactionTimeout?: string;
  /** Memory cap per transaction (default '256m'). */
  transactionMemoryMax?: string;
  /** Memory cap for all transactions together (default '512m'). */
  transactionMemoryTotalMax?: string;
  /** Where the Neo4j jars are cached (default `<repo>/.data/jars/<version>`, or env PAPERGRAPH_NEO4J_JARS). */
  jarsDir?: string;
  /** Environment used to find java/mvn (PATH, JAVA_HOME) and passed to them. Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

/** A running local Neo4j owned by this process. */
export interface LocalNeo4j {
  uri: string;
  user: 'neo4j';
  password: string;
  /** The JVM's process id. */
  pid: number;
  /** Shuts Neo4j down cleanly (SIGTERM), escalating to SIGKILL after 30 s; safe to call twice. */
  stop(): Promise<void>;
  /** Calls `listener` once if the JVM ends without stop() having been called (crash, kill -9, out of memory). */
  onUnexpectedExit(listener: (exit: LocalNeo4jExit) => void): void;
}

/** How a local Neo4j's JVM ended on its own. */
export interface LocalNeo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** For people: "killed by SIGKILL", "out of memory (…)", "exit code 1: <last stderr line>". */
  reason: string;
  /** ISO time of the exit. */
  at: string;
}

/** Connection details of a local Neo4j found running for a data dir. */
export interface RunningLocalNeo4j {
  uri: string;
  user: 'neo4j';
  password: string;
}

interface RuntimeFile {
  uri: string;
  pid: number;
  startedAt: string;
  version: string;
}

/**
 * Starts Neo4j on `dataDir` (reusing its store) and resolves once Bolt accepts connections.
 * Throws {@link LocalNeo4jUnavailableError} when Java/Maven are missing, {@link LocalNeo4jStartError} otherwise.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`[local-neo4j] ${line}\n`));
  const env = opts.env ?? process.env;
  const dataDir = path.resolve(opts.dataDir);
  const port = opts.port ?? 0;
  const heap = opts.heap ?? '1g';
  const pageCache = opts.pageCache ?? defaultPageCache(dataDir);
  validateOptions(port, heap, pageCache, opts.password);

  const jarsDir = opts.jarsDir ?? defaultJarsDir(env);
  const needJars = !(await jarsComplete(jarsDir));
  const java = await findJava(env);
  if (needJars) await findMaven(env);

  await fs.mkdir(dataDir, { recursive: true });
  const already = await findRunningLocalNeo4j(dataDir);
  if (already) {
    throw new LocalNeo4jStartError(
      'already-running',
      `A local Neo4j is already running for ${dataDir} at ${already.uri}; connect to it (findRunningLocalNeo4j) or stop it first`,
    );
  }
  if (port !== 0) await assertPortFree(port);
  if (needJars) await resolveNeo4jJars({ jarsDir, env, log, javaHome: java.javaHome });

  const args = [
    ...jvmArgs(heap, jarsDir, LAUNCHER),
    '--home',
    dataDir,
    '--port',
    String(port),
    '--page-cache',
    pageCache,
    '--tx-timeout',
    opts.transactionTimeout ?? '60s',
    '--tx-max',
    opts.transactionMemoryMax ?? '256m',
    '--tx-total-max',
    opts.transactionMemoryTotalMax ?? '512m',
  ];
  // The password travels by environment only (never argv, which `ps` shows to every user); an inherited
  // NEO4J_PASSWORD is dropped so that only opts.password decides.
  const childEnv: NodeJS.ProcessEnv = { ...env, JAVA_HOME: java.javaHome };
  delete childEnv.NEO4J_PASSWORD;
  if (opts.password !== undefined) childEnv.NEO4J_PASSWORD = opts.password;

  const debugLog = path.join(dataDir, 'logs', 'debug.log');
  const debugLogOffset = await fileSize(debugLog);
  const startedAt = Date.now();
  log(`Starting Neo4j ${NEO4J_VERSION} (Java ${java.major}, heap ${heap}, page cache ${pageCache}) on ${dataDir}`);

  // stdin stays an open pipe that Node never writes to: when this process dies, however it dies, the JVM sees EOF
  // and shuts down, so no orphan keeps the store locked.
  const child = spawn(java.java, args, { cwd: dataDir, env: childEnv, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin?.on('error', () => {}); // EPIPE once the JVM is gone is expected.
  const stderrTail: string[] = [];
  let launcherError: { code: string; detail: string } | undefined;
  let exitCode: number | null = null;

  const timeoutMs = opts.startTimeoutMs ?? 120_000;
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new LocalNeo4jStartError('timeout', `Neo4j did not report readiness within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    onLines(child.stdout, (line) => {
      if (line.startsWith(READY_PREFIX)) {
        clearTimeout(timer);
        resolve(line.slice(READY_PREFIX.length).trim());
      } else if (line.trim()) {
        log(line);
      }
    });
    onLines(child.stderr, (line) => {
      if (line.startsWith(ERROR_PREFIX)) {
        const [code = 'startup-failed', ...rest] = line.slice(ERROR_PREFIX.length).split(' ');
        launcherError = { code, detail: rest.join(' ') };
      }
      stderrTail.push(line);
      if (stderrTail.length > TAIL_LINES) stderrTail.shift();
      if (line.trim()) log(line);
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new LocalNeo4jStartError('exited', `Could not run ${java.java}: ${err.message}`));
    });
    // 'close' (not 'exit') fires after stderr is drained, so the launcher's last lines are in stderrTail.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      exitCode = code;
      reject(new LocalNeo4jStartError('exited', `Neo4j exited before it was ready (${signal ?? `exit code ${code}`})`));
    });
  });

  let uri: string;
  try {
    uri = await ready;
  } catch (err) {
    await killAndWait(child, 10_000);
    throw await describeStartFailure(err as LocalNeo4jStartError, {
      launcherError: launcherError ?? launcherErrorFromExitCode(exitCode),
      stderrTail,
      debugLog,
      debugLogOffset,
      port,
      dataDir,
    });
  }

  const pid = must(child.pid, 'the pid of the started Neo4j JVM');
  let password: string | null;
  try {
    password = opts.password ?? (await readPassword(dataDir));
    if (!password) throw new LocalNeo4jStartError('exited', `Neo4j started but left no password file in ${dataDir}`);
    const runtime: RuntimeFile = { uri, pid, startedAt: new Date().toISOString(), version: NEO4J_VERSION };
    await writeFileAtomic(path.join(dataDir, RUNTIME_FILE), JSON.stringify(runtime, null, 2) + '\n', 0o644);
  } catch (err) {
    // Nobody could use or find this instance: do not leave it running.
    await killAndWait(child, 30_000);
    throw err;
  }
  log(`Neo4j ready at ${uri} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (pid ${pid})`);

  let stopping: Promise<void> | undefined;
  let unexpectedExit: LocalNeo4jExit | undefined;
  const exitListeners: ((exit: LocalNeo4jExit) => void)[] = [];
  // 'close' fires after stderr is drained, so an out-of-memory line the JVM printed last is in stderrTail.
  child.once('close', (code, signal) => {
    void removeRuntimeFile(dataDir, pid);
    if (stopping) return;
    unexpectedExit = { code, signal, reason: exitReason(code, signal, stderrTail), at: new Date().toISOString() };
    log(`Neo4j (pid ${pid}) exited unexpectedly: ${unexpectedExit.reason}`);
    for (const listener of exitListeners.splice(0)) listener(unexpectedExit);
  });

  return {
    uri,
    user: 'neo4j',
    password,
    pid,
    stop: () => {
      stopping ??= (async () => {
        await killAndWait(child, 30_000);
        await removeRuntimeFile(dataDir, pid);
      })();
      return stopping;
    },
    onUnexpectedExit: (listener) => {
      if (unexpectedExit) listener(unexpectedExit);
      else exitListeners.push(listener);
    },
  };
}

/** A readable reason for a JVM exit: the signal, an OutOfMemoryError the JVM reported, or the code and last line. */
export function exitReason(code: number | null, signal: NodeJS.Signals | null, stderrTail: readonly string[]): string {
  const oom = [...stderrTail].reverse().find((l) => /OutOfMemoryError/.test(l));
  if (oom) return `out of memory (${oom.trim().slice(0, 200)})`;
  if (signal) return `killed by ${signal}`;
  const last = [...stderrTail].reverse().find((l) => l.trim());
  return last ? `exit code ${code}: ${last.trim().slice(0, 200)}` : `exit code ${code}`;
}

/**
 * Finds a local Neo4j started (by any process) for `dataDir`: returns its connection details when the recorded JVM
 * is alive and its Bolt port answers a Bolt handshake, else null (a stale runtime file is removed).
 */
export async function findRunningLocalNeo4j(dataDir: string): Promise<RunningLocalNeo4j | null> {
  const dir = path.resolve(dataDir);
  const runtime = await readRuntimeFile(dir);
  if (!runtime) return null;
  if (!isProcessAlive(runtime.pid)) {
    await removeRuntimeFile(dir, runtime.pid);
    return null;
  }
  const url = new URL(runtime.uri);
  if (!(await boltAnswers(url.hostname, Number(url.port)))) return null;
  const password = await readPassword(dir);
  if (!password) return null;
  return { uri: runtime.uri, user: 'neo4j', password };
}

// ---------------------------------------------------------------------------------------------------------------

function validateOptions(port: number, heap: string, pageCache: string, password: string | undefined): void {
  const size = /^\d+[mMgG]$/;
  const problems: string[] = [];
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`port must be 0..65535, got ${port}`);
  if (!size.test(heap)) problems.push(`heap must look like 1g or 768m, got ${heap}`);
  if (!size.test(pageCache)) problems.push(`pageCache must look like 512m or 2g, got ${pageCache}`);
  // Neo4j's minimum (dbms.security.auth_minimum_password_length); checked here so it fails before the JVM starts.
  if (password !== undefined && [...password].length < 8) problems.push('password must have at least 8 characters');
  // The password file is read back trimmed; surrounding whitespace would never match and force a reset every start.
  if (password !== undefined && password.trim() !== password) problems.push('password must not start or end with whitespace');
  if (problems.length) throw new LocalNeo4jStartError('bad-options', `Invalid local Neo4j options: ${problems.join('; ')}`);
}

/** Fails fast, naming the port, instead of waiting ~10 s for Neo4j to discover it at the end of its startup. */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new LocalNeo4jStartError('port-in-use', portInUseMessage(port))
          : new LocalNeo4jStartError('port-in-use', `Cannot listen on 127.0.0.1:${port}: ${err.message}`),
      );
    });
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve()));
  });
}

function portInUseMessage(port: number): string {
  return `Port ${port} on 127.0.0.1 is already in use, so the local Neo4j cannot listen for Bolt there; choose another NEO4J_BOLT_PORT or 0 for any free port`;
}

/** The Launcher's exit codes, for when its stderr line was lost. */
function launcherErrorFromExitCode(code: number | null): { code: string; detail: string } | undefined {
  if (code === 2) return { code: 'port-in-use', detail: '' };
  if (code === 3) return { code: 'store-locked', detail: '' };
  return undefined;
}

async function describeStartFailure(
  err: LocalNeo4jStartError,
  ctx: {
    launcherError: { code: string; detail: string } | undefined;
    stderrTail: string[];
    debugLog: string;
    debugLogOffset: number;
    port: number;
    dataDir: string;
  },
): Promise<LocalNeo4jStartError> {
  let code: LocalNeo4jStartErrorCode = err instanceof LocalNeo4jStartError ? err.code : 'exited';
  let headline = err.message;
  if (ctx.launcherError?.code === 'port-in-use') {
    code = 'port-in-use';
    headline = portInUseMessage(ctx.port);
  } else if (ctx.launcherError?.code === 'store-locked') {
    code = 'store-locked';
    headline =
      `The Neo4j store in ${ctx.dataDir} is locked by another process (another PaperGraph or Neo4j uses this data dir); ` +
      'stop it or use another DATA_DIR';
  } else if (ctx.launcherError) {
    if (ctx.launcherError.code === 'bad-args') code = 'bad-options';
    headline = `${headline}: ${ctx.launcherError.code} ${ctx.launcherError.detail}`;
  }
  const neo4jLog = await tailFile(ctx.debugLog, ctx.debugLogOffset, TAIL_LINES);
  const sections = [headline];
  if (ctx.stderrTail.length) sections.push(`--- JVM stderr (last ${ctx.stderrTail.length} lines) ---\n${ctx.stderrTail.join('\n')}`);
  if (neo4jLog.length) sections.push(`--- ${ctx.debugLog} (last ${neo4jLog.length} lines) ---\n${neo4jLog.join('\n')}`);
  return new LocalNeo4jStartError(code, sections.join('\n'));
}

async function tailFile(file: string, fromOffset: number, lines: number): Promise<string[]> {
  try {
    const handle = await fs.open(file, 'r');
    try {
      const { size } = await handle.stat();
      // Only this run's part of the log, and at most the last 256 KiB of it.
      const start = Math.max(fromOffset <= size ? fromOffset : 0, size - 256 * 1024);
      const buffer = Buffer.alloc(size - start);
      await handle.read(buffer, 0, buffer.length, start);
      return buffer.toString('utf8').split('\n').filter((l) => l.trim()).slice(-lines);
    } finally {
      await handle.close();
    }
  } catch {
    return [];
  }
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return 0;
  }
}

function onLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      onLine(buffered.slice(0, newline).replace(/\r$/, ''));
      buffered = buffered.slice(newline + 1);
    }
  });
  stream.on('end', () => {
    if (buffered) onLine(buffered);
    buffered = '';
  });
}

/** SIGTERM (Neo4j's clean shutdown), then SIGKILL if it has not exited after `graceMs`. */
async function killAndWait(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

async function readPassword(dataDir: string): Promise<string | null> {
  try {
    const value = (await fs.readFile(path.join(dataDir, PASSWORD_FILE), 'utf8')).trim();
    return value || null;
  } catch {
    return null;
  }
}

async function readRuntimeFile(dataDir: string): Promise<RuntimeFile | null> {
  try {
    const data = JSON.parse(await fs.readFile(path.join(dataDir, RUNTIME_FILE), 'utf8')) as Partial<RuntimeFile>;
    if (typeof data.uri !== 'string' || !Number.isInteger(data.pid)) return null;
    return data as RuntimeFile;
  } catch {
    return null;
  }
}

/** Removes running.json only if it still describes `pid`, so a newer instance's file survives. */
async function removeRuntimeFile(dataDir: string, pid: number): Promise<void> {
  const current = await readRuntimeFile(dataDir);
  if (current && current.pid !== pid) return;
  await fs.rm(path.join(dataDir, RUNTIME_FILE), { force: true });
}

async function writeFileAtomic(file: string, content: string, mode: number): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, content, { mode });
  await fs.rename(tmp, file);
}

/** Alive and not a zombie (an exited child nobody reaped still answers kill(pid, 0)). */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (os.platform() === 'linux') {
    try {
      // Format: "pid (comm) S ..."; comm may contain spaces, so read the state after the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return true;
    }
  }
  return true;
}

/** True when host:port completes a Bolt handshake (magic 0x6060B017, then a non-zero agreed version). */
async function boltAnswers(host: string, port: number, timeoutMs = 2_000): Promise<boolean> {
  if (!Number.isInteger(port) || port <= 0) return false;
  return new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => {
      // Proposals: Bolt 5.0–5.8 (range form) and 4.4; Neo4j 5.26 accepts both.
      socket.write(Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 8, 8, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0]));
    });
    let reply = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      reply = Buffer.concat([reply, chunk]);
      if (reply.length >= 4) done(reply.readUInt32BE(0) !== 0);
    });
    socket.once('end', () => done(false));
  });
}

