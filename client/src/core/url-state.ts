// The URL is the state: which view, and that view's parameters, live in the query string (pure, unit-tested).

export const VIEWS = ['overview', 'coauthors', 'topics', 'paper', 'console', 'review'] as const;
export type View = (typeof VIEWS)[number];

export interface UrlState {
  view: View;
  /** The view's own parameters (selected node, filters, depth, console query…), all strings as in the URL. */
  params: Record<string, string>;
}

/** Reads `?view=…&k=v…`; an unknown or missing view is the overview. Empty values are dropped. */
export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const v = q.get('view');
  const view = (VIEWS as readonly string[]).includes(v ?? '') ? (v as View) : 'overview';
  const params: Record<string, string> = {};
  for (const [k, val] of q) if (k !== 'view' && val !== '') params[k] = val;
  return { view, params };
}

/** Writes a state as a query string with a stable key order (so equal states give equal URLs). */
export function formatUrlState(state: UrlState): string {
  const q = new URLSearchParams();
  q.set('view', state.view);
  for (const k of Object.keys(state.params).sort()) {
    const val = state.params[k];
    if (val !== undefined && val !== '') q.set(k, val);
  }
  return `?${q.toString()}`;
}
