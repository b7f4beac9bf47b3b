// The overview (default view): what the graph holds, papers per year and per category, top authors and topics.
import type { StatsResponse } from '../../../../schema/stats.js';
import { recordsCsv } from '../../../../shared/graph-formats.js';
import { fetchStats } from '../../api/api.js';
import { categoryCypher, consoleHref, yearCypher } from '../../core/cypher-links.js';
import { formatUrlState } from '../../core/url-state.js';
import type { ViewContext, ViewModule } from '../view.js';
import { fill, fmt, h } from '../../components/dom.js';
import { binYears, renderHistogram } from '../../components/histogram.js';
import { download } from '../../graph/export.js';

/** A ranked list with proportional bars; every row a link. */
function barList(rows: { label: string; value: number; href: string; title?: string }[], testid: string): HTMLElement {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return h(
    'ul',
    { class: 'bars', 'data-testid': testid },
    ...rows.map((r) =>
      h(
        'li',
        {},
        h('span', { class: 'bar-bg', style: `width:${(r.value / max) * 100}%` }),
        h('a', { href: r.href, title: r.title ?? r.label }, r.label),
        h('span', { class: 'n' }, fmt(r.value)),
      ),
    ),
  );
}

function csvButton(name: string, rows: Record<string, unknown>[], cols: string[]): HTMLElement {
  return h('button', { type: 'button', class: 'btn', title: `Download ${name} as CSV`, 'data-testid': `csv-${name}`, onclick: () => download(`papergraph-${name}.csv`, recordsCsv(rows, cols), 'text/csv') }, 'CSV');
}

function render(root: HTMLElement, s: StatsResponse, ctx: ViewContext): void {
  const counts: [string, number, string][] = [
    ['papers', s.nodes.Paper, 'Papers'],
    ['authors', s.nodes.Author, 'Authors'],
    ['topics', s.nodes.Topic, 'Topics'],
    ['categories', s.nodes.Category, 'Categories'],
    ['cited', s.nodes.Stub, 'Cited-only works'],
    ['authorships', s.relationships.AUTHORED, 'Authorships'],
  ];
  const bins = binYears(s.papersPerYear.map((p) => ({ year: p.year, count: p.papers })));
  const chart = renderHistogram(bins, {
    width: 340,
    height: 130,
    detailed: true,
    label: 'Papers per year',
    onPick: (y) => ctx.navigate({ view: 'console', params: { query: yearCypher(y) } }),
  });
  chart.classList.add('year-chart');
  chart.removeAttribute('width');
  chart.removeAttribute('height');
  fill(root, 
    h(
      'h1',
      {},
      'Overview',
      s.stale
        ? h('span', { class: 'hint', 'data-testid': 'overview-stale', title: `These figures describe graph version ${s.version}; the graph has changed and they are being recomputed.` }, ' updating…')
        : null,
    ),
    h('div', { class: 'cards' }, ...counts.map(([k, v, label]) => h('div', { class: 'card count-card', 'data-testid': `count-${k}` }, h('b', {}, fmt(v)), h('span', {}, label)))),
    h(
      'div',
      { class: 'grid' },
      h(
        'section',
        { class: 'card' },
        h('h2', {}, 'Papers per year', csvButton('papers-per-year', s.papersPerYear, ['year', 'papers'])),
        bins.length ? chart : h('p', { class: 'hint' }, 'No dated papers.'),
        s.papersWithoutYear ? h('p', { class: 'hint' }, `${fmt(s.papersWithoutYear)} without a year. Click a bar for that year's papers in the console.`) : h('p', { class: 'hint' }, "Click a bar for that year's papers in the console."),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, 'Top authors', csvButton('top-authors', s.topAuthors, ['id', 'name', 'papers'])),
        barList(s.topAuthors.map((a) => ({ label: a.name, value: a.papers, href: formatUrlState({ view: 'coauthors', params: { author: a.id } }) })), 'top-authors'),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, 'Top topics', csvButton('top-topics', s.topTopics, ['id', 'name', 'papers'])),
        barList(s.topTopics.map((t) => ({ label: t.name, value: t.papers, href: formatUrlState({ view: 'topics', params: { topic: t.id, sel: t.id } }) })), 'top-topics'),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, 'Papers per category', csvButton('categories', s.categories, ['code', 'name', 'archive', 'papers'])),
        barList(
          s.categories.map((c) => ({ label: c.name ? `${c.code} · ${c.name}` : c.code, value: c.papers, href: consoleHref(categoryCypher(c.code)) })),
          'categories',
        ),
      ),
    ),
  );
}

export const overviewView: ViewModule = {
  title: 'Overview',
  mount(el, _params, ctx) {
    const root = h('div', { class: 'overview', 'data-testid': 'overview' }, h('h1', {}, 'Overview'), h('p', { class: 'hint' }, 'Loading…'));
    el.append(root);
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A stale summary is shown as it is (marked "updating…") and asked for again until the fresh one is there.
    const refetch = () =>
      fetchStats(10, abort.signal)
        .then((s) => {
          if (abort.signal.aborted) return;
          render(root, s, ctx);
          if (s.stale) timer = setTimeout(refetch, 3_000);
        })
        .catch(() => undefined);
    ctx
      .withLoading(fetchStats(10, abort.signal))
      .then((s) => {
        render(root, s, ctx);
        if (s.stale) timer = setTimeout(refetch, 3_000);
      })
      .catch((err: Error) => {
        if (abort.signal.aborted) return;
        ctx.notify(`Could not load the overview: ${err.message}`, 'error');
        fill(root, h('h1', {}, 'Overview'), h('p', { class: 'empty' }, `The statistics could not be loaded (${err.message}). Is the database running? See the status in the top bar.`));
      });
    return {
      unmount: () => {
        clearTimeout(timer);
        abort.abort();
      },
    };
  },
};
