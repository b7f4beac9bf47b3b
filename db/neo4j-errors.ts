// Neo4j driver errors become domain errors here, once; whose statement failed decides what a Statement error means.
import { Neo4jError } from 'neo4j-driver';
import {
  CypherError,
  DatabaseUnavailableError,
  DomainError,
  ForbiddenQueryError,
  QueryFailedError,
  QueryTimeoutError,
  QueryTooLargeError,
} from '../core/errors.js';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.Terminated',
  'Neo.ClientError.Transaction.Terminated',
]);

/** Whose Cypher ran: one of our cypher/ files (`query` names it, when known), or text a user typed into the console. */
export type StatementOrigin = { kind: 'own'; query?: string } | { kind: 'user' };

export interface Neo4jErrorContext {
  /** The database (URI) for "unreachable" messages; never contains credentials. */
  target: string;
  timeoutMs?: number;
  origin: StatementOrigin;
}

/**
 * Turns a driver error into a DomainError. A rejected statement (Neo.ClientError.Statement.*) is the user's
 * CypherError when the user wrote it, and a QueryFailedError (our bug) when it came from a cypher/ file.
 * Errors that are neither Neo4j's nor already domain errors are returned unchanged.
 */
export function fromNeo4jError(err: unknown, ctx: Neo4jErrorContext): unknown {
  if (err instanceof DomainError || !(err instanceof Neo4jError)) return err;
  const code = err.code;
  const cause = { cause: err };
  if (UNAVAILABLE_CODES.has(code)) {
    return new DatabaseUnavailableError(`Neo4j at ${ctx.target} is unreachable`, cause);
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new DatabaseUnavailableError(`Neo4j at ${ctx.target} refused the configured credentials`, cause);
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || code === 'Neo.ClientError.Security.Forbidden') {
    return new ForbiddenQueryError('Writes are not allowed here: the query runs in a read-only session', { neo4jCode: code });
  }
  if (TIMEOUT_CODES.has(code)) return new QueryTimeoutError(ctx.timeoutMs ?? 0);
  if (code.startsWith('Neo.ClientError.Statement.')) {
    return ctx.origin.kind === 'user'
      ? new CypherError(err.message, { neo4jCode: code }, cause)
      : new QueryFailedError(ctx.origin.query ?? '(a query of cypher/)', code, cause);
  }
  if (code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' || code.includes('MemoryPool')) {
    return new QueryTooLargeError({ neo4jCode: code }, cause);
  }
  return err;
}
