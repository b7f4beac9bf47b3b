// Request and response schemas shared by server and client: the one source of the API's types.
import { z } from 'zod';

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Counts = z.object({
  papers: z.number().int(),
  authors: z.number().int(),
  topics: z.number().int(),
  categories: z.number().int(),
});

/** What this server has ready to serve quickly: the stored summary, and the start-up warm-up of Neo4j's caches. */
export const Readiness = z.object({
  ready: z.boolean().describe('A summary is ready to serve and the start-up warm-up is not running'),
  summary: z.object({
    state: z.enum(['none', 'building', 'ready']),
    version: z.number().int().nullable().describe('Graph version of the summary last served or stored'),
    refreshing: z.boolean(),
    lastRefreshMs: z.number().nullable(),
    lastError: z.string().nullable(),
  }),
  warm: z.object({
    state: z.enum(['not started', 'warming', 'done', 'failed']),
    ms: z.number().nullable().describe('How long the warm-up took'),
    steps: z.array(z.object({ step: z.string(), ms: z.number(), error: z.string().optional() })),
  }),
});
export type Readiness = z.infer<typeof Readiness>;

export const HealthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  neo4j: z.object({
    connected: z.boolean(),
    uri: z.string(),
    version: z.string().optional(),
    edition: z.string().optional(),
    message: z.string().optional(),
    /** up, down (unreachable), restarting / failed (the built-in Neo4j's supervisor); absent without a gate. */
    state: z.enum(['up', 'down', 'restarting', 'failed']).optional(),
    /** When the state last changed (ISO time). */
    since: z.string().optional(),
    /** Restarts of the built-in Neo4j since the server started. */
    restarts: z.number().int().nonnegative().optional(),
    /** The built-in Neo4j's last unexpected exit. */
    lastExit: z.object({ reason: z.string(), at: z.string() }).optional(),
  }),
  counts: Counts.optional(),
  ready: Readiness.shape.ready.optional(),
  summary: Readiness.shape.summary.optional(),
  warm: Readiness.shape.warm.optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
