// The bulk first load into the built-in local Neo4j:
//   checks (no explorer on this DATA_DIR, target empty or --replace --yes, enough free disk)
//   → stage CSVs (ingest/bulk/stage.ts) → neo4j-admin import into a staging home → start Neo4j on the staging home,
//   apply the schema, the migrations and the merge-suggestion post-pass → stop it → swap the finished store in.
// Until the swap the live store is not touched: a crash, Ctrl-C or full disk leaves it as it was. Everything temporary
// lives in DATA_DIR/bulk-staging and is removed at the end (or by the next run, after a SIGKILL).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { must } from '../../core/must.js';
import { dirBytes, dropPrevious, freeBytes, recoverSwap, runImporter, swapStore } from '../../db/bulk-import.js';
import { localNeo4jDir } from '../../db/connect.js';
import { Graph } from '../../db/graph.js';
import { findRunningLocalNeo4j, startLocalNeo4j, type LocalNeo4j } from '../../db/local-neo4j.js';
import { applySchema } from '../../db/schema.js';
import { refreshSummaries } from '../../db/summary/refresh.js';
import { bumpGraphVersion } from '../../db/summary/version.js';
import { DecisionFile } from '../../schema/curation.js';
import { carryDecisions, restoreDecisions } from '../identity/decisions-apply.js';
import { INGEST_MIGRATIONS } from '../migrations.js';
import { cypher, schemaStatements } from '../../cypher/index.js';
import type { IngestInput, IngestSummary } from '../pipeline.js';
import { stageImport, type StageCounts, type StageOptions } from './stage.js';
import { runPostIngestSteps } from '../post-ingest.js';

export type BulkPhase = 'parse/topics' | 'csv' | 'import' | 'indexes' | 'post-passes' | 'swap';

export interface BulkProgress {
  phase: BulkPhase;
  done: number;
  /** null when unknown. */
  total: number | null;
  unit: string;
}

/** The load was refused before anything was written; `message` says why and what to do. */
export class BulkRefusedError extends Error {
  override name = 'BulkRefusedError';
  constructor(
    readonly reason: 'explorer-running' | 'not-empty' | 'needs-yes' | 'disk' | 'busy',
    message: string,
  ) {
    super(message);
  }
}

export interface BulkOptions extends Omit<StageOptions, 'onProgress' | 'onStaged'> {
  /** DATA_DIR (absolute). */
  dataDir: string;
  /** The password the local Neo4j uses (NEO4J_PASSWORD), else the stored one. */
  password?: string;
  replace?: boolean;
  yes?: boolean;
  /** The command line to show in refusals (how to run again). */
  command?: string;
  /** Free bytes where DATA_DIR lives (injectable for tests). */
  freeBytes?: (dir: string) => Promise<number>;
  heap?: string;
  pageCache?: string;
  importerHeap?: string;
  importerOffHeap?: string;
  jarsDir?: string;
  onPhase?: (p: BulkProgress) => void;
  log?: (line: string) => void;
  /** For tests: the JVM pids this load started (importer, staging Neo4j). */
  onSpawn?: (what: 'importer' | 'neo4j', pid: number) => void;
  /** Aborts the load (Ctrl-C): whatever runs is stopped, staging removed, the live store untouched. */
  signal?: AbortSignal;
}

export interface BulkSummary {
  ingest: IngestSummary;
  counts: StageCounts & { suggestions: number };
  /** Per phase, ms. */
  timings: Record<string, number>;
  /** Bytes of the staged CSVs and of the finished store. */
  stagingBytes: number;
  storeBytes: number;
  /** Peak RSS of this process, MB. */
  peakRssMB: number;
  /** What the importer reported as its peak memory. */
  importerPeak: string | null;
  replaced: { papers: number; authors: number } | null;
}

export const STAGING = 'bulk-staging';
/** Neo4j on a freshly imported store builds its system database and counts stores first: allow it more than 120 s. */
const START_TIMEOUT_MS = 600_000;

/**
 * What a bulk load needs on disk, estimated from the input size: spool ≈ 1.2×, CSVs ≈ 1.3×, store ≈ 2× the input, plus
 * the fixed size of a new store (preallocated transaction logs, system database: ≈ 520 MiB measured) and a margin.
 */
export function estimateDiskBytes(inputBytes: number): number {
  return Math.ceil(inputBytes * 4.5) + 1024 * 2 ** 20;
}

