// Pure: API graph JSON → Cytoscape element definitions with the visual encodings (size, width, colour, font) in data.
import type { ElementDefinition } from 'cytoscape';
import { detectCommunities } from './communities.js';
import { shortLabel } from './labels.js';
import { categoricalColours, fontSizeForDegree, linearScale, OTHER_COLOUR, sqrtScale } from './scales.js';

/** A graph as Cytoscape elements: what the API layer decodes every graph endpoint's answer into (schema/graph.ts GraphElements). */
export interface GraphPayload {
  nodes: { data: { id: string; label: string } & Record<string, unknown> }[];
  edges: { data: { id: string; source: string; target: string } & Record<string, unknown> }[];
  truncated?: { nodes: { total: number; shown: number }; edges: { total: number; shown: number } };
}

export type ColourBy = 'community' | 'category';

export interface LegendEntry {
  key: string;
  label: string;
  colour: string;
  count: number;
}

export interface BuiltElements {
  nodes: ElementDefinition[];
  edges: ElementDefinition[];
  legend: LegendEntry[];
}

export interface BuildOptions {
  colourBy: ColourBy;
  /** Node size range in model px. */
  nodeSize?: [number, number];
  /** Edge width range in model px. */
  edgeWidth?: [number, number];
  seed?: number;
  /** The node(s) the map is centred on (drawn with a ring). */
  focus?: readonly string[];
}

/**
 * Node diameter range by graph size: big discs make a 20-node ego network readable but turn a 1,000-node one into a
 * carpet, so the range shrinks as the node count grows.
 */
export function nodeSizeRange(n: number): [number, number] {
  if (n <= 100) return [18, 64];
  if (n <= 400) return [12, 44];
  return [7, 30];
}

/** First finite number among `keys` of `data` (the API names counts `papers`, `weight`, `count` depending on kind). */
export function numberField(data: Record<string, unknown>, keys: readonly string[], fallback = 0): number {
  for (const k of keys) {
    const v = data[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return fallback;
}

/** First non-empty string among `keys` of `data`. */
export function stringField(data: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = data[k];
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}

/** The "size" of a node: papers for authors and topics, 1 for a paper. */
export function nodeWeight(data: Record<string, unknown>): number {
  return numberField(data, ['papers', 'paperCount', 'count', 'size'], 1);
}

/** The "strength" of an edge: joint papers (or fractional weight), co-occurrences. */
export function edgeWeight(data: Record<string, unknown>): number {
  return numberField(data, ['weight', 'papers', 'count', 'cooccurrence'], 1);
}

/** The node's kind (author, topic, paper), read from the data or guessed from the id prefix. */
export function nodeKind(data: Record<string, unknown>): string {
  return stringField(data, ['kind', 'type']) ?? 'author';
}

/** The node's primary category code, if the API sent one. */
export function nodeCategory(data: Record<string, unknown>): string | undefined {
  const direct = stringField(data, ['category', 'primaryCategory']);
  if (direct) return direct;
  const list = data.categories;
  return Array.isArray(list) && typeof list[0] === 'string' ? list[0] : undefined;
}

/** Undirected key of an edge, so A–B and B–A merge into one (co-authorship has no direction). */
export function edgeKey(source: string, target: string): string {
  return source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
}

/**
 * Unions several payloads (the base ego network plus expansions). A node or edge seen twice keeps the first one's
 * fields, except numbers, which keep the larger value (an expansion may count more joint papers than a truncated base).
 */
export function mergePayloads(payloads: readonly GraphPayload[]): GraphPayload {
  const nodes = new Map<string, GraphPayload['nodes'][number]>();
  const edges = new Map<string, GraphPayload['edges'][number]>();
  const mergeData = <T extends Record<string, unknown>>(a: T, b: T): T => {
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) {
      const old = out[k];
      if (old === undefined) out[k] = v;
      else if (typeof old === 'number' && typeof v === 'number') out[k] = Math.max(old, v);
    }
    return out as T;
  };
  for (const p of payloads) {
    for (const n of p.nodes) {
      const old = nodes.get(n.data.id);
      nodes.set(n.data.id, old ? { data: mergeData(old.data, n.data) } : { data: { ...n.data } });
    }
    for (const e of p.edges) {
      const k = edgeKey(e.data.source, e.data.target);
      const old = edges.get(k);
      edges.set(k, old ? { data: mergeData(old.data, e.data) } : { data: { ...e.data } });
    }
  }
  const first = payloads[0]?.truncated;
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].filter((e) => nodes.has(e.data.source) && nodes.has(e.data.target)),
    ...(first ? { truncated: first } : {}),
  };
}

/**
 * Builds Cytoscape elements: `size` from papers (sqrt), `width` from joint papers (linear), `colour` by community
 * (seeded Louvain) or primary category, `fontSize` by degree, `short` label; plus the legend for the colouring.
 */
