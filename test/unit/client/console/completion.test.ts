// Cypher completion: what the cursor position asks for (label, relationship type, property key, keyword) and the options offered.
import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { must } from '../../../../core/must.js';
import {
  completeCypher,
  completionKind,
  cypherCompletionSource,
  type GraphSchema,
  quoteName,
} from '../../../../client/src/views/console/completion.js';

const schema: GraphSchema = {
  labels: ['Paper', 'Author', 'Topic', 'Category', 'Stub', 'Has Space'],
  relationshipTypes: ['AUTHORED', 'CITES', 'HAS_TOPIC', 'IN_CATEGORY'],
  propertyKeys: ['name', 'title', 'year', 'id', 'position'],
};

/** `|` in the text marks the cursor. */
function at(textWithCursor: string, explicit = false) {
  const pos = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  return { text, pos, kind: completionKind(text, pos, explicit), result: completeCypher(text, pos, schema, explicit) };
}

const labels = (r: ReturnType<typeof completeCypher>) => r?.options.map((o) => o.label);

describe('completionKind', () => {
  it('offers labels after a colon in a node pattern and in a WHERE label test', () => {
    expect(at('MATCH (a:|').kind).toEqual({ kind: 'label', from: 9 });
    expect(at('MATCH (a:Au|').kind).toEqual({ kind: 'label', from: 9 });
    expect(at('MATCH (:|').kind?.kind).toBe('label');
    expect(at('MATCH (n) WHERE n:P|').kind?.kind).toBe('label');
    expect(at('MATCH (n:Paper:|').kind?.kind).toBe('label');
    expect(at('MATCH (n:Paper|Au|').kind?.kind).toBe('label');
  });

  it('offers relationship types after a colon or | inside brackets', () => {
    expect(at('MATCH (a)-[r:|').kind).toEqual({ kind: 'relationshipType', from: 13 });
    expect(at('MATCH (a)-[:AUTH|').kind?.kind).toBe('relationshipType');
    expect(at('MATCH (a)-[:AUTHORED|CI|').kind?.kind).toBe('relationshipType');
    expect(at('MATCH (a)-[r:AUTHORED]->(p:|').kind?.kind).toBe('label');
  });

  it('offers property keys after a variable and a dot, and at key positions of a map', () => {
    expect(at('MATCH (a) RETURN a.|').kind).toEqual({ kind: 'propertyKey', from: 19 });
    expect(at('MATCH (a) RETURN a.na|').kind?.kind).toBe('propertyKey');
    expect(at('MATCH (a:Author {|').kind?.kind).toBe('propertyKey');
    expect(at('MATCH (a:Author {name: "x", |').kind?.kind).toBe('propertyKey');
  });

  it('offers nothing inside strings, comments, map values, numbers or procedure names', () => {
    expect(at('MATCH (a {name: "a:|').kind).toBeNull();
    expect(at("RETURN 'x.|").kind).toBeNull();
    expect(at('// MATCH (a:|').kind).toBeNull();
    expect(at('MATCH (a:Author {name:|').kind).toBeNull();
    expect(at('RETURN 1.|').kind).toBeNull();
    expect(at('CALL db.|').kind).toBeNull();
  });

  it('ignores brackets and colons inside strings when finding the context', () => {
    expect(at('MATCH (a {name: "(x:"})-[r:|').kind?.kind).toBe('relationshipType');
  });

  it('offers keywords for a bare word at clause level, not for a variable inside a pattern', () => {
    expect(at('MAT|').kind).toEqual({ kind: 'keyword', from: 0 });
    expect(at('MATCH (a) RET|').kind?.kind).toBe('keyword');
    expect(at('MATCH (a|').kind).toBeNull();
    expect(at('MATCH (a) |').kind).toBeNull();
    expect(at('MATCH (a) |', true).kind?.kind).toBe('keyword');
  });
});

describe('completeCypher', () => {
  it('lists the schema names of the right kind, sorted', () => {
    expect(labels(at('MATCH (a:|').result)).toEqual(['Author', 'Category', 'Has Space', 'Paper', 'Stub', 'Topic']);
    expect(labels(at('MATCH ()-[:|').result)).toEqual(['AUTHORED', 'CITES', 'HAS_TOPIC', 'IN_CATEGORY']);
    expect(labels(at('RETURN a.|').result)).toEqual(['id', 'name', 'position', 'title', 'year']);
    expect(labels(at('MAT|').result)).toContain('MATCH');
  });

  it('backticks names that are not plain identifiers, including a backtick already typed', () => {
    const opt = must(must(at('MATCH (a:|').result, 'the completion at MATCH (a:|').options.find((o) => o.label === 'Has Space'), 'the completion option Has Space');
    expect(opt.apply).toBe('`Has Space`');
    const typed = at('MATCH (a:`Ha|');
    expect(typed.kind).toEqual({ kind: 'label', from: 9 });
  });

  it('returns null when the schema has nothing of that kind yet', () => {
    expect(completeCypher('MATCH (a:', 9, { labels: [], relationshipTypes: [], propertyKeys: [] })).toBeNull();
  });
});

describe('quoteName', () => {
  it('quotes only when needed and doubles inner backticks', () => {
    expect(quoteName('Paper')).toBe('Paper');
    expect(quoteName('HAS_TOPIC')).toBe('HAS_TOPIC');
    expect(quoteName('2fast')).toBe('`2fast`');
    expect(quoteName('a`b')).toBe('`a``b`');
  });
});

describe('cypherCompletionSource', () => {
  it('works as a CodeMirror CompletionSource and waits for the schema', () => {
    let current: GraphSchema | null = null;
    const source = cypherCompletionSource(() => current);
    const doc = 'MATCH (a)-[:A';
    const ctx = () => new CompletionContext(EditorState.create({ doc }), doc.length, false);
    expect(source(ctx())).toBeNull();
    current = schema;
    const result = source(ctx());
    expect(result).toMatchObject({ from: 12 });
    expect(result && 'options' in result ? result.options.map((o) => o.label) : []).toContain('AUTHORED');
  });
});
