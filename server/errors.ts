// Typed application errors with their HTTP status; Neo4j error codes are mapped to them here, once.
import { Neo4jError } from 'neo4j-driver';

/** Base of every error the API reports on purpose. `code` is stable and machine-readable. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, 'invalid_request', message, details);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super(404, 'not_found', `${what} '${id}' not found`, { id });
  }
}

export class ForbiddenQueryError extends AppError {
  constructor(message: string, details?: unknown) {
    super(403, 'forbidden_query', message, details);
  }
}

export class QueryTimeoutError extends AppError {
  constructor(timeoutMs: number) {
    super(408, 'query_timeout', `The query did not finish within ${timeoutMs} ms and was stopped`, { timeoutMs });
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor(message: string) {
    super(503, 'database_unavailable', message);
  }
}

export class CypherError extends AppError {
  constructor(message: string, details: { neo4jCode: string; position?: unknown }) {
    super(400, 'cypher_error', message, details);
  }
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/**
 * Turns a driver error into an AppError. `target` names the database (URI) for 503 messages; credentials never appear.
 * Unknown errors are returned unchanged so the error middleware reports them as 500 without details.
 */
export function fromNeo4jError(err: unknown, target: string, timeoutMs?: number): unknown {
  if (err instanceof AppError || !(err instanceof Neo4jError)) return err;
  const code = err.code;
  if (UNAVAILABLE_CODES.has(code)) {
    return new DatabaseUnavailableError(`Neo4j at ${target} is unreachable`);
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new DatabaseUnavailableError(`Neo4j at ${target} refused the configured credentials`);
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || code === 'Neo.ClientError.Security.Forbidden') {
    return new ForbiddenQueryError('Writes are not allowed here: the query runs in a read-only session', { neo4jCode: code });
  }
  if (
    code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
    code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' ||
    code === 'Neo.TransientError.Transaction.Terminated' ||
    code === 'Neo.ClientError.Transaction.Terminated'
  ) {
    return new QueryTimeoutError(timeoutMs ?? 0);
  }
  if (code.startsWith('Neo.ClientError.Statement.')) {
    return new CypherError(err.message, { neo4jCode: code });
  }
  if (code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' || code.includes('MemoryPool')) {
    return new AppError(413, 'query_too_large', 'The query needed more memory than a single query may use', { neo4jCode: code });
  }
  return err;
}
