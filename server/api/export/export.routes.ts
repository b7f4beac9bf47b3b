// GET /api/export/graph: the graph of /api/graph/{coauthors,topics,path} as a JSON, GraphML or CSV download.
import { must } from '../../../core/must.js';
import { Router } from 'express';
import type { Graph } from '../../../db/graph.js';
import {
  ExportGraphQuery,
  GRAPH_DEFAULTS,
  GraphElements,
  type GraphResponse,
  type CoauthorGraphQuery,
  type PathQuery,
  type TopicGraphQuery,
} from '../../../schema/graph.js';
import { graphCsv, toGraphml } from '../../../shared/graph-formats.js';
import { decodeGraph } from '../../../shared/graph-payload.js';
import { route } from '../../http/route.js';
import type { SummaryService } from '../../summary/summary.service.js';
import { followingRetiredAuthors } from '../graph/author-redirects.js';
import { shortestPaths } from '../graph/path.service.js';
import { GraphViews } from '../graph/views.js';

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const;

/** The export's parameters for one kind, with the same defaults as the graph endpoints. */
export function coauthorParams(q: ExportGraphQuery): CoauthorGraphQuery {
  const d = GRAPH_DEFAULTS.coauthors;
  return {
    author: q.author,
    depth: q.depth ?? d.depth,
    minWeight: q.minWeight ?? d.minWeight,
    yearFrom: q.yearFrom,
    yearTo: q.yearTo,
    category: q.category,
    limit: q.limit ?? d.limit,
    weighting: q.weighting ?? d.weighting,
  };
}

export function topicParams(q: ExportGraphQuery): TopicGraphQuery {
  const d = GRAPH_DEFAULTS.topics;
  return { topic: q.topic, minCooccurrence: q.minCooccurrence ?? d.minCooccurrence, limit: q.limit ?? d.limit, mode: q.mode ?? d.mode };
}

export function pathParams(q: ExportGraphQuery): PathQuery {
  // from/to are required for kind=path by ExportGraphQuery's refinement.
  return { from: must(q.from, 'from (kind=path)'), to: must(q.to, 'to (kind=path)'), maxHops: q.maxHops ?? GRAPH_DEFAULTS.path.maxHops };
}

/** The graph a request describes, from the same sources as /api/graph/* (whole-graph views from the stored summary). */
async function graphFor(graph: Graph, views: GraphViews, q: ExportGraphQuery): Promise<GraphResponse> {
  switch (q.kind) {
    case 'coauthors':
      return (await views.coauthors(coauthorParams(q))).graph;
    case 'topics':
      return (await views.topics(topicParams(q))).graph;
    case 'path':
      return (await shortestPaths(graph, pathParams(q))).graph;
  }
}

export function exportRouter(graph: Graph, summaries: SummaryService): Router {
  const router = Router();
  const views = new GraphViews(graph, summaries);
  route(
    router,
    {
      method: 'get',
      path: '/export/graph',
      summary: 'Download a graph as JSON, GraphML or CSV',
      description:
        '`kind` selects the graph (coauthors, topics, path) and takes the same parameters and defaults as ' +
        '/api/graph/<kind>. CSV is one table per download: `part=nodes` (default) or `part=edges`; list values are ' +
        'written as JSON, and text starting with = + - @, tab or carriage return is prefixed with an apostrophe so ' +
        'spreadsheets do not run it. JSON is the graph as Cytoscape elements (`cy.add([...nodes, ...edges])`), every ' +
        'edge with its id, source and target, rather than the compact form /api/graph/<kind> sends.',
      query: ExportGraphQuery,
      response: GraphElements,
      produces: [CONTENT_TYPES.json, CONTENT_TYPES.graphml, CONTENT_TYPES.csv],
      errors: {
        308: 'An author id names a retired person: the same URL with the live id (body: AuthorRedirects)',
        404: 'Unknown author or topic id',
        408: 'The graph query took too long',
      },
    },
    async ({ query }, req, res) => {
      const authors = query.kind === 'coauthors' ? { author: query.author } : query.kind === 'path' ? { from: query.from, to: query.to } : {};
      const found = await followingRetiredAuthors(graph, req, res, authors, () => graphFor(graph, views, query));
      if (!found) return undefined;
      const result = decodeGraph(found);
      const base = `papergraph-${query.kind}`;
      let body: string;
      let filename: string;
      if (query.format === 'graphml') {
        body = toGraphml({ nodes: result.nodes.map((n) => n.data), edges: result.edges.map((e) => e.data) }, query.kind);
        filename = `${base}.graphml`;
      } else if (query.format === 'csv') {
        body = graphCsv((query.part === 'nodes' ? result.nodes : result.edges).map((x) => x.data), query.part);
        filename = `${base}-${query.part}.csv`;
      } else {
        body = JSON.stringify(result);
        filename = `${base}.json`;
      }
      res.setHeader('Content-Type', CONTENT_TYPES[query.format]);
      res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
      res.send(body);
      return undefined;
    },
  );
  return router;
}
