// Test helpers: a Graph on the run's test database (from global setup) and a reset that empties it, guarded.
import neo4j from 'neo4j-driver';
import { testTarget } from './neo4j-target.js';
import { Graph } from '../../db/graph.js';
import { applySchema } from '../../db/schema.js';
import { emptyTestDatabase } from './test-database.js';

/** A Graph connected to the test database; close it in afterAll. */
export function testGraph(): Graph {
  const t = testTarget();
  const driver = neo4j.driver(t.uri, neo4j.auth.basic(t.user, t.password));
  return new Graph(driver, { uri: t.uri, database: t.database, kind: t.kind });
}

/**
 * Deletes every node and relationship (in batches, keeping the test marker) and (re)applies the schema. Refuses with
 * TestDatabaseRefusedError, deleting nothing, when the database holds data and is not marked as a test database.
 */
export async function resetDatabase(graph: Graph): Promise<void> {
  await emptyTestDatabase(graph.driver, graph.target.uri, graph.target.database);
  await applySchema(graph);
}
