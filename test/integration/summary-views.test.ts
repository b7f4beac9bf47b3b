// Whole-graph views from the stored summary against the real Neo4j: the whole co-author network and the whole topic
// maps give the graph the live reads give, and a warm request to them reads no more than the stored summary.
import type { ManagedTransaction } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cypher } from '../../cypher/index.js';
import { ROWS, type QueryName } from '../../cypher/rows.js';
import { readStoredPart } from '../../db/summary/read.js';
import { ingest } from '../../ingest/pipeline.js';
import { GraphResponse, type CoauthorGraphQuery, type TopicGraphQuery } from '../../schema/graph.js';
import { createApp } from '../../server/app.js';
import { coauthorGraph, wholeNetworkGraph } from '../../server/api/graph/coauthors.service.js';
import { topicGraph, topicMapFromSummary, wholeTopicMap } from '../../server/api/graph/topics.service.js';
import { decodeGraph } from '../../shared/graph-payload.js';
import { must } from '../../core/must.js';
import { resetDatabase, testGraph } from '../support/graph.js';
import { serve } from '../support/http.js';

const FIXTURE = 'test/fixtures/arxiv-jsonl/arxiv-sample-200.jsonl';

describe('whole-graph views from the stored summary', () => {
  const graph = testGraph();
  let api: Awaited<ReturnType<typeof serve>>;
  const byText = new Map((Object.keys(ROWS) as QueryName[]).map((n) => [cypher(n), n]));
  /** Names of the cypher/ queries run through `graph` while `work` runs. */
  const queriesDuring = async (work: () => Promise<unknown>): Promise<string[]> => {
    const names: string[] = [];
    const original = graph.transaction.bind(graph);
    const spy = vi.spyOn(graph, 'transaction').mockImplementation((mode, run, opts, query) =>
      original(
        mode,
        (tx) =>
          run(
            new Proxy(tx, {
              get(target, prop) {
                if (prop !== 'run') return Reflect.get(target, prop);
                return (text: string, params?: unknown) => {
                  names.push(byText.get(text) ?? `(inline) ${text.slice(0, 40)}`);
                  return (target.run as (t: string, p?: unknown) => unknown)(text, params);
                };
              },
            }) as ManagedTransaction,
          ),
        opts,
        query,
      ),
    );
    try {
      await work();
    } finally {
      spy.mockRestore();
    }
    return names;
  };

  beforeAll(async () => {
    await resetDatabase(graph);
    await ingest([{ path: FIXTURE }], graph);
    api = await serve(createApp({ graph }));
  }, 240_000);
  afterAll(async () => {
    await api.close();
    await graph.close();
  });

  const coauthorQuery = (q: Partial<CoauthorGraphQuery>): CoauthorGraphQuery => ({ depth: 1, minWeight: 0, limit: 150, weighting: 'count', ...q });
  const topicQuery = (q: Partial<TopicGraphQuery>): TopicGraphQuery => ({ minCooccurrence: 1, limit: 100, mode: 'cooccurrence', ...q });

  it('draws the whole co-author network from the summary exactly as the live reads do', async () => {
    const part = must((await readStoredPart(graph, 'coauthors')).data, 'stored coauthors part');
    expect(part.top.length).toBeGreaterThan(100);
    let edges = 0;
    for (const q of [
      coauthorQuery({ limit: 5 }),
      coauthorQuery({ limit: 40 }),
      coauthorQuery({ limit: 150, weighting: 'fractional' }),
      coauthorQuery({ limit: 1000 }),
      coauthorQuery({ limit: 1000, minWeight: 2 }),
    ]) {
      const stored = wholeNetworkGraph(part, q);
      expect(stored, JSON.stringify(q)).toEqual(await coauthorGraph(graph, q));
      edges += stored.edges.length;
    }
    expect(edges).toBeGreaterThan(100);
  });

  it('draws the whole topic maps from the summary as the live reads do', async () => {
    const part = must((await readStoredPart(graph, 'topics')).data, 'stored topics part');
    expect(part.topics.total).toBeGreaterThan(part.edgeTopics);
    // Up to edgeTopics topics: every pair is stored, the map is the live one.
    for (const q of [topicQuery({ limit: 10 }), topicQuery({ limit: 100 }), topicQuery({ limit: 100, minCooccurrence: 2 })]) {
      expect(topicMapFromSummary(part, q), JSON.stringify(q)).toEqual(await topicGraph(graph, q));
    }
    // Wider: each pair drawn is a live pair with the same papers, every live pair among the first edgeTopics is drawn,
    // and each topic keeps its strongest partners.
    const q = topicQuery({ limit: 1000 });
    const wide = decodeGraph(topicMapFromSummary(part, q));
    const live = decodeGraph(await topicGraph(graph, q));
    expect(wide.nodes).toEqual(live.nodes);
    const liveEdges = new Map(live.edges.map((e) => [e.data.id, e.data]));
    for (const e of wide.edges) expect(liveEdges.get(e.data.id), e.data.id).toEqual(e.data);
    const first = new Set(part.topics.top.slice(0, part.edgeTopics).map((t) => t.id));
    const wideIds = new Set(wide.edges.map((e) => e.data.id));
    for (const e of live.edges) if (first.has(e.data.source) && first.has(e.data.target)) expect(wideIds.has(e.data.id), e.data.id).toBe(true);
    expect(wide.edges.length).toBeGreaterThan(live.edges.filter((e) => first.has(e.data.source) && first.has(e.data.target)).length);
    expect(wide.truncated.reasons.join(' ')).toMatch(/strongest co-occurrences/);

    // Bipartite: the fixture's papers with a seed topic are all stored candidates, so the map is the live one.
    for (const b of [topicQuery({ mode: 'bipartite', limit: 100 }), topicQuery({ mode: 'bipartite', limit: 400 })]) {
      const fromSummary = decodeGraph(await wholeTopicMap(graph, part, b));
      const liveB = decodeGraph(await topicGraph(graph, b));
      expect(fromSummary.nodes, JSON.stringify(b)).toEqual(liveB.nodes);
      expect(fromSummary.edges).toEqual(liveB.edges);
      expect(fromSummary.truncated.nodes).toEqual(liveB.truncated.nodes);
      expect(fromSummary.nodes.some((n) => n.data.kind === 'paper')).toBe(true);
    }
  });

  it('reads only the stored summary for a warm whole network and whole topic map, and bounded reads for the bipartite map', async () => {
    const paths = ['/api/graph/coauthors?limit=1000', '/api/graph/topics?limit=1000', '/api/graph/topics?mode=bipartite&limit=1000'];
    for (const p of paths) expect((await fetch(`${api.url}${p}`)).status).toBe(200);
    for (const p of paths.slice(0, 2)) {
      const names = await queriesDuring(async () => {
        const res = await fetch(`${api.url}${p}`);
        expect(res.status).toBe(200);
        GraphResponse.parse(await res.json());
      });
      // The graph version (for the ETag) and the stored part's version: two lookups by key.
      expect(names.sort(), p).toEqual(['summary/read', 'summary/version']);
    }
    const names = await queriesDuring(() => fetch(`${api.url}${paths[2]}`).then((r) => r.arrayBuffer()));
    expect(names.sort()).toEqual(['graph/bipartite-edges', 'graph/bipartite-topics', 'summary/read', 'summary/version']);
  });
});
