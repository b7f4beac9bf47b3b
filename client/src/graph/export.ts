// Exports: the drawn map as PNG/SVG, its elements as JSON/GraphML/CSV (text builders in shared/graph-formats.ts).
import type { Core } from 'cytoscape';
import { graphCsv, toGraphml } from '../../../shared/graph-formats.js';
import { snapshotToSvg } from './svg.js';

type ElementData = Record<string, unknown> & { id: string };

/** Keys worth exporting: the API's own fields, not the drawing encodings added by buildElements. */
const DRAWING_KEYS = new Set(['size', 'fontSize', 'fontBase', 'colour', 'colourKey', 'short', 'width']);

/** The API fields of the drawn elements (drawing encodings removed) as `{nodes, edges}` JSON. */
export function elementsJson(cy: Core): { nodes: ElementData[]; edges: (ElementData & { source: string; target: string })[] } {
  const strip = (d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).filter(([k]) => !DRAWING_KEYS.has(k)));
  return {
    nodes: cy.nodes().map((n) => strip(n.data()) as ElementData),
    edges: cy.edges().map((e) => strip(e.data()) as ElementData & { source: string; target: string }),
  };
}

/** The drawn map's API fields as GraphML (shared/graph-formats.ts, the same builder as the server's export). */
export function mapGraphml(cy: Core, graphId: string): string {
  return toGraphml(elementsJson(cy), graphId);
}

/** The drawn map's nodes or edges as a CSV table (shared/graph-formats.ts, the same columns as the server's export). */
export function mapCsv(cy: Core, part: 'nodes' | 'edges'): string {
  return graphCsv(elementsJson(cy)[part], part);
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
