// GET /api/stats
import { Router } from 'express';
import type { Graph } from '../../../db/graph.js';
import { StatsQuery, StatsResponse } from '../../../schema/stats.js';
import { route } from '../../http/route.js';
import { getStats } from './stats.service.js';

/** The stats resource: one summary of the whole graph. */
export function statsRouter(graph: Graph): Router {
  const router = Router();
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
    ({ query }) => getStats(graph, query),
  );
  return router;
}
