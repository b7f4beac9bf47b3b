// Pure: the console's refusal rules (writes outside a read session are Neo4j's to refuse; here: LOAD CSV, DBMS and I/O
// procedures, admin commands, unbounded growth, absurd nesting), checked on the token stream of cypher-lexer.ts.
import { must } from '../../../core/must.js';
import { CypherLexError, tokenize, type Token } from './cypher-lexer.js';

/**
 * Procedures the console may call (compared case-insensitively; Neo4j itself is case-sensitive, so a different case
 * only fails to resolve). All read metadata or indexes of the current database; none touches files, network or DBMS.
 */
export const ALLOWED_PROCEDURES: readonly string[] = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
];
const ALLOWED_PROCEDURE_SET = new Set(ALLOWED_PROCEDURES.map((p) => p.toLowerCase()));

/** Namespaces of built-in functions (`date.truncate`, `point.distance`, `db.nameFromElementId`…); any other namespace is a user-defined (plugin) function. */
export const ALLOWED_FUNCTION_NAMESPACES: readonly string[] = ['date', 'datetime', 'localdatetime', 'localtime', 'time', 'duration', 'point', 'vector', 'db'];
const ALLOWED_FUNCTION_NS_SET = new Set(ALLOWED_FUNCTION_NAMESPACES);

/** Statements that are administration commands; refused wherever a statement or subquery may begin. */
const ADMIN_START = new Set(['SHOW', 'TERMINATE', 'GRANT', 'DENY', 'REVOKE', 'START', 'STOP', 'ALTER', 'DROP', 'RENAME', 'ENABLE', 'DEALLOCATE', 'REALLOCATE', 'DRYRUN']);
/** `CREATE <x>` that administers the DBMS rather than creating graph data. */
const ADMIN_CREATE = new Set(['USER', 'ROLE', 'DATABASE', 'COMPOSITE', 'ALIAS', 'OR', 'SERVER']);
/** Namespaces of procedures that read or write files, URLs or other databases. */
const IO_PROCEDURE_PREFIXES = ['apoc.load.', 'apoc.import.', 'apoc.export.', 'apoc.cypher.', 'apoc.periodic.', 'apoc.systemdb.', 'apoc.log.', 'apoc.trigger.'];

export type RefusalRule =
  | 'load-csv'
  | 'admin-command'
  | 'use-clause'
  | 'procedure-dbms'
  | 'procedure-io'
  | 'procedure-not-allowed'
  | 'function-not-allowed'
  | 'multiple-statements'
  | 'empty-query'
  | 'syntax'
  | 'nesting-too-deep'
  | 'unbounded-growth'
  | 'range-too-large';

export type QueryMode = 'run' | 'explain' | 'profile';

export type GuardResult =
  | { ok: true; mode: QueryMode; procedures: string[] }
  | {
      ok: false;
      /** 403 for refused features, 400 for queries that are not one lexically valid statement. */
      status: 400 | 403;
      rule: RefusalRule;
      message: string;
      offset: number;
    };

/** Case-insensitive keyword test on an unquoted word (both case foldings, for letters like the Kelvin sign). */
function isKeyword(t: Token | undefined, kw: string): boolean {
  return t?.kind === 'word' && (t.value.toUpperCase() === kw || t.value.toLowerCase() === kw.toLowerCase());
}
const isPunct = (t: Token | undefined, p: string) => t?.kind === 'punct' && t.value === p;
const isName = (t: Token | undefined) => t?.kind === 'word' || t?.kind === 'quoted';
/** After `.` or `:` a word is a property key, label or type name, never a clause keyword. */
const isNamePosition = (prev: Token | undefined) => isPunct(prev, '.') || isPunct(prev, ':');

/** Reads `a.b.c` starting at tokens[i]; returns the segments and the index after the name. */
function dottedName(tokens: Token[], i: number): { segments: string[]; end: number } {
  const segments = [must(tokens[i], 'first token of a name').value];
  let j = i + 1;
  while (isPunct(tokens[j], '.')) {
    const part = tokens[j + 1];
    if (!part || !isName(part)) break;
    segments.push(part.value);
    j += 2;
  }
  return { segments, end: j };
}

