// The console's Graph tab: the result's nodes and relationships on the graph canvas, a legend of labels, an inspector.
import type { StylesheetJson } from 'cytoscape';
import { h } from '../../components/dom.js';
import { createInspector } from '../../components/inspector.js';
import { renderLegend, type LegendItem } from '../../components/legend.js';
import { GraphCanvas } from '../../graph/canvas.js';
import type { GraphTheme } from '../../graph/theme.js';
import type { CypherResponse } from '../../../../schema/cypher.js';
import { consoleElements, displayCell, fitAspect } from './result-format.js';

/** The result graph's stylesheet in theme `c`: nodes coloured by label, relationships labelled by type when zoomed in. */
export function consoleStyle(c: GraphTheme): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: 'data(caption)',
        color: c.fg,
        'font-size': 12,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': c.card,
        'text-outline-width': 2,
        width: 26,
        height: 26,
        'border-width': 1.5,
        'border-color': c.card,
      },
    },
    { selector: 'node[?placeholder]', style: { opacity: 0.45, 'border-style': 'dashed', 'border-color': c.muted } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': c.fg } },
    {
      selector: 'edge',
      style: {
        width: 1.4,
        'line-color': c.muted,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': c.muted,
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(type)',
        'font-size': 8,
        color: c.muted,
        'text-rotation': 'autorotate',
        'text-outline-color': c.card,
        'text-outline-width': 2,
        // Relationship types appear once zoomed in; zoomed out they would only be grey noise.
        'min-zoomed-font-size': 9,
        opacity: 0.8,
      },
    },
    { selector: 'edge:selected', style: { 'line-color': c.accent, 'target-arrow-color': c.accent, width: 2.5 } },
  ];
}

/** Which colour is which label: counted over the drawn nodes (placeholders aside), most frequent first. */
export function labelLegend(elements: ReturnType<typeof consoleElements>): LegendItem[] {
  const byLabel = new Map<string, { colour: string; count: number }>();
  for (const e of elements) {
    if ('source' in e.data || e.data.placeholder) continue;
    const key = String(e.data.labelsText || '(no label)');
    const entry = byLabel.get(key) ?? { colour: String(e.data.colour), count: 0 };
    entry.count++;
    byLabel.set(key, entry);
  }
  return [...byLabel.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .map(([label, { colour, count }]) => ({ label: `:${label}`, colour, count }));
}

/**
 * Draws `r.graph` into `panel` (an empty-state message when it has no nodes) and returns the canvas to destroy later.
 * The layout is seeded, so the same result is drawn the same way each time it runs.
 */
export function renderResultGraph(panel: HTMLElement, r: CypherResponse): GraphCanvas | null {
  if (r.graph.nodes.length === 0) {
    panel.append(
      h(
        'div',
        { class: 'console-empty', 'data-testid': 'console-graph-empty' },
        h('p', {}, 'Nothing to draw: this result has no nodes, relationships or paths.'),
        h('p', { class: 'muted' }, 'Return whole nodes (', h('code', {}, 'RETURN a, r, p'), ') to see them here, or look at the Table tab.'),
      ),
    );
    return null;
  }
  const container = h('div', { class: 'console-graph' });
  const inspector = createInspector('console-inspector');
  const legend = h('div', { class: 'console-legend', 'aria-label': 'Node labels' });
  const elements = consoleElements(r.graph);
  renderLegend(legend, { items: labelLegend(elements), max: Infinity });
  panel.append(h('div', { class: 'console-graph-wrap' }, container, legend, inspector.el));

  const graph = new GraphCanvas(container, {
    style: consoleStyle,
    testid: 'console-graph',
    publish: true,
    events: {
      onNodeTap: (_id, node) => {
        const d = node.data() as Record<string, unknown>;
        inspector.show(`:${String(d.labelsText ?? '')}`, properties(d));
      },
      onEdgeTap: (edge) => {
        const d = edge.data() as Record<string, unknown>;
        inspector.show(`[:${String(d.type ?? '')}]`, properties(d));
      },
      onBackgroundTap: () => inspector.hide(),
    },
    cytoscape: { minZoom: 0.05, maxZoom: 4 },
  });
  void graph.layoutAndShow(elements, {
      // Laid out as if nodes were larger than drawn: the extra room is for their labels.
      nodeSize: 36,
      place: (positions) => fitAspect(positions, container.clientWidth / Math.max(1, container.clientHeight)),
      padding: 30,
      maxZoom: 1.6,
    });
  return graph;
}

function properties(d: Record<string, unknown>): [string, string][] {
  const props = (d.properties ?? {}) as Record<string, unknown>;
  return Object.entries(props).map(([k, v]) => [k, displayCell(v)]);
}
