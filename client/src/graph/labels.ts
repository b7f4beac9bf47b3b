// Label rules: which labels show at which zoom, and how long a label may be, so a dense map never turns to mush.

import { must } from '../../../shared/must.js';

/**
 * Cytoscape hides a label whose on-screen size (font-size × zoom) is below `min-zoomed-font-size`. With font sizes
 * growing with degree this gives the rule "at low zoom only the larger nodes are labelled" for free, on the GPU path.
 */
export const MIN_ZOOMED_FONT = 8;

/** The zoom level from which a label of `fontSize` (model px) is drawn. */
export function labelZoomThreshold(fontSize: number, minZoomedFont = MIN_ZOOMED_FONT): number {
  return fontSize > 0 ? minZoomedFont / fontSize : Infinity;
}

/** Ids of the nodes whose labels Cytoscape draws at `zoom` (mirrors its rule; used by tests and the bench). */
export function visibleLabelIds(
  nodes: readonly { id: string; fontSize: number }[],
  zoom: number,
  minZoomedFont = MIN_ZOOMED_FONT,
): string[] {
  return nodes.filter((n) => n.fontSize * zoom >= minZoomedFont).map((n) => n.id);
}

/**
 * Shortens a label to at most `max` characters. Person names keep the family name and abbreviate given names
 * ("Alexander Ziller" → "A. Ziller") because the family name is what people scan for; other labels get an ellipsis.
 */
export function shortLabel(label: string, max = 22, kind: 'person' | 'text' = 'text'): string {
  const s = label.trim().replace(/\s+/g, ' ');
  if (s.length <= max) return s;
  if (kind === 'person') {
    const parts = s.split(' ');
    const family = must(parts.pop(), 'the family name');
    const initials = parts.map((p) => `${p[0]}.`).join(' ');
    const abbreviated = initials ? `${initials} ${family}` : family;
    if (abbreviated.length <= max) return abbreviated;
    return family.length <= max ? family : `${family.slice(0, max - 1)}…`;
  }
  return `${s.slice(0, max - 1).trimEnd()}…`;
}

/** A label's box in model coordinates (centre x, top y, width, height) and how much it matters. */
export interface LabelBox {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  priority: number;
}

/** Approximate width of `text` at `fontSize` (system sans-serif averages ~0.56 em per character). */
export function estimateLabelWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.56 + 4;
}

/**
 * Greedy label decluttering: labels are taken by priority (then id, for determinism) and a label is kept only if its
 * box overlaps no kept box. Boxes are in model coordinates, so the answer holds at every zoom (font sizes are model
 * units too). Returns the ids whose labels should be drawn.
 */
export function declutterLabels(boxes: readonly LabelBox[]): Set<string> {
  const order = [...boxes].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  const kept: LabelBox[] = [];
  // A coarse grid keeps this linear-ish for a thousand labels.
  const cell = Math.max(20, ...boxes.map((b) => b.w));
  const grid = new Map<string, LabelBox[]>();
  const keys = (b: LabelBox) => {
    const out: string[] = [];
    for (let gx = Math.floor((b.x - b.w / 2) / cell); gx <= Math.floor((b.x + b.w / 2) / cell); gx++)
      for (let gy = Math.floor(b.y / cell); gy <= Math.floor((b.y + b.h) / cell); gy++) out.push(`${gx},${gy}`);
    return out;
  };
  const overlaps = (a: LabelBox, b: LabelBox) =>
    Math.abs(a.x - b.x) * 2 < a.w + b.w && a.y < b.y + b.h && b.y < a.y + a.h;
  for (const b of order) {
    const ks = keys(b);
    if (ks.some((k) => (grid.get(k) ?? []).some((o) => overlaps(o, b)))) continue;
    kept.push(b);
    for (const k of ks) {
      const cell = grid.get(k);
      if (cell) cell.push(b);
      else grid.set(k, [b]);
    }
  }
  return new Set(kept.map((b) => b.id));
}
