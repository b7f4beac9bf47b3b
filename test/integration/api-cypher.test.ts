// POST /api/cypher against the real Neo4j on the sample listing: read-only for real, refusals, timeout, caps, rate limit.
import express from 'express';
import { describe, expect, it } from 'vitest';
import { ErrorBody, HealthResponse } from '../../schema/api.js';
import { CypherResponse } from '../../schema/cypher.js';
import { cypherRouter } from '../../server/api/cypher/cypher.routes.js';
import { errorHandler } from '../../server/http/error-handler.js';
import { decodeGraph } from '../../shared/graph-payload.js';
import { expectUnavailable503, useSampleApi } from '../support/api.js';
import { serve } from '../support/http.js';
import { must } from '../../core/must.js';

const api = useSampleApi({ resetAfter: true });
const { graph } = api;

async function post(body: unknown, base = api.url()) {
  const res = await fetch(`${base}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as unknown };
}
const ok = async (body: unknown) => {
  const res = await post(body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return CypherResponse.parse(res.body);
};
const error = (body: unknown) => ErrorBody.parse(body).error;

async function nodeCount(): Promise<number> {
  return graph.transaction('READ', async (tx) => must((await tx.run('MATCH (n) RETURN count(n) AS n')).records[0], 'node count row').get('n').toNumber());
}

describe('POST /api/cypher: read-only for real', () => {
  it('CREATE is refused by Neo4j itself (READ session) → 403 with its code, and nothing is written', async () => {
    const before = await nodeCount();
    const { status, body } = await post({ query: 'CREATE (:X)' });
    expect(status).toBe(403);
    expect(error(body)).toMatchObject({ code: 'forbidden_query', details: { neo4jCode: 'Neo.ClientError.Statement.AccessMode' } });
    for (const query of ['MATCH (p:Paper) SET p.title = "x"', 'MATCH (n) DETACH DELETE n', 'MERGE (:X {id: 1})', 'CREATE INDEX x FOR (n:X) ON (n.y)']) {
      const res = await post({ query });
      expect(res.status, query).toBe(403);
    }
    expect(await nodeCount()).toBe(before);
  });

  it('LOAD CSV is refused before running, even disguised; a comment mentioning it runs', async () => {
    for (const query of [
      "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
      "LoAd /*x*/ CsV FROM 'file:///etc/passwd' AS l RETURN l",
      "WITH 1 AS a \\u004cOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    ]) {
      const { status, body } = await post({ query });
      expect(status, query).toBe(403);
      expect(error(body)).toMatchObject({ code: 'forbidden_query', details: { rule: 'load-csv' } });
      expect(error(body).message).toMatch(/LOAD CSV is not allowed/);
    }
    const res = await ok({ query: '// LOAD CSV FROM "file:///etc/passwd"\nMATCH (p:Paper) RETURN count(p) AS papers' });
    expect(res.rows).toEqual([{ papers: 11 }]);
    const inString = await ok({ query: "RETURN 'LOAD CSV FROM x' AS s" });
    expect(inString.rows).toEqual([{ s: 'LOAD CSV FROM x' }]);
  });

  it('admin commands, USE and procedures outside the list are refused; listed procedures run', async () => {
    for (const [query, rule] of [
      ['CALL dbms.components()', 'procedure-dbms'],
      ['call DBMS.listConfig()', 'procedure-dbms'],
      ["CALL apoc.load.json('file:///etc/passwd')", 'procedure-io'],
      ['CALL db.awaitIndexes(10)', 'procedure-not-allowed'],
      ['SHOW TRANSACTIONS', 'admin-command'],
      ['SHOW SETTINGS', 'admin-command'],
      ['TERMINATE TRANSACTIONS "neo4j-transaction-1"', 'admin-command'],
      ['CREATE USER eve SET PASSWORD "abcdefgh"', 'admin-command'],
      ['USE system SHOW USERS', 'use-clause'],
    ]) {
      const { status, body } = await post({ query });
      expect(status, query).toBe(403);
      expect(error(body).details).toMatchObject({ rule });
    }
    const labels = await ok({ query: 'CALL db.labels() YIELD label RETURN label ORDER BY label' });
    expect(labels.rows.map((r) => r.label)).toEqual(expect.arrayContaining(['Author', 'Paper', 'Topic', 'Category']));
  });

  it('returns rows, and the nodes and relationships in them as a graph', async () => {
    const res = await ok({ query: 'MATCH (a:Author)-[r:AUTHORED]->(p:Paper) RETURN a, r, p LIMIT 5' });
    expect(res.columns).toEqual(['a', 'r', 'p']);
    expect(res.rows).toHaveLength(5);
    expect(must(res.rows[0], 'res.rows[0]').a).toMatchObject({ kind: 'node', labels: ['Author'] });
    const graph = decodeGraph(res.graph);
    expect(graph.edges).toHaveLength(5);
    const nodeIds = new Set(graph.nodes.map((n) => n.data.id));
    for (const { data } of graph.edges) {
      expect(data.label).toBe('AUTHORED');
      expect(nodeIds.has(data.source) && nodeIds.has(data.target)).toBe(true);
    }
    expect(graph.nodes.some((n) => n.data.placeholder)).toBe(false);
    const author = must(graph.nodes.find((n) => n.data.kind === 'author'), 'the author node').data;
    expect(author.label).toBe(must(author.properties, 'the properties of the author node').name);
    expect(res.truncated).toBe(false);
    expect(res.summary).toMatchObject({ queryType: 'r', mode: 'run' });
  });

  it('finds graph entities nested in lists, maps and paths, once each', async () => {
    const res = await ok({
      query:
        "MATCH path = (:Author {name: 'Daniel Truhn'})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author) " +
        'WITH p, collect(path) AS paths, collect(b) AS authors RETURN paths, {paper: p, authors: authors} AS m, [p] AS ps',
    });
    expect(res.rows).toHaveLength(1);
    expect((must(res.rows[0], 'res.rows[0]').paths as unknown[])[0]).toMatchObject({ kind: 'path' });
    // Truhn, the paper, Busch and Adams; two AUTHORED into the paper from the two paths' far ends + Truhn's own.
    expect(res.graph.nodes).toHaveLength(4);
    expect(res.graph.edges).toHaveLength(3);
  });

  it('caps rows, says so, and stops consuming', async () => {
    const res = await ok({ query: 'UNWIND range(1, 50000000) AS i RETURN i' });
    expect(res.rows).toHaveLength(1000);
    expect(res.truncated).toBe(true);
    expect(res.rows[999]).toEqual({ i: 1000 });
    const few = await ok({ query: 'UNWIND range(1, 5) AS i RETURN i', maxRows: 3 });
    expect(few.rows).toHaveLength(3);
    expect(few.truncated).toBe(true);
    const exact = await ok({ query: 'UNWIND range(1, 3) AS i RETURN i', maxRows: 3 });
    expect(exact.truncated).toBe(false);
  });

  it('times out on Neo4j (408) while the server keeps answering at once; the transaction is gone afterwards', async () => {
    // Health once first, so its own queries are planned: the measurement is about waiting, not Neo4j's planner.
    expect((await fetch(`${api.url()}/api/health`)).status).toBe(200);
    let settled = false;
    const started = Date.now();
    const slow = post({ query: 'UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 0 RETURN count(*)', timeoutMs: 1000 }).finally(() => {
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    const health = await fetch(`${api.url()}/api/health`);
    const healthMs = Date.now() - t0;
    expect(health.status).toBe(200);
    expect(HealthResponse.parse(await health.json()).status).toBe('ok');
    expect(healthMs).toBeLessThan(1000);
    expect(settled).toBe(false);
    const { status, body } = await slow;
    const elapsed = Date.now() - started;
    expect(status).toBe(408);
    expect(error(body)).toMatchObject({ code: 'query_timeout', details: { timeoutMs: 1000 } });
    expect(error(body).message).toMatch(/did not finish within 1000 ms/);
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(1000 + 5000);
    const leftovers = await graph.transaction('READ', async (tx) =>
      must((await tx.run("SHOW TRANSACTIONS YIELD metaData WHERE metaData.source = 'console' RETURN count(*) AS n")).records[0], 'console transaction count row').get('n').toNumber(),
    );
    expect(leftovers).toBe(0);
  });

  it('summary: EXPLAIN/PROFILE plans and notifications', async () => {
    const explain = await ok({ query: "EXPLAIN MATCH (a:Author {id: 'x'}) RETURN a" });
    expect(explain.rows).toEqual([]);
    expect(explain.summary.mode).toBe('explain');
    expect(explain.summary.rootOperator).toBe('ProduceResults');
    expect(explain.summary.plan.map((p) => p.operator)).toContain('NodeUniqueIndexSeek');
    const profile = await ok({ query: 'PROFILE MATCH (p:Paper) RETURN count(p) AS n' });
    expect(profile.summary.mode).toBe('profile');
    expect(must(profile.summary.plan[0], 'profile.summary.plan[0]').rows).toBe(1);
    expect(profile.summary.plan.some((p) => (p.dbHits ?? 0) > 0)).toBe(true);
    const cartesian = await ok({ query: 'MATCH (a:Author), (p:Paper) RETURN count(*) AS n' });
    expect(cartesian.summary.notifications.map((n) => n.code)).toContain('Neo.ClientNotification.Statement.CartesianProduct');
    expect(cartesian.summary.timeMs).toBeGreaterThan(0);
  });

  it('takes parameters; whole numbers arrive as integers', async () => {
    const res = await ok({ query: 'MATCH (a:Author) RETURN a.name AS name ORDER BY name LIMIT $n', params: { n: 2 } });
    expect(res.rows).toHaveLength(2);
    const sum = await ok({ query: 'RETURN $n + 1 AS x, $f * 2 AS y', params: { n: 41, f: 0.25 } });
    expect(sum.rows).toEqual([{ x: 42, y: 0.5 }]);
  });

  it('400 for invalid bodies and Cypher errors (naming Neo4j code), never a stack trace', async () => {
    const syntax = await post({ query: 'MATCH (n RETURN n' });
    expect(syntax.status).toBe(400);
    expect(error(syntax.body)).toMatchObject({ code: 'cypher_error', details: { neo4jCode: 'Neo.ClientError.Statement.SyntaxError' } });
    const missing = await post({ query: 'RETURN $nope' });
    expect(missing.status).toBe(400);
    expect(error(missing.body).details).toMatchObject({ neo4jCode: 'Neo.ClientError.Statement.ParameterMissing' });
    const noProc = await post({ query: 'CALL db.index.fulltext.queryNodes("no_such_index", "x")' });
    expect(noProc.status).toBe(400);
    for (const [body, field] of [
      [{}, 'query'],
      [{ query: 'x'.repeat(20_001) }, 'query'],
      [{ query: 'RETURN 1', timeoutMs: 60_000 }, 'timeoutMs'],
      [{ query: 'RETURN 1', maxRows: 5000 }, 'maxRows'],
      [{ query: 'RETURN 1', params: 'x' }, 'params'],
    ] as const) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(error(res.body).message).toContain(`'${field}'`);
    }
    const two = await post({ query: 'RETURN 1; RETURN 2' });
    expect(two.status).toBe(400);
    expect(error(two.body).details).toEqual([expect.objectContaining({ body: 'query', rule: 'multiple-statements' })]);
    const big = await fetch(`${api.url()}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'RETURN 1', params: { pad: 'x'.repeat(150_000) } }),
    });
    expect(big.status).toBe(413);
    for (const res of [syntax, missing, noProc]) expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe('POST /api/cypher: rate limit and outages', () => {
  it('429 with the error envelope after the per-client limit', async () => {
    const app = express();
    app.use(express.json());
    app.use('/api', cypherRouter(graph, { rateLimit: { limit: 2, windowMs: 60_000 } }));
    app.use(errorHandler(() => undefined));
    const limited = await serve(app);
    try {
      expect((await post({ query: 'RETURN 1' }, limited.url)).status).toBe(200);
      expect((await post({ query: 'RETURN 1' }, limited.url)).status).toBe(200);
      const third = await post({ query: 'RETURN 1' }, limited.url);
      expect(third.status).toBe(429);
      expect(error(third.body)).toMatchObject({ code: 'rate_limited', details: { limit: 2 } });
    } finally {
      await limited.close();
    }
  });

  it('the default limit is 60 per minute per client', async () => {
    const app = express();
    app.use(express.json());
    app.use('/api', cypherRouter(graph));
    app.use(errorHandler(() => undefined));
    const limited = await serve(app);
    try {
      // Refused queries count too (the guard runs after the limiter), and cost no database time.
      const statuses = [];
      for (let i = 0; i < 61; i++) statuses.push((await post({ query: 'SHOW USERS' }, limited.url)).status);
      expect(statuses.slice(0, 60).every((s) => s === 403)).toBe(true);
      expect(statuses[60]).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('503 when Neo4j is down, no credentials', async () => {
    await expectUnavailable503('/api/cypher', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"RETURN 1"}' });
  });
});
