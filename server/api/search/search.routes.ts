// GET /api/search
import { Router } from 'express';
import type { Graph } from '../../../db/graph.js';
import { SearchQuery, SearchResponse } from '../../../schema/search.js';
import { route } from '../../http/route.js';
import { search } from './search.service.js';

/** The search resource: full-text autocomplete over papers, authors and topics. */
export function searchRouter(graph: Graph): Router {
  const router = Router();
  route(
    router,
    {
      method: 'get',
      path: '/search',
      summary: 'Full-text search over papers (title, abstract), authors (name) and topics (name)',
      description:
        'Every word must match; the last word also matches as a prefix (autocomplete). Lucene syntax in `q` is escaped, ' +
        'never interpreted. Results are grouped by type in the order of `types`; `groups` gives the hit count per type.',
      query: SearchQuery,
      response: SearchResponse,
    },
    ({ query }) => search(graph, query),
  );
  return router;
}
