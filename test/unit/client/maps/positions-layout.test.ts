// Position carry-over on filter change, and the layout that moves only the new nodes.
import { describe, expect, it } from 'vitest';
import { computeLayout, relaxFree } from '../../../../client/src/graph/layout-core.js';
import { carryOverPositions } from '../../../../client/src/graph/positions.js';
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
    const pc = c.positions.get('c')!;
    expect(Math.hypot(pc.x - 50, pc.y)).toBeLessThan(80);
    const pd = c.positions.get('d')!;
    expect(Math.hypot(pd.x - pc.x, pd.y - pc.y)).toBeLessThan(80);
  });
  it('places unconnected new nodes on a ring outside the drawing, deterministically', () => {
    const a = carryOverPositions(prev, ['a', 'b', 'lonely'], []);
    const b = carryOverPositions(prev, ['a', 'b', 'lonely'], []);
    expect(a.positions.get('lonely')).toEqual(b.positions.get('lonely'));
    const p = a.positions.get('lonely')!;
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
      for (let j = i + 1; j < pts.length; j++) if (Math.hypot(pts[i]!.x - pts[j]!.x, pts[i]!.y - pts[j]!.y) < 10) close++;
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
    const d = Math.hypot(out.n!.x, out.n!.y);
    expect(d).toBeGreaterThan(30);
    expect(d).toBeLessThan(120);
  });
});
