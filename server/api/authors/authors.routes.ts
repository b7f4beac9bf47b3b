// GET /api/authors/:id
import { Router } from 'express';
import type { Graph } from '../../../db/graph.js';
import { AuthorQuery, AuthorResponse } from '../../../schema/authors.js';
import { IdParams } from '../../../schema/common.js';
import { route } from '../../http/route.js';
import { getAuthor } from './authors.service.js';

/** The authors resource; ids such as `name:daniel truhn` arrive URL-encoded and Express decodes them. */
export function authorsRouter(graph: Graph): Router {
  const router = Router();
  route(
    router,
    {
      method: 'get',
      path: '/authors/:id',
      summary: 'One author: spellings, papers, co-authors, categories, topics, year span and merge suggestions',
      description:
        'Papers newest first; co-authors with their number of distinct joint papers, most first; merge suggestions name ' +
        'the other author, the reason and the evidence (shared co-authors and categories). Long lists are cut and ' +
        'reported in `truncated`; for very prolific authors co-author and topic counts come from their newest papers and ' +
        'leave out large collaborations, as `bounded` reports.',
      params: IdParams,
      query: AuthorQuery,
      response: AuthorResponse,
      errors: { 404: 'No author with this id' },
    },
    ({ params, query }) => getAuthor(graph, params.id, query),
  );
  return router;
}
