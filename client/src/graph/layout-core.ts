// Pure layout: ForceAtlas2 then noverlap for a fresh graph; a local relaxation of only the new nodes for a changed one.
import { UndirectedGraph } from 'graphology';
import { must } from '../../../shared/must.js';
import { forceAtlas2, noverlap } from './interop.js';
import { seededRandom } from './rng.js';

export interface LayoutNode {
  id: string;
  /** Diameter in model px (sets the scale of the drawing). */
  size: number;
  /** Diameter of the room to keep free around the node (node plus its label); defaults to `size`. */
  room?: number;
  x?: number;
  y?: number;
  /** A cluster hint (community): a fresh layout starts each cluster on its own disc, so ForceAtlas2 needs far fewer
   * iterations to untangle a big graph. */
  group?: string;
  /** Fixed nodes never move (kept positions after a filter change, pinned nodes). */
  fixed?: boolean;
}

export interface LayoutInput {
  nodes: LayoutNode[];
  edges: { source: string; target: string; weight?: number }[];
  seed?: number;
  /** Overrides the iteration count chosen from the graph's size. */
  iterations?: number;
  /** Width / height of the viewport, so unconnected groups are packed to fill it (default 1.6). */
  aspect?: number;
}

export interface LayoutResult {
  positions: Record<string, { x: number; y: number }>;
  /** Milliseconds spent, for the bench and the console. */
  ms: number;
}

/** Iterations that keep a 2,000-node layout around a second on a laptop core while small maps converge fully. */
export function iterationsFor(n: number): number {
  if (n <= 100) return 400;
  if (n <= 500) return 200;
  if (n <= 1000) return 80;
  return 30;
}

/** Above this many nodes overlap removal uses the grid pass alone (noverlap costs ~25 ms per iteration at 2,000). */
export const NOVERLAP_MAX_NODES = 800;

/**
 * Coordinate `i` of a layout array; an index past the end is a bug in this file. Kept local and monomorphic (rather
 * than shared/must) because it runs in the innermost loops.
 */
function at(a: Float64Array, i: number): number {
  const v = a[i];
  if (v === undefined) throw new RangeError(`index ${i} is outside the ${a.length} coordinates`);
  return v;
}

/** Appends `value` to the list under `key`, starting the list when it is the first. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Start positions: clusters on a sunflower spiral (largest first, in the middle), each cluster's nodes on a disc
 * around its centre; nodes without a hint at random. Deterministic for a seed.
 */
export function initialPositions(nodes: readonly LayoutNode[], rand: () => number): Map<string, { x: number; y: number }> {
  const groups = new Map<string, LayoutNode[]>();
  for (const nd of nodes) {
    const g = nd.group ?? '';
    pushTo(groups, g, nd);
  }
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const out = new Map<string, { x: number; y: number }>();
  const golden = Math.PI * (3 - Math.sqrt(5));
  const unit = 10;
  let placed = 0;
  ordered.forEach(([, members], gi) => {
    // Spiral by cumulative area so big clusters do not overlap small ones.
    const r = Math.sqrt(placed + members.length / 2) * unit;
    const cx = gi === 0 ? 0 : Math.cos(gi * golden) * r * 1.6;
    const cy = gi === 0 ? 0 : Math.sin(gi * golden) * r * 1.6;
    const spread = Math.sqrt(members.length) * unit * 0.8;
    for (const nd of members) {
      const a = rand() * Math.PI * 2;
      const d = Math.sqrt(rand()) * spread;
      out.set(nd.id, { x: nd.x ?? cx + Math.cos(a) * d, y: nd.y ?? cy + Math.sin(a) * d });
    }
    placed += members.length;
  });
  return out;
}

/**
 * Pushes apart discs closer than the sum of their radii plus `margin`, using a uniform grid so each pass is linear in
 * the number of nodes. Nodes in `fixed` never move (the other one of a pair moves the whole way). Returns passes run.
 */
