// The graph component every graph on the page is drawn with: one Cytoscape canvas styled from the graph theme,
// with selection events, a seeded layout in the worker or preset positions, the ready flags tests wait for, and exports.
import cytoscape, { type Core, type CytoscapeOptions, type EdgeSingular, type ElementDefinition, type NodeSingular, type StylesheetJson } from 'cytoscape';
import { pgHooks } from '../core/test-hooks.js';
import { onThemeChange } from '../core/theme.js';
import { download, elementsJson, exportPng, exportSvg, mapCsv, mapGraphml } from './export.js';
import { runLayout, warmLayoutWorker } from './layout.js';
import { graphTheme, type GraphTheme } from './theme.js';
import { must } from '../../../shared/must.js';

export interface CanvasEvents {
  onNodeTap?(id: string, node: NodeSingular): void;
  onEdgeTap?(edge: EdgeSingular): void;
  onBackgroundTap?(): void;
}

export interface CanvasOptions {
  /** This place's stylesheet, built from the current graph theme (called again when the theme changes). */
  style(theme: GraphTheme): StylesheetJson;
  events?: CanvasEvents;
  /** `data-testid` of the container. */
  testid?: string;
  /** Publish this canvas as `window.__pg.cy` (the graph the browser tests and the bench read). */
  publish?: boolean;
  /** Cytoscape options of this place (zoom bounds, viewport optimisations, selection). */
  cytoscape?: Omit<CytoscapeOptions, 'container' | 'style' | 'elements'>;
}

export interface PresetOptions {
  /** Padding around the fitted graph, in px. */
  padding?: number;
  /** Highest zoom after fitting, so two or three nodes are not blown up to fill the panel. */
  maxZoom?: number;
}

/** A Cytoscape canvas in `container`; `destroy()` when the place goes away. */
export class GraphCanvas {
  readonly cy: Core;
  private readonly stopTheme: () => void;
  private readonly publish: boolean;

  constructor(
    readonly container: HTMLElement,
    private readonly opts: CanvasOptions,
  ) {
    this.publish = !!opts.publish;
    if (opts.testid) container.dataset.testid = opts.testid;
    container.dataset.ready = 'false';
    this.cy = cytoscape({ container, style: opts.style(graphTheme()), ...opts.cytoscape });
    const ev = opts.events ?? {};
    if (ev.onNodeTap) this.cy.on('tap', 'node', (e) => ev.onNodeTap!(e.target.id() as string, e.target as NodeSingular));
    if (ev.onEdgeTap) this.cy.on('tap', 'edge', (e) => ev.onEdgeTap!(e.target as EdgeSingular));
    if (ev.onBackgroundTap) {
      this.cy.on('tap', (e) => {
        if (e.target === this.cy) ev.onBackgroundTap!();
      });
    }
    this.stopTheme = onThemeChange(() => this.restyle());
    if (this.publish) {
      const hooks = pgHooks();
      hooks.cy = this.cy;
      hooks.ready = false;
    }
  }

  /** The current graph theme (exports draw on its background). */
  theme(): GraphTheme {
    return graphTheme();
  }

  /** Applies the stylesheet again (after a theme change, or when the place's style options changed). */
  restyle(): void {
    this.cy.style(this.opts.style(this.theme()));
  }

  /** Marks the drawing as finished (or not): `data-ready` on the container and `window.__pg.ready` when published. */
  setReady(ready: boolean): void {
    this.container.dataset.ready = String(ready);
    if (this.publish && pgHooks().cy === this.cy) pgHooks().ready = ready;
  }

  /**
   * Shows `elements` at their given positions, fitted to the canvas with `padding` and the zoom capped at `maxZoom`,
   * and marks the canvas ready (`data-node-count` on the container says how many nodes were drawn).
   */
  showPreset(elements: ElementDefinition[], o: PresetOptions = {}): void {
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(elements);
    });
    this.cy.fit(undefined, o.padding ?? 30);
    if (o.maxZoom !== undefined && this.cy.zoom() > o.maxZoom) {
      this.cy.zoom(o.maxZoom);
      this.cy.center();
    }
    this.container.dataset.nodeCount = String(this.cy.nodes().length);
    this.setReady(true);
  }

  /**
   * Lays `elements` out with the seeded ForceAtlas2 layout in the worker (the same result is drawn the same way every
   * time), lets `place` adjust the positions (e.g. stretch them to the panel), then shows them as `showPreset` does.
   * Resolves false when the canvas was destroyed meanwhile.
   */
  async layoutAndShow(
    elements: ElementDefinition[],
    o: PresetOptions & { nodeSize?: number; place?(positions: Record<string, { x: number; y: number }>): Record<string, { x: number; y: number }> } = {},
  ): Promise<boolean> {
    const isEdge = (e: ElementDefinition) => 'source' in e.data;
    warmLayoutWorker();
    const layout = await runLayout({
      nodes: elements.filter((e) => !isEdge(e)).map((e) => ({ id: must(e.data.id, 'a node id'), size: o.nodeSize ?? 36 })),
      edges: elements.filter(isEdge).map((e) => ({ source: e.data.source as string, target: e.data.target as string })),
      seed: 7,
    });
    if (this.cy.destroyed()) return false;
    const positions = o.place ? o.place(layout.positions) : layout.positions;
    for (const e of elements) if (!isEdge(e)) e.position = positions[must(e.data.id, 'a node id')] ?? { x: 0, y: 0 };
    this.showPreset(elements, o);
    return true;
  }

  /** Saves the whole graph as a PNG (2×, on the theme's background). */
  exportPng(filename: string): void {
    exportPng(this.cy, filename, this.theme().background);
  }

  /** Saves the whole graph as SVG. */
  exportSvg(filename: string): void {
    exportSvg(this.cy, filename, this.theme().background);
  }

  /** Saves the drawn elements' API fields as JSON. */
  exportJson(filename: string): void {
    download(filename, JSON.stringify(elementsJson(this.cy), null, 2), 'application/json');
  }

  /** Saves the drawn elements as GraphML with graph id `graphId`. */
  exportGraphml(filename: string, graphId: string): void {
    download(filename, mapGraphml(this.cy, graphId), 'application/graphml+xml');
  }

  /** Saves the drawn nodes or edges as a CSV table. */
  exportCsv(filename: string, part: 'nodes' | 'edges'): void {
    download(filename, mapCsv(this.cy, part), 'text/csv');
  }

  destroy(): void {
    this.stopTheme();
    if (this.publish) {
      const hooks = pgHooks();
      if (hooks.cy === this.cy) {
        hooks.cy = null;
        hooks.ready = false;
      }
    }
    this.cy.destroy();
  }
}
