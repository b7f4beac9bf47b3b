// GET /api/graph/coauthors, /api/graph/topics, /api/graph/path: Cytoscape-ready graphs.
import { Router, type Response } from 'express';
import type { Graph } from '../../../db/graph.js';
import { CoauthorGraphQuery, GraphResponse, PathQuery, PathResponse, TopicGraphQuery } from '../../../schema/graph.js';
import { route } from '../../http/route.js';
import { untagResponse } from '../../http/version-etag.js';
import { SummaryService } from '../../summary/summary.service.js';
import { followingRetiredAuthors } from './author-redirects.js';
import { shortestPaths } from './path.service.js';
import { GraphViews, type GraphView } from './views.js';

const errors = {
  308: 'An author id names a retired person: the same URL with the live id (body: AuthorRedirects)',
  404: 'Unknown author or topic id',
  408: 'The graph query took too long',
};

/**
 * The view's graph; a response built from a stored summary says which version it describes and whether a newer one is
 * being built.
 */
function send(res: Response, view: GraphView): GraphView['graph'] {
  const served = view.served;
  if (served) {
    res.setHeader('X-Summary-Version', String(served.version));
    res.setHeader('X-Summary-Stale', String(served.stale));
    if (served.stale) untagResponse(res);
  }
  return view.graph;
}

export function graphRouter(graph: Graph, summaries: SummaryService = new SummaryService(graph)): Router {
  const router = Router();
  const views = new GraphViews(graph, summaries);
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
    async ({ query }, req, res) =>
      followingRetiredAuthors(graph, req, res, { author: query.author }, async () => send(res, await views.coauthors(query))),
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
    async ({ query }, _req, res) => send(res, await views.topics(query)),
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
    async ({ query }, req, res) => followingRetiredAuthors(graph, req, res, { from: query.from, to: query.to }, () => shortestPaths(graph, query)),
  );
  return router;
}