/** Skips `CYPHER [version] [option=value…]`, `EXPLAIN`, `PROFILE` prefixes; returns where the statement starts. */
function skipPrefixes(tokens: Token[]): { start: number; mode: QueryMode } {
  let i = 0;
  let mode: QueryMode = 'run';
  for (;;) {
    const t = tokens[i];
    if (isKeyword(t, 'EXPLAIN')) {
      mode = 'explain';
      i++;
    } else if (isKeyword(t, 'PROFILE')) {
      mode = 'profile';
      i++;
    } else if (isKeyword(t, 'CYPHER')) {
      i++;
      for (;;) {
        if (tokens[i]?.kind === 'number') i++;
        else if (isName(tokens[i]) && isPunct(tokens[i + 1], '=') && tokens[i + 2] && tokens[i + 2]?.kind !== 'punct') i += 3;
        else break;
      }
    } else {
      return { start: i, mode };
    }
  }
}

/** Indices where a statement or subquery body begins: the start, after `{`, after `UNION [ALL|DISTINCT]`. */
function clauseStarts(tokens: Token[], start: number): number[] {
  const out = [start];
  tokens.forEach((t, i) => {
    if (isPunct(t, '{')) out.push(i + 1);
    if (isKeyword(t, 'UNION') && !isNamePosition(tokens[i - 1])) {
      out.push(isKeyword(tokens[i + 1], 'ALL') || isKeyword(tokens[i + 1], 'DISTINCT') ? i + 2 : i + 1);
    }
  });
  return out;
}

/**
 * Decides whether the console may run `query`. Pure: looks only at the token stream. Refuses LOAD CSV, administration
 * commands, USE, procedures outside {@link ALLOWED_PROCEDURES}, plugin functions, and more than one statement.
 * Writes are not refused here: the read-only session makes Neo4j refuse them (403 with Neo4j's code).
 */
export function checkQuery(query: string): GuardResult {
  let tokens: Token[];
  try {
    tokens = tokenize(query);
  } catch (err) {
    if (err instanceof CypherLexError) return { ok: false, status: 400, rule: 'syntax', message: err.message, offset: err.offset };
    throw err;
  }
  const refuse = (rule: RefusalRule, message: string, at: Token | undefined, status: 400 | 403 = 403): GuardResult => ({
    ok: false,
    status,
    rule,
    message,
    offset: at?.offset ?? 0,
  });

  // One statement: a trailing `;` is fine (Neo4j accepts it), anything after it is a second statement.
  const semi = tokens.findIndex((t) => isPunct(t, ';'));
  if (semi >= 0 && semi < tokens.length - 1) {
    return refuse('multiple-statements', 'Run one statement at a time (found text after `;`)', tokens[semi + 1], 400);
  }
  const body = semi >= 0 ? tokens.slice(0, semi) : tokens;

  const { start, mode } = skipPrefixes(body);
  if (start >= body.length) return refuse('empty-query', 'The query has no statement (only comments or prefixes)', body[start - 1], 400);

  // LOAD CSV reads local files and URLs. `LOAD` next to `CSV` is that clause and nothing else, wherever it appears.
  for (let i = 0; i + 1 < body.length; i++) {
    if (isKeyword(body[i], 'LOAD') && isKeyword(body[i + 1], 'CSV')) {
      return refuse('load-csv', 'LOAD CSV is not allowed in the console: it reads files and URLs', body[i]);
    }
  }

  // Administration commands and USE, wherever a statement or a subquery begins. After `{` a word followed by `:`, `,`,
  // `}` or `.` is a map key or map-projection entry, not a clause.
  for (const i of clauseStarts(body, start)) {
    const t = body[i];
    if (t?.kind !== 'word') continue;
    const after = body[i + 1];
    if (i !== start && (isPunct(after, ':') || isPunct(after, ',') || isPunct(after, '}') || isPunct(after, '.'))) continue;
    const kw = t.value.toUpperCase();
    if (kw === 'USE' || isKeyword(t, 'USE')) {
      return refuse('use-clause', 'USE is not allowed in the console: queries run on the application database only', t);
    }
    if (ADMIN_START.has(kw) || (kw === 'CREATE' && after?.kind === 'word' && ADMIN_CREATE.has(after.value.toUpperCase()))) {
      return refuse('admin-command', `Administration commands (${kw}${kw === 'CREATE' ? ` ${(after?.value ?? '').toUpperCase()}` : ''} …) are not allowed in the console`, t);
    }
  }
  // SHOW/TERMINATE TRANSACTIONS can be chained inside one command; refuse them wherever they appear as keywords.
  for (let i = 0; i + 1 < body.length; i++) {
    const t = body[i];
    if ((isKeyword(t, 'SHOW') || isKeyword(t, 'TERMINATE')) && !isNamePosition(body[i - 1])) {
      const n = body[i + 1];
      if (isKeyword(n, 'TRANSACTION') || isKeyword(n, 'TRANSACTIONS')) {
        return refuse('admin-command', `${(t?.value ?? '').toUpperCase()} TRANSACTIONS is not allowed in the console`, t);
      }
    }
  }

  // Procedure calls (CALL name …) against the whitelist; namespaced function calls against the built-in namespaces.
  const procedures: string[] = [];
  const procedureNameTokens = new Set<number>();
  for (let i = 0; i < body.length; i++) {
    if (!isKeyword(body[i], 'CALL') || isNamePosition(body[i - 1]) || !isName(body[i + 1])) continue;
    const { segments, end } = dottedName(body, i + 1);
    for (let k = i + 1; k < end; k++) procedureNameTokens.add(k);
    const name = segments.join('.');
    const lower = name.toLowerCase();
    if (lower.split('.')[0] === 'dbms') {
      return refuse('procedure-dbms', `DBMS procedures (${name}) are not allowed in the console`, body[i + 1]);
    }
    if (IO_PROCEDURE_PREFIXES.some((p) => lower.startsWith(p))) {
      return refuse('procedure-io', `${name} reads or writes outside the database and is not allowed in the console`, body[i + 1]);
    }
    if (!ALLOWED_PROCEDURE_SET.has(lower)) {
      return refuse(
        'procedure-not-allowed',
        `Procedure ${name} is not allowed in the console; allowed: ${ALLOWED_PROCEDURES.join(', ')}`,
        body[i + 1],
      );
    }
    procedures.push(name);
  }
  for (let i = 0; i < body.length; i++) {
    if (!isName(body[i]) || procedureNameTokens.has(i) || isNamePosition(body[i - 1])) continue;
    const { segments, end } = dottedName(body, i);
    if (segments.length < 2 || !isPunct(body[end], '(')) continue;
    const namespace = must(segments[0], 'namespace of a function name').toLowerCase();
    if (!ALLOWED_FUNCTION_NS_SET.has(namespace)) {
      return refuse('function-not-allowed', `Function ${segments.join('.')} is not a built-in function; plugin functions are not allowed in the console`, body[i]);
    }
    i = end - 1;
  }
  const resources = checkResources(body);
  if (resources) return refuse(resources.rule, resources.message, resources.at, resources.status);
  return { ok: true, mode, procedures };
}

