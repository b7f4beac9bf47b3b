// POST /api/cypher: the read-only Cypher console, rate-limited per client.
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Graph } from '../../../db/graph.js';
import { CypherRequest, CypherResponse } from '../../../schema/cypher.js';
import { AppError } from '../../errors.js';
import { route } from '../../http/route.js';
import { ALLOWED_PROCEDURES } from './cypher-guard.js';
import { runConsoleQuery } from './cypher.service.js';

export interface CypherRouterOptions {
  /** Console queries per client (IP) per window; default 60 per minute. */
  rateLimit?: { limit: number; windowMs: number };
}

export const DEFAULT_CONSOLE_RATE_LIMIT = { limit: 60, windowMs: 60_000 };

/** The console router; each router has its own rate-limit counters (so every app built in tests starts fresh). */
export function cypherRouter(graph: Graph, opts: CypherRouterOptions = {}): Router {
  const router = Router();
  const { limit, windowMs } = opts.rateLimit ?? DEFAULT_CONSOLE_RATE_LIMIT;
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
        '`truncated`); 60 queries per minute per client → 429.',
      body: CypherRequest,
      response: CypherResponse,
      errors: {
        403: 'Refused: a write, LOAD CSV, an admin command or a procedure not on the list',
        408: 'The query did not finish within timeoutMs',
        429: 'Too many console queries from this client',
      },
    },
    async ({ body }) => runConsoleQuery(graph, body),
  );
  return router;
}
