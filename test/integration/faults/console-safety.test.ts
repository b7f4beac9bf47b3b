// Fault suite for the Cypher console on the real Neo4j: queries built to exhaust memory or the stack, nested parameters
// and query text, too-large results, and connections Neo4j stops answering. After each: the graph is unchanged and
// /api/health answers within 1 s.
import net from 'node:net';
import express from 'express';
import neo4j from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import { testTarget } from '../../support/neo4j-target.js';
import { Graph } from '../../../db/graph.js';
import { ErrorBody } from '../../../schema/api.js';
import { MAX_PARAM_DEPTH } from '../../../schema/cypher.js';
import { cypherRouter, type CypherRouterOptions } from '../../../server/api/cypher/cypher.routes.js';
import { errorHandler } from '../../../server/http/error-handler.js';
import { useSampleApi } from '../../support/api.js';
import { serve } from '../../support/http.js';
import { must } from '../../../core/must.js';

const api = useSampleApi({ resetAfter: true });
const { graph } = api;

/** POSTs a console request; `body` may be JSON text already (for nesting too deep for JSON.stringify). */
async function post(body: unknown, base = api.url()) {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(`${base}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
  return { status: res.status, body: (await res.json()) as unknown };
}
const error = (body: unknown) => ErrorBody.parse(body).error;

/** Counts and a digest of every property key, independent of the code under test. */
async function fingerprint(g: Graph = graph) {
  return g.transaction('READ', async (tx) => {
    const r = await tx.run(
      'MATCH (n) WITH count(n) AS nodes, sum(size(keys(n))) AS nodeProps ' +
        'OPTIONAL MATCH ()-[r]->() RETURN nodes, nodeProps, count(r) AS rels, sum(size(keys(r))) AS relProps',
    );
    return must(r.records[0], 'r.records[0]').toObject();
  });
}

/** /api/health answers 200 within 1 s. */
async function expectHealthyFast(base = api.url()) {
  const t0 = Date.now();
  const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) });
  const ms = Date.now() - t0;
  expect(res.status).toBe(200);
  expect(ms, `/api/health took ${ms} ms`).toBeLessThan(1_000);
}

/** An app with only the console (own limits), for tests that need a higher rate limit or other deadlines. */
async function consoleApp(g: Graph, opts: CypherRouterOptions) {
  const app = express();
  app.use(express.json({ limit: '100kb' }));
  app.use('/api', cypherRouter(g, { rateLimit: { limit: 10_000, windowMs: 60_000 }, ...opts }));
  app.use(errorHandler(() => undefined));
  return serve(app);
}

let before: Record<string, unknown>;
beforeAll(async () => {
  before = await fingerprint();
  // Health once first, so its own queries are planned: the 1 s checks below are about faults, not a cold planner.
  expect((await fetch(`${api.url()}/api/health`)).status).toBe(200);
});

describe('console faults: queries that build unbounded values', () => {
  it.each([
    ["RETURN size(reduce(s='x', j IN range(1,29) | s+s)) AS s", 'unbounded-growth'],
    ['RETURN reduce(l=[1], j IN range(1,30) | l+l) AS l', 'unbounded-growth'],
    ['RETURN size([x IN range(1, 1000000000) | x]) AS n', 'range-too-large'],
  ])('refused before running: %s', async (query, rule) => {
    const { status, body } = await post({ query, timeoutMs: 30_000 });
    expect(status).toBe(403);
    expect(error(body)).toMatchObject({ code: 'forbidden_query', details: { rule } });
    expect(await fingerprint()).toEqual(before);
    await expectHealthyFast();
  });

  // What the guard cannot see reaches Neo4j; Neo4j fails the query and keeps serving.
  it.each([
    ['a list of 10^9 elements built from a parameter', 'RETURN size([x IN range(1, $n) | x]) AS n', { n: 1_000_000_000 }],
    [
      'a string grown tenfold per nested replace()',
      `RETURN size(${'replace('.repeat(9)}'xxxxxxxxxx'${", 'x', 'xxxxxxxxxx')".repeat(9)}) AS n`,
      {},
    ],
    ['collect() over a cartesian product', 'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN size(collect([a, b])) AS n', {}],
  ])('%s → 413 query_too_large, the database keeps serving', async (_name, query, params) => {
    const { status, body } = await post({ query, params, timeoutMs: 30_000 });
    expect(status, JSON.stringify(body)).toBe(413);
    expect(error(body).code).toBe('query_too_large');
    expect(await fingerprint()).toEqual(before);
    await expectHealthyFast();
    expect((await post({ query: 'MATCH (p:Paper) RETURN count(p) AS n' })).body).toMatchObject({ rows: [{ n: 11 }] });
  });
});

describe('console faults: a result that grows while it is sent', () => {
  // Each WITH doubles the list by reference, so Neo4j holds little but would send 2^26 values; the transaction timeout
  // does not stop sending, the console's deadline does (its connection is dropped).
  it('2^26 values by shared references → an error status within the deadline, the database keeps serving', async () => {
    const query = `WITH [1] AS a ${'WITH [a, a] AS a '.repeat(26)}RETURN a`;
    const app = await consoleApp(graph, { run: { graceMs: 1_000, abandonAfterMs: 500 } });
    try {
      const t0 = Date.now();
      const { status, body } = await post({ query, timeoutMs: 2_000 }, app.url);
      expect([408, 413, 502], JSON.stringify(body).slice(0, 300)).toContain(status);
      expect(Date.now() - t0).toBeLessThan(10_000);
    } finally {
      await app.close();
    }
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await fingerprint()).toEqual(before);
    await expectHealthyFast();
    expect((await post({ query: 'MATCH (p:Paper) RETURN count(p) AS n' })).body).toMatchObject({ rows: [{ n: 11 }] });
  });
});

describe('console faults: parameters', () => {
  const nested = (depth: number) => JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`) as unknown;

  it.each([3_000, 20_000])('parameters nested %i deep → 400 naming the parameter', async (depth) => {
    const deep = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    const { status, body } = await post(`{"query": "RETURN $deep AS d", "params": {"deep": ${deep}}}`);
    expect(status).toBe(400);
    const e = error(body);
    expect(e.code).toBe('invalid_request');
    expect(e.message).toMatch(/^Invalid body field 'params\.deep\.0\.0/);
    expect(e.message).toContain(`deeper than ${MAX_PARAM_DEPTH}`);
    expect(await fingerprint()).toEqual(before);
    await expectHealthyFast();
  });

  it('parameters nested to the limit still run', async () => {
    const { status } = await post({ query: 'RETURN size($p) AS n', params: { p: nested(MAX_PARAM_DEPTH) } });
    expect(status).toBe(200);
  });
});