function inputBytes(inputs: IngestInput[]): number {
  let total = 0;
  for (const i of inputs) if (i.path !== '-' && existsSync(i.path)) total += statSync(i.path).size;
  return total;
}

function gib(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.ceil(bytes / 2 ** 20)} MiB`;
}

async function countGraph(graph: Graph): Promise<{ papers: number; authors: number; nodes: number }> {
  const [row] = await graph.read('bulk/graph-size');
  return must(row, 'the row of cypher/bulk/graph-size.cypher');
}

function graphOf(local: LocalNeo4j): Graph {
  return new Graph(neo4j.driver(local.uri, neo4j.auth.basic(local.user, local.password)), { uri: local.uri, kind: 'local' });
}

/** A lock so two bulk loads on one DATA_DIR do not share a staging folder. */
async function takeLock(stagingDir: string): Promise<void> {
  const lock = path.join(stagingDir, 'lock.pid');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      alive = false;
    }
    if (alive) throw new BulkRefusedError('busy', `another bulk load (pid ${pid}) is using ${stagingDir}`);
  }
  await fs.mkdir(stagingDir, { recursive: true });
  await fs.writeFile(lock, `${process.pid}\n`);
}

/** Removes what an earlier, killed bulk load left behind (after repairing an interrupted swap). */
async function clearLeftovers(neo4jHome: string, stagingDir: string, log: (l: string) => void): Promise<void> {
  if (!existsSync(stagingDir)) return;
  if ((await recoverSwap(neo4jHome, stagingDir)) === 'restored') log('restored the previous database from an interrupted swap');
  for (const e of await fs.readdir(stagingDir)) {
    if (e === 'lock.pid') continue;
    await fs.rm(path.join(stagingDir, e), { recursive: true, force: true });
  }
}

/** Runs a bulk load; see the module comment. Throws BulkRefusedError before touching anything when it may not run. */
export async function bulkLoad(inputs: IngestInput[], opts: BulkOptions): Promise<BulkSummary> {
  const log = opts.log ?? (() => {});
  const phase = opts.onPhase ?? (() => {});
  const command = opts.command ?? 'npm run ingest -- --bulk FILES…';
  const neo4jHome = localNeo4jDir({ dataDir: opts.dataDir });
  const stagingDir = path.join(opts.dataDir, STAGING);
  const timings: Record<string, number> = {};
  const t0 = Date.now();
  let mark = t0;
  const lap = (name: string) => {
    const now = Date.now();
    timings[name] = now - mark;
    mark = now;
  };
  const checkAbort = () => {
    if (opts.signal?.aborted) throw new Error('bulk load interrupted; the previous database is unchanged');
  };

  // 1. Checks, before anything is written.
  if (await findRunningLocalNeo4j(neo4jHome)) {
    throw new BulkRefusedError(
      'explorer-running',
      `the explorer (npm start) or another process is running the local Neo4j on DATA_DIR=${opts.dataDir}; ` +
        `a bulk load replaces the store offline. Stop it (Ctrl-C in its terminal), then run: ${command}`,
    );
  }
  await takeLock(stagingDir);
  try {
    await clearLeftovers(neo4jHome, stagingDir, log);
    const storeDir = path.join(neo4jHome, 'data', 'databases', 'neo4j');
    let replaced: BulkSummary['replaced'] = null;
    let carried: DecisionFile | null = null;
    if (existsSync(storeDir)) {
      log('checking the current database');
      const live = await startLocalNeo4j({ dataDir: neo4jHome, password: opts.password, heap: opts.heap, pageCache: opts.pageCache, jarsDir: opts.jarsDir, log, startTimeoutMs: START_TIMEOUT_MS });
      opts.onSpawn?.('neo4j', live.pid);
      const g = graphOf(live);
      let c;
      try {
        c = await countGraph(g);
        // Identity decisions are data a reload must not lose: read now, restored into the new store by finishLoad.
        carried = c.nodes > 0 ? await carryDecisions(g) : null;
      } finally {
        await g.close();
        await live.stop();
      }
      if (c.nodes > 0) {
        const what = `${c.papers} papers, ${c.authors} authors (${c.nodes} nodes in all, with their relationships and merge-suggestion reviews)`;
        if (!opts.replace) {
          throw new BulkRefusedError(
            'not-empty',
            `the local database in ${neo4jHome} is not empty (${what}). A bulk load starts from an empty database: ` +
              `append with the transactional path (the same command without --bulk), or replace it with --replace --yes`,
          );
        }
        if (!opts.yes) {
          throw new BulkRefusedError('needs-yes', `--replace would delete ${what} in ${neo4jHome}; add --yes to confirm`);
        }
        replaced = { papers: c.papers, authors: c.authors };
      }
    }
    const need = estimateDiskBytes(inputBytes(inputs));
    const free = await (opts.freeBytes ?? freeBytes)(opts.dataDir);
    if (free < need) {
      throw new BulkRefusedError(
        'disk',
        `not enough free disk in ${opts.dataDir}: a bulk load of these inputs needs about ${gib(need)} ` +
          `(staging CSVs, the new store, and the old store until the swap), ${gib(free)} are free`,
      );
    }
    checkAbort();

    // 2. Stage the CSVs through the ingest pipeline.
    const csvDir = path.join(stagingDir, 'csv');
    const staged = await stageImport(inputs, csvDir, {
      ...opts,
      onProgress: (p) =>
        phase({ phase: 'parse/topics', done: p.phase === 'parse' ? p.bytesRead : p.records, total: p.phase === 'parse' ? p.bytesTotal : null, unit: p.phase === 'parse' ? 'bytes' : 'papers' }),
      onStaged: (n) => phase({ phase: 'csv', done: n, total: null, unit: 'papers' }),
    });
    lap('parse/topics + csv');
    checkAbort();

    // 3. The importer, into the staging home.
    const home = path.join(stagingDir, 'home');
    let importerPeak: string | null = null;
    const importerPid: { pid?: number } = {};
    const onAbort = () => importerPid.pid && process.kill(importerPid.pid, 'SIGTERM');
    opts.signal?.addEventListener('abort', onAbort);
    try {
      await runImporter({
        home,
        groups: staged.groups,
        jarsDir: opts.jarsDir,
        heap: opts.importerHeap,
        offHeap: opts.importerOffHeap,
        log: (l) => {
          const peak = /Peak memory usage: (.+)$/.exec(l);
          if (peak?.[1]) importerPeak = peak[1].trim();
          log(`[import] ${l}`);
        },
        onProgress: (stage, pct) => phase({ phase: 'import', done: pct, total: 100, unit: `% ${stage}` }),
        onSpawn: (pid) => {
          importerPid.pid = pid;
          opts.onSpawn?.('importer', pid);
        },
      });
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
    lap('import');
    checkAbort();
    const stagingBytes = staged.bytes;
    await fs.rm(csvDir, { recursive: true, force: true });

    // 4. Schema, migrations and post-passes on the staged store, with Neo4j running on the staging home.
    const password = opts.password ?? (await readPassword(neo4jHome)) ?? randomBytes(32).toString('base64url');
    phase({ phase: 'indexes', done: 0, total: null, unit: 'indexes' });
    const neo = await startLocalNeo4j({ dataDir: home, password, heap: opts.heap, pageCache: opts.pageCache, jarsDir: opts.jarsDir, log, startTimeoutMs: START_TIMEOUT_MS });
    opts.onSpawn?.('neo4j', neo.pid);
    lap('start neo4j');
    const onAbortNeo = () => void neo.stop();
    opts.signal?.addEventListener('abort', onAbortNeo);
    const graph = graphOf(neo);
    const suggestions = staged.counts.suggestions;
    try {
      await finishLoad(graph, phase, (step) => {
        lap(step);
        checkAbort();
      }, carried);
      checkAbort();
    } finally {
      opts.signal?.removeEventListener('abort', onAbortNeo);
      await graph.close();
      await neo.stop();
    }

    // 5. Swap the finished store in (refusing if the explorer was started meanwhile).
    if (await findRunningLocalNeo4j(neo4jHome)) {
      throw new BulkRefusedError('explorer-running', `the explorer was started on DATA_DIR=${opts.dataDir} during the load; stop it and run: ${command}`);
    }
    phase({ phase: 'swap', done: 0, total: 1, unit: 'store' });
    const storeBytes = await dirBytes(path.join(home, 'data'));
    await swapStore(neo4jHome, path.join(home, 'data'), stagingDir);
    if (!existsSync(path.join(neo4jHome, 'password'))) await fs.writeFile(path.join(neo4jHome, 'password'), `${password}\n`, { mode: 0o600 });
    await dropPrevious(stagingDir);
    lap('swap');

    return {
      ingest: staged.summary,
      counts: { ...staged.counts, suggestions },
      timings: { ...timings, total: Date.now() - t0 },
      stagingBytes,
      storeBytes,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      importerPeak,
      replaced,
    };
  } finally {
    // Staging is removed whatever happened; the live store was only touched by a completed swap.
    for (const e of existsSync(stagingDir) ? await fs.readdir(stagingDir) : []) {
      if (e === 'lock.pid' || e === 'previous-data' || e === 'swap.json') continue;
      await fs.rm(path.join(stagingDir, e), { recursive: true, force: true });
    }
    if (!existsSync(path.join(stagingDir, 'previous-data'))) await fs.rm(stagingDir, { recursive: true, force: true });
  }
}

/**
 * The file in a remote bulk export's folder that holds the identity decisions of the database import.sh replaces:
 * written by the remote --bulk run, restored by --bulk-finish (as finishLoad's `carried`).
 */
export const CARRIED_DECISIONS_FILE = 'decisions.json';

/**
 * A remote bulk export: writes the decisions of `graph` (the database the import will replace) into
 * `dir/decisions.json` when there are any; returns how many were written.
 */
export async function carryDecisionsToFile(graph: Graph, dir: string): Promise<number> {
  const carried = await carryDecisions(graph);
  if (carried.decisions.length === 0) return 0;
  writeFileSync(path.join(dir, CARRIED_DECISIONS_FILE), `${JSON.stringify(carried, null, 1)}\n`);
  return carried.decisions.length;
}

/**
 * The decisions a remote bulk export carried (`dir/decisions.json`), or null when it carried none. Throws an Error
 * naming the file and the field when the file is not a decision file.
 */
export function readCarriedDecisions(dir: string): DecisionFile | null {
  const file = path.join(dir, CARRIED_DECISIONS_FILE);
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not JSON (${(err as Error).message})`);
  }
  const parsed = DecisionFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: field '${issue?.path.join('.') || '(file)'}': ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** The steps of finishLoad, each reported when done (the bulk load times them). */
