// The console guard: tokenizer edge cases (escapes, comments, backticks) and refusal rules, both ways.
import { describe, expect, it } from 'vitest';
import { checkQuery, CypherLexError, decodeUnicodeEscapes, lineColumn, MAX_NESTING, tokenize } from '../../../server/api/cypher/cypher-guard.js';
import { assertAllowed } from '../../../server/api/cypher/cypher.service.js';
import { ForbiddenQueryError, ValidationError } from '../../../server/errors.js';
import { httpStatus } from '../../../server/http/error-handler.js';

const allowed = (q: string) => {
  const r = checkQuery(q);
  if (!r.ok) throw new Error(`expected allowed, got ${r.rule}: ${r.message}`);
  return r;
};
const refused = (q: string) => {
  const r = checkQuery(q);
  if (r.ok) throw new Error(`expected refusal of ${JSON.stringify(q)}`);
  return r;
};

describe('decodeUnicodeEscapes', () => {
  it('decodes \\uXXXX everywhere and keeps offsets into the original text', () => {
    const { text, offsets } = decodeUnicodeEscapes('a\\u0041b');
    expect(text).toBe('aAb');
    expect(offsets).toEqual([0, 1, 7, 8]);
  });
  it('does not treat an escaped backslash as the start of an escape', () => {
    expect(decodeUnicodeEscapes("'a\\\\u0027'").text).toBe("'a\\\\u0027'");
    expect(decodeUnicodeEscapes("'\\\\\\u0027").text).toBe("'\\\\'");
  });
  it('does not decode twice: an escaped backslash followed by u is text', () => {
    expect(decodeUnicodeEscapes('\\u005cu0041').text).toBe('\\u0041');
  });
  it('rejects \\u without four hex digits, like Neo4j (even in comments)', () => {
    expect(() => decodeUnicodeEscapes('RETURN 1 // C:\\users')).toThrow(CypherLexError);
    expect(() => decodeUnicodeEscapes('\\uu0041')).toThrow(/four hexadecimal/);
  });
});

describe('tokenize', () => {
  const kinds = (q: string) => tokenize(q).map((t) => `${t.kind}:${t.value}`);

  it('splits words, punctuation, numbers, parameters', () => {
    expect(kinds('MATCH (a:Author)-[*1..3]->(b) WHERE a.x = $p AND b.y > 0x1F RETURN 1.5e3')).toEqual([
      'word:MATCH', 'punct:(', 'word:a', 'punct::', 'word:Author', 'punct:)', 'punct:-', 'punct:[', 'punct:*', 'number:1',
      'punct:.', 'punct:.', 'number:3', 'punct:]', 'punct:-', 'punct:>', 'punct:(', 'word:b', 'punct:)', 'word:WHERE',
      'word:a', 'punct:.', 'word:x', 'punct:=', 'param:p', 'word:AND', 'word:b', 'punct:.', 'word:y', 'punct:>',
      'number:0x1F', 'word:RETURN', 'number:1.5e3',
    ]);
  });
  it('reads strings with escapes and both quote styles', () => {
    expect(kinds(`RETURN 'it\\'s', "say \\"hi\\"", 'a"b'`)).toEqual([
      'word:RETURN', "string:it\\'s", 'punct:,', 'string:say \\"hi\\"', 'punct:,', 'string:a"b',
    ]);
  });
  it('reads backtick identifiers with doubled backticks, and backtick parameters', () => {
    expect(kinds('RETURN 1 AS `a``b c`, $`odd name`')).toEqual(['word:RETURN', 'number:1', 'word:AS', 'quoted:a`b c', 'punct:,', 'param:odd name']);
  });
  it('drops // and /* */ comments; block comments do not nest', () => {
    expect(kinds('RETURN /* x /* y */ 1 // z\n, 2')).toEqual(['word:RETURN', 'number:1', 'punct:,', 'number:2']);
    expect(kinds('RETURN 1 //c\r2')).toEqual(['word:RETURN', 'number:1', 'number:2']);
  });
  it('ends a // comment at an escaped line break, because Neo4j decodes it first', () => {
    expect(kinds('RETURN 1 // \\u000aLOAD')).toEqual(['word:RETURN', 'number:1', 'word:LOAD']);
  });
  it('treats odd spaces and unknown symbols as separators', () => {
    expect(kinds('LOAD\u00a0CSV\u3000x')).toEqual(['word:LOAD', 'word:CSV', 'word:x']);
    expect(kinds('LOAD\u001cCSV')).toEqual(['word:LOAD', 'word:CSV']);
  });
  it('reports offsets in the original text', () => {
    const t = tokenize('\\u0052ETURN  x');
    expect(t.map((x) => x.offset)).toEqual([0, 13]);
  });
  it('throws on unterminated strings, identifiers and comments', () => {
    expect(() => tokenize("RETURN 'abc")).toThrow(/Unterminated string/);
    expect(() => tokenize("RETURN 'abc\\'")).toThrow(/Unterminated string/);
    expect(() => tokenize('RETURN `abc')).toThrow(/Unterminated `quoted`/);
    expect(() => tokenize('RETURN 1 /* abc')).toThrow(/Unterminated \/\*/);
  });
});

