// Pure: the console's parameters box (JSON text) → a params object, or an error with its line and column.

export type ParamsResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; message: string; offset: number; line: number; column: number };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** 1-based line and column of a character offset (what people see in an editor). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

/**
 * Parses the parameters box. Empty text means no parameters. Anything else must be one JSON object; an error names the
 * problem and where it is. The position comes from our own scanner rather than JSON.parse's message, because engines
 * word (and sometimes omit) it differently: Node 20 says "Unexpected token '}'" with no position at all.
 */
export function parseParams(text: string): ParamsResult {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    const end = scanValue(text, skipWs(text, 0));
    const rest = skipWs(text, end);
    if (rest < text.length) throw new JsonSyntaxError('Unexpected text after the JSON value', rest);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    return { ok: false, message: err.message, offset: err.offset, ...lineColumn(text, err.offset) };
  }
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const offset = skipWs(text, 0);
    return { ok: false, message: 'Parameters must be a JSON object, like {"name": "Ziller"}', offset, ...lineColumn(text, offset) };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

function skipWs(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

function describe(s: string, i: number): string {
  return i >= s.length ? 'Unexpected end of input' : `Unexpected character ${JSON.stringify(s[i])}`;
}

/** Scans one JSON value starting at `i` (no leading whitespace) and returns the offset just after it. */
function scanValue(s: string, i: number): number {
  const c = s[i];
  if (c === '{') return scanObject(s, i);
  if (c === '[') return scanArray(s, i);
  if (c === '"') return scanString(s, i);
  if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return scanNumber(s, i);
  for (const word of ['true', 'false', 'null']) if (s.startsWith(word, i)) return i + word.length;
  if (c === "'") throw new JsonSyntaxError('Strings need double quotes in JSON', i);
  throw new JsonSyntaxError(i >= s.length ? 'Unexpected end of input: a value is missing' : `${describe(s, i)}: expected a value`, i);
}

function scanObject(s: string, i: number): number {
  i = skipWs(s, i + 1);
  if (s[i] === '}') return i + 1;
  for (;;) {
    if (s[i] !== '"') {
      const hint = s[i] === '}' ? 'a trailing comma is not allowed' : 'expected a property name in double quotes';
      throw new JsonSyntaxError(`${describe(s, i)}: ${hint}`, i);
    }
    i = skipWs(s, scanString(s, i));
    if (s[i] !== ':') throw new JsonSyntaxError(`${describe(s, i)}: expected ':' after the property name`, i);
    i = skipWs(s, scanValue(s, skipWs(s, i + 1)));
    if (s[i] === '}') return i + 1;
    if (s[i] !== ',') throw new JsonSyntaxError(`${describe(s, i)}: expected ',' or '}'`, i);
    i = skipWs(s, i + 1);
  }
}

function scanArray(s: string, i: number): number {
  i = skipWs(s, i + 1);
  if (s[i] === ']') return i + 1;
  for (;;) {
    if (s[i] === ']') throw new JsonSyntaxError(`${describe(s, i)}: a trailing comma is not allowed`, i);
    i = skipWs(s, scanValue(s, i));
    if (s[i] === ']') return i + 1;
    if (s[i] !== ',') throw new JsonSyntaxError(`${describe(s, i)}: expected ',' or ']'`, i);
    i = skipWs(s, i + 1);
  }
}

function scanString(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charAt(j);
    if (c === '"') return j + 1;
    if (c === '\\') {
      const e = s[j + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) throw new JsonSyntaxError('Bad \\u escape in string', j);
        j += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) j++;
      else throw new JsonSyntaxError('Bad escape in string', j);
    } else if (c < ' ') throw new JsonSyntaxError('Line break or control character inside a string', j);
  }
  throw new JsonSyntaxError('Unterminated string', i);
}

function scanNumber(s: string, i: number): number {
  const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i));
  if (!m) throw new JsonSyntaxError(`${describe(s, i + 1)}: bad number`, i);
  return i + m[0].length;
}