describe('console faults: results too large', () => {
  // Rows of about 360 kB each (four copies of a 90 kB parameter): the byte cap stops the answer after about 90 rows.
  const bigRows = { query: 'UNWIND range(1, 1000) AS i RETURN i, [$pad, $pad, $pad, $pad] AS pad', params: { pad: 'x'.repeat(90_000) } };

  it('a result over the byte cap → 413 result_too_large, never 500', async () => {
    const { status, body } = await post({ ...bigRows, timeoutMs: 30_000 });
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(413);
    expect(error(body)).toMatchObject({ code: 'result_too_large' });
    expect(await fingerprint()).toEqual(before);
    await expectHealthyFast();
  });

  it('six such queries at once each get a clear status (413, or 429 when the console is busy), none 500 or 503', async () => {
    const app = await consoleApp(graph, {});
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => post({ ...bigRows, timeoutMs: 30_000 }, app.url)));
      for (const a of answers) {
        expect([413, 429], JSON.stringify(a.body).slice(0, 300)).toContain(a.status);
        expect(['result_too_large', 'console_busy']).toContain(error(a.body).code);
      }
      expect(answers.some((a) => a.status === 413)).toBe(true);
    } finally {
      await app.close();
    }
    expect(await fingerprint()).toEqual(before);
    await expectHealthyFast();
  });
});

