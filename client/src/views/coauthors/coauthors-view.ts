// The co-authorship map: an author's ego network with filters, expansion, communities, shortest paths and a side panel.
import { must } from '../../../../shared/must.js';
import type { AuthorResponse } from '../../../../schema/authors.js';
import type { StatsResponse } from '../../../../schema/stats.js';
import { MAX_GRAPH_NODES } from '../../../../schema/graph.js';
import { fetchAuthor, fetchCoauthorGraph, fetchPath, fetchStats, exportGraphUrl, searchSuggestions, type GraphPayloadResponse, type PathResult } from '../../api/api.js';
import { consoleHref, jointPapersCypher, pathCypher } from '../../core/cypher-links.js';
import type { ViewContext, ViewModule } from '../view.js';
import { createAutocomplete } from '../../components/autocomplete.js';
import { fill, h } from '../../components/dom.js';
import { renderLegend } from '../../components/legend.js';
import { createSegmented } from '../../components/segmented.js';
import { binYears, createYearRange, renderHistogram } from '../../components/histogram.js';
import { buildElements, mergePayloads, type GraphPayload } from '../../graph/elements.js';
import { GraphMap, setPanelOpen } from '../../graph/map.js';
import { authorPath } from '../../graph/path.js';
import { createMapTools } from '../../components/map-tools.js';
import { renderAuthorPanel } from './author-panel.js';
import { coauthorGraphQuery, decodeCoauthorParams, describeFilters, encodeCoauthorParams, graphQueryKey, type CoauthorParams } from './params.js';


