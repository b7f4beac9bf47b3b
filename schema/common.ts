// Schema pieces shared by every resource: list truncation, strict query objects, limit and id parameters.
import { z } from 'zod';

/** A list cut to a limit: how many items there were and how many are shown. Shared by every resource. */
export const Truncated = z
  .object({
    total: z.number().int().describe('How many items there were'),
    shown: z.number().int().describe('How many are in the response'),
  })
  .meta({ id: 'Truncated' });
export type Truncated = z.infer<typeof Truncated>;

/** `{total, shown}` when a list of `total` items was cut to `shown`, else undefined (the key is then left out). */
export function truncation(total: number, shown: number): Truncated | undefined {
  return total > shown ? { total, shown } : undefined;
}

/**
 * A query-string object that rejects unknown parameters by name (a typo like `limt` is a 400 naming it, not silently
 * ignored). Known parameters are validated by `shape`.
 */
export function queryObject<S extends z.ZodRawShape>(shape: S) {
  const known = Object.keys(shape);
  return z.preprocess((value, ctx) => {
    if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        if (!known.includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: `unknown parameter (known: ${known.join(', ')})` });
      }
    }
    return value;
  }, z.object(shape));
}

/** A positive integer query parameter with bounds and a default (query strings arrive as text; OpenAPI shows both). */
export function limitParam(max: number, fallback: number, description: string) {
  return z.coerce.number().int().min(1).max(max).default(fallback).describe(description);
}

/** Path parameter `:id` of a node; Express has already URL-decoded it. */
export const IdParams = z.object({
  id: z.string().min(1).max(1000).describe('Node id, URL-encoded (ids contain `:`, `/` and spaces)'),
});
export type IdParams = z.infer<typeof IdParams>;
