// The toolbar over a map: fit, re-layout, and the export menu (PNG, SVG, JSON, GraphML, CSV).
import { fileStem } from '../graph/export.js';
import type { GraphMap } from '../graph/map.js';
import { h } from './dom.js';
import { createMenu } from './export-menu.js';

export interface MapToolsOptions {
  name(): string;
  exportKind: 'coauthors' | 'topics';
  /** Where the server exports the same query as GraphML (the view knows its endpoint and parameters). */
  serverExportUrl(): string;
  relayout(): void;
  notify(message: string, kind?: 'info' | 'error'): void;
}

/** Builds the overlay toolbar for `map`. */
export function createMapTools(map: GraphMap, o: MapToolsOptions): HTMLElement {
  const canvas = map.canvas;
  const guard = (what: string, fn: () => void | Promise<void>) => () => {
    if (map.cy.nodes().length === 0) {
      o.notify('Nothing to export: the map is empty.', 'info');
      return;
    }
    Promise.resolve()
      .then(fn)
      .catch((err: Error) => o.notify(`${what} export failed: ${err.message}`, 'error'));
  };
  const stem = () => `papergraph-${o.exportKind}-${fileStem(o.name())}`;
  const menu = createMenu('Export', [
    { label: 'PNG image', testid: 'export-png', run: guard('PNG', () => canvas.exportPng(`${stem()}.png`)) },
    { label: 'SVG image', testid: 'export-svg', run: guard('SVG', () => canvas.exportSvg(`${stem()}.svg`)) },
    {
      label: 'Elements (JSON)',
      testid: 'export-json',
      run: guard('JSON', () => canvas.exportJson(`${stem()}.json`)),
    },
    {
      label: 'GraphML',
      testid: 'export-graphml',
      run: guard('GraphML', () => canvas.exportGraphml(`${stem()}.graphml`, o.exportKind)),
    },
    {
      label: 'Nodes table (CSV)',
      testid: 'export-csv',
      run: guard('CSV', () => canvas.exportCsv(`${stem()}-nodes.csv`, 'nodes')),
    },
    {
      label: 'Edges table (CSV)',
      testid: 'export-edges-csv',
      run: guard('CSV', () => canvas.exportCsv(`${stem()}-edges.csv`, 'edges')),
    },
    {
      label: 'Full query from server (GraphML)',
      testid: 'export-server',
      run: () => {
        // The server re-runs the same query without the client's limits on drawing.
        const a = h('a', { href: o.serverExportUrl(), download: `${stem()}-server.graphml` });
        document.body.append(a);
        a.click();
        a.remove();
      },
    },
  ]);
  return h(
    'div',
    { class: 'overlay tools' },
    h('button', { type: 'button', class: 'btn', title: 'Fit the whole graph', 'data-testid': 'fit', onclick: () => map.fit() }, 'Fit'),
    h('button', { type: 'button', class: 'btn', title: 'Lay out again (pinned nodes stay)', 'data-testid': 'relayout', onclick: () => o.relayout() }, 'Re-layout'),
    menu,
  );
}
