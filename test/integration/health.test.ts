// /api/health against the real Neo4j: 200 with version and counts; 503 naming the URI when unreachable; recovery.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTarget } from '../support/neo4j-target.js';
import { Graph } from '../../db/graph.js';
import { HealthResponse } from '../../schema/api.js';
import { createApp } from '../../server/app.js';
import { resetDatabase, testGraph } from '../support/graph.js';
import { serve, tcpProxy } from '../support/http.js';

describe('GET /api/health', () => {
  const graph = testGraph();
  let api: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    await resetDatabase(graph);
    await graph.runAutoCommit("CREATE (:Paper {id: 'health-1', title: 'T'}), (:Author {id: 'a1'}), (:Paper:Stub {id: 'stub-1'})");
    api = await serve(createApp({ graph }));
  });
  afterAll(async () => {
    await api.close();
    await resetDatabase(graph);
    await graph.close();
  });

  it('reports a connected Neo4j 5.26 with counts that exclude citation stubs', async () => {
    const res = await fetch(`${api.url}/api/health`);
    expect(res.status).toBe(200);
    const body = HealthResponse.parse(await res.json());
    expect(body.status).toBe('ok');
    expect(body.neo4j.connected).toBe(true);
    expect(body.neo4j.version).toMatch(/^5\.26\./);
    if (testTarget().kind === 'local') expect(body.neo4j.edition).toBe('community');
    expect(body.counts).toEqual({ papers: 1, authors: 1, topics: 0, categories: 0 });
  });

  it('answers 503 naming the URI when Neo4j is unreachable, without credentials', async () => {
    const uri = 'bolt://127.0.0.1:1';
    const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'secret-password'), { connectionTimeout: 2_000 });
    const down = await serve(createApp({ graph: new Graph(driver, { uri, kind: 'remote' }) }));
    try {
      const res = await fetch(`${down.url}/api/health`);
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(text).not.toContain('secret-password');
      const body = HealthResponse.parse(JSON.parse(text));
      expect(body.status).toBe('unavailable');
      expect(body.neo4j.connected).toBe(false);
      expect(body.neo4j.message).toContain(uri);
    } finally {
      await down.close();
      await driver.close();
    }
  });

  it('recovers by itself when Neo4j comes back', async () => {
    const t = testTarget();
    const target = new URL(t.uri.replace(/^[a-z+]+:/, 'http:'));
    const proxy = await tcpProxy(target.hostname, Number(target.port));
    const uri = `bolt://127.0.0.1:${proxy.port}`;
    const driver = neo4j.driver(uri, neo4j.auth.basic(t.user, t.password), { connectionTimeout: 2_000 });
    const app = await serve(createApp({ graph: new Graph(driver, { uri, database: t.database, kind: 'remote' }) }));
    try {
      expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
      await proxy.down();
      expect((await fetch(`${app.url}/api/health`)).status).toBe(503);
      await proxy.up();
      let status = 0;
      for (let i = 0; i < 20 && status !== 200; i++) {
        status = (await fetch(`${app.url}/api/health`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 500));
      }
      expect(status).toBe(200);
    } finally {
      await app.close();
      await driver.close();
      await proxy.down();
    }
  });
});
