// The app shell: owns the URL (history, popstate, link clicks), mounts views lazily and gives them their context.
import { createAutocomplete } from '../components/autocomplete.js';
import { h } from '../components/dom.js';
import { createLoading } from '../components/loading.js';
import { createNotifier } from '../components/notifications.js';
import { fetchHealth, searchSuggestions, suggestionHref } from '../api/api.js';
import { formatUrlState, parseUrlState, VIEWS, type UrlState, type View } from '../core/url-state.js';
import type { ViewContext, ViewHandle, ViewLoader } from '../views/view.js';
import { pgHooks } from '../core/test-hooks.js';
import { currentTheme, toggleTheme } from '../core/theme.js';

export interface ShellElements {
  nav: HTMLElement;
  search: HTMLElement;
  status: HTMLElement;
  themeToggle: HTMLButtonElement;
  loading: HTMLElement;
  main: HTMLElement;
}

/** True when a click on a link should stay in the page (plain left click on a same-origin `?…` link). */
export function isInAppClick(e: MouseEvent, a: HTMLAnchorElement, origin: string, pathname: string): boolean {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  if (a.target && a.target !== '_self') return false;
  if (a.hasAttribute('download')) return false;
  const url = new URL(a.href, origin);
  return url.origin === origin && url.pathname === pathname && url.search.length > 1;
}

/** Starts the shell: renders the view in the URL and keeps URL and screen in step from then on. */
export function startShell(els: ShellElements, loaders: ViewLoader): { navigate: ViewContext['navigate'] } {
  const notify = createNotifier(document.body);
  const withLoading = createLoading(els.loading);
  let current: { view: View; params: Record<string, string>; handle: ViewHandle; root: HTMLElement } | null = null;
  let renderSeq = 0;
  // The last params of each view, so the nav returns to where the user was in that view.
  const lastParams = new Map<View, Record<string, string>>();

  const navLinks = new Map<View, HTMLAnchorElement>();
  const titles: Record<View, string> = { overview: 'Overview', coauthors: 'Co-authors', topics: 'Topics', paper: 'Paper', console: 'Console', review: 'Review' };
  for (const v of VIEWS) {
    if (v === 'paper') continue; // reached from links, not the nav
    const a = h('a', { href: formatUrlState({ view: v, params: {} }), 'data-testid': `nav-${v}`, 'data-view': v }, titles[v]);
    navLinks.set(v, a);
    els.nav.append(a);
  }
  const paintNav = (view: View) => {
    for (const [v, a] of navLinks) {
      if (v === view) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
      a.href = formatUrlState({ view: v, params: lastParams.get(v) ?? {} });
    }
  };

  const remember = (state: UrlState) => lastParams.set(state.view, { ...state.params });

  const ctxFor = (view: View): ViewContext => ({
    navigate: (state, opts) => navigate(state, opts),
    replaceParams: (params) => {
      if (current?.view !== view) return;
      current.params = { ...params };
      const state = { view, params };
      remember(state);
      history.replaceState(null, '', formatUrlState(state));
      paintNav(view);
    },
    notify,
    withLoading,
  });

  async function render(state: UrlState): Promise<void> {
    const seq = ++renderSeq;
    remember(state);
    paintNav(state.view);
    if (current && current.view === state.view && current.handle.update) {
      current.params = { ...state.params };
      current.handle.update(state.params);
      return;
    }
    if (current) {
      try {
        current.handle.unmount();
      } catch (err) {
        console.error(err);
      }
      current.root.remove();
      current = null;
    }
    pgHooks().view = null;
    let mod;
    try {
      mod = await withLoading(loaders[state.view]());
    } catch (err) {
      if (seq !== renderSeq) return;
      notify(`Could not load the ${titles[state.view]} view: ${(err as Error).message}`, 'error');
      els.main.replaceChildren(h('p', { class: 'empty' }, `The ${titles[state.view]} view could not be loaded.`));
      return;
    }
    if (seq !== renderSeq) return;
    const root = h('div', { class: `view view-${state.view}`, 'data-testid': `view-${state.view}` });
    els.main.replaceChildren(root);
    document.title = `${mod.title} · PaperGraph`;
    const handle = mod.mount(root, state.params, ctxFor(state.view));
    current = { view: state.view, params: { ...state.params }, handle, root };
    pgHooks().view = state.view;
  }

  function navigate(state: UrlState, opts: { replace?: boolean } = {}): void {
    const url = formatUrlState(state);
    if (url === location.search && current?.view === state.view) return;
    if (opts.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    void render(parseUrlState(url));
  }

  window.addEventListener('popstate', () => void render(parseUrlState(location.search)));
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!a || !isInAppClick(e, a, location.origin, location.pathname)) return;
    e.preventDefault();
    navigate(parseUrlState(new URL(a.href).search));
  });

  // Global search: authors open the co-author map, topics the topic map, papers the paper view.
  const ac = createAutocomplete({
    label: 'Search authors, papers and topics',
    placeholder: 'Search authors, papers, topics…',
    testid: 'search-input',
    optionTestId: 'search-option',
    fetch: (q, signal) => searchSuggestions(q, signal),
    onSelect: (s) => {
      navigate(parseUrlState(suggestionHref(s)));
      ac.setText('');
      ac.input.blur();
    },
    notify,
  });
  els.search.append(ac.el);
  // "/" focuses search from anywhere except text fields, as on most sites with one search box.
  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement;
    if (e.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) && !t.isContentEditable) {
      e.preventDefault();
      ac.input.focus();
    }
  });

  const paintTheme = () => {
    const dark = currentTheme() === 'dark';
    els.themeToggle.textContent = dark ? '☀' : '☾';
    els.themeToggle.setAttribute('aria-label', dark ? 'Switch to light theme' : 'Switch to dark theme');
    els.themeToggle.setAttribute('aria-pressed', String(dark));
  };
  els.themeToggle.addEventListener('click', () => {
    toggleTheme();
    paintTheme();
  });
  paintTheme();

  const showHealth = async () => {
    try {
      const health = await fetchHealth();
      const ok = health.status === 'ok';
      els.status.className = `status ${ok ? 'ok' : 'bad'}`;
      els.status.textContent = ok
        ? `Neo4j ${health.neo4j.version ?? ''} · ${health.counts ? `${health.counts.papers.toLocaleString('en')} papers` : 'connected'}`
        : 'Neo4j unavailable';
      els.status.title = ok ? `${health.neo4j.edition ?? ''} ${health.neo4j.uri}`.trim() : (health.neo4j.message ?? '');
    } catch (err) {
      els.status.className = 'status bad';
      els.status.textContent = 'API unreachable';
      els.status.title = (err as Error).message;
    }
  };
  void showHealth();
  setInterval(() => void showHealth(), 30_000);

  void render(parseUrlState(location.search));
  return { navigate };
}
