// The compact graph payload (shared/graph-payload.ts): encode → decode gives back exactly the elements, the schema
// accepts what the encoder writes and rejects tuples that point nowhere.
import { describe, expect, it } from 'vitest';
import { GraphResponse, type GraphEdgeData, type GraphElements, type GraphNodeData } from '../../../schema/graph.js';
import { decodeGraph, derivedEdgeId, encodeGraph } from '../../../shared/graph-payload.js';

const truncated = (n: number, e: number) => ({ nodes: { total: n, shown: n }, edges: { total: e, shown: e }, reasons: [] });
const graph = (nodes: GraphNodeData[], edges: GraphEdgeData[]): GraphElements => ({
  nodes: nodes.map((data) => ({ data })),
  edges: edges.map((data) => ({ data })),
  truncated: truncated(nodes.length, edges.length),
});
const author = (id: string, extra: Partial<GraphNodeData> = {}): GraphNodeData => ({ id, label: id.slice(5), kind: 'author', ref: id, papers: 3, ...extra });
const coauthor = (a: string, b: string, papers: string[], extra: Partial<GraphEdgeData> = {}): GraphEdgeData => ({
  id: `${a}|${b}`,
  source: a,
  target: b,
  kind: 'coauthor',
  weight: papers.length,
  paperCount: papers.length,
  papers,
  ...extra,
});

/** Encodes, checks the payload against the schema (as the client does), decodes. */
function roundTrip(g: GraphElements): { wire: GraphResponse; back: GraphElements } {
  const wire = encodeGraph(g);
  const parsed = GraphResponse.parse(JSON.parse(JSON.stringify(wire)));
  return { wire, back: decodeGraph(parsed) };
}

