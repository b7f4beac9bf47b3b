// Pure: keep the positions of nodes that stay when the graph changes, and seed new nodes next to their neighbours.
import { hashString } from './rng.js';

export type Point = { x: number; y: number };
export type Positions = Map<string, Point>;

export interface CarryOver {
  /** A position for every node of the new graph. */
  positions: Positions;
  /** Nodes that were not there before: the only ones the layout may move. */
  added: string[];
  /** Nodes that stay, with their old positions (fixed during the incremental layout). */
  kept: string[];
}

/** A point on a small circle around `c`, at an angle derived from the id (deterministic, spreads siblings). */
function near(c: Point, id: string, radius: number): Point {
  const h = hashString(id);
  const angle = ((h % 3600) / 3600) * Math.PI * 2;
  const r = radius * (0.6 + ((h >>> 12) % 1000) / 2500);
  return { x: c.x + Math.cos(angle) * r, y: c.y + Math.sin(angle) * r };
}

/**
 * Old positions for nodes that stay; a new node goes near the centroid of its already placed neighbours (placed in
 * breadth-first order, so a chain of new nodes grows outward from the old graph); one with no placed neighbour goes on
 * a ring just outside the old graph. Nothing that stays moves.
 */
export function carryOverPositions(
  previous: ReadonlyMap<string, Point>,
  nodeIds: readonly string[],
  edges: readonly { source: string; target: string }[],
  spacing = 60,
): CarryOver {
  const positions: Positions = new Map();
  const kept: string[] = [];
  for (const id of nodeIds) {
    const p = previous.get(id);
    if (p) {
      positions.set(id, { x: p.x, y: p.y });
      kept.push(id);
    }
  }
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    for (const [from, to] of [[e.source, e.target], [e.target, e.source]] as const) {
      const list = neighbours.get(from);
      if (list) list.push(to);
      else neighbours.set(from, [to]);
    }
  }
  const pending = nodeIds.filter((id) => !positions.has(id));
  const added = [...pending];

  // Breadth-first from what is placed: repeatedly place every pending node that has a placed neighbour.
  let remaining = pending;
  while (remaining.length > 0) {
    const next: string[] = [];
    const placedNow: [string, Point][] = [];
    for (const id of remaining) {
      const placed = (neighbours.get(id) ?? []).map((n) => positions.get(n)).filter((p): p is Point => !!p);
      if (placed.length === 0) {
        next.push(id);
        continue;
      }
      const c = {
        x: placed.reduce((s, p) => s + p.x, 0) / placed.length,
        y: placed.reduce((s, p) => s + p.y, 0) / placed.length,
      };
      placedNow.push([id, near(c, id, spacing)]);
    }
    if (placedNow.length === 0) break;
    for (const [id, p] of placedNow) positions.set(id, p);
    remaining = next;
  }

  // Unconnected to anything placed: a ring around the existing drawing (or the origin for a fresh graph).
  if (remaining.length > 0) {
    const pts = [...positions.values()];
    const cx = pts.length ? pts.reduce((s, p) => s + p.x, 0) / pts.length : 0;
    const cy = pts.length ? pts.reduce((s, p) => s + p.y, 0) / pts.length : 0;
    const extent = pts.length ? Math.max(...pts.map((p) => Math.hypot(p.x - cx, p.y - cy))) : 0;
    const radius = extent + spacing * Math.max(1, Math.sqrt(remaining.length) / 2);
    remaining.forEach((id, i) => {
      const a = (i / remaining.length) * Math.PI * 2 + (hashString(id) % 100) / 1000;
      positions.set(id, { x: cx + Math.cos(a) * radius, y: cy + Math.sin(a) * radius });
    });
  }
  return { positions, added, kept };
}

/**
 * The zoom and pan that fit discs (centre + diameter) into a width×height viewport with `padding` px around, capped at
 * `maxZoom`. Computed from positions alone because Cytoscape's own fit measures every label (~1 s at 2,000 nodes).
 */
export function fitViewport(
  nodes: readonly { x: number; y: number; size: number }[],
  width: number,
  height: number,
  padding = 40,
  maxZoom = 2,
): { zoom: number; pan: Point } {
  if (nodes.length === 0 || width <= 0 || height <= 0) return { zoom: 1, pan: { x: width / 2, y: height / 2 } };
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const n of nodes) {
    const r = n.size / 2;
    minX = Math.min(minX, n.x - r);
    maxX = Math.max(maxX, n.x + r);
    minY = Math.min(minY, n.y - r);
    maxY = Math.max(maxY, n.y + r);
  }
  const w = Math.max(1, maxX - minX), h = Math.max(1, maxY - minY);
  const zoom = Math.min(maxZoom, Math.max(1e-3, Math.min((width - 2 * padding) / w, (height - 2 * padding) / h)));
  return { zoom, pan: { x: width / 2 - zoom * (minX + w / 2), y: height / 2 - zoom * (minY + h / 2) } };
}
