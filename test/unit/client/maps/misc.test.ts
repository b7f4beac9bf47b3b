// Histogram bins, CSV and GraphML builders, path order, Cypher links, topic author ranking, synthetic graph.
import { describe, expect, it } from 'vitest';
import { consoleHref, cypherString, jointPapersCypher } from '../../../../client/src/app/cypher-links.js';
import { parseUrlState } from '../../../../client/src/app/url-state.js';
import { binYears } from '../../../../client/src/components/histogram.js';
import { csvField, toCsv, toGraphML } from '../../../../client/src/graph/export.js';
import { authorPath } from '../../../../client/src/graph/path.js';
import { syntheticGraph } from '../../../../client/src/graph/synthetic.js';
import { rankAuthors } from '../../../../client/src/views/topics/rank.js';

describe('binYears', () => {
  it('fills gaps, sums duplicates, drops undated', () => {
    expect(binYears([{ year: 2021, count: 2 }, { year: 2023, count: 1 }, { year: 2021, count: 1 }, { year: null, count: 9 }])).toEqual([
      { year: 2021, count: 3 },
      { year: 2022, count: 0 },
      { year: 2023, count: 1 },
    ]);
  });
  it('widens to a requested range and handles nothing', () => {
    expect(binYears([{ year: 2021, count: 1 }], 2020, 2022).map((b) => b.year)).toEqual([2020, 2021, 2022]);
    expect(binYears([])).toEqual([]);
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and neutralises formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(toCsv([{ id: 'x', n: 1 }, { id: 'y' }], ['id', 'n'])).toBe('id,n\r\nx,1\r\ny,\r\n');
  });
});

describe('GraphML', () => {
  it('declares typed keys, escapes XML and skips drawing encodings', () => {
    const xml = toGraphML(
      [
        { id: 'a&b', label: 'A <1>', papers: 2, colour: '#fff' },
        { id: 'c', label: 'C', papers: 1 },
      ],
      [{ id: 'e', source: 'a&b', target: 'c', weight: 1.5 }],
    );
    expect(xml).toContain('<key id="node_label" for="node" attr.name="label" attr.type="string"/>');
    expect(xml).toContain('<key id="node_papers" for="node" attr.name="papers" attr.type="double"/>');
    expect(xml).toContain('<key id="edge_weight" for="edge" attr.name="weight" attr.type="double"/>');
    expect(xml).toContain('<node id="a&amp;b">');
    expect(xml).toContain('<data key="node_label">A &lt;1&gt;</data>');
    expect(xml).toContain('<edge id="e" source="a&amp;b" target="c">');
    expect(xml).not.toContain('colour');
    expect(xml).toContain('edgedefault="undirected"');
  });
});

describe('authorPath', () => {
  const author = (id: string) => ({ data: { id, label: id.toUpperCase(), kind: 'author' as const } });
  it('turns the first shortest path into ordered ids and author–author edges', () => {
    const res = {
      from: { id: 'a', name: 'A' },
      to: { id: 'c', name: 'C' },
      maxHops: 4,
      length: 2,
      paths: [
        {
          hops: [
            { from: { id: 'a', name: 'A' }, to: { id: 'b', name: 'B' }, papers: [{ id: 'p1', title: 'P1' }] },
            { from: { id: 'b', name: 'B' }, to: { id: 'c', name: 'C' }, papers: [{ id: 'p2', title: 'P2' }, { id: 'p3', title: null }] },
          ],
        },
      ],
      graph: { nodes: [author('a'), author('b'), author('c'), author('x')], edges: [], truncated: { nodes: { total: 4, shown: 4 }, edges: { total: 0, shown: 0 }, reasons: [] } },
    };
    const p = authorPath(res);
    expect(p.ids).toEqual(['a', 'b', 'c']);
    expect(p.payload.nodes.map((n) => n.data.id)).toEqual(['a', 'b', 'c']);
    expect(p.payload.edges.map((e) => [e.data.source, e.data.target, e.data.weight])).toEqual([['a', 'b', 1], ['b', 'c', 2]]);
  });
  it('is empty when there is no path', () => {
    const none = authorPath({
      from: { id: 'a', name: 'A' }, to: { id: 'z', name: 'Z' }, maxHops: 4, length: null, paths: [], message: 'none',
      graph: { nodes: [], edges: [], truncated: { nodes: { total: 0, shown: 0 }, edges: { total: 0, shown: 0 }, reasons: [] } },
    });
    expect(none.ids).toEqual([]);
  });
});

describe('cypher links', () => {
  it('escapes ids into string literals and opens the console view', () => {
    expect(cypherString("o'brien\\x")).toBe("'o\\'brien\\\\x'");
    const href = consoleHref(jointPapersCypher('name:a', "name:b'c"));
    const state = parseUrlState(href);
    expect(state.view).toBe('console');
    expect(state.params.query).toContain("{id: 'name:b\\'c'}");
    expect(state.params.run).toBe('1');
  });
});

describe('rankAuthors', () => {
  it('counts each author once per paper, most papers first then by name', () => {
    const r = rankAuthors([
      [{ id: '1', name: 'Bo' }, { id: '2', name: 'Al' }, { id: '1', name: 'Bo' }],
      [{ id: '1', name: 'Bo' }, { id: '3', name: 'Cy' }],
      [{ id: '2', name: 'Al' }],
    ]);
    expect(r).toEqual([
      { id: '1', name: 'Bo', papers: 2 },
      { id: '2', name: 'Al', papers: 2 },
      { id: '3', name: 'Cy', papers: 1 },
    ].sort((a, b) => b.papers - a.papers || a.name.localeCompare(b.name)));
  });
});

describe('syntheticGraph', () => {
  it('has the requested size, no duplicate or self edges, and is deterministic', () => {
    const g = syntheticGraph(2000, 6000, 1);
    expect(g.nodes).toHaveLength(2000);
    expect(g.edges).toHaveLength(6000);
    const keys = new Set(g.edges.map((e) => [e.data.source, e.data.target].sort().join('|')));
    expect(keys.size).toBe(6000);
    expect(g.edges.some((e) => e.data.source === e.data.target)).toBe(false);
    expect(syntheticGraph(2000, 6000, 1)).toEqual(g);
  });
});
