// The one GraphML and CSV builder (shared/graph-formats.ts): GraphML read back by a real XML parser, CSV by a strict
// RFC 4180 reader. The server route and the client's map/overview/console exports have only thin tests of their own.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import { csvField, graphCsv, recordsCsv, toCsv, toGraphml, xmlEscape } from '../../../shared/graph-formats.js';

const SPECIAL_ID = `name:o'neil & <co> "x"`;
const nodes = [
  { id: SPECIAL_ID, label: 'Ann "The" O\'Neil & <Co>', kind: 'author', papers: 3, ego: true, year: 2021, mixed: 1 },
  { id: 'name:b', label: '=HYPERLINK("http://evil")', kind: 'author', papers: 1, ego: false, year: null, mixed: 'one' },
  { id: 'name:c', label: 'Ctrl\u0001char\uFFFF, and\nnewline 😀', kind: 'author', papers: 2, ego: false },
];
const edges = [
  { id: `name:b|${SPECIAL_ID}`, source: 'name:b', target: SPECIAL_ID, kind: 'coauthor', weight: 0.5, paperCount: 2, papers: ['p1', 'p;2'] },
  { id: 'name:b|name:c', source: 'name:b', target: 'name:c', kind: 'coauthor', weight: 1, paperCount: 1, papers: ['p3'] },
];

interface Parsed {
  graph: { id: string; edgedefault: string };
  keys: { id: string; for: string; name: string; type: string }[];
  nodes: { id: string; data: Record<string, string> }[];
  edges: { id: string; source: string; target: string; data: Record<string, string> }[];
}

type XmlElement = Record<string, string> & { data?: XmlElement[] };

/** GraphML through fast-xml-parser; each element's data by its key's attr.name, values as the text the file holds. */
function parseGraphml(xml: string): Parsed {
  const arrays = new Set(['key', 'node', 'edge', 'data']);
  const isArray = (tag: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute && arrays.has(tag);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray });
  const doc = parser.parse(xml) as { graphml: { key?: XmlElement[]; graph: XmlElement & { node?: XmlElement[]; edge?: XmlElement[] } } };
  const keys = (doc.graphml.key ?? []).map((k) => ({ id: must(k['@id'], `k['@id']`), for: must(k['@for'], `k['@for']`), name: must(k['@attr.name'], `k['@attr.name']`), type: must(k['@attr.type'], `k['@attr.type']`) }));
  const name = new Map(keys.map((k) => [k.id, k.name]));
  const data = (el: XmlElement) => Object.fromEntries((el.data ?? []).map((d) => [name.get(must(d['@key'], `d['@key']`)), must(d['#text'], `d['#text']`)]));
  const g = doc.graphml.graph;
  return {
    graph: { id: must(g['@id'], `g['@id']`), edgedefault: must(g['@edgedefault'], `g['@edgedefault']`) },
    keys,
    nodes: (g.node ?? []).map((n) => ({ id: must(n['@id'], `n['@id']`), data: data(n) })),
    edges: (g.edge ?? []).map((e) => ({ id: must(e['@id'], `e['@id']`), source: must(e['@source'], `e['@source']`), target: must(e['@target'], `e['@target']`), data: data(e) })),
  };
}

