// GET /api/authors/:id
import { Router } from 'express';
import type { Graph } from '../../../db/graph.js';
import { AuthorQuery, AuthorRedirectBody, AuthorResponse } from '../../../schema/authors.js';
import { IdParams } from '../../../schema/common.js';
import { route } from '../../http/route.js';
import { AuthorMovedError, getAuthor } from './authors.service.js';

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
        'leave out large collaborations, as `bounded` reports. `homonyms` lists the other people with the same name. ' +
        'A retired id (merged into another person) answers 308 with a Location header and a JSON body naming the live id.',
      params: IdParams,
      query: AuthorQuery,
      response: AuthorResponse,
      errors: { 404: 'No author with this id' },
    },
    async ({ params, query }, req, res) => {
      try {
        return await getAuthor(graph, params.id, query);
      } catch (err) {
        if (!(err instanceof AuthorMovedError)) throw err;
        // 308 keeps the method and the query string; browsers' fetch follows it to the live id.
        const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
        const body: AuthorRedirectBody = { redirect: { from: err.from, id: err.to, reason: err.reason } };
        res.status(308).location(`${req.baseUrl}/authors/${encodeURIComponent(err.to)}${search}`).json(body);
        return undefined;
      }
    },
  );
  return router;
}
