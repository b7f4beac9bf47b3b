// The Cypher console: editor with schema completion, JSON parameters, results as graph/table/JSON, history and examples.
/// <reference types="vite/client" />
import cytoscape from 'cytoscape';
import { onThemeChange } from '../../core/theme.js';
import { pgHooks } from '../../core/test-hooks.js';
import type { ViewContext, ViewHandle, ViewModule } from '../view.js';
import { fmt, h } from '../../components/dom.js';
import { download } from '../../graph/export.js';
import { computeLayout } from '../../graph/layout-core.js';
import { graphColours } from '../../graph/graph-theme.js';
import type { GraphSchema } from './completion.js';
import { toCsv } from './csv.js';
import { type CypherOutcome, type CypherResult, fetchGraphSchema, runCypher } from './cypher-api.js';
import { createCypherEditor, type CypherEditor } from './editor.js';
import { EXAMPLES } from './examples.js';
import { type HistoryEntry, loadHistory, pushHistory, saveHistory } from './history.js';
import { parseParams } from './params.js';
import { consoleElements, displayCell, fitAspect, rowsAsArrays, rowsAsObjects } from './result-format.js';
import './console.css';

type Tab = 'graph' | 'table' | 'json' | 'plan';
const TABS: readonly Tab[] = ['graph', 'table', 'json', 'plan'];
const TAB_LABEL: Record<Tab, string> = { graph: 'Graph', table: 'Table', json: 'JSON', plan: 'Plan' };

const ERROR_HEADING: Record<string, string> = {
  forbidden_query: 'Query refused',
  query_timeout: 'Query timed out',
  cypher_error: 'Cypher error',
  invalid_request: 'Invalid request',
  network_error: 'API unreachable',
  database_unavailable: 'Database unavailable',
  rate_limited: 'Too many queries',
};

/** The live schema is fetched once per page load and shared by every console mount; a failure is retried next time. */
let schemaPromise: Promise<GraphSchema | null> | null = null;
function schemaOnce(): Promise<GraphSchema | null> {
  schemaPromise ??= fetchGraphSchema().then(
    (s) => {
      if (!s) schemaPromise = null;
      return s;
    },
    () => {
      schemaPromise = null;
      return null;
    },
  );
  return schemaPromise;
}

const storage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

const runKey = (query: string, params: string) => `${query.trim()}\u0000${params.trim()}`;

/** "3 min ago" for the history list. */
function ago(at: number, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return new Date(at).toLocaleDateString();
}

class ConsolePage implements ViewHandle {
  private params: Record<string, string>;
  private readonly root: HTMLElement;
  private readonly editor: CypherEditor;
  private readonly paramsBox: HTMLTextAreaElement;
  private readonly paramsError = h('p', { class: 'params-error', 'data-testid': 'console-params-error', role: 'alert', hidden: true });
  private readonly runButton: HTMLButtonElement;
  private readonly status = h('span', { class: 'console-status', 'data-testid': 'console-status', 'aria-live': 'polite' });
  private readonly tabBar = h('div', { class: 'console-tabs', role: 'tablist', 'aria-label': 'Result views' });
  private readonly exportButton: HTMLButtonElement;
  private readonly body = h('div', { class: 'console-body' });
  private readonly notices = h('ul', { class: 'console-notices', 'data-testid': 'console-notices', hidden: true });
  private readonly historyList = h('ol', { class: 'console-history', 'data-testid': 'console-history' });
  private schema: GraphSchema | null = null;
  private result: CypherResult | null = null;
  private error: Extract<CypherOutcome, { ok: false }> | null = null;
  private lastRun: string | null = null;
  private cy: cytoscape.Core | null = null;
  private abort: AbortController | null = null;
  private running = false;
  private history: HistoryEntry[];
  private readonly stopTheme: () => void;

