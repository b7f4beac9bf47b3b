// Runs Neo4j's offline importer (`neo4j-admin database import full`) from the runtime jar set into a staging store,
// and swaps a finished staging store into the local Neo4j's home.
//
// The importer is org.neo4j.cli.AdminTool (jars neo4j-command-line + neo4j-import-tool, both in the set db/pom.xml
// resolves), started through db/bulk-import-launcher.java so that it halts when this process dies, however it dies.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultJarsDir, findJava, jvmArgs, resolveNeo4jJars } from './local-neo4j.js';

const DB_DIR = path.dirname(fileURLToPath(import.meta.url));
export const BULK_LAUNCHER = path.join(DB_DIR, 'bulk-import-launcher.java');

/** One group of CSV files for the importer. */
export interface ImportGroup {
  kind: 'nodes' | 'relationships';
  /** `Paper:Stub` for nodes, the type for relationships. */
  label: string;
  header: string;
  data: string;
  multiline: boolean;
}

export interface ImporterOptions {
  /** Staging Neo4j home: the importer writes `<home>/data/databases/neo4j` and `<home>/data/transactions/neo4j`. */
  home: string;
  groups: ImportGroup[];
  jarsDir?: string;
  heap?: string;
  /** The importer's --max-off-heap-memory (default 2g; its own default of 90% of RAM is rude on a shared machine). */
  offHeap?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Percent done of the importer's current stage, as it reports it. */
  onProgress?: (stage: string, percent: number) => void;
  /** Called with the JVM's pid once it runs (tests check it is gone afterwards). */
  onSpawn?: (pid: number) => void;
}

export class ImporterError extends Error {
  override name = 'ImporterError';
  constructor(
    message: string,
    readonly exitCode: number | null,
  ) {
    super(message);
  }
}

/** The importer's arguments after `database import full` (exact; also written into the remote script). */
export function importerArgs(groups: ImportGroup[], opts: { reportFile: string; offHeap: string; pathOf?: (file: string) => string }): string[] {
  const p = opts.pathOf ?? ((f: string) => f);
  // The database name goes first: --nodes/--relationships take several files and would swallow it.
  const args = [
    'neo4j',
    '--id-type=string',
    '--array-delimiter=;',
    `--max-off-heap-memory=${opts.offHeap}`,
    `--report-file=${p(opts.reportFile)}`,
    '--bad-tolerance=0',
    '--strict=true',
  ];
  if (groups.some((g) => g.multiline)) args.push('--multiline-fields=true');
  for (const g of groups) args.push(`--${g.kind}=${g.label}=${p(g.header)},${p(g.data)}`);
  return args;
}

/** Runs the importer to completion; rejects with the importer's last lines when it fails. */
export async function runImporter(opts: ImporterOptions): Promise<{ ms: number }> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? (() => {});
  const jarsDir = opts.jarsDir ?? defaultJarsDir(env);
  const java = await findJava(env);
  await resolveNeo4jJars({ jarsDir, env, log, javaHome: java.javaHome });
  await fs.mkdir(path.join(opts.home, 'conf'), { recursive: true });
  await fs.writeFile(path.join(opts.home, 'conf', 'neo4j.conf'), '');
  const heap = opts.heap ?? '1g';
  const args = [
    ...jvmArgs(heap, jarsDir, BULK_LAUNCHER),
    'database',
    'import',
    'full',
    ...importerArgs(opts.groups, { reportFile: path.join(opts.home, 'import.report'), offHeap: opts.offHeap ?? '2g' }),
  ];
  const started = Date.now();
  const child = spawn(java.java, args, {
    cwd: opts.home,
    env: { ...env, JAVA_HOME: java.javaHome, NEO4J_HOME: opts.home, NEO4J_CONF: path.join(opts.home, 'conf') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.on('error', () => {});
  if (child.pid) opts.onSpawn?.(child.pid);
  const tail: string[] = [];
  let stage = 'import';
  const onLine = (line: string) => {
    if (!line.trim()) return;
    tail.push(line);
    if (tail.length > 40) tail.shift();
    // Stage headers look like "Node import 2025-…" / "(1/4) Node import"; progress lines like "..........  5% ∆…".
    const header = /^\s*(?:\(\d+\/\d+\)\s*)?(Node import|Relationship import|Relationship linking|Post processing|IMPORT DONE)/.exec(line);
    if (header?.[1]) stage = header[1];
    const pct = /(\d{1,3})%/.exec(line);
    if (pct && /^[.\s-]*\.+/.test(line)) opts.onProgress?.(stage, Number(pct[1]));
    else log(line);
  };
  const lines = (stream: NodeJS.ReadableStream) => {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buf += chunk;
      let i;
      while ((i = buf.search(/[\r\n]/)) >= 0) {
        onLine(buf.slice(0, i));
        buf = buf.slice(i + 1);
      }
    });
    stream.on('end', () => buf && onLine(buf));
  };
  lines(child.stdout);
  lines(child.stderr);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c, signal) => resolve(c ?? (signal ? 128 : null)));
  });
  if (code !== 0) {
    throw new ImporterError(`neo4j-admin database import full failed (exit ${code}):\n${tail.slice(-15).join('\n')}`, code);
  }
  return { ms: Date.now() - started };
}

/** Where a previous store waits while a new one is swapped in (under the staging folder, same filesystem). */
const PREVIOUS = 'previous-data';
const JOURNAL = 'swap.json';

/**
 * Swaps `stagedData` (a finished importer home's data/) in as `<neo4jHome>/data`. The previous store is moved aside
 * into `stagingDir` (not deleted: {@link dropPrevious} does that once the new store has started), and a journal
 * records the step so {@link recoverSwap} can finish or undo a swap interrupted between its two renames.
 */
export async function swapStore(neo4jHome: string, stagedData: string, stagingDir: string): Promise<void> {
  const live = path.join(neo4jHome, 'data');
  const previous = path.join(stagingDir, PREVIOUS);
  await fs.mkdir(neo4jHome, { recursive: true });
  await fs.writeFile(path.join(stagingDir, JOURNAL), JSON.stringify({ live, previous, staged: stagedData }) + '\n');
  if (existsSync(live)) await fs.rename(live, previous);
  await fs.rename(stagedData, live);
  await fs.writeFile(path.join(stagingDir, JOURNAL), JSON.stringify({ live, previous, staged: stagedData, done: true }) + '\n');
}

/** Deletes the store that was swapped out. */
export async function dropPrevious(stagingDir: string): Promise<void> {
  await fs.rm(path.join(stagingDir, PREVIOUS), { recursive: true, force: true });
}

/**
 * Repairs a swap interrupted between its renames: the previous store goes back when no new store is in place.
 * Returns what it did (null: nothing to do).
 */
export async function recoverSwap(neo4jHome: string, stagingDir: string): Promise<'restored' | null> {
  const live = path.join(neo4jHome, 'data');
  const previous = path.join(stagingDir, PREVIOUS);
  if (existsSync(previous) && !existsSync(live)) {
    await fs.rename(previous, live);
    return 'restored';
  }
  return null;
}

/** Free bytes on the filesystem holding `dir` (the nearest existing ancestor). */
export async function freeBytes(dir: string): Promise<number> {
  let d = path.resolve(dir);
  while (!existsSync(d)) d = path.dirname(d);
  const s = await fs.statfs(d);
  return s.bavail * s.bsize;
}

/** Bytes used by a directory tree (0 when it does not exist). */
export async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += await dirBytes(p);
    else if (e.isFile()) total += (await fs.stat(p)).size;
  }
  return total;
}
