// The co-author and topic maps: a graph canvas that keeps node positions across updates and lays out in the worker.
import { must } from '../../../shared/must.js';
import type cytoscape from 'cytoscape';
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { BuiltElements } from './elements.js';
import { GraphCanvas } from './canvas.js';
import { declutterLabels, estimateLabelWidth, labelZoomThreshold } from './labels.js';
import { runLayout, warmLayoutWorker } from './layout.js';
import { carryOverPositions, fitViewport, type Point } from './positions.js';
import { graphStyle } from './styles.js';

/** Past this many elements the viewport optimisations switch on (hide edges and use a texture while panning). */
export const LARGE_GRAPH_ELEMENTS = 1500;
/** Up to this many nodes the layout leaves room for labels and overlapping labels are hidden (declutter). */
export const LABEL_ROOM_MAX_NODES = 400;

export interface MapEvents {
  onNodeTap?(id: string, node: NodeSingular): void;
  onBackgroundTap?(): void;
  onEdgeTap?(source: string, target: string): void;
  onPinChange?(id: string, pinned: boolean): void;
}

export interface SetOptions {
  /** Fit the view after the update (first load); otherwise only fit when nothing stayed. */
  fit?: boolean;
  /** Lay everything out afresh (ignores kept positions except pinned nodes). */
  relayout?: boolean;
}

/** The map behaviour (incremental layout, pins, label declutter, path highlight) on a GraphCanvas. */
export class GraphMap {
  readonly canvas: GraphCanvas;
  readonly cy: Core;
  private large = false;
  private seq = 0;
  /** Pinned nodes: fixed in every layout and kept across filter changes (dragging a node pins it). */
  readonly pinned = new Set<string>();
  /** Milliseconds per phase of the last setElements (layout, add, first frame), for the bench. */
  lastPhases: Record<string, number> = {};

  constructor(
    readonly container: HTMLElement,
    events: MapEvents = {},
    opts: { large?: boolean; webgl?: boolean } = {},
  ) {
    this.large = !!opts.large;
    this.canvas = new GraphCanvas(container, {
      style: (t) => graphStyle(t, { large: this.large }),
      testid: 'graph',
      publish: true,
      events: {
        onNodeTap: (id, node) => events.onNodeTap?.(id, node),
        onEdgeTap: (edge) => events.onEdgeTap?.(edge.source().id(), edge.target().id()),
        onBackgroundTap: () => events.onBackgroundTap?.(),
      },
      cytoscape: {
        minZoom: 0.05,
        maxZoom: 4,
        boxSelectionEnabled: false,
        selectionType: 'single',
        // Viewport optimisations: these only cost quality while moving, and only matter for big graphs.
        hideEdgesOnViewport: this.large,
        textureOnViewport: this.large,
        pixelRatio: this.large ? 1 : 'auto',
        motionBlur: false,
        ...(opts.webgl ? ({ webgl: true } as object) : {}),
      },
    });
    this.cy = this.canvas.cy;
    // Hover shows a node's neighbourhood; skipped on big graphs where restyling thousands of edges costs frames.
    this.cy.on('mouseover', 'node', (e) => {
      const n = e.target as NodeSingular;
      n.addClass('hover');
      this.container.style.cursor = 'pointer';
      if (this.cy.elements().length <= LARGE_GRAPH_ELEMENTS) n.connectedEdges().addClass('neighbour');
    });
    this.cy.on('mouseout', 'node', (e) => {
      const n = e.target as NodeSingular;
      n.removeClass('hover');
      this.container.style.cursor = '';
      n.connectedEdges().removeClass('neighbour');
    });
    // A node the user dragged stays where they put it: re-layouts and filter changes treat it as fixed.
    this.cy.on('dragfree', 'node', (e) => {
      this.declutter();
      const id = (e.target as NodeSingular).id();
      if (!this.pinned.has(id)) {
        this.pinned.add(id);
        (e.target as NodeSingular).addClass('pinned');
        events.onPinChange?.(id, true);
      }
    });
    warmLayoutWorker();
  }

  /**
   * Switches the big-graph settings (viewport optimisations, pixel ratio 1, lean style) on or off. Cytoscape has no
   * public setter for the first three but reads them from its renderer on every frame, so they are set there.
   */
  private setLarge(large: boolean): void {
    if (large === this.large) return;
    this.large = large;
    const r = (this.cy as unknown as { renderer(): Record<string, unknown> }).renderer();
    r.hideEdgesOnViewport = large;
    r.textureOnViewport = large;
    r.forcedPixelRatio = large ? 1 : null;
    this.canvas.restyle();
    this.cy.resize();
  }

