// Pure: Cypher completion from the live schema — labels after `(x:`, relationship types after `[r:`, property keys after `x.` or in `{…}`.
import { must } from '../../../../shared/must.js';
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';

export interface GraphSchema {
  labels: readonly string[];
  relationshipTypes: readonly string[];
  propertyKeys: readonly string[];
}

export type CompletionKind = 'label' | 'relationshipType' | 'propertyKey' | 'keyword';

/** Clauses and operators offered when the cursor is on a bare word; the schema names matter more, so this stays short. */
export const CYPHER_KEYWORDS = [
  'MATCH', 'OPTIONAL MATCH', 'WHERE', 'RETURN', 'WITH', 'UNWIND', 'ORDER BY', 'LIMIT', 'SKIP', 'DISTINCT', 'AS', 'AND',
  'OR', 'NOT', 'IN', 'IS NULL', 'IS NOT NULL', 'CONTAINS', 'STARTS WITH', 'ENDS WITH', 'CALL', 'YIELD', 'CASE', 'WHEN',
  'THEN', 'ELSE', 'END', 'DESC', 'ASC', 'EXISTS', 'UNION', 'count', 'collect', 'size', 'shortestPath', 'allShortestPaths',
  'coalesce', 'labels', 'type', 'keys', 'nodes', 'relationships', 'toLower', 'toUpper', 'sum', 'avg', 'min', 'max',
] as const;

const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A name as Cypher needs it written: backticks (with inner backticks doubled) unless it is a plain identifier. */
export function quoteName(name: string): string {
  return SIMPLE_NAME.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

interface Scan {
  /** Inside a string literal or a comment: no completion there. */
  inText: boolean;
  /** Unclosed brackets, innermost last: '(' node pattern or call, '[' relationship or list, '{' map. */
  stack: string[];
  /** Offset of each open bracket in `stack`. */
  openAt: number[];
}

/** Walks the text before the cursor once, skipping strings, backticked names and comments, tracking open brackets. */
function scan(text: string): Scan {
  const stack: string[] = [];
  const openAt: number[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"' || c === "'") {
      const close = findClose(text, i + 1, c);
      if (close < 0) return { inText: true, stack, openAt };
      i = close + 1;
    } else if (c === '`') {
      const close = text.indexOf('`', i + 1);
      // An unclosed backtick is a name being typed: completion handles it, so stop scanning here.
      if (close < 0) break;
      i = close + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return { inText: true, stack, openAt };
      i = nl + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return { inText: true, stack, openAt };
      i = end + 2;
    } else {
      if (c === '(' || c === '[' || c === '{') {
        stack.push(c);
        openAt.push(i);
      } else if (c === ')' || c === ']' || c === '}') {
        stack.pop();
        openAt.pop();
      }
      i++;
    }
  }
  return { inText: false, stack, openAt };
}

function findClose(text: string, from: number, quote: string): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === quote) return j;
  }
  return -1;
}

function options(names: readonly string[], kind: CompletionKind): Completion[] {
  const type = kind === 'label' ? 'class' : kind === 'relationshipType' ? 'type' : kind === 'propertyKey' ? 'property' : 'keyword';
  const detail = kind === 'label' ? 'label' : kind === 'relationshipType' ? 'relationship' : kind === 'propertyKey' ? 'property' : undefined;
  return [...new Set(names)]
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ label: name, apply: kind === 'keyword' ? name : quoteName(name), type, ...(detail ? { detail } : {}) }));
}

/** What the cursor is completing, if anything: the kind and where the typed prefix starts. */
export function completionKind(text: string, pos: number, explicit = false): { kind: CompletionKind; from: number } | null {
  const before = text.slice(0, pos);
  const s = scan(before);
  if (s.inText) return null;
  const word = /(`[^`]*|[A-Za-z_][A-Za-z0-9_]*)?$/.exec(before) ?? [''];
  const from = pos - (word[0]?.length ?? 0);
  const prev = before[from - 1];
  const inner = s.stack[s.stack.length - 1];

  if (prev === '.') {
    // `n.na` → property key; `db.la` after CALL is a procedure name and `1.5` a number, neither is a property.
    const owner = /([A-Za-z_][A-Za-z0-9_]*|`[^`]+`)\.$/.exec(before.slice(0, from));
    if (!owner || /\bCALL\s+[\w.]*$/i.test(before.slice(0, from))) return null;
    return { kind: 'propertyKey', from };
  }
  if (prev === ':') {
    if (inner === '{') return null; // `{name: va` is a map value, not a label
    return { kind: inner === '[' ? 'relationshipType' : 'label', from };
  }
  if ((prev === '|' || prev === '&') && (inner === '[' || inner === '(')) {
    // Label and type expressions (`(n:A|B)`, `[:X|Y]`) continue after | or & once a ':' opened them in this bracket.
    const segment = before.slice(must(s.openAt[s.openAt.length - 1], 'the open bracket') + 1, from);
    if (segment.includes(':')) return { kind: inner === '[' ? 'relationshipType' : 'label', from };
  }
  if (inner === '{' && /[{,]\s*$/.test(before.slice(0, from))) return { kind: 'propertyKey', from };
  // A bare word inside a pattern is a variable being named, so keywords only pop up unasked at clause level.
  const typing = word[0] !== undefined && word[0] !== '' && !word[0].startsWith('`');
  if ((typing && s.stack.length === 0) || explicit) return { kind: 'keyword', from };
  return null;
}

/** Completion options at `pos` in `text` from `schema`, or null when the cursor is not at a completable place. */
export function completeCypher(text: string, pos: number, schema: GraphSchema, explicit = false): CompletionResult | null {
  const at = completionKind(text, pos, explicit);
  if (!at) return null;
  const names =
    at.kind === 'label'
      ? options(schema.labels, 'label')
      : at.kind === 'relationshipType'
        ? options(schema.relationshipTypes, 'relationshipType')
        : at.kind === 'propertyKey'
          ? options(schema.propertyKeys, 'propertyKey')
          : options(CYPHER_KEYWORDS, 'keyword');
  if (names.length === 0) return null;
  // A typed backtick belongs to the name: the filter and the replacement both include it.
  return { from: at.from, options: names, validFor: /^`?[^`\s]*$/ };
}

/**
 * A CodeMirror CompletionSource over a schema that may arrive later (it is fetched once when the console opens):
 * until then only keywords are offered.
 */
export function cypherCompletionSource(getSchema: () => GraphSchema | null): CompletionSource {
  const empty: GraphSchema = { labels: [], relationshipTypes: [], propertyKeys: [] };
  // Only the text before the cursor decides what to offer.
  return (ctx: CompletionContext) => completeCypher(ctx.state.sliceDoc(0, ctx.pos), ctx.pos, getSchema() ?? empty, ctx.explicit);
}
