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

export const HealthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  neo4j: z.object({
    connected: z.boolean(),
    uri: z.string(),
    version: z.string().optional(),
    edition: z.string().optional(),
    message: z.string().optional(),
  }),
  counts: Counts.optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
