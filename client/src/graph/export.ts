// Exports: the drawn map as PNG/SVG, its elements as JSON/GraphML, tables as CSV (builders are pure and unit-tested).
import type { Core } from 'cytoscape';
import { toCsv as tableCsv } from './csv.js';
import { snapshotToSvg } from './svg.js';

/** A CSV field (graph/csv.ts) with spreadsheet-formula protection: a title starting with = stays text. */
export { csvField } from './csv.js';

/** A CSV document (CRLF line ends, header row first) of `rows` restricted to `columns`, formulas protected. */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  return tableCsv(columns, rows.map((r) => columns.map((c) => r[c])));
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

type ElementData = Record<string, unknown> & { id: string };

/** Keys worth exporting: the API's own fields, not the drawing encodings added by buildElements. */
const DRAWING_KEYS = new Set(['size', 'fontSize', 'fontBase', 'colour', 'colourKey', 'short', 'width']);

/**
 * A GraphML document (undirected) of nodes and edges with every scalar data field declared as a typed key, which
 * Gephi, yEd, Cytoscape desktop and networkx read.
 */
export function toGraphML(nodes: readonly ElementData[], edges: readonly (ElementData & { source: string; target: string })[]): string {
  const keys = new Map<string, { for: 'node' | 'edge'; name: string; type: 'string' | 'double' | 'boolean' }>();
  const declare = (kind: 'node' | 'edge', data: Record<string, unknown>, skip: Set<string>) => {
    for (const [k, v] of Object.entries(data)) {
      if (skip.has(k) || DRAWING_KEYS.has(k) || v === null || v === undefined || typeof v === 'object') continue;
      const id = `${kind}_${k}`;
      const type = typeof v === 'number' ? 'double' : typeof v === 'boolean' ? 'boolean' : 'string';
      const old = keys.get(id);
      if (!old) keys.set(id, { for: kind, name: k, type });
      else if (old.type !== type) old.type = 'string';
    }
  };
  for (const n of nodes) declare('node', n, new Set(['id']));
  for (const e of edges) declare('edge', e, new Set(['id', 'source', 'target']));
  const dataLines = (kind: 'node' | 'edge', data: Record<string, unknown>) =>
    [...keys.entries()]
      .filter(([id, k]) => k.for === kind && data[k.name] !== undefined && data[k.name] !== null && id)
      .filter(([, k]) => typeof data[k.name] !== 'object')
      .map(([id, k]) => `      <data key="${xmlEscape(id)}">${xmlEscape(String(data[k.name]))}</data>`);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...[...keys.entries()].map(
      ([id, k]) => `  <key id="${xmlEscape(id)}" for="${k.for}" attr.name="${xmlEscape(k.name)}" attr.type="${k.type}"/>`,
    ),
    '  <graph id="G" edgedefault="undirected">',
  ];
  for (const n of nodes) out.push(`    <node id="${xmlEscape(n.id)}">`, ...dataLines('node', n), '    </node>');
  for (const e of edges) {
    out.push(
      `    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">`,
      ...dataLines('edge', e),
      '    </edge>',
    );
  }
  out.push('  </graph>', '</graphml>');
  return `${out.join('\n')}\n`;
}

/** The API fields of the drawn elements (drawing encodings removed) as `{nodes, edges}` JSON. */
export function elementsJson(cy: Core): { nodes: ElementData[]; edges: (ElementData & { source: string; target: string })[] } {
  const strip = (d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).filter(([k]) => !DRAWING_KEYS.has(k)));
  return {
    nodes: cy.nodes().map((n) => strip(n.data()) as ElementData),
    edges: cy.edges().map((e) => strip(e.data()) as ElementData & { source: string; target: string }),
  };
}

/** Saves `content` as a file via a temporary link. */
export function download(filename: string, content: Blob | string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: `${type};charset=utf-8` }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The whole graph (not just the viewport) as a PNG at 2× for print, on the theme's background. */
export function exportPng(cy: Core, filename: string, background: string): void {
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: background, maxWidth: 8000, maxHeight: 8000 });
  download(filename, blob);
}

/** The whole graph as SVG (drawn positions, sizes, colours and labels), for vector tools. */
export function exportSvg(cy: Core, filename: string, background: string): void {
  const px = (v: string) => Number.parseFloat(v) || 0;
  const svg = snapshotToSvg({
    background,
    nodes: cy.nodes(':visible').map((n) => ({
      x: n.position('x'),
      y: n.position('y'),
      size: n.width(),
      color: n.style('background-color'),
      label: String(n.data('label') ?? ''),
      fontSize: px(n.style('font-size')),
      labelColor: n.style('color'),
    })),
    edges: cy.edges(':visible').map((e) => ({
      x1: e.source().position('x'),
      y1: e.source().position('y'),
      x2: e.target().position('x'),
      y2: e.target().position('y'),
      width: px(e.style('width')),
      color: e.style('line-color'),
    })),
  });
  download(filename, svg, 'image/svg+xml');
}

/** Safe file-name stem from a label. */
export function fileStem(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'graph';
}