export function separate(
  xs: Float64Array,
  ys: Float64Array,
  rs: Float64Array,
  margin: number,
  maxPasses = 30,
  fixed?: Uint8Array,
): number {
  const n = xs.length;
  let maxR = 0;
  for (let i = 0; i < n; i++) maxR = Math.max(maxR, at(rs, i));
  const cell = 2 * maxR + margin;
  for (let pass = 0; pass < maxPasses; pass++) {
    const grid = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const k = `${Math.floor(at(xs, i) / cell)},${Math.floor(at(ys, i) / cell)}`;
      pushTo(grid, k, i);
    }
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const gx = Math.floor(at(xs, i) / cell), gy = Math.floor(at(ys, i) / cell);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const j of grid.get(`${gx + dx},${gy + dy}`) ?? []) {
            if (j <= i) continue;
            const fi = fixed?.[i] === 1, fj = fixed?.[j] === 1;
            if (fi && fj) continue;
            let vx = at(xs, j) - at(xs, i), vy = at(ys, j) - at(ys, i);
            let d = Math.hypot(vx, vy);
            const min = at(rs, i) + at(rs, j) + margin;
            if (d >= min) continue;
            if (d < 1e-6) {
              // Coincident: split along a direction derived from the indices (deterministic).
              const a = ((i * 7919 + j * 104729) % 360) * (Math.PI / 180);
              vx = Math.cos(a); vy = Math.sin(a); d = 1;
            }
            const push = (min - d) / d;
            const wi = fi ? 0 : fj ? 1 : 0.5, wj = fj ? 0 : fi ? 1 : 0.5;
            xs[i] = at(xs, i) - vx * push * wi; ys[i] = at(ys, i) - vy * push * wi;
            xs[j] = at(xs, j) + vx * push * wj; ys[j] = at(ys, j) + vy * push * wj;
            moved++;
          }
        }
      }
    }
    if (moved === 0) return pass;
  }
  return maxPasses;
}

/**
 * Lays out `input`. With no fixed node: seeded random start, ForceAtlas2 (Barnes–Hut past 300 nodes), rescaled so each
 * node gets room of about 2.5× its size, then noverlap. With fixed nodes: only the others move (see relaxFree).
 */
export function computeLayout(input: LayoutInput): LayoutResult {
  const started = performance.now();
  const rand = seededRandom(input.seed ?? 1);
  const n = input.nodes.length;
  const anyFixed = input.nodes.some((nd) => nd.fixed);
  if (n === 0) return { positions: {}, ms: 0 };

  if (anyFixed) {
    const positions = relaxFree(input);
    return { positions, ms: performance.now() - started };
  }

  const g = new UndirectedGraph<{ x: number; y: number; size: number }, { weight: number }>({ allowSelfLoops: false });
  const start = initialPositions(input.nodes, rand);
  for (const nd of input.nodes) g.addNode(nd.id, { ...must(start.get(nd.id), `the start position of node ${nd.id}`), size: (nd.room ?? nd.size) / 2 });
  for (const e of input.edges) {
    if (e.source === e.target || !g.hasNode(e.source) || !g.hasNode(e.target) || g.hasEdge(e.source, e.target)) continue;
    g.addEdge(e.source, e.target, { weight: e.weight && e.weight > 0 ? e.weight : 1 });
  }
  if (g.size > 0) {
    const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: n > 300, edgeWeightInfluence: 0.5 };
    forceAtlas2.assign(g, { iterations: input.iterations ?? iterationsFor(n), settings, getEdgeWeight: 'weight' });
  }

  // Rescale to model px: area per node ≈ (2.5 × mean diameter)², then push overlapping discs apart.
  // The scale comes from node sizes alone: label room is added by the overlap pass, not by spreading everything.
  const meanSize = input.nodes.reduce((s, nd) => s + nd.size, 0) / n;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  g.forEachNode((_id, a) => {
    minX = Math.min(minX, a.x); maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y); maxY = Math.max(maxY, a.y);
  });
  const area = Math.max(1, (maxX - minX) * (maxY - minY));
  const kArea = Math.sqrt((n * (2.5 * meanSize) ** 2) / area);
  // A thin drawing (a chain, a star of three) has almost no area, which would blow kArea up: also bound the scale by
  // a median edge of three node diameters, and take the tighter of the two.
  const lengths: number[] = [];
  g.forEachEdge((_e, _a, _s, _t, sa, ta) => void lengths.push(Math.hypot(sa.x - ta.x, sa.y - ta.y)));
  lengths.sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  const kEdge = median > 0 ? (3 * meanSize) / median : Infinity;
  const k = Math.min(kArea, kEdge);
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  g.updateEachNodeAttributes((_id, a) => ({ ...a, x: (a.x - cx) * k, y: (a.y - cy) * k }));
  if (n > 1 && n <= NOVERLAP_MAX_NODES) noverlap.assign(g, { maxIterations: 100, settings: { margin: 6, ratio: 1.1 } });
  // noverlap stops at its iteration cap with a few pairs still touching; the grid pass guarantees the gap.
  const ids = g.nodes();
  const xs = new Float64Array(ids.length), ys = new Float64Array(ids.length), rs = new Float64Array(ids.length);
  ids.forEach((id, i) => {
    const a = g.getNodeAttributes(id);
    xs[i] = a.x; ys[i] = a.y; rs[i] = a.size;
  });
  // Screens are wide: turn the drawing so its long axis is horizontal (ForceAtlas2's orientation is arbitrary).
  alignMajorAxis(xs, ys);
  separate(xs, ys, rs, 6, 40);
  // ForceAtlas2 lets unconnected groups drift far apart; pack them side by side instead.
  packComponents(ids, xs, ys, rs, input.edges, meanSize * 1.5, input.aspect ?? 1.6);

  const positions: Record<string, { x: number; y: number }> = {};
  ids.forEach((id, i) => (positions[id] = { x: at(xs, i), y: at(ys, i) }));
  return { positions, ms: performance.now() - started };
}

