// Applies cypher/schema.cypher (constraints and indexes) idempotently and waits for the indexes to come online.
import { schemaStatements } from '../cypher/index.js';
import type { Graph } from './graph.js';

/** Runs every schema statement; safe to call on each start. */
export async function applySchema(graph: Graph): Promise<void> {
  for (const statement of schemaStatements()) await graph.runAutoCommit(statement);
  await graph.runAutoCommit('CALL db.awaitIndexes(120)');
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
