// Pure graph building: stable pair ids, cuts by priority with reasons, and console rows → Cytoscape elements.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import { GraphResponse } from '../../../schema/graph.js';
import { consoleGraph, nodeCaption } from '../../../server/api/cypher/console-elements.js';
import { fanout, levelBudget } from '../../../server/api/graph/coauthors.service.js';
import { graphResponse, orderedPair, pairId } from '../../../server/api/graph/elements.js';
import { PATH_LENGTH_BOUND, pathQueryText } from '../../../server/api/graph/path.service.js';

const { Node, Relationship, Path, PathSegment } = neo4j.types;
const node = (eid: string, labels: string[], props: Record<string, unknown>) => new Node(neo4j.int(0), labels, props, eid);
const rel = (eid: string, type: string, start: string, end: string, props: Record<string, unknown> = {}) =>
  new Relationship(neo4j.int(0), neo4j.int(0), neo4j.int(0), type, props, eid, start, end);

describe('pairId / orderedPair', () => {
  it('is the same whichever side the pair is seen from', () => {
    expect(pairId('name:b', 'name:a')).toBe('name:a|name:b');
    expect(pairId('name:a', 'name:b')).toBe('name:a|name:b');
    expect(orderedPair('z', 'a')).toEqual({ source: 'a', target: 'z' });
  });
});

describe('graphResponse', () => {
  const n = (id: string) => ({ id, label: id, kind: 'author' as const });
  const e = (a: string, b: string, weight: number) => ({ id: pairId(a, b), ...orderedPair(a, b), kind: 'coauthor' as const, weight });

  it('keeps everything and reports nothing cut when within limits', () => {
    const g = graphResponse({ items: [n('a'), n('b')], total: 2 }, { items: [e('a', 'b', 1)], total: 1 }, { nodeRule: 'x', edgeRule: 'y' });
    expect(GraphResponse.parse(g)).toEqual(g);
    expect(g.truncated).toEqual({ nodes: { total: 2, shown: 2 }, edges: { total: 1, shown: 1 }, reasons: [] });
  });

  it('cuts nodes by priority, drops edges to cut nodes, cuts edges, and says so', () => {
    const g = graphResponse(
      { items: [n('a'), n('b'), n('c')], total: 7 },
      { items: [e('a', 'c', 5), e('a', 'b', 3), e('b', 'c', 2)], total: 3 },
      { maxNodes: 2, maxEdges: 5, nodeRule: 'by papers', edgeRule: 'heaviest', reasons: ['earlier cut'] },
    );
    expect(g.nodes.map((x) => x.data.id)).toEqual(['a', 'b']);
    expect(g.edges.map((x) => x.data.id)).toEqual(['a|b']);
    expect(g.truncated.nodes).toEqual({ total: 7, shown: 2 });
    expect(g.truncated.reasons).toEqual(['earlier cut', 'kept 2 of 7 nodes, by papers', 'dropped 2 edges to nodes that were cut']);
  });

  it('cuts edges to maxEdges, keeping the first (heaviest)', () => {
    const g = graphResponse(
      { items: [n('a'), n('b'), n('c')], total: 3 },
      { items: [e('a', 'c', 5), e('a', 'b', 3), e('b', 'c', 2)], total: 3 },
      { maxEdges: 2, nodeRule: '', edgeRule: 'the heaviest' },
    );
    expect(g.edges.map((x) => x.data.weight)).toEqual([5, 3]);
    expect(g.truncated.edges).toEqual({ total: 3, shown: 2 });
    expect(g.truncated.reasons).toEqual(['kept 2 of 3 edges, the heaviest']);
  });
});