/**
 * Moves only the free nodes: springs towards their neighbours (rest length from the node sizes) and repulsion from
 * every node closer than that, for a fixed number of steps with a cooling step size. Fixed nodes are untouched, which
 * is what "changing a filter keeps the positions of the nodes that stay" needs.
 */
export function relaxFree(input: LayoutInput): Record<string, { x: number; y: number }> {
  const rand = seededRandom(input.seed ?? 1);
  const idx = new Map(input.nodes.map((nd, i) => [nd.id, i]));
  const N = input.nodes.length;
  const xs = new Float64Array(N), ys = new Float64Array(N), rs = new Float64Array(N);
  const free: number[] = [];
  input.nodes.forEach((nd, i) => {
    xs[i] = nd.x ?? (rand() - 0.5) * 200;
    ys[i] = nd.y ?? (rand() - 0.5) * 200;
    rs[i] = (nd.room ?? nd.size) / 2;
    if (!nd.fixed) free.push(i);
  });
  const adj: number[][] = input.nodes.map(() => []);
  for (const e of input.edges) {
    const a = idx.get(e.source), b = idx.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    must(adj[a], 'adj[a]').push(b);
    must(adj[b], 'adj[b]').push(a);
  }
  const steps = input.iterations ?? 120;
  for (let s = 0; s < steps; s++) {
    const step = 12 * (1 - s / steps) + 0.5;
    for (const i of free) {
      let fx = 0, fy = 0;
      for (const j of must(adj[i], 'adj[i]')) {
        const dx = at(xs, j) - at(xs, i), dy = at(ys, j) - at(ys, i);
        const d = Math.hypot(dx, dy) || 0.01;
        const rest = at(rs, i) + at(rs, j) + 50;
        fx += ((d - rest) / d) * dx * 0.1;
        fy += ((d - rest) / d) * dy * 0.1;
      }
      for (let j = 0; j < N; j++) {
        if (j === i) continue;
        const dx = at(xs, i) - at(xs, j), dy = at(ys, i) - at(ys, j);
        const min = at(rs, i) + at(rs, j) + 24;
        if (Math.abs(dx) > min || Math.abs(dy) > min) continue;
        const d = Math.hypot(dx, dy) || 0.01;
        if (d < min) {
          fx += (dx / d) * (min - d);
          fy += (dy / d) * (min - d);
        }
      }
      const f = Math.hypot(fx, fy);
      if (f > 0) {
        const m = Math.min(step, f);
        xs[i] = at(xs, i) + (fx / f) * m;
        ys[i] = at(ys, i) + (fy / f) * m;
      }
    }
  }
  const positions: Record<string, { x: number; y: number }> = {};
  input.nodes.forEach((nd, i) => (positions[nd.id] = { x: at(xs, i), y: at(ys, i) }));
  return positions;
}