describe('console faults: nested query text and the connection pool', () => {
  it('query text nested 2,000 deep → 400, and 120 of them leave the pool free', async () => {
    const query = `RETURN ${'['.repeat(2_000)}1${']'.repeat(2_000)} AS x`;
    const app = await consoleApp(graph, {});
    try {
      for (let batch = 0; batch < 6; batch++) {
        const answers = await Promise.all(Array.from({ length: 20 }, () => post({ query, timeoutMs: 10_000 }, app.url)));
        for (const a of answers) {
          expect(a.status).toBe(400);
          expect(error(a.body)).toMatchObject({ code: 'invalid_request' });
          expect(error(a.body).message).toContain('nests brackets more than 64 levels deep');
        }
      }
    } finally {
      await app.close();
    }
    expect(await fingerprint()).toEqual(before);
    await expectHealthyFast();
  });

  it('queries whose connection Neo4j stops answering are dropped after the deadline: the pool does not fill', async () => {
    const target = testTarget();
    const { hostname, port } = new URL(target.uri.replace(/^(bolt|neo4j)(\+s|\+ssc)?:/, 'http:'));
    const proxy = await blackHoleProxy(hostname, Number(port));
    const driver = neo4j.driver(`bolt://127.0.0.1:${proxy.port}`, neo4j.auth.basic(target.user, target.password), {
      maxConnectionPoolSize: 3,
      connectionAcquisitionTimeout: 4_000,
      connectionTimeout: 2_000,
    });
    const proxied = new Graph(driver, { uri: `bolt://127.0.0.1:${proxy.port}`, database: target.database, kind: 'remote' });
    const app = await consoleApp(proxied, { run: { graceMs: 0, abandonAfterMs: 300 } });
    try {
      expect((await post({ query: 'RETURN 1 AS one' }, app.url)).status).toBe(200);
      // Warm every pool slot, so the swallowed queries below run on established connections.
      await Promise.all([1, 2, 3].map(() => post({ query: 'RETURN 1 AS one' }, app.url)));
      proxy.swallow(true);
      const stuck = await Promise.all(Array.from({ length: 3 }, () => post({ query: 'RETURN 1 AS one', timeoutMs: 200 }, app.url)));
      for (const s of stuck) expect(s.status).toBe(408);
      await new Promise((r) => setTimeout(r, 1_000));
      proxy.swallow(false);
      // Without dropping, the three connections would still wait for answers that never come, and this would time out
      // acquiring one.
      const t0 = Date.now();
      const after = await post({ query: 'RETURN 2 AS two', timeoutMs: 5_000 }, app.url);
      expect(after.status, JSON.stringify(after.body)).toBe(200);
      expect(Date.now() - t0).toBeLessThan(3_000);
    } finally {
      await app.close();
      await driver.close();
      await proxy.close();
    }
    expect(await fingerprint()).toEqual(before);
    await expectHealthyFast();
  });
});

/**
 * A TCP proxy to host:port whose `swallow(true)` silently discards the bytes of connections that already exist (in both
 * directions) while keeping them open: a server that stopped answering. New connections after `swallow(false)` work.
 */
async function blackHoleProxy(host: string, port: number) {
  let swallowing = false;
  const live = new Set<{ client: net.Socket; server: net.Socket; dead: boolean }>();
  const server = net.createServer((client) => {
    const upstream = net.connect(port, host);
    const pair = { client, server: upstream, dead: false };
    live.add(pair);
    const pipe = (from: net.Socket, to: net.Socket) =>
      from.on('data', (chunk) => {
        if (swallowing) pair.dead = true;
        if (!pair.dead) to.write(chunk);
      });
    pipe(client, upstream);
    pipe(upstream, client);
    const end = () => {
      live.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    swallow(on: boolean) {
      swallowing = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const p of live) {
          p.client.destroy();
          p.server.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
