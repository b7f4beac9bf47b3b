// The OpenAPI 3.1 document of the API, generated from the routes registered through server/http/route.ts.
import { readFileSync } from 'node:fs';
import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { openApiRegistry } from '../../http/route.js';
import type { OpenApiDoc } from './docs-page.js';

/** The shape checked for /api/openapi.json: the top of an OpenAPI document; the rest is the generator's business. */
export const OpenApiDocument = z
  .looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  })
  .meta({ id: 'OpenApiDocument' });

const VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

let cached: { definitions: number; doc: OpenApiDoc } | null = null;

/**
 * The document for every route registered so far. Generated once and again only when routes were added (each
 * createApp registers its routes; a path registered twice is the same path and appears once).
 */
export function openApiDocument(): OpenApiDoc {
  const count = openApiRegistry.definitions.length;
  if (cached?.definitions !== count) {
    const doc = new OpenApiGeneratorV31(openApiRegistry.definitions).generateDocument({
      openapi: '3.1.0',
      info: {
        title: 'PaperGraph API',
        version: VERSION,
        description:
          'Knowledge graph of research papers, authors, categories and topics. Errors answer ' +
          '{"error":{"code","message","details"}}: 400 names the bad parameter, 404 an unknown id, 503 an unreachable Neo4j.',
      },
    });
    cached = { definitions: count, doc: doc as unknown as OpenApiDoc };
  }
  return cached.doc;
}
