// /api/openapi.json and /api/docs, and a sweep: every registered route's response validates against its zod schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createApp } from '../../server/app.js';
import { openApiRegistry } from '../../server/http/route.js';
import { testGraph } from '../support/graph.js';
import { serve } from '../support/http.js';
import { loadSampleListing } from '../support/sample.js';
import { must } from '../../core/must.js';

const OUR_PATHS = ['/api/stats', '/api/search', '/api/authors/{id}', '/api/papers/{id}', '/api/papers/{id}/related', '/api/openapi.json', '/api/docs'];

interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: { enum?: string[] } }[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

describe('API description', () => {
  const graph = testGraph();
  let api: Awaited<ReturnType<typeof serve>>;
  let neuralDp = '';

  beforeAll(async () => {
    await loadSampleListing(graph);
    neuralDp = await graph.transaction('READ', async (tx) => {
      const r = await tx.run("MATCH (p:Paper) WHERE p.title STARTS WITH 'NeuralDP' RETURN p.id AS id");
      return must(r.records[0], 'r.records[0]').get('id') as string;
    });
    api = await serve(createApp({ graph }));
  });
  afterAll(async () => {
    await api.close();
    await graph.close();
  });

  describe('GET /api/openapi.json', () => {
    let doc: { openapi: string; info: { title: string }; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

    beforeAll(async () => {
      const res = await fetch(`${api.url}/api/openapi.json`);
      expect(res.status).toBe(200);
      doc = (await res.json()) as typeof doc;
    });
    const getOf = (path: string) => must(must(doc.paths[path], `doc.paths['${path}']`).get, `the GET operation of ${path}`);

    it('is OpenAPI 3.1 and lists every endpoint of this API', () => {
      expect(doc.openapi).toBe('3.1.0');
      expect(doc.info.title).toBe('PaperGraph API');
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(OUR_PATHS));
    });

    it('documents parameters with their names, locations and allowed values', () => {
      const params = (path: string) => getOf(path).parameters ?? [];
      expect(params('/api/papers/{id}/related').map((p) => [p.name, p.in, p.required ?? false])).toEqual([
        ['id', 'path', true],
        ['by', 'query', false],
        ['limit', 'query', false],
      ]);
      const by = must(params('/api/papers/{id}/related').find((p) => p.name === 'by'), 'the by parameter of /api/papers/{id}/related');
      expect(must(by.schema, 'the schema of the by parameter').enum).toEqual(['authors', 'topics', 'all']);
      expect(params('/api/search').map((p) => [p.name, p.required ?? false])).toEqual([
        ['q', true],
        ['types', false],
        ['limit', false],
      ]);
      expect(params('/api/authors/{id}').map((p) => p.name)).toEqual(['id', 'paperLimit', 'coauthorLimit', 'topicLimit']);
    });

    it('documents named response schemas and the error statuses', () => {
      const ok = (path: string) => {
        const response = must(getOf(path).responses['200'], `the 200 response of ${path}`);
        const json = must(must(response.content, `the content of the 200 response of ${path}`)['application/json'], `the JSON content of the 200 response of ${path}`);
        return must(json.schema, `the schema of the 200 response of ${path}`).$ref;
      };
      expect(ok('/api/stats')).toBe('#/components/schemas/StatsResponse');
      expect(ok('/api/search')).toBe('#/components/schemas/SearchResponse');
      expect(ok('/api/authors/{id}')).toBe('#/components/schemas/AuthorResponse');
      expect(ok('/api/papers/{id}')).toBe('#/components/schemas/PaperResponse');
      expect(ok('/api/papers/{id}/related')).toBe('#/components/schemas/RelatedResponse');
      for (const path of ['/api/authors/{id}', '/api/papers/{id}', '/api/papers/{id}/related']) {
        expect(Object.keys(getOf(path).responses)).toEqual(expect.arrayContaining(['200', '400', '404', '503']));
      }
      expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Truncated', 'PaperRef', 'RelatedScore', 'SearchHit']));
    });
  });

  describe('GET /api/docs', () => {
    it('is a self-contained HTML page listing paths, parameters and schemas, without scripts', async () => {
      const res = await fetch(`${api.url}/api/docs`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      // helmet's CSP stays in force: the page needs no script and loads nothing from elsewhere.
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      const html = await res.text();
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/(src|href)="https?:/);
      for (const path of OUR_PATHS) expect(html).toContain(`<code>${path}</code>`);
      for (const name of ['coauthorLimit', 'citationLimit', 'types']) expect(html).toContain(`<code>${name}</code>`);
      for (const schema of ['RelatedResponse', 'AuthorResponse', 'Truncated']) expect(html).toContain(`id="schema-${schema}"`);
      expect(html).toContain('href="openapi.json"');
      // Types are rendered, with references linked to their schema section.
      expect(html).toContain('<a href="#schema-RelatedScore">RelatedScore</a>');
      expect(html).toMatch(/year: integer \| null/);
    });
  });

  it('every response of every route registered here validates against the route’s zod response schema', async () => {
    const samples: Record<string, string[]> = {
      'get /api/stats': ['/api/stats', '/api/stats?limit=1'],
      'get /api/search': ['/api/search?q=knolle', '/api/search?q=neural%20net&types=paper,topic&limit=2', '/api/search?q=%28'],
      'get /api/authors/{id}': [`/api/authors/${encodeURIComponent('name:moritz knolle')}`, `/api/authors/${encodeURIComponent('name:lisa c adams')}?coauthorLimit=1`],
      'get /api/papers/{id}': [`/api/papers/${encodeURIComponent(neuralDp)}`, `/api/papers/${encodeURIComponent(neuralDp)}?authorLimit=1`],
      'get /api/papers/{id}/related': ['authors', 'topics', 'all'].map((by) => `/api/papers/${encodeURIComponent(neuralDp)}/related?by=${by}`),
      'get /api/openapi.json': ['/api/openapi.json'],
    };
    const routes = openApiRegistry.definitions.flatMap((d) => (d.type === 'route' ? [d.route] : []));
    const checked = new Set<string>();
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      // route() registers the zod schema object itself as the 200 JSON schema.
      const ok = r.responses[200] as { content?: Record<string, { schema?: unknown }> } | undefined;
      const schema = ok?.content?.['application/json']?.schema as z.ZodType | undefined;
      if (!schema || !samples[key] || checked.has(key)) continue;
      for (const path of samples[key]) {
        const res = await fetch(`${api.url}${path}`);
        expect(res.status, path).toBe(200);
        const parsed = schema.safeParse(await res.json());
        expect(parsed.success ? [] : parsed.error.issues, path).toEqual([]);
      }
      checked.add(key);
    }
    expect([...checked].sort()).toEqual(Object.keys(samples).sort());
  });
});
