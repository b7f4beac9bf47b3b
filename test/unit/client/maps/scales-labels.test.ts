// Colour and size scales, label visibility rules and label shortening.
import { describe, expect, it } from 'vitest';
import { declutterLabels, estimateLabelWidth, labelZoomThreshold, shortLabel, visibleLabelIds } from '../../../../client/src/graph/labels.js';
import { categoricalColours, FONT_MAX, FONT_MIN, fontSizeForDegree, linearScale, PALETTE, sqrtScale } from '../../../../client/src/graph/scales.js';

describe('scales', () => {
  it('sqrtScale maps area, clamps, and handles a constant domain', () => {
    const s = sqrtScale([1, 4, 16], 10, 50);
    expect(s(1)).toBe(10);
    expect(s(16)).toBe(50);
    expect(s(4)).toBeCloseTo(10 + (1 / 3) * 40);
    expect(s(100)).toBe(50);
    expect(sqrtScale([3, 3], 10, 50)(3)).toBe(30);
    expect(sqrtScale([], 10, 50)(3)).toBe(30);
  });
  it('linearScale maps and clamps', () => {
    const s = linearScale([1, 5], 1, 9);
    expect(s(1)).toBe(1);
    expect(s(3)).toBe(5);
    expect(s(10)).toBe(9);
  });
  it('gives palette colours by frequency, stable under reordering', () => {
    const a = categoricalColours(['x', 'y', 'y', 'z', 'z', 'z']);
    const b = categoricalColours(['z', 'y', 'x', 'z', 'y', 'z']);
    expect([...a]).toEqual([...b]);
    expect(a.get('z')).toBe(PALETTE[0]);
    expect(a.get('x')).toBe(PALETTE[2]);
  });
  it('font sizes grow with degree within bounds', () => {
    expect(fontSizeForDegree(0, 10)).toBe(FONT_MIN);
    expect(fontSizeForDegree(10, 10)).toBe(FONT_MAX);
    expect(fontSizeForDegree(3, 10)).toBeGreaterThan(FONT_MIN);
    expect(fontSizeForDegree(5, 0)).toBe(FONT_MIN);
  });
});

describe('labels', () => {
  const nodes = [
    { id: 'hub', fontSize: fontSizeForDegree(40, 40) },
    { id: 'mid', fontSize: fontSizeForDegree(10, 40) },
    { id: 'leaf', fontSize: fontSizeForDegree(1, 40) },
  ];
  it('shows only larger nodes at low zoom, all when zoomed in', () => {
    expect(visibleLabelIds(nodes, 0.55)).toEqual(['hub']);
    expect(visibleLabelIds(nodes, 0.7)).toEqual(['hub', 'mid']);
    expect(visibleLabelIds(nodes, 1)).toEqual(['hub', 'mid', 'leaf']);
    expect(labelZoomThreshold(16)).toBe(0.5);
  });
  it('abbreviates person names to family names first', () => {
    expect(shortLabel('Alexander Ziller')).toBe('Alexander Ziller');
    expect(shortLabel('Jens-Michalis Papaioannou Longer', 22, 'person')).toBe('J. P. Longer');
    expect(shortLabel('A Supercalifragilisticexpialidocious', 12, 'person')).toBe('Supercalifr…');
    expect(shortLabel('differentially private stochastic gradient descent', 22)).toBe('differentially privat…');
  });
});

describe('declutterLabels', () => {
  it('keeps the more important of two overlapping labels and every free one', () => {
    const keep = declutterLabels([
      { id: 'hub', x: 0, y: 0, w: 80, h: 14, priority: 10 },
      { id: 'leaf', x: 30, y: 5, w: 80, h: 14, priority: 1 },
      { id: 'far', x: 500, y: 0, w: 80, h: 14, priority: 0 },
      { id: 'below', x: 0, y: 20, w: 80, h: 14, priority: 0 },
    ]);
    expect([...keep].sort()).toEqual(['below', 'far', 'hub']);
  });
  it('breaks priority ties by id, so the result does not depend on order', () => {
    const a = { id: 'a', x: 0, y: 0, w: 50, h: 10, priority: 1 };
    const b = { id: 'b', x: 10, y: 0, w: 50, h: 10, priority: 1 };
    expect([...declutterLabels([b, a])]).toEqual(['a']);
    expect([...declutterLabels([a, b])]).toEqual(['a']);
  });
  it('estimates widths from length and size', () => {
    expect(estimateLabelWidth('abcdefghij', 10)).toBeCloseTo(60);
  });
});
