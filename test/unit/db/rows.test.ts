// Row schemas: one per query file, and a row that does not match names the file and the column.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RowShapeError } from '../../../core/errors.js';
import { queryNames } from '../../../cypher/index.js';
import { isQueryName, ROWS } from '../../../cypher/rows.js';
import { parseRow } from '../../../db/graph.js';

describe('row schemas (cypher/rows.ts)', () => {
  it('has exactly one entry per query file', () => {
    expect(Object.keys(ROWS).sort()).toEqual(queryNames().sort());
  });

  it('gives every query an object schema of its columns (no catch-all row), so each column is checked', () => {
    const notObjects = Object.entries(ROWS).flatMap(([name, schema]: [string, z.ZodType]) =>
      schema instanceof z.ZodObject ? [] : [`${name}: ${schema.def.type}`],
    );
    expect(notObjects).toEqual([]);
    // A catch-all column (z.unknown / z.any) would accept anything, like a record would.
    const loose = Object.entries(ROWS).flatMap(([name, schema]) =>
      Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([column, c]) =>
        ['unknown', 'any'].includes(c.def.type) ? [`${name}.${column}`] : [],
      ),
    );
    expect(loose).toEqual([]);
  });

  it('names the column a query without RETURN returned (its schema takes no columns)', () => {
    expect(parseRow('migrations/record', {})).toEqual({});
    expect(() => parseRow('migrations/record', { id: 'x' }, 0)).toThrow(
      /^cypher\/migrations\/record\.cypher row 0: column 'id': /,
    );
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
