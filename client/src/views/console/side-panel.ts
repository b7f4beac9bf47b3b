// The console's side column: the example queries and the history of what ran here (newest first).
import { h } from '../../components/dom.js';
import { EXAMPLES } from './examples.js';
import type { HistoryEntry } from './history.js';

/** "3 min ago" for the history list. */
export function ago(at: number, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return new Date(at).toLocaleDateString();
}

export interface SidePanel {
  el: HTMLElement;
  renderHistory(history: readonly HistoryEntry[]): void;
}

/** `onPick` runs an example or a history entry; `onClear` empties the history. */
export function createSidePanel(o: { onPick(query: string, params: string): void; onClear(): void }): SidePanel {
  const historyList = h('ol', { class: 'console-history', 'data-testid': 'console-history' });
  const el = h(
    'aside',
    { class: 'console-side', 'aria-label': 'Examples and history' },
    h('h2', {}, 'Examples'),
    h(
      'ul',
      { class: 'console-examples', 'data-testid': 'console-examples' },
      ...EXAMPLES.map((ex) => h('li', {}, h('button', { type: 'button', title: ex.query, onclick: () => o.onPick(ex.query, ex.params) }, ex.title))),
    ),
    h(
      'div',
      { class: 'side-head' },
      h('h2', {}, 'History'),
      h('button', { type: 'button', class: 'btn-link', 'data-testid': 'console-history-clear', onclick: () => o.onClear() }, 'Clear'),
    ),
    historyList,
  );

  return {
    el,
    renderHistory(history) {
      if (history.length === 0) {
        historyList.replaceChildren(h('li', { class: 'muted small' }, 'Queries you run appear here.'));
        return;
      }
      const now = Date.now();
      historyList.replaceChildren(
        ...history.map((e) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                title: e.params.trim() ? `${e.query}\n\nParameters: ${e.params}` : e.query,
                'data-testid': 'console-history-item',
                onclick: () => o.onPick(e.query, e.params),
              },
              h('span', { class: 'q' }, e.query.trim().split('\n').map((l) => l.trim()).join(' ')),
              h('span', { class: 'when muted' }, ago(e.at, now)),
            ),
          ),
        ),
      );
    },
  };
}