describe('toGraphml', () => {
  const xml = toGraphml({ nodes, edges }, 'coauthors');
  const doc = parseGraphml(xml);

  it('is well-formed, namespaced GraphML with an undirected graph of the given id', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"');
    expect(doc.graph).toEqual({ id: 'coauthors', edgedefault: 'undirected' });
    expect(parseGraphml(toGraphml({ nodes: [], edges: [] })).graph.id).toBe('G');
  });

  it('declares one key per field and scope: long for integers, double once a value is fractional, else boolean or string', () => {
    expect(doc.keys).toEqual([
      { id: 'n_label', for: 'node', name: 'label', type: 'string' },
      { id: 'n_kind', for: 'node', name: 'kind', type: 'string' },
      { id: 'n_papers', for: 'node', name: 'papers', type: 'long' },
      { id: 'n_ego', for: 'node', name: 'ego', type: 'boolean' },
      { id: 'n_year', for: 'node', name: 'year', type: 'long' },
      { id: 'n_mixed', for: 'node', name: 'mixed', type: 'string' },
      { id: 'e_kind', for: 'edge', name: 'kind', type: 'string' },
      { id: 'e_weight', for: 'edge', name: 'weight', type: 'double' },
      { id: 'e_paperCount', for: 'edge', name: 'paperCount', type: 'long' },
      { id: 'e_papers', for: 'edge', name: 'papers', type: 'string' },
    ]);
  });

  it('round-trips ids, ends and values with XML specials, dropping only characters XML 1.0 cannot hold', () => {
    expect(doc.nodes.map((n) => n.id)).toEqual([SPECIAL_ID, 'name:b', 'name:c']);
    expect(must(doc.nodes[0], 'doc.nodes[0]').data).toEqual({ label: must(nodes[0], 'nodes[0]').label, kind: 'author', papers: '3', ego: 'true', year: '2021', mixed: '1' });
    expect(must(doc.nodes[2], 'doc.nodes[2]').data.label).toBe('Ctrlchar, and\nnewline 😀');
    expect(doc.edges[0]).toMatchObject({ id: `name:b|${SPECIAL_ID}`, source: 'name:b', target: SPECIAL_ID });
    expect(doc.edges.map((e) => e.data.weight)).toEqual(['0.5', '1']);
  });

  it('writes lists as JSON and leaves out null and missing values', () => {
    expect(JSON.parse(must(must(doc.edges[0], 'doc.edges[0]').data.papers, 'the papers of the first edge'))).toEqual(['p1', 'p;2']);
    expect(must(doc.nodes[1], 'doc.nodes[1]').data).not.toHaveProperty('year');
    expect(must(doc.nodes[2], 'doc.nodes[2]').data).not.toHaveProperty('mixed');
  });

  it('escapes all five XML specials', () => {
    expect(xmlEscape(`<a href="x">'&'</a>\u0000`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('csvField', () => {
  it('leaves plain text, numbers, booleans and bigints unquoted, null empty, spaces as they are', () => {
    expect([csvField('Ziller'), csvField(42), csvField(2.5), csvField(false), csvField(12345678901234567890n)]).toEqual(['Ziller', '42', '2.5', 'false', '12345678901234567890']);
    expect([csvField(null), csvField(undefined), csvField('  padded ')]).toEqual(['', '', '  padded ']);
  });

  it('quotes fields with a comma, quote, CR or LF and doubles inner quotes', () => {
    const fields = ['Knolle, Moritz', 'say "hi"', 'two\nlines', 'cr\rhere'].map((v) => csvField(v));
    expect(fields).toEqual(['"Knolle, Moritz"', '"say ""hi"""', '"two\nlines"', '"cr\rhere"']);
  });

  it('writes lists and maps as JSON', () => {
    expect(csvField(['p1', 'p;2'])).toBe('"[""p1"",""p;2""]"');
    expect(csvField({ id: 'a1', labels: ['Author'] })).toBe('"{""id"":""a1"",""labels"":[""Author""]}"');
  });

  it('prefixes an apostrophe to text starting with = + - @ tab or CR, not to numbers', () => {
    expect(['=1+1', '+1', '-1+1', '@SUM(A1)', '\tx', '\rx'].map((v) => csvField(v))).toEqual(["'=1+1", "'+1", "'-1+1", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect([csvField(-3), csvField(-0.25), csvField(-12n)]).toEqual(['-3', '-0.25', '-12']);
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('=1+1', { protectFormulas: false })).toBe('=1+1');
  });
});

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated record per row; just the header when empty', () => {
    expect(toCsv(['name', 'papers'], [['Ziller', 2], ['Knolle, M.', 3]])).toBe('name,papers\r\nZiller,2\r\n"Knolle, M.",3\r\n');
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });

  it('round-trips through a strict RFC 4180 reader, formulas kept as text', () => {
    const formula = '=HYPERLINK("http://evil","x, y")';
    const cell = `a, "quoted"\r\nline ${formula}`;
    const row = [cell, formula, null, -7, ['x']];
    const columns = ['c1', 'c2', 'c3', 'c4', 'c5'];
    expect(parseCsv(toCsv(columns, [row]))).toEqual([columns, [cell, `'${formula}`, '', '-7', '["x"]']]);
    expect(parseCsv(toCsv(columns, [row], { protectFormulas: false }))[1]).toEqual([cell, formula, '', '-7', '["x"]']);
  });

  it('reads rows of objects by column, missing values empty', () => {
    expect(recordsCsv([{ id: 'x', n: 1, other: 2 }, { id: 'y' }], ['id', 'n'])).toBe('id,n\r\nx,1\r\ny,\r\n');
  });
});

describe('graphCsv', () => {
  it('puts id, label, kind first for nodes, then the other fields in first-seen order', () => {
    expect(parseCsv(graphCsv(nodes, 'nodes'))[0]).toEqual(['id', 'label', 'kind', 'papers', 'ego', 'year', 'mixed']);
    expect(parseCsv(graphCsv(nodes, 'nodes'))[1]).toEqual([SPECIAL_ID, must(nodes[0], 'nodes[0]').label, 'author', '3', 'true', '2021', '1']);
  });

  it('puts id, source, target, kind first for edges', () => {
    const table = parseCsv(graphCsv(edges, 'edges'));
    expect(table[0]).toEqual(['id', 'source', 'target', 'kind', 'weight', 'paperCount', 'papers']);
    expect(table[2]).toEqual(['name:b|name:c', 'name:b', 'name:c', 'coauthor', '1', '1', '["p3"]']);
    expect(graphCsv([], 'edges')).toBe('id,source,target,kind\r\n');
  });
});

/** A minimal strict RFC 4180 reader (records end with CRLF). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
        else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  return records;
}
