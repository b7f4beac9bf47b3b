// Applies cypher/schema.cypher (constraints and indexes) idempotently, waits for the indexes to come online, then runs
// the data migrations this database has not had yet.
import { cypher, schemaStatements } from '../cypher/index.js';
import type { Graph } from './graph.js';

/**
 * Data migrations in order, by query name (cypher/migrations/); the name is also the id recorded once it ran, so
 * each runs once per database and so a start does not rescan a large graph for work that is done.
 */
export const MIGRATIONS = ['migrations/paper-primary-category'] as const;

/** Runs every schema statement and the pending migrations; safe to call on each start. */
export async function applySchema(graph: Graph): Promise<void> {
  for (const statement of schemaStatements()) await graph.runAutoCommit(statement);
  await graph.runAutoCommit('CALL db.awaitIndexes(120)');
  const [row] = await graph.read('migrations/applied');
  const applied = new Set(row?.ids ?? []);
  for (const id of MIGRATIONS) {
    if (applied.has(id)) continue;
    // CALL … IN TRANSACTIONS needs an auto-commit transaction.
    await graph.runAutoCommit(cypher(id));
    await graph.write('migrations/record', { id });
  }
}

/**
 * Applies the schema, retrying every `intervalMs` while Neo4j is unreachable, so a server started before its database
 * still ends up with constraints. Resolves once applied.
 */
export async function applySchemaWhenReachable(
  graph: Graph,
  log: (msg: string) => void,
  intervalMs = 5_000,
  signal?: AbortSignal,
): Promise<void> {
  for (let attempt = 1; !signal?.aborted; attempt++) {
    try {
      await applySchema(graph);
      if (attempt > 1) log('Schema applied now that Neo4j is reachable');
      return;
    } catch (err) {
      if (attempt === 1) log(`Schema not applied yet (${(err as Error).message}); retrying every ${intervalMs / 1000} s`);
      await new Promise((r) => setTimeout(r, intervalMs).unref());
    }
  }
}
