// GET /api/openapi.json and GET /api/docs
import { Router } from 'express';
import { z } from 'zod';
import { route } from '../../http/route.js';
import { renderDocsPage } from './docs-page.js';
import { OpenApiDocument, openApiDocument } from './openapi.service.js';

/** The API's own description: the OpenAPI JSON, and a readable page rendered from it on the server. */
export function openApiRouter(): Router {
  const router = Router();
  route(
    router,
    {
      method: 'get',
      path: '/openapi.json',
      summary: 'OpenAPI 3.1 description of this API',
      response: OpenApiDocument,
    },
    async () => openApiDocument() as z.infer<typeof OpenApiDocument>,
  );
  route(
    router,
    {
      method: 'get',
      path: '/docs',
      summary: 'Human-readable API reference (HTML, no scripts)',
      response: z.string(),
      produces: ['text/html'],
    },
    async (_input, _req, res) => {
      res.type('html').send(renderDocsPage(openApiDocument()));
      return undefined;
    },
  );
  return router;
}
