// Domain errors: what went wrong, as a stable machine-readable code; no HTTP here (server/http maps codes to statuses).

/** Every code a DomainError can carry; clients and tests match on these, never on messages. */
export const ERROR_CODES = [
  'invalid_request',
  'not_found',
  'forbidden_query',
  'query_timeout',
  'query_too_large',
  'cypher_error',
  'query_failed',
  'row_shape',
  'rate_limited',
  'database_unavailable',
  'console_busy',
  'result_too_large',
  'query_connection_lost',
  'token_required',
  'token_invalid',
  'decision_conflict',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Base of every error reported on purpose. `code` is stable; `details` is safe to show; `cause` is for logs only. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input from the caller, naming the field or parameter. */
export class ValidationError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('invalid_request', message, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('not_found', `${what} '${id}' not found`, { id });
  }
}

/** A query refused because it would write or reach outside the database (read-only session, guard). */
export class ForbiddenQueryError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('forbidden_query', message, details);
  }
}

export class QueryTimeoutError extends DomainError {
  constructor(timeoutMs: number) {
    super('query_timeout', `The query did not finish within ${timeoutMs} ms and was stopped`, { timeoutMs });
  }
}

/** The query needed more memory than Neo4j allows one transaction. */
export class QueryTooLargeError extends DomainError {
  constructor(details: { neo4jCode: string }, options?: { cause?: unknown }) {
    super('query_too_large', 'The query needed more memory than a single query may use', details, options);
  }
}

export class DatabaseUnavailableError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('database_unavailable', message, undefined, options);
  }
}

/** A user's own Cypher (the console) that Neo4j rejected: syntax, types, unknown functions. The user can fix it. */
export class CypherError extends DomainError {
  constructor(message: string, details: { neo4jCode: string; position?: unknown }, options?: { cause?: unknown }) {
    super('cypher_error', message, details, options);
  }
}

/**
 * One of PaperGraph's own queries failed in a way no caller can fix (Neo4j rejected the statement of a cypher/ file).
 * `query` names the file; the Neo4j error is the cause. Reported as an internal error, with the cause logged.
 */
export class QueryFailedError extends DomainError {
  constructor(
    readonly query: string,
    neo4jCode: string,
    options: { cause: unknown },
  ) {
    super('query_failed', `Query ${query} failed: ${neo4jCode}`, { query, neo4jCode }, options);
  }
}

/** A row returned by one of our queries does not have the shape its schema declares (names the query and column). */
export class RowShapeError extends DomainError {
  constructor(
    readonly query: string,
    message: string,
    details: { query: string; row: number; column: string },
  ) {
    super('row_shape', message, details);
  }
}

export class RateLimitedError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('rate_limited', message, details);
  }
}

/** A curation (write) endpoint called without the admin token, or with a wrong one. */
export class TokenError extends DomainError {
  constructor(code: 'token_required' | 'token_invalid', message: string) {
    super(code, message);
  }
}

/** An identity decision that does not fit the graph as it is now (a person already merged away, a later decision). */
export class DecisionConflictError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('decision_conflict', message, details);
  }
}
