// Typed fetch helpers: responses are validated with the same zod schemas the server uses.
import type { z } from 'zod';
import { ErrorBody } from '../../schema/api.js';

/** An API error with the server's code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** GETs `path` and parses the body with `schema`; non-2xx bodies with an error envelope become ApiError. */
export async function getJson<S extends z.ZodType>(path: string, schema: S, init?: RequestInit): Promise<z.infer<S>> {
  const res = await fetch(path, init);
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ErrorBody.safeParse(body);
    if (err.success) throw new ApiError(res.status, err.data.error.code, err.data.error.message);
  }
  return schema.parse(body);
}
