// The caption of a graph node, the same on the server (console graph labels) and in the client (canvas, table text).

/** Properties people recognise a node by, in order: authors by name, papers by title, categories by code, else id. */
export const CAPTION_KEYS = ['name', 'title', 'code', 'id'] as const;

/** `:Label1:Label2`, or `(node)` without labels: how the console's table names a node that has no caption property. */
export function labelsText(labels: readonly string[]): string {
  return labels.length ? `:${labels.join(':')}` : '(node)';
}

/**
 * The first non-empty caption property (a string, number or boolean, as text); without one, `fallback(labels)` (the
 * first label unless said otherwise).
 */
export function nodeCaption(
  labels: readonly string[],
  properties: Record<string, unknown>,
  fallback: (labels: readonly string[]) => string = (l) => l[0] ?? '',
): string {
  for (const key of CAPTION_KEYS) {
    const v = properties[key];
    if (typeof v === 'string' ? v !== '' : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  }
  return fallback(labels);
}