// ---------------------------------------------------------------------------------------------------------------------
// Resource rules
//
// Neo4j's transaction memory limits (db.memory.transaction.max) count what operators hold (collect, ORDER BY, DISTINCT,
// hash joins) but not the values expressions build: a string or list grown inside reduce() or a list comprehension is
// invisible to them until the heap itself runs out. Neo4j then fails the query with an OutOfMemoryError status and
// keeps serving, but a full heap is still a bad moment for every other query. These rules refuse the shapes that grow
// without bound before they reach Neo4j. They look at literal text only; what they cannot see, the heap and the
// query timeout still stop.

/** Deepest bracket nesting (`(`, `[`, `{` together) a console query may have. Neo4j's parser recurses per level. */
export const MAX_NESTING = 64;
/** Most elements a `range()` with literal bounds may produce outside UNWIND (about 24 bytes each once materialised). */
export const MAX_RANGE_ELEMENTS = 1_000_000;

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
/** Keywords that separate the alternatives of a CASE expression: an accumulator used once per branch is fine. */
const CASE_WORDS = new Set(['CASE', 'WHEN', 'THEN', 'ELSE', 'END']);

interface ResourceRefusal {
  rule: RefusalRule;
  message: string;
  at: Token;
  status: 400 | 403;
}

function checkResources(body: Token[]): ResourceRefusal | null {
  // Nesting: checked first and alone, so the later rules (which scan bracket spans) only ever see shallow text.
  let depth = 0;
  for (const t of body) {
    if (t.kind !== 'punct') continue;
    if (OPEN.has(t.value)) {
      depth++;
      if (depth > MAX_NESTING) {
        return {
          rule: 'nesting-too-deep',
          message: `The query nests brackets more than ${MAX_NESTING} levels deep`,
          at: t,
          status: 400,
        };
      }
    } else if (CLOSE.has(t.value)) {
      depth = Math.max(0, depth - 1);
    }
  }
  for (const [i, t] of body.entries()) {
    if (t.kind !== 'word' || isNamePosition(body[i - 1]) || !isPunct(body[i + 1], '(')) continue;
    const fn = t.value.toLowerCase();
    if (fn === 'reduce') {
      const refusal = checkReduce(body, i);
      if (refusal) return refusal;
    } else if (fn === 'range') {
      const refusal = checkRange(body, i);
      if (refusal) return refusal;
    }
  }
  return null;
}

