// GET /api/stats
import { Router } from 'express';
import { StatsQuery, StatsResponse } from '../../../schema/stats.js';
import { route } from '../../http/route.js';
import { untagResponse } from '../../http/version-etag.js';
import type { SummaryService } from '../../summary/summary.service.js';
import { statsResponse } from './stats.service.js';

/** The stats resource: one summary of the whole graph, read from the summary stored for the graph version. */
export function statsRouter(summaries: SummaryService): Router {
  const router = Router();
  route(
    router,
    {
      method: 'get',
      path: '/stats',
      summary: 'Counts per label and relationship type, papers per year and category, top authors and topics',
      description:
        'Top lists hold at most `limit` entries each; `truncated` says how many there were. Served from a summary ' +
        'stored per graph version: while a newer one is built the previous one is served with `stale: true`.',
      query: StatsQuery,
      response: StatsResponse,
    },
    async ({ query }, _req, res) => {
      const counts = await summaries.get('counts');
      const tops = await summaries.get('tops');
      const response = statsResponse(counts, tops, query);
      if (response.stale) untagResponse(res);
      return response;
    },
  );
  return router;
}
