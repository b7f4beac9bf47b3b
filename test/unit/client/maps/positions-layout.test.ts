// Position carry-over on filter change, and the layout that moves only the new nodes.
import { describe, expect, it } from 'vitest';
import { must } from '../../../../core/must.js';
import { alignMajorAxis, computeLayout, packComponents, relaxFree, separate } from '../../../../client/src/graph/layout-core.js';
import { carryOverPositions, fitViewport } from '../../../../client/src/graph/positions.js';
import { syntheticGraph } from '../../../../client/src/graph/synthetic.js';

describe('carryOverPositions', () => {
  const prev = new Map([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 100, y: 0 }],
    ['gone', { x: 500, y: 500 }],
  ]);
  it('keeps staying nodes exactly and drops removed ones', () => {
    const c = carryOverPositions(prev, ['a', 'b', 'c'], [{ source: 'a', target: 'c' }]);
    expect(c.positions.get('a')).toEqual({ x: 0, y: 0 });
    expect(c.positions.get('b')).toEqual({ x: 100, y: 0 });
    expect(c.positions.has('gone')).toBe(false);
    expect(c.kept).toEqual(['a', 'b']);
    expect(c.added).toEqual(['c']);
  });
  it('puts a new node near its placed neighbours, and chains outward', () => {
    const c = carryOverPositions(prev, ['a', 'b', 'c', 'd'], [
      { source: 'a', target: 'c' },
      { source: 'b', target: 'c' },
      { source: 'c', target: 'd' },
    ]);
    const pc = must(c.positions.get('c'), `c.positions.get('c')`);
    expect(Math.hypot(pc.x - 50, pc.y)).toBeLessThan(80);
    const pd = must(c.positions.get('d'), `c.positions.get('d')`);
    expect(Math.hypot(pd.x - pc.x, pd.y - pc.y)).toBeLessThan(80);
  });
  it('places unconnected new nodes on a ring outside the drawing, deterministically', () => {
    const a = carryOverPositions(prev, ['a', 'b', 'lonely'], []);
    const b = carryOverPositions(prev, ['a', 'b', 'lonely'], []);
    expect(a.positions.get('lonely')).toEqual(b.positions.get('lonely'));
    const p = must(a.positions.get('lonely'), `a.positions.get('lonely')`);
    expect(Math.hypot(p.x - 50, p.y)).toBeGreaterThan(50);
  });
});

describe('layout', () => {
  it('is deterministic and keeps nodes apart', () => {
    const g = syntheticGraph(120, 300, 5);
    const input = {
      nodes: g.nodes.map((n) => ({ id: n.data.id, size: 20 })),
      edges: g.edges.map((e) => ({ source: e.data.source, target: e.data.target })),
      seed: 7,
    };
    const a = computeLayout(input).positions;
    const b = computeLayout(input).positions;
    expect(a).toEqual(b);
    const pts = Object.values(a);
    let close = 0;
    for (let i = 0; i < pts.length; i++)
      for (let j = i + 1; j < pts.length; j++) if (Math.hypot(must(pts[i], 'pts[i]').x - must(pts[j], 'pts[j]').x, must(pts[i], 'pts[i]').y - must(pts[j], 'pts[j]').y) < 10) close++;
    expect(close).toBeLessThan(pts.length * 0.02);
  });
  it('never moves fixed nodes and keeps new ones near their neighbours', () => {
    const out = relaxFree({
      nodes: [
        { id: 'a', size: 20, x: 0, y: 0, fixed: true },
        { id: 'b', size: 20, x: 200, y: 0, fixed: true },
        { id: 'n', size: 20, x: 5, y: 5 },
      ],
      edges: [{ source: 'a', target: 'n' }],
    });
    expect(out.a).toEqual({ x: 0, y: 0 });
    expect(out.b).toEqual({ x: 200, y: 0 });
    const n = must(out.n, 'the position of n');
    const d = Math.hypot(n.x, n.y);
    expect(d).toBeGreaterThan(30);
    expect(d).toBeLessThan(120);
  });
});

describe('fitViewport', () => {
  it('centres the discs and fits the tighter dimension', () => {
    const vp = fitViewport([{ x: -100, y: 0, size: 20 }, { x: 100, y: 0, size: 20 }], 440, 400, 20, 5);
    // Width 220 into 400 px → zoom 400/220; the middle (0,0) lands on the viewport centre.
    expect(vp.zoom).toBeCloseTo(400 / 220);
    expect(vp.pan).toEqual({ x: 220, y: 200 });
  });
  it('caps the zoom for tiny graphs and survives empty input', () => {
    expect(fitViewport([{ x: 0, y: 0, size: 10 }], 800, 600, 30, 1.25).zoom).toBe(1.25);
    expect(fitViewport([], 800, 600)).toEqual({ zoom: 1, pan: { x: 400, y: 300 } });
  });
});

describe('separate and packComponents', () => {
  it('pushes overlapping discs apart and never moves fixed ones', () => {
    const xs = new Float64Array([0, 1, 2]), ys = new Float64Array([0, 0, 0]), rs = new Float64Array([10, 10, 10]);
    const fixed = new Uint8Array([1, 0, 0]);
    separate(xs, ys, rs, 4, 50, fixed);
    expect(xs[0]).toBe(0);
    for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) expect(Math.hypot(must(xs[i], 'xs[i]') - must(xs[j], 'xs[j]'), must(ys[i], 'ys[i]') - must(ys[j], 'ys[j]'))).toBeGreaterThanOrEqual(23.99);
  });
  it('brings far-apart components next to each other, keeping their shapes', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const xs = new Float64Array([0, 30, 10000, 10030]), ys = new Float64Array([0, 0, 10000, 10000]), rs = new Float64Array([5, 5, 5, 5]);
    packComponents(ids, xs, ys, rs, [{ source: 'a', target: 'b' }, { source: 'c', target: 'd' }], 20);
    expect(must(xs[1], 'xs[1]') - must(xs[0], 'xs[0]')).toBeCloseTo(30);
    expect(must(xs[3], 'xs[3]') - must(xs[2], 'xs[2]')).toBeCloseTo(30);
    expect(Math.hypot(must(xs[2], 'xs[2]') - must(xs[0], 'xs[0]'), must(ys[2], 'ys[2]') - must(ys[0], 'ys[0]'))).toBeLessThan(200);
  });
});

describe('alignMajorAxis', () => {
  it('turns a vertical line horizontal about its centre', () => {
    const xs = new Float64Array([0, 0, 0, 0]), ys = new Float64Array([-30, -10, 10, 30]);
    alignMajorAxis(xs, ys);
    expect(Math.max(...ys.map(Math.abs))).toBeLessThan(1e-9);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(60);
  });
});
