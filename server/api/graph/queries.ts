// Named graph queries run inside one read transaction, so a multi-step graph (levels, nodes, edges) sees one snapshot.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { isQueryName } from '../../../cypher/rows.js';
import { rows as parsedRows, type Graph, type Row } from '../../../db/graph.js';

/** Longest a graph endpoint's transaction may run before Neo4j stops it (→ 408). */
export const GRAPH_QUERY_TIMEOUT_MS = 20_000;

/**
 * db/graph.ts's rows() for callers that hold the query name as a plain string: the name is checked, the rows parsed
 * with its schema, and returned untyped. Code with a literal name imports rows() from db/graph.ts for typed rows.
 */
export async function rows(tx: ManagedTransaction, name: string, params: Row, text?: string): Promise<Row[]> {
  if (!isQueryName(name)) throw new Error(`No Cypher file cypher/${name}.cypher`);
  return parsedRows(tx, name, params, text);
}

/** Runs `work` in one read transaction with the graph endpoints' timeout. */
export function readTx<T>(graph: Graph, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  return graph.transaction(neo4j.session.READ, work, { timeoutMs: GRAPH_QUERY_TIMEOUT_MS });
}

/** Integers that Cypher uses as list bounds or LIMITs must be sent as integers, not JS (float) numbers. */
export const int = (n: number) => neo4j.int(n);
