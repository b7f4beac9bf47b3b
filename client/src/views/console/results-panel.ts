// The console's results: tabs (Graph, Table, JSON, Plan), the status line, Neo4j's notices, errors, CSV export.
import { must } from '../../../../shared/must.js';
import { fmt, h } from '../../components/dom.js';
import { download } from '../../graph/export.js';
import type { GraphCanvas } from '../../graph/canvas.js';
import { toCsv } from './csv.js';
import type { CypherResponse } from '../../../../schema/cypher.js';
import type { CypherOutcome } from './cypher-api.js';
import { renderResultGraph } from './result-graph.js';
import { displayCell, rowsAsArrays, rowsAsObjects } from './result-format.js';

export type Tab = 'graph' | 'table' | 'json' | 'plan';
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

export type CypherFailure = Extract<CypherOutcome, { ok: false }>;

export interface ResultsState {
  result: CypherResponse | null;
  error: CypherFailure | null;
  running: boolean;
  /** The tab asked for in the URL, if any. */
  tab: string | undefined;
}

/** The tab to show: the one asked for when it applies, else the graph when there is something to draw, else the table. */
export function currentTab(s: Pick<ResultsState, 'result' | 'tab'>): Tab {
  const asked = s.tab as Tab | undefined;
  if (asked && TABS.includes(asked) && (asked !== 'plan' || (s.result?.summary.plan.length ?? 0) > 0)) return asked;
  return s.result && s.result.graph.nodes.length > 0 ? 'graph' : 'table';
}

export class ResultsPanel {
  readonly el: HTMLElement;
  private readonly status = h('span', { class: 'console-status', 'data-testid': 'console-status', 'aria-live': 'polite' });
  private readonly tabBar = h('div', { class: 'console-tabs', role: 'tablist', 'aria-label': 'Result views' });
  private readonly exportButton: HTMLButtonElement;
  private readonly body = h('div', { class: 'console-body' });
  private readonly notices = h('ul', { class: 'console-notices', 'data-testid': 'console-notices', hidden: true });
  private graph: GraphCanvas | null = null;
  private state: ResultsState = { result: null, error: null, running: false, tab: undefined };

  constructor(
    private readonly o: {
      /** The user picked a tab (the page keeps it in the URL and renders again). */
      onTab(tab: Tab): void;
      /** The user asked to see an error's position in the editor. */
      onGoTo(line: number, column: number): void;
    },
  ) {
    this.exportButton = h(
      'button',
      { type: 'button', class: 'btn-quiet', 'data-testid': 'console-export-csv', disabled: true, onclick: () => this.exportCsv() },
      'Export CSV',
    );
    this.el = h(
      'section',
      { class: 'console-results', 'aria-label': 'Results' },
      h('div', { class: 'console-results-bar' }, this.tabBar, this.status, this.exportButton),
      this.notices,
      this.body,
    );
  }

  /** Shows a short message in the status line (e.g. "Running…"). */
  say(text: string): void {
    this.status.textContent = text;
  }

  /** Moves the keyboard focus to a tab (after it was picked with the keyboard). */
  focusTab(tab: Tab): void {
    (this.tabBar.querySelector(`[data-tab="${tab}"]`) as HTMLElement | null)?.focus();
  }

  render(state: ResultsState): void {
    this.state = state;
    this.destroyGraph();
    const tab = currentTab(state);
    this.renderTabs(tab);
    const panel = h('div', { class: 'console-panel', id: 'console-panel', role: 'tabpanel', 'aria-labelledby': `console-tab-${tab}` });
    this.body.replaceChildren(panel);
    this.exportButton.disabled = !state.result || state.result.rows.length === 0;
    this.notices.hidden = true;

    delete this.status.dataset.rows;
    if (state.error) {
      this.status.textContent = '';
      panel.append(this.errorBox(state.error));
      return;
    }
    const r = state.result;
    if (!r) {
      if (state.running) return;
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

    if (tab === 'graph') this.graph = renderResultGraph(panel, r);
    else if (tab === 'table') panel.append(table(r));
    else if (tab === 'json') {
      panel.append(h('pre', { class: 'console-json', 'data-testid': 'console-json' }, JSON.stringify(rowsAsObjects(r.columns, r.rows), null, 2)));
    } else panel.append(plan(r));
  }

  destroy(): void {
    this.destroyGraph();
  }

  private destroyGraph(): void {
    this.graph?.destroy();
    this.graph = null;
  }

  private renderTabs(active: Tab): void {
    const tabs = TABS.filter((t) => t !== 'plan' || (this.state.result?.summary.plan.length ?? 0) > 0);
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
            onclick: () => this.o.onTab(t),
            onkeydown: (e: Event) => {
              // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
              const k = (e as KeyboardEvent).key;
              if (k !== 'ArrowRight' && k !== 'ArrowLeft') return;
              const i = tabs.indexOf(t) + (k === 'ArrowRight' ? 1 : -1);
              this.o.onTab(must(tabs[(i + tabs.length) % tabs.length], 'the next tab'));
            },
          },
          TAB_LABEL[t],
        ),
      ),
    );
  }

  private errorBox(e: CypherFailure): HTMLElement {
    const pos = e.position;
    return h(
      'div',
      { class: `console-error code-${e.code}`, role: 'alert', 'data-testid': 'console-error', 'data-code': e.code },
      h('div', { class: 'error-head' }, h('strong', {}, ERROR_HEADING[e.code] ?? 'Query failed'), e.neo4jCode ? h('code', {}, e.neo4jCode) : null),
      h('pre', { 'data-testid': 'console-error-message' }, e.message),
      pos
        ? h(
            'button',
            { type: 'button', class: 'btn-link', 'data-testid': 'console-error-position', onclick: () => this.o.onGoTo(pos.line, pos.column) },
            `Go to line ${pos.line}, column ${pos.column}`,
          )
        : null,
      e.code === 'forbidden_query'
        ? h('p', { class: 'muted' }, 'The console runs read-only queries; writes, LOAD CSV, administration commands and most procedures are refused.')
        : null,
    );
  }

  private exportCsv(): void {
    const r = this.state.result;
    if (!r) return;
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    download(`papergraph-query-${stamp}.csv`, toCsv(r.columns, rowsAsArrays(r.columns, r.rows)), 'text/csv');
  }
}

function table(r: CypherResponse): HTMLElement {
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

function plan(r: CypherResponse): HTMLElement {
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
