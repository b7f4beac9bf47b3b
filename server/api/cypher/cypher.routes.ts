// POST /api/cypher: the read-only Cypher console, rate-limited per client.
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Graph } from '../../../db/graph.js';
import { CypherRequest, CypherResponse } from '../../../schema/cypher.js';
import { AppError } from '../../errors.js';
import { route } from '../../http/route.js';
import { ALLOWED_PROCEDURES } from './cypher-guard.js';
import { ConsoleLimiter, MAX_CONCURRENT_QUERIES, MAX_RESULT_BYTES } from './console-limits.js';
import { type ConsoleRunOptions, runConsoleQuery } from './cypher.service.js';

export interface CypherRouterOptions {
  /** Console queries per client (IP) per window; default 60 per minute. */
  rateLimit?: { limit: number; windowMs: number };
  /** Limits of the query runs (concurrency, result bytes, deadlines); defaults in console-limits.ts and the service. */
  run?: Omit<ConsoleRunOptions, 'limiter'> & { maxConcurrent?: number; maxWaiting?: number; maxWaitMs?: number };
}

export const DEFAULT_CONSOLE_RATE_LIMIT = { limit: 60, windowMs: 60_000 };

/** The console router; each router has its own rate-limit counters (so every app built in tests starts fresh). */
export function cypherRouter(graph: Graph, opts: CypherRouterOptions = {}): Router {
  const router = Router();
  const { limit, windowMs } = opts.rateLimit ?? DEFAULT_CONSOLE_RATE_LIMIT;
  const { maxConcurrent, maxWaiting, maxWaitMs, ...runOptions } = opts.run ?? {};
  const limiter = new ConsoleLimiter(maxConcurrent, maxWaiting, maxWaitMs);
  router.post(
    '/cypher',
    rateLimit({
      windowMs,
      limit,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      // The error envelope every other error uses, through the one error middleware.
      handler: (_req, res, next) => {
        const retryAfter = Number(res.getHeader('Retry-After')) || Math.ceil(windowMs / 1000);
        next(
          new AppError(429, 'rate_limited', `Too many console queries: at most ${limit} per ${windowMs / 1000} s per client`, {
            limit,
            windowMs,
            retryAfterSeconds: retryAfter,
          }),
        );
      },
    }),
  );
  route(
    router,
    {
      method: 'post',
      path: '/cypher',
      summary: 'Run a read-only Cypher query (console)',
      description:
        'Runs in a READ session (writes answer 403 with Neo4j code Neo.ClientError.Statement.AccessMode). Refused before ' +
        'running (403 forbidden_query): LOAD CSV, administration commands (SHOW, TERMINATE, CREATE/ALTER/DROP USER/ROLE/' +
        'DATABASE, GRANT, DENY, REVOKE, START/STOP DATABASE), USE, plugin functions, and procedures other than ' +
        `${ALLOWED_PROCEDURES.join(', ')}. Timeout default 5 s (max 30 s) → 408; rows capped (default 1000, ` +
        '`truncated`) and to ' +
        `${MAX_RESULT_BYTES / 1024 / 1024} MiB of rows (→ 413 result_too_large); queries that build unbounded values ` +
        '(reduce() doubling its accumulator, huge literal range()) → 403, brackets nested over 64 deep → 400; at most ' +
        `${MAX_CONCURRENT_QUERIES} console queries run at once, more wait briefly (→ 429 console_busy); ` +
        '60 queries per minute per client → 429.',
      body: CypherRequest,
      response: CypherResponse,
      errors: {
        403: 'Refused: a write, LOAD CSV, an admin command, a procedure not on the list, or unbounded growth',
        408: 'The query did not finish within timeoutMs',
        413: 'The result exceeded the byte cap, or the query ran out of database memory',
        422: 'Neo4j failed the query for another reason (its code in details)',
        429: 'Too many console queries from this client, or the console is busy',
        502: 'Neo4j dropped the connection of this query while the database itself stayed up',
      },
    },
    async ({ body }) => runConsoleQuery(graph, body, { ...runOptions, limiter }),
  );
  return router;
}
