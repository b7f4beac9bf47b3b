// The one error middleware, and the one place where errors get HTTP statuses: DomainErrors by their code, Neo4j errors
// through db/neo4j-errors (as our own queries' errors), anything else a 500 without internals. 500s log their cause.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { Neo4jError } from 'neo4j-driver';
import { DomainError, type ErrorCode } from '../../core/errors.js';
import { fromNeo4jError } from '../../db/neo4j-errors.js';
import { AppError } from '../errors.js';

/** The HTTP status of each domain error code; 500 means "our fault", reported without details. */
export const STATUS_OF: Record<ErrorCode, number> = {
  invalid_request: 400,
  cypher_error: 400,
  forbidden_query: 403,
  not_found: 404,
  query_timeout: 408,
  query_too_large: 413,
  rate_limited: 429,
  console_busy: 429,
  result_too_large: 413,
  query_connection_lost: 502,
  query_failed: 500,
  row_shape: 500,
  database_unavailable: 503,
  token_required: 401,
  token_invalid: 401,
  decision_conflict: 409,
};

/** The status an error answers with. */
export function httpStatus(err: DomainError): number {
  return err instanceof AppError ? err.status : STATUS_OF[err.code];
}

function describe(err: unknown): string {
  const e = err as { stack?: unknown; cause?: unknown } | undefined;
  const own = String(e?.stack ?? err);
  return e?.cause !== undefined ? `${own}\ncaused by: ${describe(e.cause)}` : own;
}

export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: `No route ${req.method} ${req.path}` } });
  };
}

export function errorHandler(log: (msg: string) => void = console.error): ErrorRequestHandler {
  return (raw, _req, res, _next) => {
    const err: unknown = raw instanceof Neo4jError ? fromNeo4jError(raw, { target: 'the configured address', origin: { kind: 'own' } }) : raw;
    if (err instanceof DomainError) {
      const status = httpStatus(err);
      if (status === 500) {
        log(`internal error (${err.code}): ${describe(err)}`);
        res.status(500).json({ error: { code: 'internal_error', message: 'Internal server error' } });
        return;
      }
      res.status(status).json({ error: { code: err.code, message: err.message, details: err.details } });
      return;
    }
    // body-parser errors carry a status and a type; report them as client errors without the stack.
    const e = err as { status?: unknown; message?: unknown } | null | undefined;
    const status = typeof e?.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 500;
    if (status === 500) log(`unexpected error: ${describe(err)}`);
    const code = status === 413 ? 'payload_too_large' : status === 500 ? 'internal_error' : 'invalid_request';
    const message = status === 500 ? 'Internal server error' : String(e?.message ?? 'Bad request');
    res.status(status).json({ error: { code, message } });
  };
}
