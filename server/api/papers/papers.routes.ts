// GET /api/papers/:id and GET /api/papers/:id/related
import { Router } from 'express';
import type { Graph } from '../../../db/graph.js';
import { IdParams } from '../../../schema/common.js';
import { PaperQuery, PaperResponse, RelatedQuery, RelatedResponse } from '../../../schema/papers.js';
import { route } from '../../http/route.js';
import { getPaper, getRelated } from './papers.service.js';

/** The papers resource; ids arrive URL-decoded by Express (`title:…`, `doi:10.…/…`, `hep-th/9901001` as `%2F`). */
export function papersRouter(graph: Graph): Router {
  const router = Router();
  route(
    router,
    {
      method: 'get',
      path: '/papers/:id',
      summary: 'One paper with its authors, categories, topics and citations',
      description:
        'Authors in order (name as written, position), categories primary first, topics strongest first, cited papers ' +
        '(ingested ones with title; cited-only works by id) and citing papers. Long lists are cut and reported in `truncated`. ' +
        'A cited-only work answers with `paper.stub: true`.',
      params: IdParams,
      query: PaperQuery,
      response: PaperResponse,
      errors: { 404: 'No paper with this id' },
    },
    ({ params, query }) => getPaper(graph, params.id, query),
  );
  route(
    router,
    {
      method: 'get',
      path: '/papers/:id/related',
      summary: 'Related papers, ranked, each with the evidence behind its score',
      description:
        'by=authors ranks by the number of shared authors (ties: topic overlap, then newer first, then id). ' +
        'by=topics ranks by topic overlap: the sum over shared topics of min(score here, score there) × specificity, ' +
        'where specificity = ln(1 + N/df) / ln(1 + N) for a topic on df of N papers (ties: shared authors, newer, id). ' +
        'by=all ranks by the weighted sum given in `weights` (ties: newer, id). Every reason names the authors, topics, ' +
        'categories and citation links that make it true. Candidates come only from authors, topics and citation ' +
        'neighbours within the bounds reported in `bounded`.',
      params: IdParams,
      query: RelatedQuery,
      response: RelatedResponse,
      errors: { 404: 'No paper with this id' },
    },
    ({ params, query }) => getRelated(graph, params.id, query),
  );
  return router;
}
