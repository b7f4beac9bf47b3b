// /api/export/graph against the real Neo4j on the sample listing: the same graph as /api/graph/*, as JSON, GraphML, CSV.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ErrorBody } from '../../schema/api.js';
import { GraphElements, GraphResponse, PathResponse } from '../../schema/graph.js';
import { decodeGraph } from '../../shared/graph-payload.js';
import { expectUnavailable503, useSampleApi } from '../support/api.js';
import { must } from '../../core/must.js';

const api = useSampleApi({ resetAfter: true });
const { graph } = api;

async function authorId(name: string): Promise<string> {
  const rows = await graph.transaction('READ', async (tx) => (await tx.run('MATCH (a:Author {name: $name}) RETURN a.id AS id', { name })).records);
  return String(must(rows[0], 'rows[0]').get('id'));
}

/** A graph endpoint's compact answer, decoded as the client decodes it. */
const liveGraph = async (path: string, params: Record<string, string | number>) => decodeGraph(GraphResponse.parse(await (await fetch(url(path, params))).json()));

const url = (path: string, params: Record<string, string | number>) =>
  `${api.url()}${path}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;

describe('GET /api/export/graph', () => {
  it('JSON: an attachment holding exactly what /api/graph/coauthors answers, as Cytoscape elements', async () => {
    const truhn = await authorId('Daniel Truhn');
    const params = { author: truhn, depth: 2, weighting: 'fractional' };
    const res = await fetch(url('/api/export/graph', { kind: 'coauthors', ...params }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="papergraph-coauthors.json"');
    const exported = GraphElements.parse(await res.json());
    const live = await liveGraph('/api/graph/coauthors', params);
    expect(exported).toEqual(live);
    expect(exported.nodes).toHaveLength(7);
  });

  it('GraphML: valid XML with every node and edge, attributes escaped and typed', async () => {
    const res = await fetch(url('/api/export/graph', { kind: 'topics', limit: 15, format: 'graphml' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/graphml\+xml/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="papergraph-topics.graphml"');
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const live = await liveGraph('/api/graph/topics', { limit: 15 });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['node', 'edge', 'data', 'key'].includes(n) }).parse(xml);
    const nodes = doc.graphml.graph.node as { '@id': string }[];
    const edges = doc.graphml.graph.edge as { '@id': string; '@source': string; '@target': string }[];
    expect(nodes.map((n) => n['@id'])).toEqual(live.nodes.map((n) => n.data.id));
    expect(edges.map((e) => [e['@id'], e['@source'], e['@target']])).toEqual(live.edges.map((e) => [e.data.id, e.data.source, e.data.target]));
    expect(xml).toContain('attr.name="papers" attr.type="long"');
  });

  it("GraphML of a co-author map carries each author's category as a string key", async () => {
    const truhn = await authorId('Daniel Truhn');
    const xml = await (await fetch(url('/api/export/graph', { kind: 'coauthors', author: truhn, format: 'graphml' }))).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<key id="n_category" for="node" attr.name="category" attr.type="string"/>');
    expect(xml).toContain(`<node id="${truhn}">`);
    expect(xml).toContain('<data key="n_category">cs.CV</data>');
  });

  it('GraphML escapes titles with quotes and ampersands (bipartite papers)', async () => {
    const res = await fetch(url('/api/export/graph', { kind: 'topics', mode: 'bipartite', limit: 60, format: 'graphml' }));
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    // "What Does DALL-E 2 Know About Radiology?" etc. come back intact through the parser.
    const live = await liveGraph('/api/graph/topics', { mode: 'bipartite', limit: 60 });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['node', 'data'].includes(n) }).parse(xml);
    const labels = (doc.graphml.graph.node as { data: { '@key': string; '#text': unknown }[] }[]).map((n) =>
      String(must(n.data.find((d) => d['@key'] === 'n_label'), 'n.data.find((d) => d["@key"] === "n_label")')['#text']),
    );
    expect(labels).toEqual(live.nodes.map((n) => n.data.label));
  });

  it('CSV: nodes or edges per download, header first, one row per element', async () => {
    const truhn = await authorId('Daniel Truhn');
    const nodesRes = await fetch(url('/api/export/graph', { kind: 'coauthors', author: truhn, format: 'csv' }));
    expect(nodesRes.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(nodesRes.headers.get('content-disposition')).toBe('attachment; filename="papergraph-coauthors-nodes.csv"');
    const nodeLines = (await nodesRes.text()).trimEnd().split('\r\n');
    expect(nodeLines[0]).toBe('id,label,kind,ref,papers,category,ego,depth');
    expect(nodeLines.slice(1).sort()).toEqual(
      [
        `${truhn},Daniel Truhn,author,${truhn},1,cs.CV,true,0`,
        'name:felix busch,Felix Busch,author,name:felix busch,2,cs.CL,false,1',
        'name:lisa c adams,Lisa C. Adams,author,name:lisa c adams,2,cs.CL,false,1',
      ].sort(),
    );
    const edgesRes = await fetch(url('/api/export/graph', { kind: 'coauthors', author: truhn, format: 'csv', part: 'edges' }));
    expect(edgesRes.headers.get('content-disposition')).toBe('attachment; filename="papergraph-coauthors-edges.csv"');
    const edgeLines = (await edgesRes.text()).trimEnd().split('\r\n');
    expect(edgeLines[0]).toBe('id,source,target,kind,weight,paperCount,papers');
    expect(edgeLines).toHaveLength(4);
  });

  it('exports a path graph', async () => {
    const [truhn, dorfner] = await Promise.all([authorId('Daniel Truhn'), authorId('Felix J. Dorfner')]);
    const res = await fetch(url('/api/export/graph', { kind: 'path', from: truhn, to: dorfner }));
    expect(res.status).toBe(200);
    const exported = GraphElements.parse(await res.json());
    const live = PathResponse.parse(await (await fetch(url('/api/graph/path', { from: truhn, to: dorfner }))).json());
    expect(exported).toEqual(decodeGraph(live.graph));
    expect(exported.nodes.map((n) => n.data.label)).toEqual(['Daniel Truhn', 'Felix Busch', 'Felix J. Dorfner']);
  });

  it('400 names the parameter; 404 for unknown ids', async () => {
    for (const [params, name] of [
      [{}, 'kind'],
      [{ kind: 'people' }, 'kind'],
      [{ kind: 'coauthors', format: 'pdf' }, 'format'],
      [{ kind: 'coauthors', format: 'csv', part: 'both' }, 'part'],
      [{ kind: 'path', from: 'a' }, 'to'],
      [{ kind: 'coauthors', depth: 9 }, 'depth'],
    ] as [Record<string, string | number>, string][]) {
      const res = await fetch(url('/api/export/graph', params));
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(res.headers.get('content-disposition')).toBeNull();
      expect(ErrorBody.parse(await res.json()).error.message).toContain(`'${name}'`);
    }
    const unknown: Record<string, string>[] = [
      { kind: 'coauthors', author: 'name:nobody' },
      { kind: 'topics', topic: 'nope' },
      { kind: 'path', from: 'name:nobody', to: 'x' },
    ];
    for (const params of unknown) {
      const res = await fetch(url('/api/export/graph', { ...params, format: 'graphml' }));
      expect(res.status).toBe(404);
      expect(ErrorBody.parse(await res.json()).error.code).toBe('not_found');
    }
  });

  it('503 when Neo4j is down, no credentials', async () => {
    await expectUnavailable503('/api/export/graph?kind=topics&format=csv');
  });
});
