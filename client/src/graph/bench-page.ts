// The `?bench=synthetic` page: draws a generated 2,000-node graph through the real map code and exposes timings.
import { must } from '../../../shared/must.js';
import { buildElements } from './elements.js';
import { GraphMap } from './map.js';
import { syntheticGraph } from './synthetic.js';

export interface BenchResult {
  nodes: number;
  edges: number;
  buildMs: number;
  layoutMs: number;
  /** From navigation start to the first frame drawn after layout (what a person waits for). */
  firstInteractiveMs: number;
  /** From this module starting to that frame (excludes loading the page and scripts). */
  renderPipelineMs: number;
  /** When this module started, from navigation start (page, scripts and Cytoscape loaded and parsed). */
  moduleStartMs: number;
  /** Phases inside GraphMap.setElements. */
  phases: Record<string, number>;
}

declare global {
  interface Window {
    __pgBench?: {
      result?: BenchResult;
      error?: string;
      startFrames(): void;
      stopFrames(): number[];
    };
  }
}

/** Renders the synthetic graph full-screen and publishes `window.__pgBench`. */
export async function runSyntheticBench(main: HTMLElement): Promise<void> {
  const started = performance.now();
  const q = new URLSearchParams(location.search);
  const n = Number(q.get('nodes') ?? 2000);
  const m = Number(q.get('edges') ?? 6000);
  let frames: number[] = [];
  let recording = false;
  const tick = (t: number) => {
    frames.push(t);
    if (recording) requestAnimationFrame(tick);
  };
  window.__pgBench = {
    startFrames() {
      frames = [];
      recording = true;
      requestAnimationFrame(tick);
    },
    stopFrames() {
      recording = false;
      return frames.slice(1).map((t, i) => t - must(frames[i], 'the previous frame time'));
    },
  };
  const status = document.getElementById('db-status');
  if (status) status.textContent = `synthetic bench: ${n} nodes, ${m} edges, no API`;
  try {
    // The map (and with it the layout worker) first, as the views do: the worker loads while the graph is built.
    const host = document.createElement('div');
    host.className = 'graph-area';
    host.style.height = '100%';
    const graph = document.createElement('div');
    graph.className = 'graph';
    host.append(graph);
    main.replaceChildren(host);
    const map = new GraphMap(graph, {}, { large: true, webgl: q.get('webgl') === '1' });
    const t0 = performance.now();
    const payload = syntheticGraph(n, m, 1);
    const built = buildElements(payload, { colourBy: 'community' });
    const buildMs = performance.now() - t0;
    const res = await map.setElements(built, { fit: true });
    const now = performance.now();
    window.__pgBench.result = {
      nodes: map.cy.nodes().length,
      edges: map.cy.edges().length,
      buildMs,
      layoutMs: res?.layoutMs ?? 0,
      firstInteractiveMs: now,
      renderPipelineMs: now - started,
      moduleStartMs: started,
      phases: map.lastPhases,
    };
  } catch (err) {
    window.__pgBench.error = (err as Error).stack ?? String(err);
  }
}
