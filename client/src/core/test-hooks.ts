// window.__pg: the handles browser tests and the bench read (the live Cytoscape instance, the rendered node ids).
import type { Core } from 'cytoscape';

export interface PgHooks {
  /** The Cytoscape instance of the map on screen, if any. */
  cy: Core | null;
  /** Ids of the nodes rendered now (empty without a map). */
  nodeIds(): string[];
  /** The mounted view's name. */
  view: string | null;
  /** True once the current map has been laid out and drawn (also `data-ready="true"` on the graph container). */
  ready: boolean;
}

declare global {
  interface Window {
    __pg?: PgHooks;
  }
}

/** The single hooks object, created on first use. */
export function pgHooks(): PgHooks {
  if (!window.__pg) {
    const hooks: PgHooks = {
      cy: null,
      view: null,
      ready: false,
      nodeIds: () => hooks.cy?.nodes().map((n) => n.id()) ?? [],
    };
    window.__pg = hooks;
  }
  return window.__pg;
}
