// Label rules: which labels show at which zoom, and how long a label may be, so a dense map never turns to mush.

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
    const family = parts.pop()!;
    const initials = parts.map((p) => `${p[0]}.`).join(' ');
    const abbreviated = initials ? `${initials} ${family}` : family;
    if (abbreviated.length <= max) return abbreviated;
    return family.length <= max ? family : `${family.slice(0, max - 1)}…`;
  }
  return `${s.slice(0, max - 1).trimEnd()}…`;
}
