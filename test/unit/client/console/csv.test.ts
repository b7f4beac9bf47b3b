// The console's CSV is the shared builder (test/unit/shared/graph-formats.test.ts) with every value kept exactly.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../client/src/views/console/csv.js';

describe('console toCsv', () => {
  it('keeps formula-looking values as they are, still quoting per RFC 4180', () => {
    expect(toCsv(['title', 'n'], [['=1+1, "a"', -2]])).toBe('title,n\r\n"=1+1, ""a""",-2\r\n');
  });
});
