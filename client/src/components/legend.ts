// The map legend: what the colours mean, plus the size and width encodings in one line each.
import type { LegendEntry } from '../graph/elements.js';
import { h } from './dom.js';

/** Renders the legend into `host` (an overlay): colour rows, then "size = …, width = …". */
export function renderLegend(host: HTMLElement, title: string, entries: readonly LegendEntry[], encodings: string[]): void {
  host.replaceChildren(
    h('strong', {}, title),
    h(
      'ul',
      {},
      ...entries.slice(0, 13).map((e) =>
        h('li', {}, h('span', { class: 'swatch', style: `background:${e.colour}` }), h('span', {}, e.label), h('span', { class: 'count' }, e.count)),
      ),
    ),
    ...encodings.map((t) => h('div', { class: 'scale' }, t)),
  );
  host.hidden = entries.length === 0;
  host.dataset.testid = 'legend';
}
