// The topic map: topics linked by co-occurrence on papers (or topics and papers, bipartite); a topic opens a panel.
import { MAX_GRAPH_NODES } from '../../../../schema/graph.js';
import { PaperResponse } from '../../../../schema/papers.js';
import { exportGraphUrl, fetchTopicGraph, getJson, searchSuggestions, type GraphPayloadResponse } from '../../api/api.js';
import { consoleHref, topicCypher } from '../../core/cypher-links.js';
import { formatUrlState } from '../../core/url-state.js';
import type { ViewContext, ViewModule } from '../view.js';
import { createAutocomplete } from '../../components/autocomplete.js';
import { fill, h } from '../../components/dom.js';
import { renderLegend } from '../../components/legend.js';
import { createSegmented } from '../../components/segmented.js';
import { createMapTools } from '../../components/map-tools.js';
import { buildElements, edgeWeight, nodeKind, nodeWeight, type GraphPayload } from '../../graph/elements.js';
import { GraphMap, setPanelOpen } from '../../graph/map.js';
import { decodeTopicParams, encodeTopicParams, topicGraphQuery, type TopicParams } from './params.js';
import { rankAuthors } from './rank.js';

/** Papers whose authors are fetched to rank a topic's most active authors (bounded: one request per paper). */
const AUTHOR_SAMPLE = 15;

const paperHref = (id: string) => formatUrlState({ view: 'paper', params: { id } });

