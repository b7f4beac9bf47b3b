// Error positions from the API's details: Neo4j's {offset,line,column} or the console guard's bare offset.
import { describe, expect, it } from 'vitest';
import { errorPosition } from '../../../../client/src/views/console/cypher-api.js';

describe('errorPosition', () => {
  it("reads Neo4j's position object", () => {
    expect(errorPosition({ neo4jCode: 'Neo.ClientError.Statement.SyntaxError', position: { offset: 6, line: 1, column: 7 } }, 'MATCH x')).toEqual({
      offset: 6,
      line: 1,
      column: 7,
    });
  });

  it('turns a bare offset into line and column against the query', () => {
    expect(errorPosition({ rule: 'load-csv', offset: 9 }, 'MATCH (n)\nLOAD CSV')).toEqual({ offset: 9, line: 1, column: 10 });
    expect(errorPosition({ offset: 10 }, 'MATCH (n)\nLOAD CSV')).toEqual({ offset: 10, line: 2, column: 1 });
  });

  it("falls back to the position Neo4j writes into a syntax error's message", () => {
    const message = "Invalid input 'RETURN': expected ')' (line 1, column 17 (offset: 16))\n\"MATCH (a:Author RETURN a\"\n                 ^";
    expect(errorPosition({ neo4jCode: 'Neo.ClientError.Statement.SyntaxError' }, 'MATCH (a:Author RETURN a', message)).toEqual({
      offset: 16,
      line: 1,
      column: 17,
    });
  });

  it('returns null when there is no usable position', () => {
    expect(errorPosition(undefined, 'x')).toBeNull();
    expect(errorPosition({ timeoutMs: 5000 }, 'x')).toBeNull();
    expect(errorPosition({ offset: 99 }, 'short')).toBeNull();
    expect(errorPosition({ position: { line: 0, column: 0 } }, 'x')).toBeNull();
    expect(errorPosition({}, 'x', 'Some other failure')).toBeNull();
  });
});