  /** Current positions of every node. */
  positions(): Map<string, Point> {
    const out = new Map<string, Point>();
    this.cy.nodes().forEach((n) => {
      out.set(n.id(), { ...n.position() });
    });
    return out;
  }

  /**
   * Shows `built`: nodes that stay keep their place, new ones are placed next to their neighbours and laid out in the
   * worker with the others fixed; a first load (nothing kept) gets a full ForceAtlas2 layout. Resolves when drawn;
   * a newer call supersedes an older one still laying out.
   */
  async setElements(built: BuiltElements, opts: SetOptions = {}): Promise<{ added: number; layoutMs: number } | null> {
    const seq = ++this.seq;
    const t0 = performance.now();
    this.setLarge(built.nodes.length + built.edges.length > LARGE_GRAPH_ELEMENTS);
    this.canvas.setReady(false);
    const nodeIds = built.nodes.map((n) => n.data.id as string);
    const edges = built.edges.map((e) => ({ source: e.data.source as string, target: e.data.target as string }));
    const pinned = this.pinned;
    const previous = opts.relayout
      ? new Map([...this.positions()].filter(([id]) => pinned.has(id)))
      : this.positions();
    const carry = carryOverPositions(previous, nodeIds, edges);
    const fresh = carry.kept.length === 0;
    // Up to a few hundred nodes every label is meant to be read, so the layout keeps label-wide gaps; past that labels
    // only show when zoomed in and node-sized gaps keep the map compact.
    const labelRoom = built.nodes.length <= LABEL_ROOM_MAX_NODES;
    const sizes = new Map(built.nodes.map((n) => [n.data.id as string, Number(n.data.size) || 20]));
    const rooms = new Map(
      built.nodes.map((n) => {
        // Capped: a long topic name would otherwise push its neighbours far away; declutter handles the rest.
        const label = labelRoom ? Math.min(90, estimateLabelWidth(String(n.data.short ?? ''), Number(n.data.fontSize) || 10) * 0.6) : 0;
        return [n.data.id as string, Math.max(Number(n.data.size) || 20, label)];
      }),
    );
    // The colour group (community or category) seeds the start positions of a fresh layout.
    const groups = new Map(built.nodes.map((n) => [n.data.id as string, String(n.data.colourKey ?? '')]));

    const added = new Set(carry.added);
    const layout = await runLayout({
      nodes: nodeIds.map((id) => {
        const fixed = !fresh && !added.has(id);
        const size = must(sizes.get(id), `the size of node ${id}`);
        // A fresh layout starts from random positions (ForceAtlas2 untangles better than from a ring).
        if (fresh) return { id, size, room: rooms.get(id), group: groups.get(id) };
        const p = must(carry.positions.get(id), `the carried position of node ${id}`);
        return { id, size, room: rooms.get(id), x: p.x, y: p.y, fixed };
      }),
      edges: built.edges.map((e) => ({
        source: e.data.source as string,
        target: e.data.target as string,
        weight: Number(e.data.weight) || 1,
      })),
      seed: 7,
      aspect: this.cy.width() / Math.max(1, this.cy.height()),
    });
    if (seq !== this.seq) return null;
    const t1 = performance.now();

    const big = nodeIds.length > LABEL_ROOM_MAX_NODES * 2;
    const bigKeep = big
      ? this.labelsToKeep(
          built.nodes.map((n) => ({
            id: n.data.id as string,
            pos: layout.positions[n.data.id as string] ?? must(carry.positions.get(n.data.id as string), 'a carried position'),
            data: n.data,
            focus: (n.classes ?? '').includes('focus'),
          })),
        )
      : null;
    // A big graph fitted so far out that no label reaches a readable size starts with labels off (`nolabel`): they
    // would be hidden by min-zoomed-font-size anyway, but Cytoscape still styles, measures and caches them before the
    // first frame. They are switched on after that frame, in small idle-time chunks (biggest nodes first), so neither
    // the first frame nor a later zoom pays for all of them at once.
    let bigViewport: { zoom: number; pan: Point } | null = null;
    if (big && (fresh || opts.fit)) {
      bigViewport = this.viewportFor(
        built.nodes.map((n) => ({ ...(layout.positions[n.data.id as string] ?? must(carry.positions.get(n.data.id as string), 'a carried position')), size: Number(n.data.size) || 20 })),
      );
      const maxFont = Math.max(...built.nodes.map((n) => Number(n.data.fontSize) || 0));
      // From where the biggest labels reach 10 px: below that they would be drawn at 8–9 px, barely legible.
      this.labelsFrom = labelZoomThreshold(maxFont, 10);
      this.labelsDeferred = bigViewport.zoom < this.labelsFrom;
    } else if (!big) this.labelsDeferred = false;
    const keep = new Set(nodeIds);
    const edgeIds = new Set(built.edges.map((e) => e.data.id as string));
    // Ids on screen, looked up once: a getElementById per element allocates a collection each (≈0.3 s at 8,000).
    const onScreen = new Set<string>(this.cy.elements().map((e) => e.id()));
    this.cy.batch(() => {
      if (onScreen.size) {
        this.cy.edges().filter((e) => !edgeIds.has(e.id())).remove();
        this.cy.nodes().filter((n) => !keep.has(n.id())).remove();
      }
      const add: ElementDefinition[] = [];
      for (const n of built.nodes) {
        const id = n.data.id as string;
        if (onScreen.has(id)) {
          const existing = this.cy.getElementById(id);
          existing.data({ ...n.data, fontBase: n.data.fontSize, fontSize: Math.round(Number(n.data.fontSize) * this.labelScale * 10) / 10 });
          existing.classes(`${n.classes ?? ''}${this.pinned.has(id) ? ' pinned' : ''}`);
          // Kept nodes stay where they are, except on an explicit re-layout (pinned ones never move).
          if (opts.relayout && !this.pinned.has(id) && layout.positions[id]) existing.position(layout.positions[id]);
        } else {
          // New nodes arrive at their laid-out position.
          const classes = `${n.classes ?? ''}${bigKeep && !bigKeep.has(id) ? ' label-hidden' : ''}${this.labelsDeferred ? ' nolabel' : ''}`;
          add.push({ ...n, classes, position: layout.positions[id] ?? must(carry.positions.get(id), `the carried position of node ${id}`) });
        }
      }
      for (const e of built.edges) {
        if (onScreen.has(e.data.id as string)) this.cy.getElementById(e.data.id as string).data(e.data);
        else add.push(e);
      }
      this.cy.add(add);
    });
    const tAdd = performance.now();
    if (bigViewport) this.cy.viewport(bigViewport);
    else if (opts.fit || fresh) {
      this.fit();
      this.scaleLabels();
    } else this.applyLabelScale(this.cy.nodes().filter((n) => added.has(n.id())));
    if (!big) this.declutter();
    const t2 = performance.now();
    await nextFrame();
    if (seq !== this.seq) return null;
    this.lastPhases = { layoutRoundTrip: t1 - t0, layoutInWorker: layout.ms, add: tAdd - t1, fit: t2 - tAdd, firstFrame: performance.now() - t2 };
    this.container.dataset.nodes = String(this.cy.nodes().length);
    this.canvas.setReady(true);
    if (this.labelsDeferred) this.enableLabelsInChunks(seq);
    return { added: carry.added.length, layoutMs: layout.ms };
  }

