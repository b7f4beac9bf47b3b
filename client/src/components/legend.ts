// The legend of a graph: what the colours (and shapes) mean, with counts, then one line per other encoding.
import { h } from './dom.js';

export interface LegendItem {
  label: string;
  colour: string;
  count?: number;
  /** The node shape it stands for (a circle unless said). */
  shape?: 'circle' | 'square' | 'diamond';
  /** Tooltip. */
  title?: string;
}

export interface LegendOptions {
  title?: string;
  items: readonly LegendItem[];
  /** Other encodings ("Node size = papers"), one line each. */
  notes?: readonly string[];
  /** Most items listed (the rest are the long tail). */
  max?: number;
  /** Hide the legend when there are no items (maps) or keep the notes on their own (fixed keys need not). */
  hideWhenEmpty?: boolean;
}

/** Renders the legend into `host`: optional title, the colour rows, then the notes. */
export function renderLegend(host: HTMLElement, o: LegendOptions): void {
  host.replaceChildren(
    ...(o.title ? [h('strong', {}, o.title)] : []),
    h(
      'ul',
      {},
      ...o.items.slice(0, o.max ?? 13).map((e) =>
        h(
          'li',
          { title: e.title ?? null },
          h('span', { class: `swatch${e.shape && e.shape !== 'circle' ? ` ${e.shape}` : ''}`, style: `background:${e.colour}` }),
          h('span', {}, e.label),
          e.count !== undefined ? h('span', { class: 'count' }, e.count) : null,
        ),
      ),
    ),
    ...(o.notes ?? []).map((t) => h('div', { class: 'scale' }, t)),
  );
  if (o.hideWhenEmpty ?? true) host.hidden = o.items.length === 0;
}
