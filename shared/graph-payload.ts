// Pure: the compact graph payload of the graph endpoints (schema/graph.ts GraphResponse) and the Cytoscape elements it
// stands for (GraphElements). The server encodes; the client and the exports decode with the same function.
import type { EdgeField, GraphEdgeData, GraphElements, GraphNodeData, GraphResponse } from '../schema/graph.js';

/** Edge fields in GraphEdgeData order: the order of the tuple values, and of the keys of decoded edge data. */
const FIELD_ORDER: readonly EdgeField[] = ['id', 'kind', 'weight', 'paperCount', 'papers', 'estimated', 'label', 'properties'];
/** Fields sent once in `edgeCommon` when every edge has the same value. */
const COMMON_FIELDS: readonly EdgeField[] = ['kind', 'weight', 'paperCount', 'estimated', 'label'];

/** The id an edge gets when it carries none: `${source}|${target}` (undirected pairs are sent with source < target). */
export function derivedEdgeId(source: string, target: string): string {
  return `${source}|${target}`;
}

type Tuple = unknown[];

/**
 * Elements → payload: nodes once each, edges as `[sourceIndex, targetIndex, ...values]`. Ids equal to
 * derivedEdgeId are left out, fields every edge shares go to `edgeCommon`, paper ids into `paperIds` once each.
 * An edge whose end is not among the nodes is a bug of the caller (graphResponse drops those): it throws.
 */
export function encodeGraph(g: GraphElements): GraphResponse {
  const nodes: GraphNodeData[] = g.nodes.map((n) => n.data);
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n.id, i));
  const edges: Record<string, unknown>[] = g.edges.map((e) => {
    const { id, ...rest } = e.data;
    return id === derivedEdgeId(e.data.source, e.data.target) ? rest : e.data;
  });

  const edgeCommon: Record<string, unknown> = {};
  const first = edges[0];
  if (first) {
    for (const f of COMMON_FIELDS) {
      const v = first[f];
      if (v !== undefined && edges.every((e) => e[f] === v)) edgeCommon[f] = v;
    }
  }
  const edgeFields = FIELD_ORDER.filter((f) => !(f in edgeCommon) && edges.some((e) => e[f] !== undefined));

  const paperIds: string[] = [];
  const paperIndex = new Map<string, number>();
  const paperRef = (id: string) => {
    let i = paperIndex.get(id);
    if (i === undefined) {
      i = paperIds.length;
      paperIndex.set(id, i);
      paperIds.push(id);
    }
    return i;
  };

  const tuples = edges.map((e, i) => {
    const ends = [e.source, e.target].map((id) => {
      const at = index.get(id as string);
      if (at === undefined) throw new Error(`encodeGraph: edge ${i} (${String(e.source)} → ${String(e.target)}) ends at ${String(id)}, which is not a node of the graph`);
      return at;
    });
    const tuple: Tuple = [...ends];
    for (const f of edgeFields) {
      const v = e[f];
      tuple.push(v === undefined ? null : f === 'papers' ? (v as string[]).map(paperRef) : v);
    }
    while (tuple.length > 2 && tuple[tuple.length - 1] === null) tuple.pop();
    return tuple;
  });

  return { nodes, edgeCommon, edgeFields, paperIds, edges: tuples, truncated: g.truncated };
}

/** Payload → elements, the exact inverse of encodeGraph: every edge gets its source, target and id back. */
export function decodeGraph(g: GraphResponse): GraphElements {
  const nodes = g.nodes;
  const nodeId = (i: unknown, edge: number): string => {
    const n = typeof i === 'number' ? nodes[i] : undefined;
    if (!n) throw new Error(`decodeGraph: edge ${edge} refers to node ${String(i)}, but the graph has ${nodes.length} nodes`);
    return n.id;
  };
  const at = new Map(g.edgeFields.map((f, i) => [f, 2 + i]));
  const edges = (g.edges as Tuple[]).map((t, i) => {
    const source = nodeId(t[0], i);
    const target = nodeId(t[1], i);
    const data: Record<string, unknown> = {};
    const value = (f: EdgeField): unknown => {
      const pos = at.get(f);
      const v = pos === undefined ? (g.edgeCommon as Record<string, unknown>)[f] : t[pos];
      return v === null ? undefined : v;
    };
    const id = value('id');
    data.id = id ?? derivedEdgeId(source, target);
    data.source = source;
    data.target = target;
    for (const f of FIELD_ORDER) {
      if (f === 'id') continue;
      const v = value(f);
      if (v === undefined) continue;
      data[f] = f === 'papers' ? (v as number[]).map((p) => g.paperIds[p] ?? paperMissing(p, i, g.paperIds.length)) : v;
    }
    return { data: data as GraphEdgeData };
  });
  return { nodes: nodes.map((data) => ({ data })), edges, truncated: g.truncated };
}

function paperMissing(p: number, edge: number, count: number): never {
  throw new Error(`decodeGraph: edge ${edge} refers to paper ${p}, but the graph has ${count} paperIds`);
}
