// The console's parameters box: valid JSON objects pass, everything else is refused with a message, line and column.
import { describe, expect, it } from 'vitest';
import { lineColumn, parseParams } from '../../../../client/src/views/console/params.js';

function failure(text: string) {
  const r = parseParams(text);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused`);
  return r;
}

describe('parseParams', () => {
  it('treats an empty box as no parameters', () => {
    expect(parseParams('')).toEqual({ ok: true, value: {} });
    expect(parseParams('  \n ')).toEqual({ ok: true, value: {} });
  });

  it('accepts a JSON object with nested values', () => {
    const text = '{\n  "name": "Ziller",\n  "ids": [1, 2.5e3, -0.5],\n  "opts": {"deep": null, "ok": true, "s": "a\\"b\\u00e9"}\n}';
    expect(parseParams(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('refuses a value that is not an object, pointing at it', () => {
    for (const text of ['[1, 2]', '  "x"', '42', 'null']) {
      const r = failure(text);
      expect(r.message).toMatch(/must be a JSON object/);
      expect(r.offset).toBe(text.length - text.trimStart().length);
    }
  });

  it('points at a missing value (where Node 20 gives no position at all)', () => {
    const r = failure('{"a":}');
    expect(r).toMatchObject({ offset: 5, line: 1, column: 6 });
    expect(r.message).toMatch(/expected a value/);
  });

  it('names trailing commas, single quotes and unquoted keys', () => {
    expect(failure('{"a": 1,}').message).toMatch(/trailing comma/);
    expect(failure('[1,]').message).toMatch(/trailing comma/);
    expect(failure("{\"a\": 'x'}").message).toMatch(/double quotes/);
    expect(failure('{a: 1}')).toMatchObject({ offset: 1, message: expect.stringMatching(/property name in double quotes/) });
  });

  it('reports line and column on a later line', () => {
    const r = failure('{\n  "a": 1,\n  "b" 2\n}');
    expect(r).toMatchObject({ line: 3, column: 7 });
    expect(r.message).toMatch(/expected ':'/);
  });

  it('reports the end of input for an unfinished object and junk after the value', () => {
    expect(failure('{"a": 1')).toMatchObject({ offset: 7, message: expect.stringMatching(/end of input/) });
    expect(failure('{"a": 1} x')).toMatchObject({ offset: 9, message: expect.stringMatching(/after the JSON value/) });
    expect(failure('{"a": "open')).toMatchObject({ offset: 6, message: 'Unterminated string' });
  });

  it('refuses bad numbers, escapes and control characters in strings', () => {
    expect(failure('{"a": 01}').offset).toBe(7);
    expect(failure('{"a": -}').message).toMatch(/bad number/);
    expect(failure('{"a": "\\x"}').message).toMatch(/Bad escape/);
    expect(failure('{"a": "line\nbreak"}')).toMatchObject({ line: 1, column: 12 });
    expect(failure('{"a": tru}').message).toMatch(/expected a value/);
  });
});

describe('lineColumn', () => {
  it('counts from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