export function buildElements(payload: GraphPayload, opts: BuildOptions): BuiltElements {
  const [nMin, nMax] = opts.nodeSize ?? nodeSizeRange(payload.nodes.length);
  // Labels shrink with the discs on dense graphs, so they read as captions of their node (zoom in to read them).
  const fontFactor = payload.nodes.length <= 100 ? 1 : payload.nodes.length <= 400 ? 0.85 : 0.6;
  const [eMin, eMax] = opts.edgeWidth ?? [1, 8];
  const focus = new Set(opts.focus ?? []);

  const degree = new Map<string, number>();
  for (const e of payload.edges) {
    degree.set(e.data.source, (degree.get(e.data.source) ?? 0) + 1);
    degree.set(e.data.target, (degree.get(e.data.target) ?? 0) + 1);
  }
  const maxDegree = Math.max(0, ...degree.values());

  // Papers in a bipartite topic map are drawn small and fixed so topics and authors stay the landmarks.
  const sized = payload.nodes.filter((n) => nodeKind(n.data) !== 'paper');
  const size = sqrtScale(sized.map((n) => nodeWeight(n.data)), nMin, nMax);
  const width = linearScale(payload.edges.map((e) => edgeWeight(e.data)), eMin, eMax);

  let colourOf: (id: string, data: Record<string, unknown>) => { key: string; colour: string };
  const legend: LegendEntry[] = [];
  if (opts.colourBy === 'community') {
    const comm = detectCommunities(
      payload.nodes.map((n) => n.data.id),
      payload.edges.map((e) => ({ source: e.data.source, target: e.data.target, weight: edgeWeight(e.data) })),
      opts.seed ?? 42,
    );
    const colours = categoricalColours([...comm.values()].map(String));
    colourOf = (id) => {
      const key = String(comm.get(id) ?? 0);
      return { key, colour: colours.get(key) ?? OTHER_COLOUR };
    };
    const counts = new Map<string, number>();
    for (const c of comm.values()) counts.set(String(c), (counts.get(String(c)) ?? 0) + 1);
    for (const [key, count] of [...counts.entries()].sort((a, b) => b[1] - a[1] || Number(a[0]) - Number(b[0]))) {
      legend.push({ key, label: `Community ${Number(key) + 1}`, colour: colours.get(key) ?? OTHER_COLOUR, count });
    }
  } else {
    const cats = payload.nodes.map((n) => nodeCategory(n.data) ?? '');
    const colours = categoricalColours(cats);
    colourOf = (_id, data) => {
      const key = nodeCategory(data) ?? '';
      return { key, colour: colours.get(key) ?? OTHER_COLOUR };
    };
    const counts = new Map<string, number>();
    for (const c of cats) counts.set(c, (counts.get(c) ?? 0) + 1);
    for (const [key, count] of [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
      legend.push({ key, label: key || 'no category', colour: colours.get(key) ?? OTHER_COLOUR, count });
    }
  }
  // Past the palette every group is grey: fold them into one legend row instead of a wall of identical swatches.
  const shown = legend.filter((l) => l.colour !== OTHER_COLOUR || l.key === '');
  const other = legend.filter((l) => l.colour === OTHER_COLOUR && l.key !== '');
  if (other.length > 0) {
    shown.push({ key: '__other', label: `${other.length} more`, colour: OTHER_COLOUR, count: other.reduce((s, l) => s + l.count, 0) });
  }

  const nodes: ElementDefinition[] = payload.nodes.map((n) => {
    const kind = nodeKind(n.data);
    const d = degree.get(n.data.id) ?? 0;
    const { key, colour } = colourOf(n.data.id, n.data);
    return {
      group: 'nodes',
      data: {
        ...n.data,
        kind,
        degree: d,
        weight: nodeWeight(n.data),
        size: kind === 'paper' ? Math.max(7, nMin * 0.6) : Math.round(size(nodeWeight(n.data))),
        fontSize: kind === 'paper' ? 8 * fontFactor : Math.round((fontSizeForDegree(d, maxDegree) + (focus.has(n.data.id) ? 3 : 0)) * fontFactor * 10) / 10,
        colour,
        colourKey: key,
        short: shortLabel(n.data.label, kind === 'paper' ? 28 : 22, kind === 'author' ? 'person' : 'text'),
      },
      classes: focus.has(n.data.id) ? 'focus' : '',
    };
  });
  const edges: ElementDefinition[] = payload.edges.map((e) => ({
    group: 'edges',
    data: { ...e.data, weight: edgeWeight(e.data), width: Math.round(width(edgeWeight(e.data)) * 10) / 10 },
  }));
  return { nodes, edges, legend: shown };
}
