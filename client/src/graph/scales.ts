// Pure scales from data to pixels and colours: node size, edge width, font size, categorical palettes.

/** Okabe–Ito plus Tableau hues: distinguishable for most colour-vision deficiencies and on light and dark grounds. */
export const PALETTE = [
  '#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2',
  '#edc948', '#ff9da7', '#9c755f', '#0072b2', '#d55e00', '#009e73',
] as const;
/** Colour for everything past the palette ("other" communities or categories). */
export const OTHER_COLOUR = '#9a9aa8';

/**
 * A square-root scale: node *area* grows with the value, which reads truer than radius.
 * Returns a function mapping a value in [min,max] of `values` to [lo,hi]; a constant domain maps to the midpoint.
 */
export function sqrtScale(values: readonly number[], lo: number, hi: number): (v: number) => number {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return () => (lo + hi) / 2;
  const min = Math.sqrt(Math.max(0, Math.min(...finite)));
  const max = Math.sqrt(Math.max(0, Math.max(...finite)));
  if (max === min) return () => (finite.length === 1 ? hi * 0.6 + lo * 0.4 : (lo + hi) / 2);
  return (v) => {
    const t = (Math.sqrt(Math.max(0, v)) - min) / (max - min);
    return lo + Math.min(1, Math.max(0, t)) * (hi - lo);
  };
}

/** A linear scale clamped to [lo,hi] (edge widths: joint papers are few, so linear stays readable). */
export function linearScale(values: readonly number[], lo: number, hi: number): (v: number) => number {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return () => lo;
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (max === min) return () => (lo + hi) / 2;
  return (v) => lo + Math.min(1, Math.max(0, (v - min) / (max - min))) * (hi - lo);
}

/**
 * Assigns palette colours to category keys, most frequent first (ties by key), so the colours do not shuffle when
 * the same data arrives in another order. Keys past the palette share OTHER_COLOUR.
 */
export function categoricalColours(keys: readonly (string | number | null | undefined)[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const k of keys) {
    if (k === null || k === undefined || k === '') continue;
    const s = String(k);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const ordered = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out = new Map<string, string>();
  ordered.forEach(([k], i) => out.set(k, PALETTE[i] ?? OTHER_COLOUR));
  return out;
}

/** Bounds of node label font sizes (px at zoom 1): the most connected nodes get the largest text. */
export const FONT_MIN = 9;
export const FONT_MAX = 16;

/** Font size by degree on a square-root curve, so a few hubs stand out without dwarfing everything else. */
export function fontSizeForDegree(degree: number, maxDegree: number): number {
  if (maxDegree <= 0) return FONT_MIN;
  const t = Math.sqrt(Math.max(0, degree) / maxDegree);
  return Math.round(FONT_MIN + Math.min(1, t) * (FONT_MAX - FONT_MIN));
}