/**
 * Packs connected components in rows (largest first) into a roughly square block centred on the origin, keeping each
 * component's internal layout. Pure apart from writing xs/ys.
 */
export function packComponents(
  ids: readonly string[],
  xs: Float64Array,
  ys: Float64Array,
  rs: Float64Array,
  edges: readonly { source: string; target: string }[],
  gap: number,
  aspect = 1.6,
): void {
  const index = new Map(ids.map((id, i) => [id, i]));
  const parent = ids.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = must(parent[must(parent[i], 'parent[i]')], 'parent[parent[i]]');
    return i;
  };
  for (const e of edges) {
    const a = index.get(e.source), b = index.get(e.target);
    if (a === undefined || b === undefined) continue;
    parent[find(a)] = find(b);
  }
  const comps = new Map<number, number[]>();
  ids.forEach((_, i) => {
    const r = find(i);
    pushTo(comps, r, i);
  });
  if (comps.size < 2) return;
  const boxes = [...comps.values()].map((members) => {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const i of members) {
      minX = Math.min(minX, at(xs, i) - at(rs, i)); maxX = Math.max(maxX, at(xs, i) + at(rs, i));
      minY = Math.min(minY, at(ys, i) - at(rs, i)); maxY = Math.max(maxY, at(ys, i) + at(rs, i));
    }
    return { members, minX, minY, w: maxX - minX, h: maxY - minY };
  });
  boxes.sort((a, b) => b.members.length - a.members.length || b.w * b.h - a.w * a.h || must(a.members[0], 'a.members[0]') - must(b.members[0], 'b.members[0]'));
  const area = boxes.reduce((s, b) => s + (b.w + gap) * (b.h + gap), 0);
  const rowWidth = Math.max(must(boxes[0], 'boxes[0]').w, Math.sqrt(area * aspect) * 1.1);
  let x = 0, y = 0, rowH = 0, maxW = 0;
  const placed: { box: (typeof boxes)[number]; x: number; y: number }[] = [];
  for (const b of boxes) {
    if (x > 0 && x + b.w > rowWidth) {
      y += rowH + gap;
      x = 0;
      rowH = 0;
    }
    placed.push({ box: b, x, y });
    x += b.w + gap;
    rowH = Math.max(rowH, b.h);
    maxW = Math.max(maxW, x - gap);
  }
  const totalH = y + rowH;
  for (const p of placed) {
    const dx = p.x - p.box.minX - maxW / 2, dy = p.y - p.box.minY - totalH / 2;
    for (const i of p.box.members) {
      xs[i] = at(xs, i) + dx;
      ys[i] = at(ys, i) + dy;
    }
  }
}

/** Rotates points about their centroid so the direction of greatest spread (principal axis) lies along x. */
export function alignMajorAxis(xs: Float64Array, ys: Float64Array): void {
  const n = xs.length;
  if (n < 3) return;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) {
    mx += at(xs, i);
    my += at(ys, i);
  }
  mx /= n;
  my /= n;
  let sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = at(xs, i) - mx, dy = at(ys, i) - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const c = Math.cos(-angle), s = Math.sin(-angle);
  for (let i = 0; i < n; i++) {
    const dx = at(xs, i) - mx, dy = at(ys, i) - my;
    xs[i] = mx + dx * c - dy * s;
    ys[i] = my + dx * s + dy * c;
  }
}
