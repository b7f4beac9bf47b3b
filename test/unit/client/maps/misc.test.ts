// Histogram bins, map GraphML/CSV exports, path order, Cypher links, topic author ranking, synthetic graph.
import cytoscape from 'cytoscape';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { consoleHref, cypherString, jointPapersCypher } from '../../../../client/src/core/cypher-links.js';
import { parseUrlState } from '../../../../client/src/core/url-state.js';
import { binYears } from '../../../../client/src/components/histogram.js';
import { mapCsv, mapGraphml } from '../../../../client/src/graph/export.js';
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

describe('map exports', () => {
  // Thin: the formats themselves are pinned in test/unit/shared/graph-formats.test.ts.
  const cy = cytoscape({
    headless: true,
    elements: [
      { data: { id: 'a&b', label: 'A <1>', kind: 'author', papers: 2, colour: '#fff', size: 30 } },
      { data: { id: 'c', label: '=C', kind: 'author', papers: 1, colour: '#000', size: 20 } },
      { data: { id: 'e', source: 'a&b', target: 'c', kind: 'coauthor', weight: 1.5, width: 3 } },
    ],
  });

  it('writes the API fields of the drawn map as GraphML, without drawing encodings', () => {
    const xml = mapGraphml(cy, 'coauthors');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<key id="n_papers" for="node" attr.name="papers" attr.type="long"/>');
    expect(xml).toContain('<edge id="e" source="a&amp;b" target="c">');
    expect(xml).not.toMatch(/colour|"size"|"width"/);
  });

  it('writes nodes and edges tables with the server export\'s columns, formulas protected', () => {
    expect(mapCsv(cy, 'nodes')).toBe("id,label,kind,papers\r\na&b,A <1>,author,2\r\nc,'=C,author,1\r\n");
    expect(mapCsv(cy, 'edges')).toBe('id,source,target,kind,weight\r\ne,a&b,c,coauthor,1.5\r\n');
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