describe('checkQuery: allowed', () => {
  it.each([
    'MATCH (a:Author)-[r:AUTHORED]->(p:Paper) RETURN a, r, p LIMIT 5',
    '// LOAD CSV FROM "file:///etc/passwd"\nMATCH (n) RETURN count(n)',
    "/* LOAD CSV */ RETURN 'LOAD CSV FROM x' AS s",
    'RETURN "CALL dbms.listConfig()" AS text',
    'MATCH (n) WHERE n.name = "SHOW USERS" RETURN n',
    'MATCH (n:Paper) RETURN n.load, n.csv, n.show, n.use, n.call LIMIT 1',
    'MATCH (n) RETURN n {.name, show: 1, use: 2, drop: 3}',
    'MATCH (n {start: 1, stop: 2}) RETURN n',
    'MATCH (load:Paper) RETURN load',
    'MATCH (n:`LOAD CSV`) RETURN n',
    'RETURN 1 AS `LOAD` , 2 AS `CSV`',
    'CALL db.labels()',
    'CALL db.labels',
    'CALL db.labels() YIELD label RETURN label',
    'CALL db . labels() YIELD label RETURN label',
    'CALL `db`.`labels`() YIELD label RETURN label',
    'CALL db.relationshipTypes()',
    'CALL db.propertyKeys()',
    'CALL db.schema.visualization()',
    "CALL db.index.fulltext.queryNodes('paper_text', $q) YIELD node, score RETURN node.title, score",
    'MATCH (n) CALL (n) { MATCH (n)--(m) RETURN count(m) AS c } RETURN n, c',
    'MATCH (n) CALL { WITH n RETURN 1 AS one } RETURN one',
    'RETURN date.truncate("month", date()), datetime.fromepoch(0), point.distance(point({x:0,y:0}), point({x:1,y:1}))',
    'RETURN db.nameFromElementId("x"), duration.between(date(), date())',
    'MATCH (a) RETURN count { (a)-->() } AS deg',
    'MATCH (a) WHERE EXISTS { MATCH (a)-->(b) } RETURN a',
    'RETURN 1;',
    'RETURN 1 UNION ALL RETURN 2',
  ])('%s', (q) => {
    expect(allowed(q).ok).toBe(true);
  });

  it('passes writes through: the read-only session refuses them (403 with Neo4j code)', () => {
    expect(allowed('CREATE (:X)').ok).toBe(true);
    expect(allowed('MATCH (n) DETACH DELETE n').ok).toBe(true);
    expect(allowed('CREATE INDEX x FOR (n:X) ON (n.y)').ok).toBe(true);
  });

  it('reports EXPLAIN / PROFILE and skips CYPHER options', () => {
    expect(allowed('EXPLAIN MATCH (n) RETURN n').mode).toBe('explain');
    expect(allowed('profile MATCH (n) RETURN n').mode).toBe('profile');
    expect(allowed('CYPHER runtime=slotted PROFILE MATCH (n) RETURN n').mode).toBe('profile');
    expect(allowed('CYPHER 5 MATCH (n) RETURN n').mode).toBe('run');
    expect(allowed('MATCH (n) RETURN n').mode).toBe('run');
  });

  it('lists the procedures it let through', () => {
    expect(allowed('CALL db.labels() YIELD label CALL db.propertyKeys() YIELD propertyKey RETURN *').procedures).toEqual([
      'db.labels',
      'db.propertyKeys',
    ]);
  });
});

