// Health: is Neo4j reachable, which version, and how much is in it; plus the gate's and the supervisor's view
// (state, restarts, last exit) when the connection has them.
import { gateOf, type DriverGate } from '../../../db/driver-gate.js';
import type { Graph } from '../../../db/graph.js';
import type { HealthResponse } from '../../../schema/api.js';
import { DomainError } from '../../errors.js';

export interface HealthAnswer {
  status: number;
  body: HealthResponse;
  /** Seconds for Retry-After on a 503. */
  retryAfterSeconds?: number;
}

/**
 * Asks Neo4j for its version and counts; never throws: an unreachable database is a 503-shaped answer. While the gate
 * knows the database is down (or the built-in one is restarting), answers 503 at once without asking.
 */
export async function getHealth(graph: Graph): Promise<HealthAnswer> {
  const uri = graph.target.uri;
  const gate = gateOf(graph.driver);
  const facts = () => {
    if (!gate) return {};
    const a = gate.availability();
    return { state: a.state, since: a.since, restarts: a.restarts, lastExit: a.lastExit };
  };
  const unavailable = (message: string): HealthAnswer => ({
    status: 503,
    body: { status: 'unavailable', neo4j: { connected: false, uri, message, ...facts() } },
    retryAfterSeconds: gate?.availability().retryAfterSeconds ?? 5,
  });

  const knownDown = (g: DriverGate) => {
    const a = g.availability();
    return unavailable(`Neo4j at ${uri} is ${a.state}${a.reason ? `: ${a.reason}` : ''}`);
  };

  if (gate && !gate.isUp()) return knownDown(gate);
  const check = async () => {
    const [components] = await graph.read('health/components', {}, { timeoutMs: 5_000, noRetry: true });
    const [counts] = await graph.read('health/counts', {}, { timeoutMs: 5_000, noRetry: true });
    return { components, counts };
  };
  try {
    // Through the gate: the check stops waiting as soon as the database is known down (e.g. its JVM just died).
    const { components, counts } = await (gate ? gate.guard(check) : check());
    return {
      status: 200,
      body: {
        status: 'ok',
        neo4j: {
          connected: true,
          uri,
          version: components?.version,
          edition: components?.edition,
          ...facts(),
        },
        counts,
      },
    };
  } catch (err) {
    // A failed check may be the first sign of an outage: the gate probes the address and, if nothing answers there,
    // makes the following requests fail fast.
    await gate?.checkReachable();
    if (gate && !gate.isUp()) return knownDown(gate);
    const message = err instanceof DomainError ? err.message : `Neo4j at ${uri} did not answer: ${(err as Error).message}`;
    return unavailable(message);
  }
}
