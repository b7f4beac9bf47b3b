// The inspector over a graph: the selected node's or relationship's title and properties, with a close button.
import { h } from './dom.js';

export interface Inspector {
  el: HTMLElement;
  /** Shows `title` and one row per entry (values already as display text). */
  show(title: string, entries: readonly (readonly [string, string])[]): void;
  hide(): void;
}

/** An initially hidden inspector panel (`class="inspector"`), placed by the caller over its graph. */
export function createInspector(testid: string): Inspector {
  const el = h('div', { class: 'inspector', 'data-testid': testid, hidden: true });
  const hide = () => {
    el.hidden = true;
  };
  return {
    el,
    hide,
    show(title, entries) {
      el.hidden = false;
      el.replaceChildren(
        h('div', { class: 'inspector-head' }, h('strong', {}, title), h('button', { type: 'button', class: 'btn-link', 'aria-label': 'Close', onclick: hide }, '×')),
        h('dl', {}, ...entries.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      );
    },
  };
}
