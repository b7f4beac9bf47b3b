// A retired author id never 404s on the endpoints that take author ids in their query: after merges through the
// curation API, the co-author map, the shortest path and the exports answer 308 to the same URL with the live ids,
// and following it gives the live person's graph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../ingest/pipeline.js';
import { AuthorRedirectsBody } from '../../schema/authors.js';
import { DecisionResult } from '../../schema/curation.js';
import { GraphResponse, PathResponse } from '../../schema/graph.js';
import { createApp } from '../../server/app.js';
import { adminTokens } from '../../server/http/admin-token.js';
import { resetDatabase, testGraph } from '../support/graph.js';
import { serve } from '../support/http.js';
import { HAENTZE, HAENTZE2, K, KENO, variantsFile } from './curation-fixture.js';

const TOKEN = 'alice-token-0123456789abcdef';
const TRUHN = 'name:daniel truhn';

describe('retired author ids on graph, path and export endpoints', () => {
  const graph = testGraph();
  let api: Awaited<ReturnType<typeof serve>>;

  const merge = async (keep: string, retire: string) => {
    const res = await fetch(`${api.url}/api/curation/decisions/merge`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ keep, retire }),
    });
    expect(res.status).toBe(200);
    expect(DecisionResult.parse(await res.json()).applied).toBe(true);
  };
  /** The 308 of `path` (not followed): where it leads, as a URL relative to the server, and its body. */
  const moved = async (path: string) => {
    const res = await fetch(`${api.url}${path}`, { redirect: 'manual' });
    expect(res.status).toBe(308);
    const location = new URL(res.headers.get('location') ?? '', api.url);
    return { location, body: AuthorRedirectsBody.parse(await res.json()) };
  };
  const followed = async (path: string) => {
    const res = await fetch(`${api.url}${path}`);
    return { status: res.status, res };
  };
  const qs = (params: Record<string, string>) => new URLSearchParams(params).toString();

  beforeAll(async () => {
    await resetDatabase(graph);
    await ingest([{ path: variantsFile() }], graph);
    api = await serve(createApp({ graph, admin: adminTokens(TOKEN) }));
    await merge(KENO, K);
    await merge(HAENTZE, HAENTZE2);
  }, 600_000);
  afterAll(async () => {
    await api.close();
    await resetDatabase(graph);
    await graph.close();
  });

  it('co-author map centred on a retired id: 308 to the live id with the same query string, then the live graph', async () => {
    const path = `/api/graph/coauthors?${qs({ author: K, depth: '2', limit: '50' })}`;
    const { location, body } = await moved(path);
    expect(location.pathname).toBe('/api/graph/coauthors');
    expect(Object.fromEntries(location.searchParams)).toEqual({ author: KENO, depth: '2', limit: '50' });
    expect(body).toEqual({ redirects: [{ parameter: 'author', from: K, id: KENO, reason: null }] });
    const { status, res } = await followed(path);
    expect(status).toBe(200);
    const g = GraphResponse.parse(await res.json());
    expect(g.nodes.find((n) => n.ego)?.id).toBe(KENO);
    expect(g.nodes.map((n) => n.id)).not.toContain(K);
  });

  it('shortest path: either end retired (or both) is redirected in one 308, then answered for the live persons', async () => {
    const from = await moved(`/api/graph/path?${qs({ from: K, to: TRUHN, maxHops: '3' })}`);
    expect(Object.fromEntries(from.location.searchParams)).toEqual({ from: KENO, to: TRUHN, maxHops: '3' });
    const to = await moved(`/api/graph/path?${qs({ from: TRUHN, to: K })}`);
    expect(Object.fromEntries(to.location.searchParams)).toEqual({ from: TRUHN, to: KENO });
    const both = await moved(`/api/graph/path?${qs({ from: K, to: HAENTZE2 })}`);
    expect(Object.fromEntries(both.location.searchParams)).toEqual({ from: KENO, to: HAENTZE });
    expect(both.body.redirects.map((r) => [r.parameter, r.from, r.id])).toEqual([
      ['from', K, KENO],
      ['to', HAENTZE2, HAENTZE],
    ]);

    const { status, res } = await followed(`/api/graph/path?${qs({ from: K, to: TRUHN })}`);
    expect(status).toBe(200);
    const body = PathResponse.parse(await res.json());
    expect(body.from.id).toBe(KENO);
    expect(body.paths[0]?.hops.map((h) => [h.from.id, h.to.id])).toEqual([[KENO, TRUHN]]);
  });

  it('exports of a co-author map or a path that name a retired id follow it too', async () => {
    const coauthors = `/api/export/graph?${qs({ kind: 'coauthors', format: 'graphml', author: K })}`;
    const c = await moved(coauthors);
    expect(c.location.pathname).toBe('/api/export/graph');
    expect(Object.fromEntries(c.location.searchParams)).toEqual({ kind: 'coauthors', format: 'graphml', author: KENO });
    const got = await followed(coauthors);
    expect(got.status).toBe(200);
    expect(got.res.headers.get('content-disposition')).toMatch(/papergraph-coauthors\.graphml/);
    expect(await got.res.text()).toContain(KENO);

    const pathCsv = `/api/export/graph?${qs({ kind: 'path', format: 'csv', part: 'edges', from: TRUHN, to: K })}`;
    const p = await moved(pathCsv);
    expect(p.location.searchParams.get('to')).toBe(KENO);
    expect((await followed(pathCsv)).status).toBe(200);
  });

  it('a chain of merges leads straight to the live end; ids that never existed still 404', async () => {
    await merge(TRUHN, KENO);
    const { location, body } = await moved(`/api/graph/coauthors?${qs({ author: K })}`);
    expect(location.searchParams.get('author')).toBe(TRUHN);
    expect(body.redirects).toEqual([{ parameter: 'author', from: K, id: TRUHN, reason: null }]);
    expect((await followed(`/api/graph/coauthors?${qs({ author: K })}`)).status).toBe(200);

    expect((await followed(`/api/graph/coauthors?${qs({ author: 'name:nobody at all' })}`)).status).toBe(404);
    expect((await followed(`/api/graph/path?${qs({ from: TRUHN, to: 'name:nobody at all' })}`)).status).toBe(404);
    expect((await followed(`/api/export/graph?${qs({ kind: 'topics', format: 'json', topic: 'no-such-topic' })}`)).status).toBe(404);
  });
});
