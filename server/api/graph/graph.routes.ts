// GET /api/graph/coauthors, /api/graph/topics, /api/graph/path: Cytoscape-ready graphs.
import { Router } from 'express';
import type { Graph } from '../../../db/graph.js';
import { CoauthorGraphQuery, GraphResponse, PathQuery, PathResponse, TopicGraphQuery } from '../../../schema/graph.js';
import { route } from '../../http/route.js';
import { sharedResult } from '../../http/shared-result.js';
import { coauthorGraph } from './coauthors.service.js';
import { shortestPaths } from './path.service.js';
import { topicGraph } from './topics.service.js';

const errors = { 404: 'Unknown author or topic id', 408: 'The graph query took too long' };

export function graphRouter(graph: Graph): Router {
  const router = Router();
  // The topic map aggregates over the whole graph: identical requests arriving while one runs share its result
  // (nothing is kept after it, so a new ingest shows at once).
  const topics = sharedResult((query: TopicGraphQuery) => topicGraph(graph, query), { ttlMs: 0 });
  route(
    router,
    {
      method: 'get',
      path: '/graph/coauthors',
      summary: 'Co-author network: an ego network, or the top authors of the whole network',
      description:
        'Edges are co-author pairs weighted by joint papers (or fractional 1/(n-1) credit), each pair once with id `a|b` ' +
        '(a < b). Expansion keeps, at each depth, the co-authors with most weight to the previous depth within `limit`; ' +
        '`truncated` says what was cut.',
      query: CoauthorGraphQuery,
      response: GraphResponse,
      errors,
    },
    async ({ query }) => coauthorGraph(graph, query),
  );
  route(
    router,
    {
      method: 'get',
      path: '/graph/topics',
      summary: 'Topic co-occurrence graph, or papers and topics as a bipartite graph',
      query: TopicGraphQuery,
      response: GraphResponse,
      errors,
    },
    async ({ query }) => topics(query),
  );
  route(
    router,
    {
      method: 'get',
      path: '/graph/path',
      summary: 'Shortest co-authorship paths between two authors, with the papers behind each hop',
      description: 'No path within maxHops answers 200 with empty `paths` and a `message`.',
      query: PathQuery,
      response: PathResponse,
      errors,
    },
    async ({ query }) => shortestPaths(graph, query),
  );
  return router;
}
