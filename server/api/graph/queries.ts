// Named graph queries run inside one read transaction, so a multi-step graph (levels, nodes, edges) sees one snapshot.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../../../db/graph.js';

/** Longest a graph endpoint's transaction may run before Neo4j stops it (→ 408). */
export const GRAPH_QUERY_TIMEOUT_MS = 20_000;

/** Runs `work` in one read transaction with the graph endpoints' timeout. */
export function readTx<T>(graph: Graph, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  return graph.transaction(neo4j.session.READ, work, { timeoutMs: GRAPH_QUERY_TIMEOUT_MS });
}

/** Integers that Cypher uses as list bounds or LIMITs must be sent as integers, not JS (float) numbers. */
export const int = (n: number) => neo4j.int(n);
