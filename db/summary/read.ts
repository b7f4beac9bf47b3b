// Reads one stored summary part together with the current graph version.
import neo4j from 'neo4j-driver';
import type { Graph } from '../graph.js';
import { SUMMARY_FORMAT, SummaryParts, type PartKey, type Parts } from './parts.js';
import type { GraphVersion } from './version.js';

export interface StoredPart<K extends PartKey> {
  /** The graph now. */
  graph: GraphVersion;
  /** The version the stored part describes; null when none is stored yet. */
  version: GraphVersion | null;
  /** When it was built (ISO), null when none is stored. */
  builtAt: string | null;
  /** The part, or null when none is stored or when it is the version the caller already holds (`have`). */
  data: Parts[K] | null;
}

/** Reads part `key`; its JSON is transferred and parsed only when it is not the version `have` already held. */
export async function readStoredPart<K extends PartKey>(
  graph: Graph,
  key: K,
  have?: GraphVersion,
  timeoutMs = 30_000,
): Promise<StoredPart<K>> {
  const [row] = await graph.read(
    'summary/read',
    { key, haveVersion: neo4j.int(have?.version ?? -1), haveEpoch: have?.epoch ?? '', format: neo4j.int(SUMMARY_FORMAT) },
    // Generous: the first query after a start also pays for planning and cold pages.
    { timeoutMs },
  );
  const g: GraphVersion = { version: Number(row?.graphVersion ?? 0), epoch: String(row?.graphEpoch ?? '') };
  if (row?.version === null || row?.version === undefined) return { graph: g, version: null, builtAt: null, data: null };
  const json = row.json as string | null;
  return {
    graph: g,
    version: { version: Number(row.version), epoch: String(row.epoch ?? '') },
    builtAt: (row.builtAt as string | null) ?? null,
    data: json === null ? null : (SummaryParts[key].parse(JSON.parse(json)) as Parts[K]),
  };
}
