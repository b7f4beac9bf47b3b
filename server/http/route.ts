// One declaration per endpoint: zod schemas validate the request, hand the handler the parsed values, and feed OpenAPI.
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { ErrorBody } from '../../schema/api.js';
import { must } from '../../core/must.js';
import { ValidationError } from '../errors.js';

/** Every route registers here; /api/openapi.json is generated from it. */
export const openApiRegistry = new OpenAPIRegistry();

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: 'get' | 'post';
  /** Express path relative to /api, e.g. `/papers/:id`. */
  path: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The 200 response body; validated in tests, documented in OpenAPI. */
  response: R;
  /** Non-JSON responses (downloads) list their content types here. */
  produces?: string[];
  /** Error statuses the route can answer besides 400/500, with a description each. */
  errors?: Record<number, string>;
}

export interface Parsed<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

function parseOrThrow<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.infer<T> {
  if (!schema) return undefined as z.infer<T>;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ [where]: i.path.join('.') || '(root)', message: i.message }));
  const first = must(result.error.issues[0], 'the first issue of a failed parse');
  const name = first.path.join('.') || where;
  throw new ValidationError(`Invalid ${where} ${where === 'body' ? 'field' : 'parameter'} '${name}': ${first.message}`, issues);
}

/**
 * Registers `spec` on `router` and in the OpenAPI registry. The handler receives the parsed params/query/body (never
 * re-parses) and returns the response body, or sends the response itself and returns undefined.
 */
export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  router: Router,
  spec: RouteSpec<P, Q, B, R>,
  handler: (input: Parsed<z.infer<P>, z.infer<Q>, z.infer<B>>, req: Request, res: Response) => Promise<z.infer<R> | undefined>,
): void {
  const openApiPath = spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
  const errorResponses = Object.fromEntries(
    Object.entries({ 400: 'Invalid request (names the parameter)', 503: 'Neo4j unreachable', ...spec.errors }).map(([status, description]) => [
      status,
      { description, content: { 'application/json': { schema: ErrorBody } } },
    ]),
  );
  openApiRegistry.registerPath({
    method: spec.method,
    path: `/api${openApiPath}`,
    summary: spec.summary,
    description: spec.description,
    request: {
      ...(spec.params ? { params: spec.params as unknown as z.ZodObject } : {}),
      ...(spec.query ? { query: spec.query as unknown as z.ZodObject } : {}),
      ...(spec.body ? { body: { content: { 'application/json': { schema: spec.body } } } } : {}),
    },
    responses: {
      200: {
        description: 'OK',
        content: Object.fromEntries((spec.produces ?? ['application/json']).map((t) => [t, { schema: spec.response }])),
      },
      ...errorResponses,
    },
  });

  const wrapped: RequestHandler = async (req, res, next) => {
    try {
      const input = {
        params: parseOrThrow(spec.params, req.params, 'path'),
        query: parseOrThrow(spec.query, req.query, 'query'),
        body: parseOrThrow(spec.body, req.body, 'body'),
      };
      const out = await handler(input, req, res);
      if (out !== undefined && !res.headersSent) res.json(out);
    } catch (err) {
      next(err);
    }
  };
  router[spec.method](spec.path, wrapped);
}
