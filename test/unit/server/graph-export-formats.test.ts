// GraphML (valid XML, escaped, typed keys) and CSV (RFC 4180, formula-safe) renderings of a GraphResponse.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { GraphResponse } from '../../../schema/graph.js';
import { csvField, toCsv, toGraphml, xmlEscape } from '../../../server/api/export/graph-formats.js';

const graph: GraphResponse = {
  nodes: [
    { data: { id: 'name:o\'neil & <co>', label: 'Ann "The" O\'Neil & <Co>', kind: 'author', papers: 3, ego: true, depth: 0 } },
    { data: { id: 'name:b', label: '=HYPERLINK("http://evil")', kind: 'author', papers: 1, ego: false, depth: 1 } },
    { data: { id: 'name:c', label: 'Ctrl\u0001char, and\nnewline', kind: 'author', papers: 2, ego: false, depth: 1 } },
  ],
  edges: [
    { data: { id: "name:b|name:o'neil & <co>", source: 'name:b', target: "name:o'neil & <co>", kind: 'coauthor', weight: 0.5, paperCount: 2, papers: ['p1', 'p2'] } },
    { data: { id: 'name:b|name:c', source: 'name:b', target: 'name:c', kind: 'coauthor', weight: 1, paperCount: 1, papers: ['p3'] } },
  ],
  truncated: { nodes: { total: 3, shown: 3 }, edges: { total: 2, shown: 2 }, reasons: [] },
};

describe('toGraphml', () => {
  const xml = toGraphml(graph, 'coauthors');

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('round-trips ids and labels with XML special characters, dropping characters XML cannot hold', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['node', 'edge', 'data', 'key'].includes(name) }).parse(xml);
    const nodes = doc.graphml.graph.node as { '@id': string; data: { '@key': string; '#text': unknown }[] }[];
    expect(nodes.map((n) => n['@id'])).toEqual(["name:o'neil & <co>", 'name:b', 'name:c']);
    const label = (i: number) => nodes[i]!.data.find((d) => d['@key'] === 'n_label')!['#text'];
    expect(label(0)).toBe('Ann "The" O\'Neil & <Co>');
    expect(label(2)).toBe('Ctrlchar, and\nnewline');
    const edges = doc.graphml.graph.edge as { '@source': string; '@target': string }[];
    expect(edges[0]).toMatchObject({ '@source': 'name:b', '@target': "name:o'neil & <co>" });
  });

  it('declares one typed key per field', () => {
    expect(xml).toContain('<key id="n_papers" for="node" attr.name="papers" attr.type="long"/>');
    expect(xml).toContain('<key id="n_ego" for="node" attr.name="ego" attr.type="boolean"/>');
    expect(xml).toContain('<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>');
    expect(xml).toContain('<key id="e_papers" for="edge" attr.name="papers" attr.type="string"/>');
    expect(xml).toContain('<data key="e_papers">p1;p2</data>');
    expect(xml).toContain('edgedefault="undirected"');
  });

  it('escapes all five XML specials', () => {
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('toCsv', () => {
  it('writes a header and one row per node, quoting per RFC 4180', () => {
    const csv = toCsv(graph, 'nodes');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,label,kind,papers,ego,depth');
    expect(lines[1]).toBe(`name:o'neil & <co>,"Ann ""The"" O'Neil & <Co>",author,3,true,0`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('neutralises spreadsheet formulas in text but not in numbers', () => {
    expect(toCsv(graph, 'nodes')).toContain(`name:b,"'=HYPERLINK(""http://evil"")",author,1,false,1`);
    expect(csvField(-3)).toBe('-3');
    expect(csvField('-3')).toBe("'-3");
    expect(csvField('@x')).toBe("'@x");
  });

  it('writes edges with source and target first and lists joined by ;', () => {
    const lines = toCsv(graph, 'edges').split('\r\n');
    expect(lines[0]).toBe('id,source,target,kind,weight,paperCount,papers');
    expect(lines[2]).toBe('name:b|name:c,name:b,name:c,coauthor,1,1,p3');
  });
});
