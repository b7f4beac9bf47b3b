// The console's input: the Cypher editor with its Run button, and the JSON parameters box with its live validation.
import { h } from '../../components/dom.js';
import type { GraphSchema } from './completion.js';
import { createCypherEditor, type CypherEditor } from './editor.js';
import { parseParams } from './params.js';

export interface QueryPanelOptions {
  query: string;
  params: string;
  onRun(): void;
  getSchema(): GraphSchema | null;
}

export interface QueryPanel {
  el: HTMLElement;
  editor: CypherEditor;
  query(): string;
  paramsText(): string;
  /** Replaces the query and the parameters (an example, a history entry, back/forward). */
  load(query: string, params: string): void;
  /** Validates the parameters box; returns the parsed object, or null with the error shown. */
  checkParams(): Record<string, unknown> | null;
  /** Puts the cursor on the parameters' error (after a run was refused for it). */
  focusParamsError(): void;
  setRunning(running: boolean): void;
  destroy(): void;
}

export function createQueryPanel(o: QueryPanelOptions): QueryPanel {
  const mac = /Mac|iPhone|iPad/.test(navigator.userAgent);
  const paramsError = h('p', { class: 'params-error', 'data-testid': 'console-params-error', role: 'alert', hidden: true });
  const runButton = h(
    'button',
    { type: 'button', class: 'btn-run', 'data-testid': 'console-run', title: `Run (${mac ? '⌘' : 'Ctrl'}+Enter)`, onclick: () => o.onRun() },
    '▶ Run',
  );
  const paramsBox = h('textarea', {
    id: 'console-params',
    class: 'params-box',
    'data-testid': 'console-params',
    spellcheck: 'false',
    placeholder: '{"name": "Alexander Ziller"}',
    'aria-describedby': 'console-params-help',
  });
  paramsBox.value = o.params;

  const checkParams = (): Record<string, unknown> | null => {
    const r = parseParams(paramsBox.value);
    paramsBox.setAttribute('aria-invalid', r.ok ? 'false' : 'true');
    paramsError.hidden = r.ok;
    paramsError.textContent = r.ok ? '' : `Line ${r.line}, column ${r.column}: ${r.message}`;
    return r.ok ? r.value : null;
  };
  paramsBox.addEventListener('input', () => checkParams());
  paramsBox.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      o.onRun();
    }
  });

  const editorHost = h('div', { class: 'console-editor', 'data-testid': 'console-editor' });
  const editor = createCypherEditor(editorHost, { doc: o.query, onRun: o.onRun, getSchema: o.getSchema, label: 'Cypher query' });

  const el = h(
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
        runButton,
      ),
      editorHost,
    ),
    h(
      'div',
      { class: 'console-params' },
      h('label', { for: 'console-params' }, 'Parameters ', h('span', { class: 'muted' }, '(JSON object)')),
      paramsBox,
      h('p', { id: 'console-params-help', class: 'muted small' }, 'Use them as ', h('code', {}, '$name'), ' in the query.'),
      paramsError,
    ),
  );

  return {
    el,
    editor,
    query: () => editor.getText(),
    paramsText: () => paramsBox.value,
    load(query, params) {
      if (query !== editor.getText()) editor.setText(query);
      if (params !== paramsBox.value) {
        paramsBox.value = params;
        checkParams();
      }
    },
    checkParams,
    focusParamsError() {
      paramsBox.focus();
      const [, line, column] = /^Line (\d+), column (\d+)/.exec(paramsError.textContent ?? '') ?? [];
      if (!line || !column) return;
      const lines = paramsBox.value.split('\n');
      const offset = lines.slice(0, Number(line) - 1).reduce((n, l) => n + l.length + 1, 0) + Number(column) - 1;
      paramsBox.setSelectionRange(offset, Math.min(offset + 1, paramsBox.value.length));
    },
    setRunning(running) {
      runButton.disabled = running;
    },
    destroy() {
      editor.destroy();
    },
  };
}