/** Index of the bracket closing the one at `open` (or body.length when unbalanced: Neo4j reports that itself). */
function closingIndex(body: Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < body.length; j++) {
    const t = body[j];
    if (t?.kind !== 'punct') continue;
    if (OPEN.has(t.value)) depth++;
    else if (CLOSE.has(t.value) && --depth === 0) return j;
  }
  return body.length;
}

/**
 * `reduce(acc = init, x IN list | expr)` where `expr` uses `acc` twice outside separate CASE branches (`s + s`,
 * `l + l`, `replace(s, 'x', s)`) can double the accumulator at every step: 30 steps make a value of 2^30 elements.
 */
function checkReduce(body: Token[], at: number): ResourceRefusal | null {
  const open = at + 1;
  const close = closingIndex(body, open);
  const acc = body[open + 1];
  if (!acc || !isName(acc) || !isPunct(body[open + 2], '=')) return null;
  // The `|` that starts the expression is the first one directly inside reduce's own parentheses.
  let bar = -1;
  let depth = 0;
  for (let j = open + 1; j < close; j++) {
    const t = body[j];
    if (t === undefined) break;
    if (t.kind === 'punct' && OPEN.has(t.value)) depth++;
    else if (t.kind === 'punct' && CLOSE.has(t.value)) depth--;
    else if (depth === 0 && isPunct(t, '|')) {
      bar = j;
      break;
    }
  }
  if (bar < 0) return null;
  let uses = 0;
  for (let j = bar + 1; j < close; j++) {
    const t = body[j];
    if (t === undefined) break;
    if (t.kind === 'word' && CASE_WORDS.has(t.value.toUpperCase())) {
      uses = 0;
      continue;
    }
    const sameName = (t.kind === 'word' || t.kind === 'quoted') && t.kind === acc.kind && t.value === acc.value;
    // `acc.prop`, `{acc: 1}` keys and `:acc` labels are names, not uses of the variable.
    if (!sameName || isNamePosition(body[j - 1]) || isPunct(body[j + 1], ':')) continue;
    if (++uses >= 2) {
      return {
        rule: 'unbounded-growth',
        message:
          `reduce() uses its accumulator ${acc.value} more than once in one step, so the value can double at every ` +
          'step and exhaust the database memory; build it from the list elements instead',
        at: must(body[at], 'reduce token'),
        status: 403,
      };
    }
  }
  return null;
}

/** A whole-number literal argument (optionally negative) of range(); null for anything computed. */
function literalInt(tokens: Token[]): bigint | null {
  const text = tokens.map((t) => t.value).join('');
  if (!/^-?(?:\d[\d_]*|0[xX][0-9a-fA-F_]+|0o[0-7_]+)$/.test(text)) return null;
  const neg = text.startsWith('-');
  const digits = (neg ? text.slice(1) : text).replace(/_/g, '');
  const n = BigInt(digits);
  return neg ? -n : n;
}

/**
 * `range(a, b[, step])` with literal bounds that would produce more than {@link MAX_RANGE_ELEMENTS} elements, anywhere
 * but directly under UNWIND (in a list comprehension, reduce(), collect… it is materialised whole).
 */
function checkRange(body: Token[], at: number): ResourceRefusal | null {
  const open = at + 1;
  const close = closingIndex(body, open);
  // `UNWIND range(…) AS x` streams the range one row at a time without building it: any size is only a matter of time,
  // which the timeout bounds.
  if (isKeyword(body[at - 1], 'UNWIND') && isKeyword(body[close + 1], 'AS')) return null;
  let arg: Token[] = [];
  const args: Token[][] = [arg];
  let depth = 0;
  for (const t of body.slice(open + 1, close)) {
    if (t.kind === 'punct' && OPEN.has(t.value)) depth++;
    else if (t.kind === 'punct' && CLOSE.has(t.value)) depth--;
    if (depth === 0 && isPunct(t, ',')) {
      arg = [];
      args.push(arg);
    } else arg.push(t);
  }
  const [first, second, third] = args;
  if (!first || !second || args.length > 3) return null;
  const [start, end, step] = [literalInt(first), literalInt(second), third ? literalInt(third) : 1n];
  if (start === null || end === null || step === null || step === 0n) return null;
  const count = (end - start) / step + 1n;
  if (count <= BigInt(MAX_RANGE_ELEMENTS)) return null;
  return {
    rule: 'range-too-large',
    message: `range() would produce ${count} elements; the console allows at most ${MAX_RANGE_ELEMENTS.toLocaleString('en')} per range`,
    at: must(body[at], 'range token'),
    status: 403,
  };
}

/** 1-based line and column of an offset in `text` (for error details). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, column: offset - lastBreak };
}
