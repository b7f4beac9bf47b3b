// Test helpers: a Graph on the run's Neo4j (from global setup) and a reset that empties it.
import neo4j from 'neo4j-driver';
import { inject } from 'vitest';
import { Graph } from '../../db/graph.js';
import { applySchema } from '../../db/schema.js';

/** A Graph connected to the test database; close it in afterAll. */
export function testGraph(): Graph {
  const t = inject('neo4j');
  const driver = neo4j.driver(t.uri, neo4j.auth.basic(t.user, t.password));
  return new Graph(driver, { uri: t.uri, database: t.database, kind: t.kind });
}

/** Deletes every node and relationship (in batches) and (re)applies the schema. */
export async function resetDatabase(graph: Graph): Promise<void> {
  await graph.runAutoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  await applySchema(graph);
}
