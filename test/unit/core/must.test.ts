import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';

describe('must', () => {
  it('returns a present value, falsy ones included', () => {
    expect(must(0, 'the count')).toBe(0);
    expect(must('', 'the name')).toBe('');
    expect(must(false, 'the flag')).toBe(false);
  });

  it('throws naming what was missing', () => {
    expect(() => must(undefined, 'row 3 of the result')).toThrow('Internal error: row 3 of the result is missing');
    expect(() => must(new Map<string, number>().get('a'), 'the rank of author a')).toThrow(/the rank of author a/);
    expect(() => must(null, 'the parent')).toThrow(/the parent is missing/);
  });
});
