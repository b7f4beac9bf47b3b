// The errors server code throws: the domain errors of core/, plus AppError for answers whose HTTP status the server sets
// itself (rate limits), and the explicit mapping of a console user's Cypher errors.
import { DomainError, type ErrorCode } from '../core/errors.js';
import { fromNeo4jError } from '../db/neo4j-errors.js';

export {
  CypherError,
  DatabaseUnavailableError,
  DomainError,
  ForbiddenQueryError,
  NotFoundError,
  QueryTimeoutError,
  ValidationError,
} from '../core/errors.js';

/** A DomainError that carries its own HTTP status. */
export class AppError extends DomainError {
  constructor(
    readonly status: number,
    code: ErrorCode,
    message: string,
    details?: unknown,
  ) {
    super(code, message, details);
  }
}

/**
 * Maps an error of a query the USER wrote (the console): Neo4j's rejection of the statement is the user's to fix, so
 * it becomes a CypherError (400), never the internal error an own query's failure is.
 */
export function userQueryError(err: unknown, target: string, timeoutMs?: number): unknown {
  return fromNeo4jError(err, { target, timeoutMs, origin: { kind: 'user' } });
}
