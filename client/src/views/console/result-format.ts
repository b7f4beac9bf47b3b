// Pure: console result values → short table text, and the result graph → Cytoscape elements coloured by label.
import { must } from '../../../../shared/must.js';
import type { ElementDefinition } from 'cytoscape';
import { PlainNode, PlainPath, PlainRelationship } from '../../../../schema/cypher.js';
import type { GraphElements } from '../../../../schema/graph.js';
import { labelsText, nodeCaption } from '../../../../shared/node-caption.js';
import { shortLabel } from '../../graph/labels.js';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
// The tag is checked first: most cells are plain values and maps, and only tagged ones are worth a full parse.
const isNode = (v: unknown): v is PlainNode => isObj(v) && v.kind === 'node' && PlainNode.safeParse(v).success;
const isRel = (v: unknown): v is PlainRelationship => isObj(v) && v.kind === 'relationship' && PlainRelationship.safeParse(v).success;
const isPath = (v: unknown): v is PlainPath => isObj(v) && v.kind === 'path' && PlainPath.safeParse(v).success;

/** A node's caption in the console: its caption property, else its labels (`:Label`). */
const consoleCaption = (labels: readonly string[], properties: Record<string, unknown>) => nodeCaption(labels, properties, labelsText);

function inner(v: unknown, depth: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return depth === 0 ? v : JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isNode(v)) return `(:${v.labels.join(':')} ${JSON.stringify(consoleCaption(v.labels, v.properties))})`;
  if (isRel(v)) {
    const props = Object.keys(v.properties);
    return props.length ? `[:${v.type} {${props.map((k) => `${k}: ${inner(v.properties[k], depth + 1)}`).join(', ')}}]` : `[:${v.type}]`;
  }
  if (isPath(v)) {
    // Each hop shows its direction: a path may walk a relationship against its arrow (Author→Paper←Author).
    let out = `(${consoleCaption(v.nodes[0]?.labels ?? [], v.nodes[0]?.properties ?? {})})`;
    v.relationships.forEach((r, i) => {
      const from = v.nodes[i];
      const to = v.nodes[i + 1];
      const forward = !from || r.startElementId === from.elementId;
      out += forward ? `-[:${r.type}]->` : `<-[:${r.type}]-`;
      out += `(${consoleCaption(to?.labels ?? [], to?.properties ?? {})})`;
    });
    return out;
  }
  if (Array.isArray(v)) return `[${v.map((x) => inner(x, depth + 1)).join(', ')}]`;
  if (isObj(v)) return `{${Object.entries(v).map(([k, x]) => `${k}: ${inner(x, depth + 1)}`).join(', ')}}`;
  return String(v);
}

/**
 * A value as one line of table text: strings as they are, nodes as `(:Label "caption")`, relationships as
 * `[:TYPE {props}]`, paths as their hops with direction, lists and maps Cypher-style.
 */
export function displayCell(value: unknown): string {
  return inner(value, 0);
}

/** Each result row as an object keyed by column (the JSON tab), in column order. */
export function rowsAsObjects(columns: readonly string[], rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
}

/** Rows as arrays in column order (the table and CSV). */
export function rowsAsArrays(columns: readonly string[], rows: readonly Record<string, unknown>[]): unknown[][] {
  return rows.map((r) => columns.map((c) => r[c] ?? null));
}

const STUB_COLOUR = '#9a9aa8';

/** Fixed colours for the graph model's labels, so an Author looks the same in every result. */
export const LABEL_COLOURS: Record<string, string> = {
  Author: '#4e79a7',
  Paper: '#e15759',
  Topic: '#f28e2b',
  Category: '#59a14f',
  Stub: STUB_COLOUR,
};
const EXTRA_COLOURS = ['#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#0072b2'];

/** A node's colour: its first label with a fixed colour, else a stable palette colour from the label's name. */
export function labelColour(labels: readonly string[]): string {
  // Stub before Paper: a cited-only work is (:Paper:Stub) and should look different from an ingested paper.
  if (labels.includes('Stub')) return STUB_COLOUR;
  for (const l of labels) {
    const colour = LABEL_COLOURS[l];
    if (colour) return colour;
  }
  const name = labels[0] ?? '';
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return must(EXTRA_COLOURS[h % EXTRA_COLOURS.length], 'an extra label colour');
}

/**
 * The result graph as Cytoscape elements: nodes captioned by name/title (the API's label may be a long title, so it is
 * shortened for the canvas), coloured by label; relationships labelled by type. Placeholders (endpoints of returned
 * relationships whose nodes were not returned) stay visible but faded.
 */
export function consoleElements(graph: Pick<GraphElements, 'nodes' | 'edges'>, maxCaption = 28): ElementDefinition[] {
  const nodes = graph.nodes.map((n) => {
    const d = n.data;
    const labels = d.labels ?? [];
    const full = d.properties ? consoleCaption(labels, d.properties) : d.label;
    const caption = shortLabel(full, maxCaption, labels.includes('Author') ? 'person' : 'text');
    return {
      data: {
        ...d,
        caption,
        fullCaption: full,
        colour: labelColour(labels),
        labelsText: labels.join(':'),
        placeholder: d.placeholder === true,
      },
    };
  });
  const ids = new Set(nodes.map((n) => n.data.id));
  // An edge whose endpoint is missing would make Cytoscape throw; the API should never send one, but a cut graph might.
  const edges = graph.edges
    .filter((e) => ids.has(e.data.source) && ids.has(e.data.target))
    .map((e) => ({ data: { ...e.data, type: e.data.label ?? e.data.kind } }));
  return [...nodes, ...edges];
}

/**
 * Stretches a layout towards the panel's aspect ratio (at most 2.5× on one axis). A force layout comes out roughly
 * square, and fitting a square into the wide results panel would leave most of it empty and the labels tiny.
 */
export function fitAspect(positions: Record<string, { x: number; y: number }>, aspect: number): Record<string, { x: number; y: number }> {
  const pts = Object.values(positions);
  if (pts.length < 2 || !Number.isFinite(aspect) || aspect <= 0) return positions;
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const w = Math.max(...xs) - Math.min(...xs);
  const hgt = Math.max(...ys) - Math.min(...ys);
  if (w <= 0 || hgt <= 0) return positions;
  const ratio = aspect / (w / hgt);
  const sx = ratio > 1 ? Math.min(2.5, ratio) : 1;
  const sy = ratio < 1 ? Math.min(2.5, 1 / ratio) : 1;
  return Object.fromEntries(Object.entries(positions).map(([id, p]) => [id, { x: p.x * sx, y: p.y * sy }]));
}