describe('checkQuery: refused', () => {
  it.each([
    ["LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", 'load-csv'],
    ["LoAd /*x*/ CsV FROM 'file:///etc/passwd' AS l RETURN l", 'load-csv'],
    ["load\n// c\ncsv with headers from 'http://x' AS l RETURN l", 'load-csv'],
    ["WITH 1 AS a \\u004cOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", 'load-csv'],
    ["RETURN 1 AS x // \\u000aLOAD CSV FROM 'file:///x' AS l RETURN l", 'load-csv'],
    ["RETURN 1 AS x /* \\u002a/ LOAD CSV FROM 'file:///x' AS l RETURN l", 'load-csv'],
    ["RETURN 'a\\u0027 LOAD CSV FROM 'file:///x' AS l RETURN l //'", 'load-csv'],
    ['EXPLAIN LOAD CSV FROM "file:///x" AS l RETURN l', 'load-csv'],
    ['MATCH (n) CALL { LOAD CSV FROM "file:///x" AS l RETURN l } RETURN l', 'load-csv'],
    ['CALL dbms.listConfig()', 'procedure-dbms'],
    ['CALL DBMS.LISTCONFIG()', 'procedure-dbms'],
    ['call Dbms.Components()', 'procedure-dbms'],
    ['CALL `dbms`.`listConfig`()', 'procedure-dbms'],
    ['CALL dbms /* hi */ . security.listUsers()', 'procedure-dbms'],
    ['CALL `dbms.listConfig`()', 'procedure-dbms'],
    ['MATCH (n) CALL { CALL dbms.listConfig() YIELD name RETURN name } RETURN name', 'procedure-dbms'],
    ["CALL apoc.load.json('file:///etc/passwd')", 'procedure-io'],
    ["CALL apoc.import.csv([], [], {})", 'procedure-io'],
    ["CALL apoc.export.csv.all('x.csv', {})", 'procedure-io'],
    ['CALL db.awaitIndexes(300)', 'procedure-not-allowed'],
    ['CALL tx.setMetaData({})', 'procedure-not-allowed'],
    ['CALL myPlugin.doThings()', 'procedure-not-allowed'],
    ['RETURN apoc.text.join(["a"], ",")', 'function-not-allowed'],
    ['RETURN custom.fn(1)', 'function-not-allowed'],
    ['SHOW USERS', 'admin-command'],
    ['show transactions', 'admin-command'],
    ['SHOW SETTINGS YIELD name, value RETURN name, value', 'admin-command'],
    ['TERMINATE TRANSACTIONS "neo4j-transaction-1"', 'admin-command'],
    ['SHOW TRANSACTIONS YIELD transactionId AS t TERMINATE TRANSACTIONS t', 'admin-command'],
    ['CREATE USER eve SET PASSWORD "x"', 'admin-command'],
    ['CREATE ROLE r', 'admin-command'],
    ['CREATE DATABASE foo', 'admin-command'],
    ['CREATE OR REPLACE DATABASE foo', 'admin-command'],
    ['ALTER USER neo4j SET PASSWORD "x"', 'admin-command'],
    ['DROP USER eve', 'admin-command'],
    ['DROP DATABASE neo4j', 'admin-command'],
    ['GRANT ROLE admin TO eve', 'admin-command'],
    ['DENY READ {*} ON GRAPH * TO eve', 'admin-command'],
    ['REVOKE ROLE admin FROM eve', 'admin-command'],
    ['START DATABASE foo', 'admin-command'],
    ['STOP DATABASE neo4j', 'admin-command'],
    ['EXPLAIN SHOW USERS', 'admin-command'],
    ['CYPHER runtime=slotted SHOW USERS', 'admin-command'],
    ['/* x */ SHOW USERS', 'admin-command'],
    ['USE system SHOW USERS', 'use-clause'],
    ['use neo4j MATCH (n) RETURN n', 'use-clause'],
    ['MATCH (n) CALL { USE other MATCH (m) RETURN m } RETURN m', 'use-clause'],
    ['MATCH (n) RETURN n UNION USE other MATCH (n) RETURN n', 'use-clause'],
    ['RETURN 1; RETURN 2', 'multiple-statements'],
    ['RETURN 1; SHOW USERS', 'multiple-statements'],
    ['// only a comment', 'empty-query'],
    ['EXPLAIN', 'empty-query'],
    ["RETURN 'unterminated", 'syntax'],
    ['RETURN 1 // C:\\users', 'syntax'],
  ])('%s → %s', (q, rule) => {
    expect(refused(q).rule).toBe(rule);
  });

  it('answers 403 for refused features and 400 for malformed input', () => {
    expect(refused('LOAD CSV FROM "x" AS l RETURN l').status).toBe(403);
    expect(refused('SHOW USERS').status).toBe(403);
    expect(refused('RETURN 1; RETURN 2').status).toBe(400);
    expect(refused("RETURN 'x").status).toBe(400);
  });

  it('points at the offending token in the original text', () => {
    const r = refused('MATCH (n)\nWITH n LoAd /*x*/ CsV FROM "f" AS l RETURN l');
    expect(r.offset).toBe(17);
    expect(lineColumn('MATCH (n)\nWITH n LoAd', r.offset)).toEqual({ line: 2, column: 8 });
  });

  it('names the allowed procedures when refusing one', () => {
    expect(refused('CALL db.awaitIndexes()').message).toContain('db.labels');
  });
});

