// The graph version: a counter stored in the graph, bumped in the same transaction as every write the views show.
import type { ManagedTransaction } from 'neo4j-driver';
import { rows, type Graph } from '../graph.js';

/** A graph version; `epoch` is fixed per database (empty before its first write), `version` counts its writes. */
export interface GraphVersion {
  version: number;
  epoch: string;
}

/** The version a `summary/version` row states (an empty database has none: version 0 of no epoch). */
export function versionOf(row: GraphVersion | undefined): GraphVersion {
  return row ? { version: row.version, epoch: row.epoch } : { version: 0, epoch: '' };
}

/** True when both are known and name the same version of the same database. */
export function sameVersion(a: GraphVersion | null | undefined, b: GraphVersion | null | undefined): boolean {
  return !!a && !!b && a.version === b.version && a.epoch === b.epoch;
}

/**
 * Bumps the graph version inside `tx`, the transaction of the write that changes what views show (an ingest batch, a
 * bulk load's final step, an identity decision): the new version becomes visible exactly when the write does.
 * Cypher-only callers can run `cypher/summary/bump-version.cypher` in their transaction instead.
 */
export async function bumpGraphVersion(tx: ManagedTransaction): Promise<GraphVersion> {
  const [row] = await rows(tx, 'summary/bump-version');
  return versionOf(row);
}

/** Reads the graph version inside `tx`. */
export async function graphVersionIn(tx: ManagedTransaction): Promise<GraphVersion> {
  const [row] = await rows(tx, 'summary/version');
  return versionOf(row);
}

/** Reads the graph version in its own short read transaction (not retried: callers treat a failure as "unknown"). */
export async function readGraphVersion(graph: Graph, timeoutMs = 5_000): Promise<GraphVersion> {
  const [row] = await graph.read('summary/version', {}, { timeoutMs, noRetry: true });
  return versionOf(row);
}

/** The ETag of a response describing `v` (strong: the body is a function of the version and the URL). */
export function versionTag(v: GraphVersion): string {
  return `"${v.epoch.slice(0, 8) || 'empty'}-${v.version}"`;
}
