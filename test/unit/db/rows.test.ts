// Row schemas: one per query file, and a row that does not match names the file and the column.
import { describe, expect, it } from 'vitest';
import { RowShapeError } from '../../../core/errors.js';
import { queryNames } from '../../../cypher/index.js';
import { isQueryName, ROWS } from '../../../cypher/rows.js';
import { parseRow } from '../../../db/graph.js';

describe('row schemas (cypher/rows.ts)', () => {
  it('has exactly one entry per query file', () => {
    expect(Object.keys(ROWS).sort()).toEqual(queryNames().sort());
  });

  it('knows query names and rejects others', () => {
    expect(isQueryName('authors/profile')).toBe(true);
    expect(isQueryName('authors/profiles')).toBe(false);
    expect(isQueryName('toString')).toBe(false);
  });

  it('parses a row of the right shape', () => {
    expect(parseRow('graph/author', { id: 'name:a', name: null })).toEqual({ id: 'name:a', name: null });
  });

  it('names the file, the row and the column of a row that does not match', () => {
    expect(() => parseRow('graph/author', { id: 'name:a', fullName: 'A' }, 3)).toThrow(RowShapeError);
    expect(() => parseRow('graph/author', { id: 'name:a', fullName: 'A' }, 3)).toThrow(/^cypher\/graph\/author\.cypher row 3: column 'name': /);
    expect(() => parseRow('graph/path-hops', { a: 'x', b: 'y', joint: 1, papers: [{ id: 7, title: null }] })).toThrow(
      "column 'papers.0.id'",
    );
  });
});
