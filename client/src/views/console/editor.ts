// The Cypher editor: CodeMirror 6 with the legacy Cypher mode, schema completion, Ctrl/Cmd+Enter to run, error marks.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, indentOnInput, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';
import { EditorState, Prec, StateEffect, StateField } from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { cypherCompletionSource, type GraphSchema } from './completion.js';

const cypherLanguage = StreamLanguage.define(cypher);

/**
 * Token colours as CSS variables (defined in console.css per theme), so the editor follows the light/dark switch
 * without being rebuilt.
 */
const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--cm-keyword)', fontWeight: '600' },
  { tag: [tags.standard(tags.variableName), tags.function(tags.variableName)], color: 'var(--cm-builtin)' },
  { tag: tags.definition(tags.variableName), color: 'var(--cm-keyword)' },
  { tag: tags.atom, color: 'var(--cm-atom)' },
  { tag: tags.variableName, color: 'var(--cm-variable)' },
  { tag: tags.string, color: 'var(--cm-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--cm-number)' },
  { tag: tags.comment, color: 'var(--cm-comment)', fontStyle: 'italic' },
  { tag: tags.punctuation, color: 'var(--cm-punct)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--card)', color: 'var(--fg)', fontSize: '13.5px', height: '100%' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--cm-selection)' },
  '.cm-gutters': { backgroundColor: 'var(--card)', color: 'var(--muted)', borderRight: '1px solid var(--line)' },
  '.cm-activeLine': { backgroundColor: 'var(--cm-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--cm-active-line)' },
  '.cm-tooltip': { backgroundColor: 'var(--card)', color: 'var(--fg)', border: '1px solid var(--line)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-fg, #fff)' },
  '.cm-completionDetail': { color: 'var(--muted)', fontStyle: 'normal', marginLeft: '1em' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected] .cm-completionDetail': { color: 'inherit', opacity: '0.85' },
  '.cm-error-at': { textDecoration: 'underline wavy var(--bad)', backgroundColor: 'var(--cm-error-bg)' },
  '.cm-placeholder': { color: 'var(--muted)' },
});

/** Marks where Neo4j located an error; cleared by the next edit. */
const setErrorMark = StateEffect.define<{ from: number; to: number } | null>();
const errorMark = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) {
      if (e.is(setErrorMark)) {
        return e.value ? Decoration.set([Decoration.mark({ class: 'cm-error-at' }).range(e.value.from, e.value.to)]) : Decoration.none;
      }
    }
    return tr.docChanged ? Decoration.none : marks.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

export interface CypherEditor {
  view: EditorView;
  getText(): string;
  /** Replaces the whole text (a history click, an example, back/forward) without running it. */
  setText(text: string): void;
  /** Underlines the token at 1-based line/column and puts the cursor there. */
  markError(line: number, column: number): void;
  clearError(): void;
  focus(): void;
  destroy(): void;
}

/** Creates the editor in `parent`; `onRun` fires on Ctrl/Cmd+Enter; the schema for completion may arrive later. */
export function createCypherEditor(
  parent: HTMLElement,
  opts: { doc: string; onRun: () => void; getSchema: () => GraphSchema | null; label: string },
): CypherEditor {
  const runKeys = Prec.highest(
    keymap.of([
      {
        key: 'Mod-Enter',
        run: () => {
          opts.onRun();
          return true;
        },
      },
    ]),
  );
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: opts.doc,
      extensions: [
        runKeys,
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        cypherLanguage,
        cypherLanguage.data.of({ autocomplete: cypherCompletionSource(opts.getSchema) }),
        autocompletion({ activateOnTyping: true }),
        syntaxHighlighting(highlight),
        errorMark,
        theme,
        placeholder('MATCH (a:Author)-[:AUTHORED]->(p:Paper) RETURN a, p LIMIT 25'),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': opts.label }),
        // Tab indents inside the editor; Escape then Tab leaves it (CodeMirror's accessible tab handling).
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
      ],
    }),
  });
  const api: CypherEditor = {
    view,
    getText: () => view.state.doc.toString(),
    setText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, effects: setErrorMark.of(null) });
    },
    markError(line, column) {
      const doc = view.state.doc;
      if (line < 1 || line > doc.lines) return;
      const l = doc.line(line);
      const from = Math.min(l.from + Math.max(0, column - 1), l.to);
      // Underline the word at the position (or one character), so a zero-width spot is still visible.
      const word = view.state.wordAt(from);
      const to = word && word.from === from ? word.to : Math.min(from + 1, doc.length);
      view.dispatch({
        effects: setErrorMark.of(from < to ? { from, to } : null),
        selection: { anchor: from },
        scrollIntoView: true,
      });
    },
    clearError: () => view.dispatch({ effects: setErrorMark.of(null) }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
  return api;
}