  constructor(
    el: HTMLElement,
    params: Record<string, string>,
    private readonly ctx: ViewContext,
  ) {
    this.params = { ...params };
    this.history = loadHistory(storage());
    const mac = /Mac|iPhone|iPad/.test(navigator.userAgent);
    this.runButton = h(
      'button',
      { type: 'button', class: 'btn-run', 'data-testid': 'console-run', title: `Run (${mac ? '⌘' : 'Ctrl'}+Enter)`, onclick: () => void this.run() },
      '▶ Run',
    );
    this.exportButton = h(
      'button',
      { type: 'button', class: 'btn-quiet', 'data-testid': 'console-export-csv', disabled: true, onclick: () => this.exportCsv() },
      'Export CSV',
    );
    this.paramsBox = h('textarea', {
      id: 'console-params',
      class: 'params-box',
      'data-testid': 'console-params',
      spellcheck: 'false',
      placeholder: '{"name": "Alexander Ziller"}',
      'aria-describedby': 'console-params-help',
    });
    this.paramsBox.value = params.params ?? '';
    this.paramsBox.addEventListener('input', () => this.checkParams());
    this.paramsBox.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.run();
      }
    });

    const editorHost = h('div', { class: 'console-editor', 'data-testid': 'console-editor' });
    this.editor = createCypherEditor(editorHost, {
      doc: params.query ?? '',
      onRun: () => void this.run(),
      getSchema: () => this.schema,
      label: 'Cypher query',
    });

    const input = h(
      'div',
      { class: 'console-input' },
      h(
        'div',
        { class: 'console-query' },
        h(
          'div',
          { class: 'console-toolbar' },
          h('strong', {}, 'Cypher'),
          h('span', { class: 'muted console-hint' }, `Read-only · ${mac ? '⌘' : 'Ctrl'}+Enter runs · Ctrl+Space completes`),
          this.runButton,
        ),
        editorHost,
      ),
      h(
        'div',
        { class: 'console-params' },
        h('label', { for: 'console-params' }, 'Parameters ', h('span', { class: 'muted' }, '(JSON object)')),
        this.paramsBox,
        h('p', { id: 'console-params-help', class: 'muted small' }, 'Use them as ', h('code', {}, '$name'), ' in the query.'),
        this.paramsError,
      ),
    );

    const results = h(
      'section',
      { class: 'console-results', 'aria-label': 'Results' },
      h('div', { class: 'console-results-bar' }, this.tabBar, this.status, this.exportButton),
      this.notices,
      this.body,
    );

    const side = h(
      'aside',
      { class: 'console-side', 'aria-label': 'Examples and history' },
      h('h2', {}, 'Examples'),
      h(
        'ul',
        { class: 'console-examples', 'data-testid': 'console-examples' },
        ...EXAMPLES.map((ex) =>
          h(
            'li',
            {},
            h('button', { type: 'button', title: ex.query, onclick: () => this.load(ex.query, ex.params, true) }, ex.title),
          ),
        ),
      ),
      h(
        'div',
        { class: 'side-head' },
        h('h2', {}, 'History'),
        h('button', { type: 'button', class: 'btn-link', 'data-testid': 'console-history-clear', onclick: () => this.clearHistory() }, 'Clear'),
      ),
      this.historyList,
    );

    this.root = h('div', { class: 'console-page', 'data-testid': 'console-view' }, h('div', { class: 'console-main' }, input, results), side);
    el.append(this.root);
    this.stopTheme = onThemeChange(() => this.cy?.style(this.graphStyle()));

    this.renderHistory();
    this.checkParams();
    this.renderResults();
    void schemaOnce().then((s) => (this.schema = s));

    if (params.run === '1' && (params.query ?? '').trim()) void this.run();
    else this.editor.focus();
  }

  update(params: Record<string, string>): void {
    const before = this.params;
    this.params = { ...params };
    const query = params.query ?? '';
    const paramsText = params.params ?? '';
    if (query !== this.editor.getText()) this.editor.setText(query);
    if (paramsText !== this.paramsBox.value) {
      this.paramsBox.value = paramsText;
      this.checkParams();
    }
    if (params.run === '1' && query.trim() && runKey(query, paramsText) !== this.lastRun) void this.run();
    else if (params.tab !== before.tab) this.renderResults();
  }

  unmount(): void {
    this.abort?.abort();
    this.destroyGraph();
    this.stopTheme();
    this.editor.destroy();
    this.root.remove();
  }

  /** Puts a query (an example, a history entry) in the editor and, when asked, runs it. */
  private load(query: string, params: string, run: boolean): void {
    this.editor.setText(query);
    this.paramsBox.value = params;
    this.checkParams();
    if (run) void this.run();
    else this.editor.focus();
  }

  /** Validates the parameters box as the user types; returns the parsed object or null (error shown). */
  private checkParams(): Record<string, unknown> | null {
    const r = parseParams(this.paramsBox.value);
    this.paramsBox.setAttribute('aria-invalid', r.ok ? 'false' : 'true');
    this.paramsError.hidden = r.ok;
    this.paramsError.textContent = r.ok ? '' : `Line ${r.line}, column ${r.column}: ${r.message}`;
    return r.ok ? r.value : null;
  }

  private async run(): Promise<void> {
    const query = this.editor.getText();
    const paramsText = this.paramsBox.value;
    if (!query.trim()) {
      this.status.textContent = 'Type a query first, or pick an example.';
      this.editor.focus();
      return;
    }
    const params = this.checkParams();
    if (!params) {
      this.paramsBox.focus();
      const [, line, column] = /^Line (\d+), column (\d+)/.exec(this.paramsError.textContent ?? '') ?? [];
      if (line && column) this.selectInTextarea(Number(line), Number(column));
      return;
    }
    // A newer run replaces an older one still waiting: only the last answer is shown.
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.lastRun = runKey(query, paramsText);
    this.editor.clearError();
    this.runButton.disabled = true;
    this.running = true;
    this.root.setAttribute('aria-busy', 'true');
    this.status.textContent = 'Running…';

    // The URL keeps what ran, so a copied link or a reload shows the same results.
    const urlParams: Record<string, string> = { query, run: '1' };
    if (paramsText.trim()) urlParams.params = paramsText;
    if (this.params.tab) urlParams.tab = this.params.tab;
    this.params = urlParams;
    this.ctx.replaceParams(urlParams);

    let outcome: CypherOutcome;
    try {
      outcome = await this.ctx.withLoading(runCypher(query, params, abort.signal));
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      outcome = { ok: false, status: 0, code: 'network_error', message: (err as Error).message, position: null };
    } finally {
      if (this.abort === abort) {
        this.runButton.disabled = false;
        this.running = false;
        this.root.removeAttribute('aria-busy');
      }
    }
    if (abort.signal.aborted || this.abort !== abort) return;
    this.abort = null;

    this.history = pushHistory(this.history, { query, params: paramsText, at: Date.now() });
    saveHistory(storage(), this.history);
    this.renderHistory();

    if (outcome.ok) {
      this.result = outcome.result;
      this.error = null;
    } else {
      this.result = null;
      this.error = outcome;
      if (outcome.position) this.editor.markError(outcome.position.line, outcome.position.column);
    }
    this.renderResults();
  }

  private selectInTextarea(line: number, column: number): void {
    const lines = this.paramsBox.value.split('\n');
    const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    this.paramsBox.setSelectionRange(offset, Math.min(offset + 1, this.paramsBox.value.length));
  }

  /** The tab in the URL, else the graph when there is something to draw, else the table. */
  private currentTab(): Tab {
    const asked = this.params.tab as Tab | undefined;
    if (asked && TABS.includes(asked) && (asked !== 'plan' || (this.result?.summary.plan.length ?? 0) > 0)) return asked;
    return this.result && this.result.graph.nodes.length > 0 ? 'graph' : 'table';
  }

  private selectTab(tab: Tab): void {
    this.params = { ...this.params, tab };
    this.ctx.replaceParams(this.params);
    this.renderResults();
    (this.tabBar.querySelector(`[data-tab="${tab}"]`) as HTMLElement | null)?.focus();
  }

  private renderTabs(active: Tab): void {
    const tabs = TABS.filter((t) => t !== 'plan' || (this.result?.summary.plan.length ?? 0) > 0);
    this.tabBar.replaceChildren(
      ...tabs.map((t) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: `console-tab-${t}`,
            'data-tab': t,
            'data-testid': `console-tab-${t}`,
            'aria-selected': t === active ? 'true' : 'false',
            'aria-controls': 'console-panel',
            tabindex: t === active ? 0 : -1,
            onclick: () => this.selectTab(t),
            onkeydown: (e: Event) => {
              // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
              const k = (e as KeyboardEvent).key;
              if (k !== 'ArrowRight' && k !== 'ArrowLeft') return;
              const i = tabs.indexOf(t) + (k === 'ArrowRight' ? 1 : -1);
              this.selectTab(tabs[(i + tabs.length) % tabs.length]!);
            },
          },
          TAB_LABEL[t],
        ),
      ),
    );
  }

  private renderResults(): void {
    this.destroyGraph();
    const tab = this.currentTab();
    this.renderTabs(tab);
    const panel = h('div', { class: 'console-panel', id: 'console-panel', role: 'tabpanel', 'aria-labelledby': `console-tab-${tab}` });
    this.body.replaceChildren(panel);
    this.exportButton.disabled = !this.result || this.result.rows.length === 0;
    this.notices.hidden = true;

    delete this.status.dataset.rows;
    if (this.error) {
      this.status.textContent = '';
      panel.append(this.errorBox(this.error));
      return;
    }
    const r = this.result;
    if (!r) {
      if (this.running) return;
      this.status.textContent = '';
      panel.append(
        h(
          'div',
          { class: 'console-empty' },
          h('p', {}, 'Write a query and press ', h('kbd', {}, 'Ctrl'), '+', h('kbd', {}, 'Enter'), ', or pick an example on the right.'),
          h('p', { class: 'muted' }, 'The console is read-only: it can read the whole graph but not change it.'),
        ),
      );
      return;
    }

    const rows = r.rows.length;
    const parts = [
      `${fmt(rows)} row${rows === 1 ? '' : 's'}${r.truncated ? ' (more were cut off)' : ''}`,
      `${fmt(Math.round(r.summary.timeMs))} ms`,
    ];
    if (r.summary.mode !== 'run') parts.push(r.summary.mode.toUpperCase());
    if (r.graph.nodes.length) parts.push(`${fmt(r.graph.nodes.length)} nodes, ${fmt(r.graph.edges.length)} relationships`);
    this.status.textContent = parts.join(' · ');
    this.status.dataset.rows = String(rows);

    // Neo4j's notifications (performance hints, deprecations) are long: the title shows, the explanation folds out.
    const notices: HTMLElement[] = [
      ...r.summary.notifications.map((n) =>
        h(
          'li',
          {},
          h(
            'details',
            {},
            h('summary', {}, n.title, n.position ? h('span', { class: 'muted' }, ` (line ${n.position.line}, column ${n.position.column})`) : null),
            h('p', {}, n.description),
          ),
        ),
      ),
      ...(r.truncated ? [`Only the first ${fmt(rows)} rows are shown; add a LIMIT or narrow the query.`] : []),
      ...r.graph.truncated.reasons,
    ].map((n) => (typeof n === 'string' ? h('li', {}, n) : n));
    if (notices.length) {
      this.notices.hidden = false;
      this.notices.replaceChildren(...notices);
    }

    if (tab === 'graph') this.renderGraph(panel, r);
    else if (tab === 'table') panel.append(this.table(r));
    else if (tab === 'json') {
      panel.append(h('pre', { class: 'console-json', 'data-testid': 'console-json' }, JSON.stringify(rowsAsObjects(r.columns, r.rows), null, 2)));
    } else panel.append(this.plan(r));
  }

  private errorBox(e: Extract<CypherOutcome, { ok: false }>): HTMLElement {
    const pos = e.position;
    return h(
      'div',
      { class: `console-error code-${e.code}`, role: 'alert', 'data-testid': 'console-error', 'data-code': e.code },
      h('div', { class: 'error-head' }, h('strong', {}, ERROR_HEADING[e.code] ?? 'Query failed'), e.neo4jCode ? h('code', {}, e.neo4jCode) : null),
      h('pre', { 'data-testid': 'console-error-message' }, e.message),
      pos
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn-link',
              'data-testid': 'console-error-position',
              onclick: () => {
                this.editor.markError(pos.line, pos.column);
                this.editor.focus();
              },
            },
            `Go to line ${pos.line}, column ${pos.column}`,
          )
        : null,
      e.code === 'forbidden_query'
        ? h('p', { class: 'muted' }, 'The console runs read-only queries; writes, LOAD CSV, administration commands and most procedures are refused.')
        : null,
    );
  }

  private table(r: CypherResult): HTMLElement {
    if (r.columns.length === 0) return h('p', { class: 'console-empty muted' }, 'The query returned no columns.');
    const rows = rowsAsArrays(r.columns, r.rows);
    const body = h('tbody');
    for (const row of rows) {
      const tr = h('tr');
      for (const v of row) {
        const text = displayCell(v);
        tr.append(h('td', { class: v === null ? 'null' : typeof v === 'number' ? 'num' : null, title: text.length > 60 ? text : null }, text));
      }
      body.append(tr);
    }
    return h(
      'div',
      { class: 'console-table-wrap' },
      h(
        'table',
        { class: 'console-table', 'data-testid': 'console-table' },
        h('thead', {}, h('tr', {}, ...r.columns.map((c) => h('th', { scope: 'col' }, c)))),
        body,
      ),
      rows.length === 0 ? h('p', { class: 'console-empty muted' }, '(no rows)') : null,
    );
  }

  private plan(r: CypherResult): HTMLElement {
    const profiled = r.summary.mode === 'profile';
    return h(
      'table',
      { class: 'console-table console-plan', 'data-testid': 'console-plan' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Operator'), h('th', {}, 'Details'), profiled ? h('th', {}, 'Rows') : null, profiled ? h('th', {}, 'DB hits') : null)),
      h(
        'tbody',
        {},
        ...r.summary.plan.map((op) =>
          h(
            'tr',
            {},
            h('td', { style: `padding-left:${0.5 + op.depth * 1.1}rem` }, op.operator),
            h('td', {}, op.details ?? ''),
            profiled ? h('td', { class: 'num' }, op.rows ?? '') : null,
            profiled ? h('td', { class: 'num' }, op.dbHits ?? '') : null,
          ),
        ),
      ),
    );
  }

  private renderGraph(panel: HTMLElement, r: CypherResult): void {
    if (r.graph.nodes.length === 0) {
      panel.append(
        h(
          'div',
          { class: 'console-empty', 'data-testid': 'console-graph-empty' },
          h('p', {}, 'Nothing to draw: this result has no nodes, relationships or paths.'),
          h('p', { class: 'muted' }, 'Return whole nodes (', h('code', {}, 'RETURN a, r, p'), ') to see them here, or look at the Table tab.'),
        ),
      );
      return;
    }
    const container = h('div', { class: 'console-graph', 'data-testid': 'console-graph' });
    const inspector = h('div', { class: 'inspector', 'data-testid': 'console-inspector', hidden: true });
    const elements = consoleElements(r.graph);
    // Which colour is which label: counted over the drawn nodes, most frequent first.
    const byLabel = new Map<string, { colour: string; count: number }>();
    for (const e of elements) {
      if ('source' in e.data || e.data.placeholder) continue;
      const key = String(e.data.labelsText || '(no label)');
      const entry = byLabel.get(key) ?? { colour: String(e.data.colour), count: 0 };
      entry.count++;
      byLabel.set(key, entry);
    }
    const legend = h(
      'ul',
      { class: 'console-legend', 'aria-label': 'Node labels' },
      ...[...byLabel.entries()]
        .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
        .map(([label, { colour, count }]) => h('li', {}, h('span', { class: 'dot', style: `background:${colour}` }), `:${label}`, h('span', { class: 'muted' }, ` ${count}`))),
    );
    panel.append(h('div', { class: 'console-graph-wrap' }, container, legend, inspector));
    // A seeded layout: the same result is drawn the same way each time it runs.
    const layout = computeLayout({
      // Laid out as if nodes were larger than drawn: the extra room is for their labels.
      nodes: elements.filter((e) => !('source' in e.data)).map((e) => ({ id: e.data.id!, size: 36 })),
      edges: elements.filter((e) => 'source' in e.data).map((e) => ({ source: e.data.source as string, target: e.data.target as string })),
      seed: 7,
    });
    const positions = fitAspect(layout.positions, container.clientWidth / Math.max(1, container.clientHeight));
    for (const e of elements) if (!('source' in e.data)) e.position = positions[e.data.id!] ?? { x: 0, y: 0 };
    const cy = cytoscape({
      container,
      elements,
      style: this.graphStyle(),
      layout: { name: 'preset', fit: true, padding: 30 },
      minZoom: 0.05,
      maxZoom: 4,
    });
    if (cy.zoom() > 1.6) {
      cy.zoom(1.6);
      cy.center();
    }
    cy.on('tap', 'node, edge', (evt) => {
      const d = evt.target.data() as Record<string, unknown>;
      const props = (d.properties ?? {}) as Record<string, unknown>;
      const title = evt.target.isNode() ? `:${String(d.labelsText ?? '')}` : `[:${String(d.type ?? '')}]`;
      inspector.hidden = false;
      inspector.replaceChildren(
        h('div', { class: 'inspector-head' }, h('strong', {}, title), h('button', { type: 'button', class: 'btn-link', 'aria-label': 'Close', onclick: () => (inspector.hidden = true) }, '×')),
        h('dl', {}, ...Object.entries(props).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, displayCell(v))])),
      );
    });
    cy.on('tap', (evt) => {
      if (evt.target === cy) inspector.hidden = true;
    });
    this.cy = cy;
    container.dataset.nodeCount = String(cy.nodes().length);
    container.dataset.ready = 'true';
    const hooks = pgHooks();
    hooks.cy = cy;
    hooks.ready = true;
  }

  private graphStyle(): cytoscape.StylesheetStyle[] {
    const c = graphColours();
    return [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          label: 'data(caption)',
          color: c.fg,
          'font-size': 12,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-outline-color': c.card,
          'text-outline-width': 2,
          width: 26,
          height: 26,
          'border-width': 1.5,
          'border-color': c.card,
        },
      },
      { selector: 'node[?placeholder]', style: { opacity: 0.45, 'border-style': 'dashed', 'border-color': c.muted } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': c.fg } },
      {
        selector: 'edge',
        style: {
          width: 1.4,
          'line-color': c.muted,
          'target-arrow-shape': 'triangle',
          'target-arrow-color': c.muted,
          'arrow-scale': 0.8,
          'curve-style': 'bezier',
          label: 'data(type)',
          'font-size': 8,
          color: c.muted,
          'text-rotation': 'autorotate',
          'text-outline-color': c.card,
          'text-outline-width': 2,
          // Relationship types appear once zoomed in; zoomed out they would only be grey noise.
          'min-zoomed-font-size': 9,
          opacity: 0.8,
        },
      },
      { selector: 'edge:selected', style: { 'line-color': c.accent, 'target-arrow-color': c.accent, width: 2.5 } },
    ];
  }

  private destroyGraph(): void {
    if (!this.cy) return;
    const hooks = pgHooks();
    if (hooks.cy === this.cy) {
      hooks.cy = null;
      hooks.ready = false;
    }
    this.cy.destroy();
    this.cy = null;
  }

  private exportCsv(): void {
    const r = this.result;
    if (!r) return;
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    download(`papergraph-query-${stamp}.csv`, toCsv(r.columns, rowsAsArrays(r.columns, r.rows)), 'text/csv');
  }

  private renderHistory(): void {
    if (this.history.length === 0) {
      this.historyList.replaceChildren(h('li', { class: 'muted small' }, 'Queries you run appear here.'));
      return;
    }
    const now = Date.now();
    this.historyList.replaceChildren(
      ...this.history.map((e) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              title: e.params.trim() ? `${e.query}\n\nParameters: ${e.params}` : e.query,
              'data-testid': 'console-history-item',
              onclick: () => this.load(e.query, e.params, true),
            },
            h('span', { class: 'q' }, e.query.trim().split('\n').map((l) => l.trim()).join(' ')),
            h('span', { class: 'when muted' }, ago(e.at, now)),
          ),
        ),
      ),
    );
  }

  private clearHistory(): void {
    this.history = [];
    saveHistory(storage(), this.history);
    this.renderHistory();
  }
}

export const consoleView: ViewModule = {
  title: 'Cypher console',
  mount(el, params, ctx) {
    return new ConsolePage(el, params, ctx);
  },
};