describe('consoleGraph', () => {
  const a = node('4:x:1', ['Author'], { id: 'name:a', name: 'A' });
  const p = node('4:x:2', ['Paper'], { id: 'p1', title: 'T', year: neo4j.int(2024) });
  const c = node('4:x:3', ['Category'], { code: 'cs.CV' });
  const r = rel('5:x:1', 'AUTHORED', '4:x:1', '4:x:2', { position: neo4j.int(1) });

  it('finds nodes and relationships nested anywhere, once each', () => {
    const g = consoleGraph([[a, r, p], [{ nested: [a, { deeper: r }] }], [[p, p]]]);
    expect(GraphResponse.parse(g)).toEqual(g);
    expect(g.nodes.map((x) => x.data.id)).toEqual(['4:x:1', '4:x:2']);
    expect(g.edges).toHaveLength(1);
    expect(must(g.edges[0], 'g.edges[0]').data).toMatchObject({ id: '5:x:1', source: '4:x:1', target: '4:x:2', label: 'AUTHORED', properties: { position: 1 } });
    expect(must(g.nodes[1], 'g.nodes[1]').data).toMatchObject({ label: 'T', kind: 'paper', ref: 'p1', labels: ['Paper'], properties: { year: 2024 } });
  });

  it('takes paths apart', () => {
    const path = new Path(a, p, [new PathSegment(a, r, p)]);
    const g = consoleGraph([[path]]);
    expect(g.nodes).toHaveLength(2);
    expect(g.edges).toHaveLength(1);
  });

  it('adds placeholder nodes for relationship ends that were not returned', () => {
    const g = consoleGraph([[r]]);
    expect(g.nodes.map((x) => x.data)).toEqual([
      { id: '4:x:1', label: '', kind: 'node', placeholder: true },
      { id: '4:x:2', label: '', kind: 'node', placeholder: true },
    ]);
  });

  it('does not take a plain map that looks like a node for one', () => {
    const g = consoleGraph([[{ kind: 'node', elementId: 'fake', labels: [], properties: {} }]]);
    expect(g.nodes).toHaveLength(0);
  });

  it('caps elements and says so', () => {
    const many = Array.from({ length: 5 }, (_, i) => node(`4:x:${10 + i}`, ['X'], { id: String(i) }));
    const g = consoleGraph([many], 3, 10);
    expect(g.nodes).toHaveLength(3);
    expect(g.truncated.nodes).toEqual({ total: 5, shown: 3 });
    expect(g.truncated.reasons[0]).toMatch(/kept 3 of 5 nodes/);
  });

  it('captions nodes by name, title, code, id, then label', () => {
    expect(nodeCaption(['Category'], { code: 'cs.CV' })).toBe('cs.CV');
    expect(nodeCaption(['Thing'], {})).toBe('Thing');
    expect(nodeCaption(['Category'], { code: 'cs.CV', name: 'Computer Vision' })).toBe('Computer Vision');
    expect(c.labels).toEqual(['Category']);
  });
});

describe('pathQueryText', () => {
  it('puts 2 × maxHops from the fixed table into the bound, and nothing else', () => {
    for (const hops of [1, 2, 3, 4, 5, 6]) {
      const text = pathQueryText(hops);
      expect(text).toContain(`[:AUTHORED*..${2 * hops}]`);
      expect(PATH_LENGTH_BOUND[hops]).toBe(String(2 * hops));
    }
  });
  it('refuses any maxHops outside the table', () => {
    expect(() => pathQueryText(7)).toThrow(/not in PATH_LENGTH_BOUND/);
    expect(() => pathQueryText(0)).toThrow();
    expect(() => pathQueryText(Number('1; MATCH (n) DETACH DELETE n'))).toThrow();
  });
});

describe('co-author expansion budgets', () => {
  it('splits the remaining nodes evenly over the levels still to come', () => {
    expect(levelBudget(149, 1, 1)).toBe(149);
    expect(levelBudget(149, 1, 2)).toBe(74);
    expect(levelBudget(149 - 30, 2, 2)).toBe(119);
    expect(levelBudget(149, 1, 3)).toBe(49);
    expect(levelBudget(0, 2, 2)).toBe(0);
  });
  it('gives every expanded author a share of the level (per-node top-K), at least one', () => {
    expect(fanout(149, 1)).toBe(149);
    expect(fanout(119, 20)).toBe(6);
    expect(fanout(3, 20)).toBe(1);
    expect(fanout(10, 0)).toBe(10);
  });
});
