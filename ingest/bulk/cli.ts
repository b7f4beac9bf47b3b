// `npm run ingest -- --bulk FILES…` (and `--bulk-finish DIR` for a remote import): the command-line side of the bulk
// load: options, refusals as messages, Ctrl-C, progress and the summary.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { connect } from '../../db/connect.js';
import type { Config } from '../../core/config.js';
import { StrictModeError, type IngestInput, type IngestIssue } from '../pipeline.js';
import { bulkProgressReporter } from './progress.js';
import { exportBulk } from './remote.js';
import {
  BulkRefusedError,
  bulkLoad,
  CARRIED_DECISIONS_FILE,
  carryDecisionsToFile,
  finishLoad,
  readCarriedDecisions,
  STAGING,
  type BulkSummary,
} from './run.js';
import type { StageOptions } from './stage.js';

export interface BulkCliOptions extends Omit<StageOptions, 'onIssue' | 'onProgress' | 'onStaged'> {
  replace: boolean;
  yes: boolean;
  onIssue: (i: IngestIssue) => void;
  argv: string[];
}

const EXIT = { ok: 0, rejected: 1, strict: 2, fatal: 3, interrupted: 130 } as const;

function secs(ms: number | undefined): string {
  return ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`;
}

/** The end-of-run summary lines (pure, for tests). */
export function bulkSummaryLines(s: BulkSummary): string[] {
  const c = s.counts;
  const total = s.timings.total ?? 0;
  const edges = c.authored + c.inCategory + c.hasTopic + c.cites;
  return [
    `${s.ingest.records} records parsed, ${s.ingest.rejected} rejected, ${s.ingest.warnings} warnings; bulk load in ${secs(total)} (${Math.round(c.papers / Math.max(total / 1000, 0.001))} papers/s end to end)`,
    `papers: ${c.papers}; authors: ${c.authors}; categories: ${c.categories}; topics: ${c.topics}; cited works not in the graph: ${c.stubs}`,
    `edges: ${edges} (authorship ${c.authored}, categories ${c.inCategory}, topics ${c.hasTopic}, citations ${c.cites}); merge suggestions: ${c.suggestions}`,
    `phases: ${Object.entries(s.timings)
      .filter(([k]) => k !== 'total')
      .map(([k, v]) => `${k} ${secs(v)}`)
      .join(', ')}`,
    `peak memory: ingest process ${s.peakRssMB} MB RSS, importer ${s.importerPeak ?? '?'}; staging CSVs ${(s.stagingBytes / 2 ** 20).toFixed(1)} MiB, store ${(s.storeBytes / 2 ** 20).toFixed(1)} MiB`,
    ...(s.replaced ? [`replaced the previous database (${s.replaced.papers} papers, ${s.replaced.authors} authors)`] : []),
  ];
}

/** Runs a bulk load for the CLI; returns the exit code. */
export async function runBulkCli(inputs: IngestInput[], config: Config, o: BulkCliOptions): Promise<number> {
  const err = (l: string) => process.stderr.write(`${l}\n`);
  const progress = bulkProgressReporter(process.stderr);
  const command = `npm run ingest -- ${o.argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a}'`)).join(' ')}`;

  if (config.NEO4J_URI) {
    const dir = path.join(config.dataDir, `bulk-export-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    try {
      const staged = await exportBulk(inputs, dir, { ...o, onProgress: (p) => progress.update({ phase: 'parse/topics', done: p.records, total: null, unit: 'papers' }) });
      progress.done();
      err(`NEO4J_URI is set: a bulk load must run where that database's files are, with it stopped.`);
      err(`Wrote the import CSVs (${staged.counts.papers} papers, ${staged.counts.authors} authors) and ${path.join(dir, 'import.sh')}:`);
      err(`  it stops the docker compose Neo4j, runs neo4j-admin database import full into the database "neo4j" (replacing it),`);
      err(`  starts Neo4j and runs \`npm run ingest -- --bulk-finish ${dir}\` (schema, migrations, merge suggestions).`);
      await carryRemoteDecisions(config, dir, err);
      err(`Neo4j Aura cannot run the importer: load locally (unset NEO4J_URI, run this command), then upload the store with`);
      err(`  neo4j-admin database dump / upload (see README, "Bulk load").`);
      return staged.summary.rejected > 0 ? EXIT.rejected : EXIT.ok;
    } catch (e) {
      progress.done();
      if (e instanceof StrictModeError) {
        rmSync(dir, { recursive: true, force: true });
        err('--strict: stopped at the first bad record, nothing was written.');
        return EXIT.strict;
      }
      throw e;
    }
  }

  // Ctrl-C / SIGTERM: stop the JVMs this load started, drop staging, exit 130; a swap in progress is finished first.
  const pids = new Set<number>();
  let swapping = false;
  let interrupted = false;
  const stagingDir = path.join(config.dataDir, STAGING);
  const cleanupAndExit = () => {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    const deadline = Date.now() + 10_000;
    for (const pid of pids) {
      while (Date.now() < deadline) {
        try {
          process.kill(pid, 0);
        } catch {
          break;
        }
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      }
    }
    if (!existsSync(path.join(stagingDir, 'previous-data'))) rmSync(stagingDir, { recursive: true, force: true });
    progress.done();
    err('bulk load interrupted: staging removed, the previous database is unchanged.');
    process.exit(EXIT.interrupted);
  };
  const onSignal = () => {
    interrupted = true;
    if (!swapping) cleanupAndExit();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const summary = await bulkLoad(inputs, {
      ...o,
      dataDir: config.dataDir,
      password: config.NEO4J_PASSWORD,
      heap: config.NEO4J_HEAP,
      pageCache: config.NEO4J_PAGECACHE,
      command,
      onPhase: (p) => {
        if (p.phase === 'swap') swapping = true;
        progress.update(p);
      },
      onSpawn: (_what, pid) => pids.add(pid),
      log: (l) => {
        if (process.env.PAPERGRAPH_BULK_VERBOSE) err(l);
      },
    });
    progress.done();
    if (interrupted) err('interrupted during the swap: the swap was completed first.');
    for (const l of bulkSummaryLines(summary)) err(l);
    return summary.ingest.rejected > 0 ? EXIT.rejected : EXIT.ok;
  } catch (e) {
    progress.done();
    if (e instanceof StrictModeError) {
      err('--strict: stopped at the first bad record, nothing was written; the database is unchanged.');
      return EXIT.strict;
    }
    if (e instanceof BulkRefusedError) {
      err(`ingest --bulk: refused: ${e.message}`);
      return EXIT.fatal;
    }
    err(`ingest --bulk: ${(e as Error).message}\nthe previous database is unchanged.`);
    return EXIT.fatal;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * A remote bulk export: the identity decisions of the database import.sh will replace go into the export folder, so
 * --bulk-finish restores them. When that database cannot be read, says so and how to keep them (the export is kept).
 */
async function carryRemoteDecisions(config: Config, dir: string, err: (l: string) => void): Promise<void> {
  try {
    const connection = await connect(config, () => {});
    try {
      await connection.graph.driver.verifyConnectivity();
      const n = await carryDecisionsToFile(connection.graph, dir);
      if (n > 0) err(`Carried the ${n} identity decisions of ${config.NEO4J_URI} into ${path.join(dir, CARRIED_DECISIONS_FILE)}: --bulk-finish restores them.`);
    } finally {
      await connection.close();
    }
  } catch (e) {
    err(`Could not read the identity decisions of ${config.NEO4J_URI} (${(e as Error).message}).`);
    err(`  If that database holds review decisions, export them before running import.sh (GET /api/curation/decisions/export)`);
    err(`  and import the file afterwards (POST /api/curation/decisions/import, or the review view's Import).`);
  }
}

/**
 * `--bulk-finish DIR`: the schema, migrations and post-passes on a database imported with DIR/import.sh, and the
 * identity decisions the remote --bulk run carried (DIR/decisions.json), restored and re-applied.
 */
export async function runBulkFinish(dir: string, config: Config): Promise<number> {
  const file = path.join(dir, 'import.sh');
  if (!existsSync(file)) throw new Error(`${file}: not found (expected the folder a remote --bulk run wrote)`);
  const carried = readCarriedDecisions(dir);
  const connection = await connect(config, (l) => process.stderr.write(`${l}\n`));
  try {
    const progress = bulkProgressReporter(process.stderr);
    await finishLoad(connection.graph, progress.update, undefined, carried);
    progress.done();
    process.stderr.write('schema applied, post-passes done\n');
    if (carried) process.stderr.write(`restored ${carried.decisions.length} identity decisions from ${path.join(dir, CARRIED_DECISIONS_FILE)}\n`);
    return EXIT.ok;
  } finally {
    await connection.close();
  }
}
