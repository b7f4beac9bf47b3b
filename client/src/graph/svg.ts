// Pure: a snapshot of the drawn graph (positions, sizes, colours, labels) → a standalone SVG document.
// Written here instead of using cytoscape-svg, whose GPL-3.0 licence does not fit this MIT project.

export interface SvgNode {
  x: number;
  y: number;
  /** Diameter in graph units. */
  size: number;
  color: string;
  label: string;
  fontSize: number;
  labelColor: string;
}

export interface SvgEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: string;
}

export interface SvgSnapshot {
  nodes: SvgNode[];
  edges: SvgEdge[];
  background: string;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const num = (n: number) => (Number.isFinite(n) ? Math.round(n * 100) / 100 : 0);

/** Builds the SVG: edges under nodes, labels under their node; the view box fits everything with a margin. */
export function snapshotToSvg(s: SvgSnapshot, margin = 20): string {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of s.nodes) {
    const r = n.size / 2;
    const labelW = n.label.length * n.fontSize * 0.3;
    minX = Math.min(minX, n.x - r, n.x - labelW);
    maxX = Math.max(maxX, n.x + r, n.x + labelW);
    minY = Math.min(minY, n.y - r);
    maxY = Math.max(maxY, n.y + r + n.fontSize * 1.4);
  }
  if (!Number.isFinite(minX)) [minX, minY, maxX, maxY] = [0, 0, 100, 100];
  const x0 = num(minX - margin);
  const y0 = num(minY - margin);
  const w = num(maxX - minX + 2 * margin);
  const h = num(maxY - minY + 2 * margin);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x0} ${y0} ${w} ${h}" width="${w}" height="${h}" font-family="system-ui, sans-serif">`,
    `<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="${esc(s.background)}"/>`,
    '<g stroke-linecap="round">',
    ...s.edges.map(
      (e) =>
        `<line x1="${num(e.x1)}" y1="${num(e.y1)}" x2="${num(e.x2)}" y2="${num(e.y2)}" stroke="${esc(e.color)}" stroke-width="${num(e.width)}" stroke-opacity="0.7"/>`,
    ),
    '</g>',
    '<g>',
    ...s.nodes.flatMap((n) => [
      `<circle cx="${num(n.x)}" cy="${num(n.y)}" r="${num(n.size / 2)}" fill="${esc(n.color)}"/>`,
      n.label
        ? `<text x="${num(n.x)}" y="${num(n.y + n.size / 2 + n.fontSize * 1.1)}" font-size="${num(n.fontSize)}" text-anchor="middle" fill="${esc(n.labelColor)}">${esc(n.label)}</text>`
        : '',
    ]),
    '</g>',
    '</svg>',
  ];
  return `${out.filter(Boolean).join('\n')}\n`;
}
