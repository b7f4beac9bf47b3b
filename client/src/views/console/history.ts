// The console's query history: a pure list (most recent first, no duplicates, capped) and its localStorage round trip.

export interface HistoryEntry {
  query: string;
  /** The parameters box as typed (may be empty). */
  params: string;
  /** When it last ran, epoch milliseconds. */
  at: number;
}

export const HISTORY_KEY = 'papergraph.console.history';
export const HISTORY_CAP = 50;

/** Two runs are the same entry when query and params match after trimming (re-running moves it to the top). */
function sameRun(a: HistoryEntry, b: HistoryEntry): boolean {
  return a.query.trim() === b.query.trim() && a.params.trim() === b.params.trim();
}

/** Returns a new list with `entry` first, any earlier copy of it removed, and at most `cap` entries. */
export function pushHistory(list: readonly HistoryEntry[], entry: HistoryEntry, cap = HISTORY_CAP): HistoryEntry[] {
  if (entry.query.trim() === '') return list.slice(0, cap);
  return [entry, ...list.filter((e) => !sameRun(e, entry))].slice(0, cap);
}

/**
 * Reads a stored list defensively: storage is shared with other tabs and older versions, so anything that is not a list
 * of well-formed entries is dropped rather than trusted.
 */
export function parseHistory(raw: string | null, cap = HISTORY_CAP): HistoryEntry[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const out: HistoryEntry[] = [];
  for (const e of data) {
    if (e && typeof e === 'object' && typeof e.query === 'string' && e.query.trim() !== '') {
      const entry = { query: e.query, params: typeof e.params === 'string' ? e.params : '', at: typeof e.at === 'number' ? e.at : 0 };
      if (!out.some((o) => sameRun(o, entry))) out.push(entry);
    }
  }
  return out.slice(0, cap);
}

/** The stored history (empty when storage is unavailable, e.g. blocked cookies). */
export function loadHistory(storage: Pick<Storage, 'getItem'> | undefined): HistoryEntry[] {
  try {
    return parseHistory(storage?.getItem(HISTORY_KEY) ?? null);
  } catch {
    return [];
  }
}

/** Stores the list; a full or disabled storage only loses the history, never the query run. */
export function saveHistory(storage: Pick<Storage, 'setItem'> | undefined, list: readonly HistoryEntry[]): void {
  try {
    storage?.setItem(HISTORY_KEY, JSON.stringify(list));
  } catch {
    // Quota exceeded or storage disabled: the history is a convenience, so carry on without it.
  }
}
