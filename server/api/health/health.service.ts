// Health: is Neo4j reachable, which version, and how much is in it.
import type { Graph } from '../../../db/graph.js';
import type { HealthResponse } from '../../../schema/api.js';
import { DomainError } from '../../errors.js';

/** Asks Neo4j for its version and counts; never throws: an unreachable database is a 503-shaped answer. */
export async function getHealth(graph: Graph): Promise<{ status: number; body: HealthResponse }> {
  const uri = graph.target.uri;
  try {
    const [components] = await graph.read('health/components', {}, { timeoutMs: 5_000, noRetry: true });
    const [counts] = await graph.read('health/counts', {}, { timeoutMs: 5_000, noRetry: true });
    return {
      status: 200,
      body: {
        status: 'ok',
        neo4j: { connected: true, uri, version: String(components?.version), edition: String(components?.edition) },
        counts: counts as HealthResponse['counts'],
      },
    };
  } catch (err) {
    const message = err instanceof DomainError ? err.message : `Neo4j at ${uri} did not answer: ${(err as Error).message}`;
    return { status: 503, body: { status: 'unavailable', neo4j: { connected: false, uri, message } } };
  }
}
