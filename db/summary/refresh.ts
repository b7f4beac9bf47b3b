// Builds the whole-graph summary for the current graph version and stores it in Neo4j, so every server in front of
// the database serves the same answer. Call after every ingest and bulk load (`refreshSummaries(graph)`).
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { must } from '../../core/must.js';
import { rows, type Graph } from '../graph.js';
import { computeParts } from './compute.js';
import { SUMMARY_FORMAT, type Parts } from './parts.js';
import { graphVersionIn, sameVersion, type GraphVersion } from './version.js';

/** A refresh scans the whole graph: allow it minutes on a large one, unlike a request. */
const REFRESH_TIMEOUT_MS = 10 * 60_000;
/** Optimistic attempts (no lock) before a refresh takes the version lock and makes writers wait. */
const OPTIMISTIC_ATTEMPTS = 3;

export interface RefreshResult {
  /** The version the stored summary describes. */
  version: GraphVersion;
  /** False when no summary was stored (the graph kept changing and `lock` was false). */
  stored: boolean;
  attempts: number;
  ms: number;
}

export interface RefreshOptions {
  /**
   * When the graph keeps changing under the optimistic attempts, compute under the version lock (writers wait for it)
   * instead of giving up. Default true.
   */
  lock?: boolean;
  timeoutMs?: number;
}

/** Stores `parts` as describing version `v` (each unless a newer one of the same format is stored). */
export async function storeParts(tx: ManagedTransaction, v: GraphVersion, parts: Partial<Parts>, buildMs: number): Promise<void> {
  await rows(tx, 'summary/store', {
    version: neo4j.int(v.version),
    epoch: v.epoch,
    format: neo4j.int(SUMMARY_FORMAT),
    buildMs: neo4j.int(Math.round(buildMs)),
    parts: Object.entries(parts).map(([key, part]) => ({ key, json: JSON.stringify(part) })),
  });
}

/**
 * Computes and stores the summary. A summary is stored only for a version it describes exactly: an optimistic attempt
 * reads the version before and after computing in one read transaction and is kept only if both agree (every write
 * that changes the data bumps the version in its own transaction, so an unchanged version means no write committed in
 * between); after OPTIMISTIC_ATTEMPTS it computes under the version lock in a write transaction (unless `lock: false`).
 */
export async function refreshSummaries(graph: Graph, opts: RefreshOptions = {}): Promise<RefreshResult> {
  const started = performance.now();
  const timeoutMs = opts.timeoutMs ?? REFRESH_TIMEOUT_MS;
  let last: GraphVersion = { version: 0, epoch: '' };
  for (let attempt = 1; attempt <= OPTIMISTIC_ATTEMPTS; attempt++) {
    const t0 = performance.now();
    const out = await graph.transaction(
      neo4j.session.READ,
      async (tx) => {
        const before = await graphVersionIn(tx);
        const parts = await computeParts(tx);
        const after = await graphVersionIn(tx);
        return { before, after, parts };
      },
      { timeoutMs },
    );
    last = out.after;
    if (sameVersion(out.before, out.after)) {
      // Not the database's default timeout: on a busy machine writing a few MB of JSON can wait that long.
      await graph.transaction(neo4j.session.WRITE, (tx) => storeParts(tx, out.before, out.parts, performance.now() - t0), { timeoutMs });
      return { version: out.before, stored: true, attempts: attempt, ms: performance.now() - started };
    }
  }
  if (opts.lock === false) return { version: last, stored: false, attempts: OPTIMISTIC_ATTEMPTS, ms: performance.now() - started };
  const version = await graph.transaction(
    neo4j.session.WRITE,
    async (tx) => {
      const t0 = performance.now();
      const [row] = await rows(tx, 'summary/lock-version');
      const locked = must(row, 'the row of cypher/summary/lock-version.cypher');
      const v: GraphVersion = { version: locked.version, epoch: locked.epoch };
      await storeParts(tx, v, await computeParts(tx), performance.now() - t0);
      return v;
    },
    { timeoutMs },
  );
  return { version, stored: true, attempts: OPTIMISTIC_ATTEMPTS + 1, ms: performance.now() - started };
}
