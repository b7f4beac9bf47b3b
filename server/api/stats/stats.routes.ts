// GET /api/stats
import { Router } from 'express';
import type { Graph } from '../../../db/graph.js';
import { StatsQuery, StatsResponse } from '../../../schema/stats.js';
import { route } from '../../http/route.js';
import { sharedResult } from '../../http/shared-result.js';
import { getStats } from './stats.service.js';

/** The stats resource: one summary of the whole graph. */
export function statsRouter(graph: Graph): Router {
  const router = Router();
  // Whole-graph aggregates: identical requests arriving while one runs share its result (nothing is kept after it).
  const stats = sharedResult((query: StatsQuery) => getStats(graph, query), { ttlMs: 0 });
  route(
    router,
    {
      method: 'get',
      path: '/stats',
      summary: 'Counts per label and relationship type, papers per year and category, top authors and topics',
      description: 'Top lists hold at most `limit` entries each; `truncated` says how many there were.',
      query: StatsQuery,
      response: StatsResponse,
    },
    ({ query }) => stats(query),
  );
  return router;
}