export const topicsView: ViewModule = {
  title: 'Topics',
  mount(el: HTMLElement, initial: Record<string, string>, ctx: ViewContext) {
    let state: TopicParams = decodeTopicParams(initial);
    let loadedKey = '';
    let payload: GraphPayload | null = null;
    let abortGraph: AbortController | null = null;
    let abortPanel: AbortController | null = null;
    let destroyed = false;
    const go = (patch: Partial<TopicParams>, opts: { replace?: boolean } = {}) =>
      ctx.navigate({ view: 'topics', params: encodeTopicParams({ ...state, ...patch }) }, opts);

    const filters = h('aside', { class: 'filters', 'aria-label': 'Topic map filters', 'data-testid': 'filters' });
    const graphEl = h('div', { class: 'graph', 'aria-label': 'Topic map' });
    const legend = h('div', { class: 'legend', hidden: true, 'data-testid': 'legend' });
    const notice = h('div', { class: 'overlay notice', hidden: true, 'data-testid': 'truncation-notice' });
    const empty = h('div', { class: 'empty-state', hidden: true, 'data-testid': 'empty-state' });
    const panel = h('aside', { class: 'side-panel', 'data-testid': 'side-panel', 'aria-label': 'Details', hidden: true });
    const graphArea = h('section', { class: 'graph-area' }, graphEl, notice, empty);
    const layout = h('div', { class: 'map-layout no-panel' }, filters, graphArea, panel);
    el.append(layout);

    const map = new GraphMap(graphEl, {
      onNodeTap: (id) => go({ sel: id }, { replace: true }),
      onBackgroundTap: () => state.sel && go({ sel: undefined }, { replace: true }),
    });
    graphArea.append(
      createMapTools(map, {
        name: () => state.topic ?? 'all',
        exportKind: 'topics',
        serverExportUrl: () =>
          exportGraphUrl('topics', 'graphml', { topic: state.topic, minCooccurrence: state.minCooccurrence, limit: state.limit, mode: state.mode }),
        relayout: () => void draw(true),
        notify: ctx.notify,
      }),
    );

    const topicPicker = createAutocomplete({
      label: 'Topic',
      placeholder: 'Centre on a topic…',
      testid: 'topic-input',
      fetch: (q, signal) => searchSuggestions(q, signal, 'topic'),
      onSelect: (s) => go({ topic: s.id, sel: state.mode === 'bipartite' ? `topic:${s.id}` : s.id }),
      notify: ctx.notify,
    });
    const mode = createSegmented({
      label: 'Mode',
      testid: 'topic-mode',
      options: [['cooccurrence', 'Co-occurrence'], ['bipartite', 'Topics + papers']] as const,
      value: state.mode,
      onChange: (v) => go({ mode: v }),
    });
    const minCo = h('input', { type: 'number', min: 1, max: 100, value: state.minCooccurrence, id: 'tp-minco', 'data-testid': 'min-cooccurrence' });
    minCo.addEventListener('change', () => go({ minCooccurrence: Math.max(1, Math.round(Number(minCo.value) || 1)) }));
    const clearTopic = h('button', { type: 'button', class: 'btn', onclick: () => go({ topic: undefined, sel: undefined }) }, 'All topics');
    filters.append(
      h('div', { class: 'field' }, h('label', {}, 'Topic'), topicPicker.el, h('div', { class: 'row' }, clearTopic)),
      h('div', { class: 'field' }, h('span', { class: 'label' }, 'Mode'), mode.el),
      h('div', { class: 'field' }, h('label', { for: 'tp-minco' }, 'Min. shared papers'), minCo),
      h('p', { class: 'hint' }, 'Topics are linked when papers carry both.'),
      legend,
    );
    const paintControls = () => {
      mode.set(state.mode);
      minCo.value = String(state.minCooccurrence);
      clearTopic.hidden = !state.topic;
      if (!state.topic) topicPicker.setText('');
      else {
        const label = payload?.nodes.find((n) => (n.data.ref ?? n.data.id) === state.topic)?.data.label;
        if (label) topicPicker.setText(label);
      }
    };

    const key = (t: TopicParams) => JSON.stringify([t.topic, t.minCooccurrence, t.limit, t.mode]);

    async function load(): Promise<void> {
      abortGraph?.abort();
      const abort = (abortGraph = new AbortController());
      loadedKey = key(state);
      try {
        const res = await ctx.withLoading(
          fetchTopicGraph(topicGraphQuery(state), abort.signal),
        );
        if (abort.signal.aborted || destroyed) return;
        payload = res;
        await draw(false, true);
        paintNotice(res);
        paintControls();
      } catch (err) {
        if (abort.signal.aborted || destroyed) return;
        ctx.notify(`Could not load the topic map: ${(err as Error).message}`, 'error');
      }
    }

    async function draw(relayout = false, fit = false): Promise<void> {
      if (!payload) return;
      // Bipartite graphs prefix ids (`topic:<id>`); `ref` is the domain id the URL holds.
      const focus = payload.nodes.filter((n) => state.topic && (n.data.ref ?? n.data.id) === state.topic).map((n) => n.data.id);
      const built = buildElements(payload, { colourBy: 'community', focus });
      if (payload.nodes.length === 0) {
        empty.hidden = false;
        fill(empty, 
          h('div', {}, h('strong', {}, state.minCooccurrence > 1 ? `No topics share ≥ ${state.minCooccurrence} papers` : 'No topics yet'),
            h('p', {}, state.minCooccurrence > 1 ? 'Lower the minimum shared papers.' : 'Ingest papers to extract topics.')),
        );
      } else empty.hidden = true;
      await map.setElements(built, { relayout, fit: fit && map.cy.nodes().length === 0 });
      if (relayout) map.fit();
      map.select(state.sel ?? null);
      renderLegend(legend, {
        title: 'Clusters (Louvain)',
        items: built.legend,
        notes: [state.mode === 'bipartite' ? 'Hexagons = topics, squares = papers' : 'Node size = papers', 'Edge width = shared papers'],
      });
    }

    function paintNotice(res: GraphPayloadResponse): void {
      const t = res.truncated;
      const more = t ? t.nodes.total - t.nodes.shown : 0;
      if (!t || more <= 0) {
        notice.hidden = true;
        return;
      }
      const next = Math.min(t.nodes.total, t.nodes.shown * 2, MAX_GRAPH_NODES);
      notice.hidden = false;
      fill(notice, 
        h('span', {}, `+${more.toLocaleString('en')} more (showing top ${t.nodes.shown})`),
        h('button', { type: 'button', class: 'btn', 'data-testid': 'load-more', onclick: () => go({ limit: next }) }, 'Load more'),
      );
    }

    async function showPanel(id: string | undefined): Promise<void> {
      abortPanel?.abort();
      map.select(id ?? null);
      const node = id ? map.cy.getElementById(id) : null;
      if (!id || !node || node.empty()) {
        setPanelOpen(layout, panel, map, false);
        return;
      }
      const abort = (abortPanel = new AbortController());
      setPanelOpen(layout, panel, map, true);
      const data = node.data() as Record<string, unknown> & { id: string; label: string; ref?: string };
      const ref = data.ref ?? id;
      const close = h('button', { type: 'button', class: 'panel-close', 'aria-label': 'Close panel', 'data-testid': 'panel-close', onclick: () => go({ sel: undefined }, { replace: true }) }, '×');
      if (nodeKind(data) === 'paper') {
        fill(panel, 
          h('div', { class: 'panel-head' }, h('div', {}, h('h2', { 'data-testid': 'panel-title' }, data.label)), close),
          h('p', {}, h('a', { href: paperHref(ref), 'data-testid': 'panel-paper-link', 'data-id': ref }, 'Open paper')),
        );
        return;
      }
      const neighbours = node
        .connectedEdges()
        .map((e) => ({ other: e.source().id() === id ? e.target() : e.source(), w: edgeWeight(e.data()) }))
        .sort((a, b) => b.w - a.w);
      const related = neighbours.filter((n) => nodeKind(n.other.data()) !== 'paper');
      const head = h('div', { class: 'panel-head' },
        h('div', {}, h('h2', { 'data-testid': 'panel-title' }, data.label), h('div', { class: 'meta' }, `${nodeWeight(data)} papers`)), close);
      const actions = h('div', { class: 'row', style: 'margin-top:0.6rem' },
        state.topic === ref ? null : h('a', { class: 'btn primary', href: formatUrlState({ view: 'topics', params: encodeTopicParams({ ...state, topic: ref, sel: state.mode === 'bipartite' ? `topic:${ref}` : ref }) }) }, 'Centre map here'),
        h('a', { class: 'btn', href: consoleHref(topicCypher(ref)), 'data-testid': 'panel-console' }, 'Cypher'));
      const papersHost = h('div', {}, h('p', { class: 'hint' }, 'Loading papers…'));
      const authorsHost = h('div', {});
      fill(panel, 
        head,
        actions,
        h('h3', {}, 'Papers'),
        papersHost,
        h('h3', {}, 'Most active authors'),
        authorsHost,
        related.length ? h('h3', {}, 'Co-occurring topics') : null,
        related.length
          ? h('ul', {}, ...related.slice(0, 15).map((n) =>
              h('li', { class: 'split' },
                h('a', { href: '#', onclick: (e: Event) => (e.preventDefault(), go({ sel: n.other.id() }, { replace: true })) }, String(n.other.data('label'))),
                h('span', { class: 'meta' }, `${n.w} shared`))))
          : null,
      );
      try {
        // The bipartite graph around the topic lists its papers; their author lists give the most active authors.
        const bip = await ctx.withLoading(fetchTopicGraph({ topic: ref, mode: 'bipartite', limit: 200 }, abort.signal));
        if (abort.signal.aborted || destroyed) return;
        const papers = bip.nodes
          .filter((n) => nodeKind(n.data) === 'paper')
          .map((n) => ({ id: n.data.ref ?? n.data.id, title: n.data.label, year: n.data.year ?? null }))
          .sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
        fill(papersHost, 
          papers.length === 0 ? h('p', { class: 'hint' }, 'None.') : h('ul', { 'data-testid': 'panel-papers' },
            ...papers.slice(0, 50).map((p) => h('li', {}, h('a', { href: paperHref(p.id), 'data-testid': 'panel-paper-link', 'data-id': p.id }, p.title), p.year ? h('div', { class: 'meta' }, p.year) : null))),
          papers.length > 50 ? h('p', { class: 'hint' }, `Showing 50 of ${papers.length}`) : null,
        );
        const authorNodes = bip.nodes.filter((n) => nodeKind(n.data) === 'author');
        let ranked: { id: string; name: string; papers: number }[];
        let basis: string;
        if (authorNodes.length) {
          ranked = authorNodes.map((n) => ({ id: n.data.ref ?? n.data.id, name: n.data.label, papers: nodeWeight(n.data) })).sort((a, b) => b.papers - a.papers).slice(0, 10);
          basis = '';
        } else {
          const sample = papers.slice(0, AUTHOR_SAMPLE);
          const details = await Promise.all(
            sample.map((p) => getJson(`/api/papers/${encodeURIComponent(p.id)}`, PaperResponse, { signal: abort.signal }).catch(() => null)),
          );
          if (abort.signal.aborted || destroyed) return;
          ranked = rankAuthors(details.filter((d) => d !== null).map((d) => d.authors.map((a) => ({ id: a.id, name: a.name }))));
          basis = papers.length > sample.length ? `Counted over its ${sample.length} newest papers.` : '';
        }
        fill(authorsHost, 
          ranked.length === 0 ? h('p', { class: 'hint' }, 'None.') : h('ul', { 'data-testid': 'panel-authors' },
            ...ranked.map((a) => h('li', { class: 'split' },
              h('a', { href: formatUrlState({ view: 'coauthors', params: { author: a.id } }), 'data-testid': 'panel-author-link' }, a.name),
              h('span', { class: 'meta' }, `${a.papers} paper${a.papers === 1 ? '' : 's'}`)))),
          basis ? h('p', { class: 'hint' }, basis) : null,
        );
      } catch (err) {
        if (abort.signal.aborted || destroyed) return;
        fill(papersHost, h('p', { class: 'hint' }, `Could not load papers: ${(err as Error).message}`));
      }
    }

    async function apply(next: TopicParams, first = false): Promise<void> {
      const prev = state;
      state = next;
      paintControls();
      // Size the map for the panel before a first layout is fitted, so a shared link with a selection fits too.
      if (first && next.sel) setPanelOpen(layout, panel, map, true);
      if (first || key(next) !== loadedKey) await load();
      if (destroyed) return;
      if (first || prev.sel !== next.sel || key(prev) !== key(next)) void showPanel(next.sel);
    }
    void apply(state, true);

    return {
      update: (params) => void apply(decodeTopicParams(params)),
      unmount() {
        destroyed = true;
        abortGraph?.abort();
        abortPanel?.abort();
        map.destroy();
      },
    };
  },
};
