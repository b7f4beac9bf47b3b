// The Cypher console: the query panel (editor, parameters), the results panel (graph, table, JSON, plan) and the side
// column (examples, history), wired to the URL: what ran is kept there, so a copied link shows the same results.
/// <reference types="vite/client" />
import { h } from '../../components/dom.js';
import type { ViewContext, ViewHandle, ViewModule } from '../view.js';
import type { GraphSchema } from './completion.js';
import type { CypherResponse } from '../../../../schema/cypher.js';
import { type CypherOutcome, fetchGraphSchema, runCypher } from './cypher-api.js';
import { type HistoryEntry, loadHistory, pushHistory, saveHistory } from './history.js';
import { createQueryPanel, type QueryPanel } from './query-panel.js';
import { type CypherFailure, ResultsPanel, type Tab } from './results-panel.js';
import { createSidePanel, type SidePanel } from './side-panel.js';
import './console.css';

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

class ConsolePage implements ViewHandle {
  private params: Record<string, string>;
  private readonly root: HTMLElement;
  private readonly input: QueryPanel;
  private readonly results: ResultsPanel;
  private readonly side: SidePanel;
  private schema: GraphSchema | null = null;
  private result: CypherResponse | null = null;
  private error: CypherFailure | null = null;
  private lastRun: string | null = null;
  private abort: AbortController | null = null;
  private running = false;
  private history: HistoryEntry[];

  constructor(
    el: HTMLElement,
    params: Record<string, string>,
    private readonly ctx: ViewContext,
  ) {
    this.params = { ...params };
    this.history = loadHistory(storage());
    this.input = createQueryPanel({
      query: params.query ?? '',
      params: params.params ?? '',
      onRun: () => void this.run(),
      getSchema: () => this.schema,
    });
    this.results = new ResultsPanel({
      onTab: (tab) => this.selectTab(tab),
      onGoTo: (line, column) => {
        this.input.editor.markError(line, column);
        this.input.editor.focus();
      },
    });
    this.side = createSidePanel({
      onPick: (query, paramsText) => this.load(query, paramsText),
      onClear: () => this.clearHistory(),
    });
    this.root = h('div', { class: 'console-page', 'data-testid': 'console-view' }, h('div', { class: 'console-main' }, this.input.el, this.results.el), this.side.el);
    el.append(this.root);

    this.side.renderHistory(this.history);
    this.input.checkParams();
    this.renderResults();
    void schemaOnce().then((s) => (this.schema = s));

    if (params.run === '1' && (params.query ?? '').trim()) void this.run();
    else this.input.editor.focus();
  }

  update(params: Record<string, string>): void {
    const before = this.params;
    this.params = { ...params };
    const query = params.query ?? '';
    const paramsText = params.params ?? '';
    this.input.load(query, paramsText);
    if (params.run === '1' && query.trim() && runKey(query, paramsText) !== this.lastRun) void this.run();
    else if (params.tab !== before.tab) this.renderResults();
  }

  unmount(): void {
    this.abort?.abort();
    this.results.destroy();
    this.input.destroy();
    this.root.remove();
  }

  /** Puts a query (an example, a history entry) in the editor and runs it. */
  private load(query: string, params: string): void {
    this.input.load(query, params);
    void this.run();
  }

  private async run(): Promise<void> {
    const query = this.input.query();
    const paramsText = this.input.paramsText();
    if (!query.trim()) {
      this.results.say('Type a query first, or pick an example.');
      this.input.editor.focus();
      return;
    }
    const params = this.input.checkParams();
    if (!params) {
      this.input.focusParamsError();
      return;
    }
    // A newer run replaces an older one still waiting: only the last answer is shown.
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.lastRun = runKey(query, paramsText);
    this.input.editor.clearError();
    this.input.setRunning(true);
    this.running = true;
    this.root.setAttribute('aria-busy', 'true');
    this.results.say('Running…');

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
        this.input.setRunning(false);
        this.running = false;
        this.root.removeAttribute('aria-busy');
      }
    }
    if (abort.signal.aborted || this.abort !== abort) return;
    this.abort = null;

    this.history = pushHistory(this.history, { query, params: paramsText, at: Date.now() });
    saveHistory(storage(), this.history);
    this.side.renderHistory(this.history);

    if (outcome.ok) {
      this.result = outcome.result;
      this.error = null;
    } else {
      this.result = null;
      this.error = outcome;
      if (outcome.position) this.input.editor.markError(outcome.position.line, outcome.position.column);
    }
    this.renderResults();
  }

  private selectTab(tab: Tab): void {
    this.params = { ...this.params, tab };
    this.ctx.replaceParams(this.params);
    this.renderResults();
    this.results.focusTab(tab);
  }

  private renderResults(): void {
    this.results.render({ result: this.result, error: this.error, running: this.running, tab: this.params.tab });
  }

  private clearHistory(): void {
    this.history = [];
    saveHistory(storage(), this.history);
    this.side.renderHistory(this.history);
  }
}

export const consoleView: ViewModule = {
  title: 'Cypher console',
  mount(el, params, ctx) {
    return new ConsolePage(el, params, ctx);
  },
};