export type FinishStep = 'indexes' | 'post-ingest steps' | 'summaries';

/**
 * What follows the importer on the loaded store, on the local or a remote Neo4j: the schema (constraints, indexes,
 * full-text indexes; waits for them to populate) and its migrations, the ingest's data migrations recorded as applied
 * (the staged graph already has their form: ids without an inferred year, topic frequencies counted, persons resolved
 * by the identity model), the empty topic lists the importer cannot store, the post-ingest steps (ingest/post-ingest.ts),
 * one graph-version bump for the whole load and the stored summaries (db/summary).
 */
export async function finishLoad(
  graph: Graph,
  phase: (p: BulkProgress) => void = () => {},
  stepDone: (step: FinishStep) => void = () => {},
  carried: DecisionFile | null = null,
): Promise<void> {
  phase({ phase: 'indexes', done: 0, total: null, unit: 'indexes' });
  for (const s of schemaStatements()) await graph.runAutoCommit(s);
  // Indexes on a loaded store populate now; a large store takes longer than applySchema's own wait.
  await graph.runAutoCommit('CALL db.awaitIndexes(86400)');
  await applySchema(graph);
  stepDone('indexes');
  phase({ phase: 'post-passes', done: 0, total: 1, unit: 'steps' });
  await graph.runAutoCommit(cypher('bulk/restore-empty-topic-lists'));
  // The reviewers' identity decisions carried over from the replaced store, if any (the post-ingest steps re-apply them).
  await restoreDecisions(graph, carried);
  for (const m of INGEST_MIGRATIONS) await graph.write('migrations/record', { id: m.id });
  await runPostIngestSteps(graph);
  await graph.transaction(neo4j.session.WRITE, (tx) => bumpGraphVersion(tx));
  stepDone('post-ingest steps');
  await refreshSummaries(graph);
  stepDone('summaries');
  phase({ phase: 'post-passes', done: 1, total: 1, unit: 'steps' });
}

async function readPassword(dir: string): Promise<string | null> {
  try {
    return (await fs.readFile(path.join(dir, 'password'), 'utf8')).trim() || null;
  } catch {
    return null;
  }
}