describe('encodeGraph / decodeGraph', () => {
  it('gives back a co-author graph exactly, with each node id and paper id sent once', () => {
    const g = graph(
      [author('name:ann lee', { ego: true, depth: 0, category: 'cs.CV' }), author('name:bo wu', { depth: 1, category: null }), author('name:cy li', { depth: 1 })],
      [
        coauthor('name:ann lee', 'name:bo wu', ['2101.00001', '2101.00002']),
        coauthor('name:ann lee', 'name:cy li', ['2101.00001'], { estimated: true }),
        coauthor('name:bo wu', 'name:cy li', ['2101.00001'], { weight: 0.5 }),
      ],
    );
    const { wire, back } = roundTrip(g);
    expect(back).toEqual(g);
    expect(wire.edgeCommon).toEqual({ kind: 'coauthor' });
    expect(wire.paperIds).toEqual(['2101.00001', '2101.00002']);
    expect(wire.edges[0]).toEqual([0, 1, 2, 2, [0, 1]]);
    // Node ids appear once each (in the nodes' id and ref), never in the edges.
    const text = JSON.stringify(wire);
    expect(text.split('name:bo wu').length - 1).toBe(2);
    expect(text.split('2101.00001').length - 1).toBe(1);
  });

  it('keeps console relationships: their own ids, labels and properties, in either direction', () => {
    const nodes: GraphNodeData[] = [
      { id: '4:x:1', label: 'A', kind: 'author', labels: ['Author'], properties: { name: 'A' } },
      { id: '4:x:2', label: '', kind: 'node', placeholder: true },
    ];
    const g = graph(nodes, [
      { id: '5:x:9', source: '4:x:2', target: '4:x:1', kind: 'relationship', label: 'AUTHORED', properties: { position: 1, list: [1, 'b'] } },
      { id: '5:x:10', source: '4:x:1', target: '4:x:2', kind: 'relationship', label: 'CITES', properties: {} },
    ]);
    const { wire, back } = roundTrip(g);
    expect(back).toEqual(g);
    expect(wire.edgeFields).toEqual(['id', 'label', 'properties']);
    expect(wire.edgeCommon).toEqual({ kind: 'relationship' });
  });

  it('derives the ids of bipartite edges and keeps mixed kinds and missing values', () => {
    const g = graph(
      [
        { id: 'paper:p1', label: 'P', kind: 'paper', ref: 'p1', year: null },
        { id: 'topic:t', label: 't', kind: 'topic', ref: 't', papers: 4 },
        { id: 'topic:u', label: 'u', kind: 'topic', ref: 'u', papers: 2 },
      ],
      [
        { id: derivedEdgeId('paper:p1', 'topic:t'), source: 'paper:p1', target: 'topic:t', kind: 'has_topic', weight: 0.25 },
        { id: 'topic:t|topic:u', source: 'topic:t', target: 'topic:u', kind: 'cooccurrence', weight: 3, paperCount: 3, papers: [] },
      ],
    );
    const { wire, back } = roundTrip(g);
    expect(back).toEqual(g);
    expect(wire.edgeFields).toEqual(['kind', 'weight', 'paperCount', 'papers']);
    // The HAS_TOPIC edge has no paperCount or papers: its tuple stops after the weight.
    expect(wire.edges[0]).toEqual([0, 1, 'has_topic', 0.25]);
  });

  it('round-trips an empty graph', () => {
    const g = graph([], []);
    const { wire, back } = roundTrip(g);
    expect(back).toEqual(g);
    expect(wire).toMatchObject({ nodes: [], edges: [], edgeFields: [], paperIds: [], edgeCommon: {} });
  });

  it('refuses an edge to a node that is not in the graph', () => {
    const g = graph([author('name:a')], [coauthor('name:a', 'name:zz', [])]);
    expect(() => encodeGraph(g)).toThrow(/ends at name:zz, which is not a node/);
  });

  it('is a small fraction of the elements for a dense 150-node map', () => {
    const ids = Array.from({ length: 150 }, (_, i) => `name:author number ${i} of the hub`);
    const edges: GraphEdgeData[] = [];
    ids.forEach((a, i) =>
      ids.slice(i + 1).forEach((b, k) => {
        if (edges.length < 5000) edges.push(coauthor(a, b, [`2301.${String((i * 7 + i + 1 + k) % 400).padStart(5, '0')}`]));
      }),
    );
    const g = graph(ids.map((id) => author(id, { depth: 1, category: 'cs.LG', ego: false })), edges);
    const { wire, back } = roundTrip(g);
    expect(back).toEqual(g);
    const compact = JSON.stringify(wire).length;
    const full = JSON.stringify(g).length;
    expect(compact).toBeLessThan(150_000);
    expect(compact * 5).toBeLessThan(full);
  });
});

describe('GraphResponse (the wire schema)', () => {
  const valid = encodeGraph(
    graph([author('name:a'), author('name:b'), author('name:c')], [coauthor('name:a', 'name:b', ['p1']), coauthor('name:a', 'name:c', ['p1', 'p2'])]),
  );
  const issues = (g: unknown) => GraphResponse.safeParse(g).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('accepts what encodeGraph writes', () => {
    expect(issues(valid)).toEqual([]);
  });

  it('names the edge and position of a node index out of range', () => {
    expect(valid.edgeFields).toEqual(['weight', 'paperCount', 'papers']);
    expect(issues({ ...valid, edges: [[0, 3, 1, 1, [0]]] })).toEqual(['edges.0.1: is not the index of one of the 3 nodes']);
    expect(issues({ ...valid, edges: [[-1, 1.5]] })).toEqual(['edges.0.0: is not the index of one of the 3 nodes', 'edges.0.1: is not the index of one of the 3 nodes']);
  });

  it('names a paper index past paperIds, a value of the wrong type, and too many values', () => {
    expect(issues({ ...valid, edges: [[0, 1, 1, 1, [3]]] })).toEqual(['edges.0.4: points past the 2 paperIds']);
    expect(issues({ ...valid, edges: [[0, 1, 'heavy']] })).toEqual(['edges.0.2: is not a valid weight']);
    expect(issues({ ...valid, edges: [[0, 1, 1, 1, [0], 9]] })).toEqual(['edges.0.5: holds 4 values for 3 edgeFields']);
  });
});