export const coauthorsView: ViewModule = {
  title: 'Co-authors',
  mount(el: HTMLElement, initial: Record<string, string>, ctx: ViewContext) {
    let state: CoauthorParams = decodeCoauthorParams(initial);
    let loadedKey = '';
    let colourShown = '';
    let payload: GraphPayload | null = null;
    let path: string[] = [];
    let pathRes: PathResult | null = null;
    let authorDetail: AuthorResponse | null = null;
    let stats: StatsResponse | null = null;
    let graphAbort: AbortController | null = null;
    let panelAbort: AbortController | null = null;
    let destroyed = false;
    const cache = new Map<string, Promise<GraphPayloadResponse>>();

    const go = (patch: Partial<CoauthorParams>, opts: { replace?: boolean } = {}) =>
      ctx.navigate({ view: 'coauthors', params: encodeCoauthorParams({ ...state, ...patch }) }, opts);

    // ---- layout ---------------------------------------------------------------------------------------------------
    const filters = h('aside', { class: 'filters', 'aria-label': 'Co-author map filters', 'data-testid': 'filters' });
    const graphEl = h('div', { class: 'graph', 'aria-label': 'Co-authorship map' });
    const legend = h('div', { class: 'legend', hidden: true, 'data-testid': 'legend' });
    const notice = h('div', { class: 'overlay notice', hidden: true, 'data-testid': 'truncation-notice' });
    const empty = h('div', { class: 'empty-state', hidden: true, 'data-testid': 'empty-state' });
    const pathInfo = h('div', { class: 'overlay path-info', 'data-testid': 'path-info', hidden: true });
    const panel = h('aside', { class: 'side-panel', 'data-testid': 'side-panel', 'aria-label': 'Details', hidden: true });
    const graphArea = h('section', { class: 'graph-area' }, graphEl, notice, pathInfo, empty);
    const layout = h('div', { class: 'map-layout no-panel' }, filters, graphArea, panel);
    el.append(layout);

    const map = new GraphMap(graphEl, {
      onNodeTap: (id) => go({ sel: id }, { replace: true }),
      onEdgeTap: (a, b) => showEdge(a, b),
      onBackgroundTap: () => state.sel && go({ sel: undefined }, { replace: true }),
      onPinChange: () => state.sel && void showPanel(state.sel),
    });
    graphArea.append(
      createMapTools(map, {
        name: () => authorDetail?.author.name ?? 'coauthors',
        exportKind: 'coauthors',
        serverExportUrl: () =>
          exportGraphUrl('coauthors', 'graphml', {
            author: state.author,
            depth: state.depth,
            minWeight: state.minWeight,
            yearFrom: state.yearFrom,
            yearTo: state.yearTo,
            category: state.category,
            weighting: state.weighting,
            limit: state.limit,
          }),
        relayout: () => void draw({ relayout: true }),
        notify: ctx.notify,
      }),
    );

    // ---- filters --------------------------------------------------------------------------------------------------
    const authorPicker = createAutocomplete({
      label: 'Author',
      placeholder: 'Search an author…',
      testid: 'author-input',
      fetch: (q, signal) => searchSuggestions(q, signal, 'author'),
      onSelect: (s) => go({ author: s.id, sel: undefined, expand: [], pathTo: undefined, limit: undefined }),
      notify: ctx.notify,
    });
    const segmented = <T extends string | number>(label: string, testid: string, options: readonly (readonly [T, string])[], value: T, onChange: (v: T) => void) => {
      const control = createSegmented({ label, testid, options, value, onChange });
      return { el: h('div', { class: 'field' }, h('span', { class: 'label' }, label), control.el), set: control.set };
    };
    const depth = segmented('Depth', 'depth', [[1, '1'], [2, '2'], [3, '3']] as const, state.depth, (v) => go({ depth: v }));
    const counting = segmented('Counting', 'weighting', [['count', 'Full'], ['fractional', 'Fractional']] as const, state.weighting, (v) => go({ weighting: v }));
    const colour = segmented('Colour by', 'colour-by', [['community', 'Community'], ['category', 'Category']] as const, state.colour, (v) => go({ colour: v }, { replace: true }));
    const minWeight = h('input', { type: 'number', min: 1, max: 100, step: 1, value: state.minWeight, 'data-testid': 'min-weight', id: 'co-minw' });
    minWeight.addEventListener('change', () => {
      const v = Math.max(1, Math.min(100, Math.round(Number(minWeight.value) || 1)));
      go({ minWeight: v });
    });
    const category = h('select', { 'data-testid': 'category', id: 'co-cat' });
    category.addEventListener('change', () => go({ category: category.value || undefined }));
    const yearsHost = h('div', { class: 'field' });
    const pathPicker = createAutocomplete({
      label: 'Shortest path to author',
      placeholder: 'Path to author…',
      testid: 'path-input',
      fetch: (q, signal) => searchSuggestions(q, signal, 'author'),
      onSelect: (s) => go({ pathTo: s.id }),
      notify: ctx.notify,
    });
    const pathClear = h('button', { type: 'button', class: 'btn', hidden: true, onclick: () => go({ pathTo: undefined }) }, 'Clear path');
    filters.append(
      h('div', { class: 'field' }, h('label', {}, 'Author'), authorPicker.el),
      depth.el,
      yearsHost,
      h('div', { class: 'field' }, h('label', { for: 'co-cat' }, 'Category'), category),
      h('div', { class: 'field' }, h('label', { for: 'co-minw' }, 'Min. joint papers'), minWeight),
      counting.el,
      colour.el,
      h('div', { class: 'field' }, h('span', { class: 'label' }, 'Shortest path'), pathPicker.el, h('div', { class: 'row' }, pathClear)),
      h('p', { class: 'hint' }, 'Drag a node to pin it; pinned nodes stay put when filters change.'),
      legend,
    );

    const paintCategories = () => {
      const opts = [h('option', { value: '' }, 'All categories')];
      const codes = new Set<string>();
      for (const c of authorDetail?.categories ?? []) codes.add(c.code);
      for (const c of stats?.categories ?? []) codes.add(c.code);
      if (state.category) codes.add(state.category);
      const names = new Map<string, string | null>([...(stats?.categories ?? []), ...(authorDetail?.categories ?? [])].map((c) => [c.code, c.name]));
      for (const code of codes) {
        const name = names.get(code);
        opts.push(h('option', { value: code, selected: code === state.category }, name ? `${code} · ${name}` : code));
      }
      fill(category, ...opts);
      category.value = state.category ?? '';
    };

    const paintYears = () => {
      const papers = authorDetail?.papers ?? [];
      const bins = binYears(papers.map((p) => ({ year: p.year, count: 1 })));
      if (bins.length === 0) {
        fill(yearsHost, h('span', { class: 'label' }, 'Years'), h('p', { class: 'hint' }, state.author ? 'No dated papers.' : '—'));
        return;
      }
      // One-year careers still get a usable slider.
      const firstYear = must(bins[0], 'the first year bin').year;
      const lastYear = must(bins[bins.length - 1], 'the last year bin').year;
      const min = Math.min(firstYear, state.yearFrom ?? Infinity, bins.length === 1 ? firstYear - 1 : Infinity);
      const max = Math.max(lastYear, state.yearTo ?? -Infinity, bins.length === 1 ? firstYear + 1 : -Infinity);
      const full = binYears(papers.map((p) => ({ year: p.year, count: 1 })), min, max);
      const from = state.yearFrom ?? min;
      const to = state.yearTo ?? max;
      const hist = renderHistogram(full, {
        from,
        to,
        width: 236,
        height: 44,
        label: `Papers per year of ${authorDetail?.author.name ?? 'the author'}`,
        onPick: (y) => go({ yearFrom: y, yearTo: y }),
      });
      const range = createYearRange({
        min,
        max,
        from,
        to,
        onChange: (f, t) => go({ yearFrom: f === min ? undefined : f, yearTo: t === max ? undefined : t }),
      });
      const reset =
        state.yearFrom !== undefined || state.yearTo !== undefined
          ? h('button', { type: 'button', class: 'btn', onclick: () => go({ yearFrom: undefined, yearTo: undefined }) }, 'All years')
          : null;
      fill(yearsHost, h('span', { class: 'label' }, 'Years (papers per year)'), hist, range.el, reset);
    };

    const paintControls = () => {
      depth.set(state.depth);
      counting.set(state.weighting);
      colour.set(state.colour);
      minWeight.value = String(state.minWeight);
      paintCategories();
      paintYears();
      pathClear.hidden = !state.pathTo;
      if (!state.pathTo) {
        pathInfo.textContent = '';
        pathInfo.hidden = true;
      }
      if (!state.pathTo) pathPicker.setText('');
      if (authorDetail && state.author === authorDetail.author.id) authorPicker.setText(authorDetail.author.name);
      else if (!state.author) authorPicker.setText('');
    };

    // ---- data -------------------------------------------------------------------------------------------------------
    const cached = (key: string, load: () => Promise<GraphPayloadResponse>) => {
      let p = cache.get(key);
      if (!p) {
        p = load();
        cache.set(key, p);
        p.catch(() => cache.delete(key));
        const oldest = cache.keys().next();
        if (cache.size > 40 && !oldest.done) cache.delete(oldest.value);
      }
      return p;
    };
    const query = (author: string | undefined, depthN: number, limit: number | undefined) =>
      coauthorGraphQuery(state, { author, depth: depthN, limit });

    const showEmpty = (title: string, body: string, actions: HTMLElement[] = []) => {
      empty.hidden = false;
      fill(empty, h('div', {}, h('strong', {}, title), h('p', {}, body), h('div', { class: 'row', style: 'justify-content:center' }, ...actions)));
    };

    async function loadGraph(): Promise<void> {
      graphAbort?.abort();
      const abort = (graphAbort = new AbortController());
      const author = state.author;
      loadedKey = graphQueryKey(state);
      try {
        // Without an author the API answers with the most published authors of the whole network: a starting map.
        const jobs: Promise<GraphPayloadResponse>[] = [
          cached(JSON.stringify(['co', query(author, state.depth, state.limit)]), () => fetchCoauthorGraph(query(author, state.depth, state.limit), abort.signal)),
          ...(author ? state.expand : []).map((id) =>
            cached(JSON.stringify(['co', query(id, 1, undefined)]), () => fetchCoauthorGraph(query(id, 1, undefined), abort.signal)),
          ),
        ];
        const pathJob = author && state.pathTo ? fetchPath(author, state.pathTo, 6, abort.signal).catch((err: Error) => err) : null;
        const [results, pathResult] = await ctx.withLoading(Promise.all([Promise.all(jobs), pathJob]));
        if (abort.signal.aborted || destroyed) return;
        const parts: GraphPayload[] = [...results];
        path = [];
        pathRes = null;
        if (pathResult instanceof Error) ctx.notify(`Shortest path: ${pathResult.message}`, 'error');
        else if (pathResult) {
          pathRes = pathResult;
          const p = authorPath(pathResult);
          path = p.ids;
          if (path.length) parts.push(p.payload);
        }
        payload = mergePayloads(parts);
        await draw({ fit: true });
        paintNotice(results);
        paintPath();
      } catch (err) {
        if (abort.signal.aborted || destroyed) return;
        ctx.notify(`Could not load the co-author map: ${(err as Error).message}`, 'error');
        showEmpty('The map could not be loaded', (err as Error).message);
      }
    }

    async function draw(opts: { fit?: boolean; relayout?: boolean } = {}): Promise<void> {
      if (!payload) return;
      // Category colours come with the nodes (GraphNodeData.category): no request per author.
      const built = buildElements(payload, { colourBy: state.colour, focus: state.author ? [state.author] : [] });
      colourShown = state.colour;
      const hasCoauthors = payload.nodes.length > 1;
      if (!state.author && payload.nodes.length === 0) {
        showEmpty('No authors yet', 'The database holds no papers. Ingest some (see the README), then reload.');
      } else if (!hasCoauthors) {
        const name = authorDetail?.author.name ?? 'This author';
        const filtersText = describeFilters(state);
        showEmpty(
          filtersText ? `No co-authors ${filtersText}` : `${name} has no co-authors in the graph`,
          filtersText ? 'Lower the minimum joint papers, widen the years or pick another category.' : 'Their papers list them as the only author.',
          filtersText
            ? [h('button', { type: 'button', class: 'btn primary', 'data-testid': 'reset-filters', onclick: () => go({ minWeight: 1, yearFrom: undefined, yearTo: undefined, category: undefined }) }, 'Reset filters')]
            : [],
        );
      } else empty.hidden = true;
      await map.setElements(built, { fit: opts.fit && map.cy.nodes().length === 0, relayout: opts.relayout });
      if (opts.relayout) map.fit();
      map.select(state.sel ?? null);
      renderLegend(legend, {
        title: state.colour === 'community' ? 'Communities (Louvain)' : 'Primary category',
        items: built.legend,
        notes: ['Node size = papers', `Edge width = joint papers${state.weighting === 'fractional' ? ' (fractional)' : ''}`],
      });
      if (!hasCoauthors) legend.hidden = true;
    }

    function paintNotice(results: GraphPayloadResponse[]): void {
      const t = results[0]?.truncated;
      const more = t ? t.nodes.total - t.nodes.shown : 0;
      const parts: HTMLElement[] = [];
      if (!state.author) parts.push(h('span', {}, 'The most published authors and their co-authorships. Search an author to centre the map.'));
      if (t && more > 0) {
        const name = state.author ? (authorDetail?.author.name ?? 'this author') : 'the network';
        const next = Math.min(t.nodes.total, Math.max(t.nodes.shown * 2, t.nodes.shown + 50), MAX_GRAPH_NODES);
        parts.push(
          h('span', { title: t.reasons.join('\n') }, `+${more.toLocaleString('en')} more ${state.author ? `co-authors of ${name}` : 'authors'} (showing top ${t.nodes.shown} by ${state.author ? 'joint papers' : 'papers'})`),
        );
        if (next > t.nodes.shown) {
          parts.push(h('button', { type: 'button', class: 'btn', 'data-testid': 'load-more', onclick: () => go({ limit: next }) }, `Load ${(next - t.nodes.shown).toLocaleString('en')} more`));
        }
      }
      notice.hidden = parts.length === 0;
      fill(notice, ...parts);
    }

    function paintPath(): void {
      pathClear.hidden = !state.pathTo;
      map.highlightPath(path);
      pathInfo.hidden = !state.pathTo;
      if (!state.pathTo) return;
      const target = pathRes?.to.name;
      if (target) pathPicker.setText(target);
      if (!pathRes || path.length === 0) {
        pathInfo.textContent = pathRes?.message ?? 'No co-authorship path within 6 hops.';
        return;
      }
      const hops = must(pathRes.paths[0], 'the first path').hops;
      fill(
        pathInfo,
        h('span', {}, `${hops.length} step${hops.length === 1 ? '' : 's'}: `),
        ...hops.flatMap((hp, i) => [
          i === 0 ? h('b', {}, hp.from.name) : null,
          h('span', { title: hp.papers.map((p) => p.title ?? p.id).join('\n') }, ` → `),
          h('b', {}, hp.to.name),
        ]).filter((x): x is HTMLElement => x !== null),
        pathRes.paths.length > 1 ? h('span', {}, ` (${pathRes.paths.length} shortest paths; showing one)`) : null,
        h('br', {}),
        h('a', { href: consoleHref(pathCypher(must(state.author, 'the centre author'), state.pathTo)), 'data-testid': 'path-console' }, 'Open in console'),
      );
    }

    /**
     * Loads the centre author's details. Returns true when the id was retired (the API redirected to the person's live
     * id): the view then replaces its URL with the live id instead of loading the old one.
     */
    async function loadAuthorDetail(): Promise<boolean> {
      if (!state.author) {
        authorDetail = null;
        paintControls();
        return false;
      }
      if (authorDetail?.author.id === state.author) return false;
      try {
        authorDetail = await fetchAuthor(state.author);
      } catch (err) {
        authorDetail = null;
        ctx.notify(`Could not load the author: ${(err as Error).message}`, 'error');
      }
      if (destroyed) return false;
      const live = authorDetail?.author.id;
      if (live !== undefined && live !== state.author) {
        const old = state.author;
        go({ author: live, sel: state.sel === old ? live : state.sel }, { replace: true });
        return true;
      }
      paintControls();
      return false;
    }

    async function showPanel(id: string | undefined): Promise<void> {
      panelAbort?.abort();
      map.select(id ?? null);
      if (!id) {
        setPanelOpen(layout, panel, map, false);
        return;
      }
      const abort = (panelAbort = new AbortController());
      setPanelOpen(layout, panel, map, true);
      const label = map.cy.getElementById(id).data('label') as string | undefined;
      fill(panel, h('h2', {}, label ?? 'Loading…'), h('p', { class: 'hint' }, 'Loading…'));
      try {
        const detail = id === authorDetail?.author.id ? authorDetail : await ctx.withLoading(fetchAuthor(id, abort.signal));
        if (abort.signal.aborted || destroyed) return;
        renderAuthorPanel(panel, detail, {
          centre: state.author,
          inMap: (aid) => map.cy.getElementById(aid).nonempty(),
          pinned: map.pinned.has(id),
          expanded: state.expand.includes(id),
          onClose: () => go({ sel: undefined }, { replace: true }),
          onExpand: () => go({ expand: state.expand.includes(id) ? state.expand.filter((x) => x !== id) : [...state.expand, id] }),
          onPin: () => {
            map.togglePin(id);
            void showPanel(id);
          },
          onPath: () => go({ pathTo: id }),
          onSelect: (aid) => {
            go({ sel: aid }, { replace: true });
            map.focus(aid);
          },
        });
      } catch (err) {
        if (abort.signal.aborted || destroyed) return;
        fill(panel, h('h2', {}, label ?? id), h('p', { class: 'hint' }, `Could not load details: ${(err as Error).message}`));
      }
    }

    function showEdge(a: string, b: string): void {
      const na = map.cy.getElementById(a).data('label') as string;
      const nb = map.cy.getElementById(b).data('label') as string;
      const edge = map.cy.getElementById(a).edgesWith(map.cy.getElementById(b));
      const w = Number(edge.data('weight')) || 0;
      panelAbort?.abort();
      setPanelOpen(layout, panel, map, true);
      fill(panel, 
        h('div', { class: 'panel-head' }, h('div', {}, h('h2', {}, `${na} & ${nb}`)), h('button', { type: 'button', class: 'panel-close', 'aria-label': 'Close', onclick: () => showPanel(undefined) }, '×')),
        h('p', {}, `${Number.isInteger(w) ? w : w.toFixed(2)} joint paper${w === 1 ? '' : 's'}${state.weighting === 'fractional' ? ' (fractional weight)' : ''}.`),
        h('div', { class: 'row' },
          h('a', { class: 'btn', href: consoleHref(jointPapersCypher(a, b)), 'data-testid': 'edge-console' }, 'Joint papers in console'),
          h('button', { type: 'button', class: 'btn', onclick: () => go({ sel: a }, { replace: true }) }, na),
          h('button', { type: 'button', class: 'btn', onclick: () => go({ sel: b }, { replace: true }) }, nb),
        ),
      );
    }

    // ---- state changes ----------------------------------------------------------------------------------------------
    async function apply(next: CoauthorParams, first = false): Promise<void> {
      const prev = state;
      state = next;
      paintControls();
      // Size the map for the panel before a first layout is fitted, so a shared link with a selection fits too.
      if (first && next.sel) setPanelOpen(layout, panel, map, true);
      const authorChanged = first || prev.author !== next.author;
      if (authorChanged) {
        // A new centre: its positions mean nothing for the new network.
        map.pinned.clear();
        map.cy.elements().remove();
        if ((await loadAuthorDetail()) || destroyed) return;
      }
      if (first || graphQueryKey(next) !== loadedKey || prev.pathTo !== next.pathTo) await loadGraph();
      else if (colourShown !== next.colour) await draw();
      if (destroyed) return;
      if (first || prev.sel !== next.sel || authorChanged) void showPanel(next.sel);
    }

    void fetchStats(20)
      .then((s) => {
        stats = s;
        if (!destroyed) paintCategories();
      })
      .catch(() => undefined);
    void apply(state, true);

    return {
      update(params) {
        void apply(decodeCoauthorParams(params));
      },
      unmount() {
        destroyed = true;
        graphAbort?.abort();
        panelAbort?.abort();
        map.destroy();
      },
    };
  },
};
