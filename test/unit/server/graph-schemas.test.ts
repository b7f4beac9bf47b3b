// Request schemas of the graph, export and console endpoints: defaults, coercion, errors naming the parameter; and the
// routes' OpenAPI document still generates with them.
import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import { SummaryService } from '../../../server/summary/summary.service.js';
import { Graph } from '../../../db/graph.js';
import { CypherRequest } from '../../../schema/cypher.js';
import { CoauthorGraphQuery, ExportGraphQuery, PathQuery, TopicGraphQuery } from '../../../schema/graph.js';
import { cypherRouter } from '../../../server/api/cypher/cypher.routes.js';
import { toDriverParams } from '../../../server/api/cypher/cypher.service.js';
import { coauthorParams } from '../../../server/api/export/export.routes.js';
import { exportRouter } from '../../../server/api/export/export.routes.js';
import { graphRouter } from '../../../server/api/graph/graph.routes.js';
import { openApiRegistry } from '../../../server/http/route.js';

const issuePath = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues[0]?.path.join('.');

describe('CoauthorGraphQuery', () => {
  it('applies defaults and treats empty values as absent', () => {
    expect(CoauthorGraphQuery.parse({})).toEqual({ depth: 1, minWeight: 0, limit: 150, weighting: 'count' });
    expect(CoauthorGraphQuery.parse({ author: '', depth: '', yearFrom: '' })).toEqual({ depth: 1, minWeight: 0, limit: 150, weighting: 'count' });
  });
  it('coerces query strings', () => {
    expect(CoauthorGraphQuery.parse({ author: 'name:x', depth: '3', minWeight: '0.5', yearFrom: '2020', limit: '10', weighting: 'fractional' })).toMatchObject({
      author: 'name:x',
      depth: 3,
      minWeight: 0.5,
      yearFrom: 2020,
      limit: 10,
      weighting: 'fractional',
    });
  });
  it.each([
    [{ depth: '4' }, 'depth'],
    [{ depth: '0' }, 'depth'],
    [{ depth: 'two' }, 'depth'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '100000' }, 'limit'],
    [{ minWeight: '-1' }, 'minWeight'],
    [{ weighting: 'harmonic' }, 'weighting'],
    [{ yearFrom: '2024', yearTo: '2020' }, 'yearTo'],
    [{ depth: ['1', '2'] }, 'depth'],
  ])('%j → error on %s', (q, param) => {
    expect(issuePath(CoauthorGraphQuery.safeParse(q))).toBe(param);
  });
});

describe('TopicGraphQuery / PathQuery', () => {
  it('defaults', () => {
    expect(TopicGraphQuery.parse({})).toEqual({ minCooccurrence: 1, limit: 100, mode: 'cooccurrence' });
    expect(PathQuery.parse({ from: 'a', to: 'b' })).toEqual({ from: 'a', to: 'b', maxHops: 4 });
  });
  it.each([
    [{ from: 'a' }, 'to'],
    [{ to: 'a' }, 'from'],
    [{ from: 'a', to: 'a' }, 'to'],
    [{ from: 'a', to: 'b', maxHops: '7' }, 'maxHops'],
    [{ from: 'a', to: 'b', maxHops: '1; DROP' }, 'maxHops'],
  ])('path %j → error on %s', (q, param) => {
    expect(issuePath(PathQuery.safeParse(q))).toBe(param);
  });
  it('rejects an unknown topic mode', () => {
    expect(issuePath(TopicGraphQuery.safeParse({ mode: 'tree' }))).toBe('mode');
  });
});

describe('ExportGraphQuery', () => {
  it('needs a kind, and from/to for paths', () => {
    expect(issuePath(ExportGraphQuery.safeParse({}))).toBe('kind');
    expect(issuePath(ExportGraphQuery.safeParse({ kind: 'path', from: 'a' }))).toBe('to');
    expect(issuePath(ExportGraphQuery.safeParse({ kind: 'coauthors', format: 'pdf' }))).toBe('format');
  });
  it('gives the export the same defaults as the graph endpoint', () => {
    const q = ExportGraphQuery.parse({ kind: 'coauthors', author: 'name:x' });
    expect(q).toMatchObject({ format: 'json', part: 'nodes' });
    expect(coauthorParams(q)).toEqual(CoauthorGraphQuery.parse({ author: 'name:x' }));
  });
});

describe('CypherRequest', () => {
  it('defaults and caps', () => {
    expect(CypherRequest.parse({ query: 'RETURN 1' })).toEqual({ query: 'RETURN 1', params: {}, timeoutMs: 5000, maxRows: 1000 });
    expect(issuePath(CypherRequest.safeParse({ query: 'x'.repeat(20_001) }))).toBe('query');
    expect(issuePath(CypherRequest.safeParse({ query: 'RETURN 1', timeoutMs: 30_001 }))).toBe('timeoutMs');
    expect(issuePath(CypherRequest.safeParse({ query: '' }))).toBe('query');
    expect(issuePath(CypherRequest.safeParse({ query: 'RETURN 1', params: [1] }))).toBe('params');
  });
  it('sends whole JSON numbers as Cypher integers, other numbers as floats', () => {
    const p = toDriverParams({ n: 5, f: 0.5, list: [1, 2.5], nested: { k: 3 }, s: 'x' }) as Record<string, unknown>;
    expect(neo4j.isInt(p.n)).toBe(true);
    expect(p.f).toBe(0.5);
    expect(neo4j.isInt((p.list as unknown[])[0])).toBe(true);
    expect((p.list as unknown[])[1]).toBe(2.5);
    expect(neo4j.isInt((p.nested as Record<string, unknown>).k)).toBe(true);
    expect(p.s).toBe('x');
  });
});

describe('OpenAPI', () => {
  it('generates a document with the graph, export and console routes', () => {
    // Building the routers registers them; no database is contacted.
    const graph = new Graph(neo4j.driver('bolt://127.0.0.1:1'), { uri: 'bolt://127.0.0.1:1', kind: 'remote' });
    graphRouter(graph);
    exportRouter(graph, new SummaryService(graph));
    cypherRouter(graph);
    const doc = new OpenApiGeneratorV31(openApiRegistry.definitions).generateDocument({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const paths = doc.paths ?? {};
    for (const p of ['/api/graph/coauthors', '/api/graph/topics', '/api/graph/path', '/api/export/graph', '/api/cypher']) expect(paths).toHaveProperty([p]);
    const params = (must(must(paths['/api/graph/coauthors'], `paths['/api/graph/coauthors']`).get, 'the GET operation of /api/graph/coauthors').parameters ?? []) as { name: string }[];
    expect(params.map((x) => x.name)).toEqual(['author', 'depth', 'minWeight', 'yearFrom', 'yearTo', 'category', 'limit', 'weighting']);
    void graph.close();
  });
});
