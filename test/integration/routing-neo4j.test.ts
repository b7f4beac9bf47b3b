// NEO4J_URI=neo4j://… (a routing driver, as for Aura and clusters) against the built-in Neo4j: the routing table names
// its loopback port, reads run in read transactions, writes in write transactions, and an ingest followed by the views
// sees its own writes (the Graph's bookmark manager).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTarget } from '../support/neo4j-target.js';
import { Graph } from '../../db/graph.js';
import { ingest } from '../../ingest/pipeline.js';
import { GraphResponse } from '../../schema/graph.js';
import { PaperResponse } from '../../schema/papers.js';
import { StatsResponse } from '../../schema/stats.js';
import { createApp } from '../../server/app.js';
import { serve } from '../support/http.js';
import { loadSampleListing } from '../support/sample.js';
import { must } from '../../core/must.js';

describe('neo4j:// routing against the built-in Neo4j', () => {
  const t = testTarget();
  const routingUri = t.uri.replace(/^bolt:/, 'neo4j:');
  const driver = neo4j.driver(routingUri, neo4j.auth.basic(t.user, t.password));
  const graph = new Graph(driver, { uri: routingUri, database: t.database, kind: t.kind });
  let api: Awaited<ReturnType<typeof serve>>;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'routing-'));

  beforeAll(async () => {
    await loadSampleListing(graph);
    api = await serve(createApp({ graph }));
  });
  afterAll(async () => {
    await api.close();
    await driver.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('uses a routing driver whose routing table names the loopback Bolt port for reads and writes', async () => {
    expect(routingUri.startsWith('neo4j://127.0.0.1:')).toBe(true);
    const { records } = await driver.executeQuery('CALL dbms.routing.getRoutingTable({}, $db) YIELD servers RETURN servers', {
      db: t.database ?? 'neo4j',
    });
    const servers = must(records[0], 'records[0]').get('servers') as { addresses: string[]; role: string }[];
    const address = routingUri.replace('neo4j://', '');
    for (const role of ['READ', 'WRITE', 'ROUTE']) {
      expect(servers.find((s) => s.role === role)?.addresses, role).toContain(address);
    }
  });

  it('runs reads in read transactions: a write through Graph.read is refused', async () => {
    await expect(graph.read('summary/bump-version')).rejects.toThrow();
    const [row] = await graph.read('summary/version');
    expect(Number(must(row, 'the graph version row').version)).toBeGreaterThan(0);
  });

  it('serves the views, and an ingest followed by the views sees its own writes', async () => {
    const get = async (p: string) => {
      const res = await fetch(`${api.url}${p}`);
      expect(res.status, p).toBe(200);
      return res.json() as Promise<unknown>;
    };
    expect(StatsResponse.parse(await get('/api/stats')).nodes.Paper).toBe(11);

    const line = must(readFileSync('test/fixtures/arxiv-jsonl/arxiv-sample-200.jsonl', 'utf8').split('\n')[1], 'second line of the JSONL fixture');
    const file = path.join(tmp, 'one.jsonl');
    writeFileSync(file, `${line}\n`);
    await ingest([{ path: file }], graph);
    expect([...(await graph.bookmarks.getBookmarks())].length).toBeGreaterThan(0);

    const stats = StatsResponse.parse(await get('/api/stats'));
    expect(stats.nodes.Paper).toBe(12);
    expect(stats.stale).toBe(false);
    const paper = PaperResponse.parse(await get('/api/papers/0704.0002'));
    expect(paper.paper.id).toBe('0704.0002');
    expect(paper.authors.map((a) => a.name)).toEqual(['Ileana Streinu', 'Louis Theran']);
    const graphView = GraphResponse.parse(await get('/api/graph/coauthors?limit=1000'));
    expect(graphView.nodes.map((n) => n.label)).toContain('Louis Theran');
    GraphResponse.parse(await get('/api/graph/topics'));
    GraphResponse.parse(await get(`/api/graph/coauthors?author=${encodeURIComponent(String(must(graphView.nodes[0], 'graphView.nodes[0]').id))}`));
  });
});