  /** Removes `nolabel` a few hundred nodes at a time when the page is idle, biggest nodes first. */
  private enableLabelsInChunks(seq: number, chunk = 250): void {
    const pending = this.cy
      .nodes('.nolabel')
      .sort((a, b) => (Number(b.data('size')) || 0) - (Number(a.data('size')) || 0))
      .toArray();
    const idle = (fn: () => void) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 500 }) : setTimeout(fn, 16);
    const step = () => {
      if (seq !== this.seq || this.cy.destroyed()) return;
      const part = pending.splice(0, chunk);
      this.cy.batch(() => part.forEach((n) => void n.removeClass('nolabel')));
      if (pending.length) idle(step);
      else this.labelsDeferred = false;
    };
    idle(step);
  }

  /** Big graphs: labels are off until the zoom reaches `labelsFrom` (see setElements). */
  private labelsDeferred = false;
  private labelsFrom = Infinity;

  /** Font-size multiplier so labels read at the zoom the map was fitted at (see scaleLabels). */
  private labelScale = 1;

  /**
   * After a fit: when a spread-out map is drawn zoomed out, labels (model units) would fall under the readable size and
   * vanish; enlarge them by 1/zoom (up to 2.5×) so the important ones stay readable, and let declutter thin them out.
   */
  private scaleLabels(): void {
    if (this.cy.nodes().length > LABEL_ROOM_MAX_NODES * 2) {
      this.labelScale = 1;
      return;
    }
    this.labelScale = Math.min(2.5, Math.max(1, 0.95 / this.cy.zoom()));
    this.applyLabelScale(this.cy.nodes());
  }

  private applyLabelScale(nodes: cytoscape.NodeCollection): void {
    this.cy.batch(() =>
      nodes.forEach((n) => {
        const base = Number(n.data('fontBase') ?? n.data('fontSize')) || 10;
        n.data({ fontBase: base, fontSize: Math.round(base * this.labelScale * 10) / 10 });
      }),
    );
  }

  /**
   * Hides labels that would overlap a more important one (bigger, more connected, the focus), so a dense map shows a
   * readable subset at every zoom; hidden labels come back on hover, selection and paths (see styles).
   */
  declutter(): void {
    const keep = this.labelsToKeep(this.cy.nodes().map((n) => ({ id: n.id(), pos: n.position(), data: n.data(), focus: n.hasClass('focus') })));
    this.cy.batch(() =>
      this.cy.nodes().forEach((n) => {
        const hide = !keep.has(n.id());
        if (n.hasClass('label-hidden') !== hide) n.toggleClass('label-hidden', hide);
      }),
    );
  }

  private labelsToKeep(nodes: { id: string; pos: Point; data: Record<string, unknown>; focus: boolean }[]): Set<string> {
    return declutterLabels(
      nodes.map(({ id, pos, data, focus }) => {
        const fs = Number(data.fontSize) || 10;
        return {
          id,
          x: pos.x,
          y: pos.y + (Number(data.size) || 20) / 2 + 2,
          w: estimateLabelWidth(String(data.short ?? ''), fs),
          h: fs * 1.3,
          priority: (focus ? 1e6 : 0) + (Number(data.size) || 0) * 100 + (Number(data.degree) || 0),
        };
      }),
    );
  }

  /** Fits the whole graph in view (from node positions: see fitViewport). */
  fit(padding = 30): void {
    this.cy.viewport(this.viewportFor(this.cy.nodes().map((n) => ({ ...n.position(), size: fitSize(n.data()) })), padding));
  }

  /**
   * The viewport that fits `nodes`. The top strip holds the toolbar and notices, and labels hang below nodes: keep
   * both clear. Capped at 1.25 so a three-node map is not drawn with giant labels.
   */
  private viewportFor(nodes: { x: number; y: number; size: number }[], padding = 30): { zoom: number; pan: Point } {
    const top = 50;
    const vp = fitViewport(nodes, this.cy.width(), this.cy.height() - top - 14, padding, 1.25);
    return { zoom: vp.zoom, pan: { x: vp.pan.x, y: vp.pan.y + top } };
  }

  /** Selects one node (or none) without emitting a tap. */
  select(id: string | null): void {
    this.cy.$(':selected').unselect();
    if (id) this.cy.getElementById(id).select();
  }

  /** Pins or unpins a node: a pinned node is never moved by layouts or filter changes. */
  togglePin(id: string): boolean {
    const n = this.cy.getElementById(id);
    const on = !this.pinned.has(id);
    if (on) this.pinned.add(id);
    else this.pinned.delete(id);
    n.toggleClass('pinned', on);
    return on;
  }

  /** Highlights a path (node ids in order) and dims the rest; an empty list clears it. */
  highlightPath(ids: readonly string[]): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('path dim');
      if (ids.length === 0) return;
      const nodes = this.cy.collection();
      let edges = this.cy.collection();
      ids.forEach((id, i) => {
        nodes.merge(this.cy.getElementById(id));
        if (i > 0) edges = edges.union(this.cy.getElementById(must(ids[i - 1], 'the previous path node')).edgesWith(this.cy.getElementById(id)));
      });
      this.cy.elements().not(nodes).not(edges).addClass('dim');
      nodes.addClass('path');
      edges.addClass('path');
    });
  }

  /** Animates the view to a node. */
  focus(id: string): void {
    const n = this.cy.getElementById(id);
    if (n.nonempty()) this.cy.animate({ center: { eles: n }, duration: 250 });
  }

  destroy(): void {
    this.seq++;
    this.canvas.destroy();
  }
}

/** Resolves after the next two animation frames, i.e. once Cytoscape has drawn what was just added. */
export function nextFrame(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
}

/**
 * Shows or hides a side panel next to the map (`layout` gets/loses `no-panel`) and keeps the map's centre where it
 * was, so opening the panel does not push the clicked node out of view.
 */
export function setPanelOpen(layout: HTMLElement, panel: HTMLElement, map: GraphMap, open: boolean): void {
  if (panel.hidden === !open) return;
  const before = map.cy.width();
  panel.hidden = !open;
  layout.classList.toggle('no-panel', !open);
  map.cy.resize();
  const delta = map.cy.width() - before;
  if (map.cy.nodes().length) map.cy.panBy({ x: delta / 2, y: 0 });
}

/** The width a node needs on screen when fitting: its disc, or its label if wider (labels must not be cut off). */
function fitSize(data: Record<string, unknown>): number {
  const size = Number(data.size) || 20;
  return Math.max(size, estimateLabelWidth(String(data.short ?? ''), Number(data.fontSize) || 10));
}