describe('assertAllowed (the guard as errors)', () => {
  it('403 forbidden_query with the rule and position', () => {
    try {
      assertAllowed('MATCH (n)\nLOAD CSV FROM "x" AS l RETURN l');
      throw new Error('not refused');
    } catch (err) {
      expect(err).toBeInstanceOf(ForbiddenQueryError);
      expect(httpStatus(err as ForbiddenQueryError)).toBe(403);
      expect((err as ForbiddenQueryError).details).toEqual({ rule: 'load-csv', offset: 10, line: 2, column: 1 });
    }
  });
  it('400 naming the body field, with the position in Neo4j words', () => {
    try {
      assertAllowed("RETURN 'x");
      throw new Error('not refused');
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).message).toBe("Invalid body field 'query': Unterminated string literal (line 1, column 8 (offset: 7))");
    }
  });
  it('returns the mode when allowed', () => {
    expect(assertAllowed('PROFILE RETURN 1')).toEqual({ mode: 'profile' });
  });
});

describe('checkQuery: resource rules', () => {
  const nested = (depth: number) => `RETURN ${'['.repeat(depth)}1${']'.repeat(depth)} AS x`;

  it.each([
    ["RETURN size(reduce(s='x', j IN range(1,29) | s+s)) AS s", 'unbounded-growth'],
    ['RETURN size(reduce(l=[1], j IN range(1,30) | l + l)) AS s', 'unbounded-growth'],
    ["RETURN reduce(s = 'xx', j IN range(1, 20) | replace(s, 'x', s)) AS s", 'unbounded-growth'],
    ['RETURN reduce(l = [1], j IN range(1, 30) | [x IN l | x] + l) AS s', 'unbounded-growth'],
    ["RETURN reduce(`s` = 'x', j IN range(1, 29) | `s` + `s`) AS s", 'unbounded-growth'],
    ["RETURN reduce(a = 'x', i IN range(1, 29) | reduce(b = a, j IN [1] | b + a)) AS s", 'unbounded-growth'],
    ['RETURN size([x IN range(1, 1000000000) | x]) AS n', 'range-too-large'],
    ['UNWIND [x IN range(0, 2000000, 1) | x] AS x RETURN count(x) AS n', 'range-too-large'],
    ['WITH range(1, 5000000) AS r UNWIND r AS x RETURN count(x) AS n', 'range-too-large'],
    ['RETURN range(-1000000, 1000000) AS r', 'range-too-large'],
    ['RETURN RANGE(1, 0x7fffffff) AS r', 'range-too-large'],
  ])('%s → %s', (query, rule) => {
    const r = refused(query);
    expect(r.rule).toBe(rule);
    expect(r.status).toBe(403);
  });

  it.each([
    'RETURN reduce(total = 0, x IN [1, 2, 3] | total + x) AS t',
    "RETURN reduce(s = '', x IN ['a', 'b'] | s + CASE WHEN s = '' THEN '' ELSE ',' END + x) AS s",
    'RETURN reduce(m = {total: 0}, x IN [1, 2] | {total: m.total + x}) AS m',
    'RETURN range(1, 1000000) AS r',
    'UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 0 RETURN count(*)',
    'RETURN range(1, 10000000, 10) AS r',
    'UNWIND range(1, $n) AS x RETURN x',
    'RETURN range(0, size([1, 2, 3])) AS r',
    nested(64),
  ])('allows %s', (query) => {
    expect(checkQuery(query)).toMatchObject({ ok: true });
  });

  it('refuses nesting deeper than MAX_NESTING with a 400 at the first bracket too deep', () => {
    const q = nested(2000);
    const r = refused(q);
    expect(r).toMatchObject({ rule: 'nesting-too-deep', status: 400 });
    expect(r.offset).toBe('RETURN '.length + MAX_NESTING);
    expect(refused(`MATCH (n) WHERE ${'('.repeat(65)}true${')'.repeat(65)} RETURN n`).rule).toBe('nesting-too-deep');
  });

  it('names the accumulator and the limit in its messages', () => {
    expect(refused("RETURN reduce(s='x', j IN range(1,29) | s+s) AS s").message).toContain('accumulator s');
    expect(refused('RETURN range(1, 1000000000) AS r').message).toContain('1,000,000');
  });
});
