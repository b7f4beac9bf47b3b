// API JSON → Cytoscape elements: encodings in data, merged expansions, deterministic communities and colours.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { must } from '../../../../core/must.js';
import { detectCommunities } from '../../../../client/src/graph/communities.js';
import { buildElements, edgeKey, mergePayloads, type GraphPayload } from '../../../../client/src/graph/elements.js';
import { OTHER_COLOUR } from '../../../../client/src/graph/scales.js';
import { syntheticGraph } from '../../../../client/src/graph/synthetic.js';

const ego: GraphPayload = {
  nodes: [
    { data: { id: 'knolle', label: 'Moritz Knolle', papers: 2, category: 'cs.LG' } },
    { data: { id: 'ziller', label: 'Alexander Ziller', papers: 2, category: 'cs.LG' } },
    { data: { id: 'usynin', label: 'Dmitrii Usynin', papers: 2, category: 'cs.LG' } },
    { data: { id: 'solo', label: 'Someone With A Very Long Name Indeed', papers: 10, category: 'cs.CV' } },
  ],
  edges: [
    { data: { id: 'e1', source: 'knolle', target: 'ziller', weight: 2 } },
    { data: { id: 'e2', source: 'knolle', target: 'usynin', weight: 2 } },
    { data: { id: 'e3', source: 'ziller', target: 'usynin', weight: 2 } },
    { data: { id: 'e4', source: 'knolle', target: 'solo', weight: 1 } },
  ],
  truncated: { nodes: { total: 4, shown: 4 }, edges: { total: 4, shown: 4 } },
};

describe('buildElements', () => {
  it('loads into headless Cytoscape with sizes, widths, fonts and short labels', () => {
    const built = buildElements(ego, { colourBy: 'category', focus: ['knolle'] });
    const cy = cytoscape({ headless: true, elements: [...built.nodes, ...built.edges] });
    expect(cy.nodes().map((n) => n.id()).sort()).toEqual(['knolle', 'solo', 'usynin', 'ziller']);
    const solo = cy.getElementById('solo');
    const ziller = cy.getElementById('ziller');
    expect(solo.data('size')).toBeGreaterThan(ziller.data('size'));
    expect(solo.data('short')).toBe('S. W. A. V. L. N. Indeed'.length <= 22 ? 'S. W. A. V. L. N. Indeed' : 'Indeed');
    expect(cy.getElementById('e1').data('width')).toBeGreaterThan(cy.getElementById('e4').data('width'));
    // The focus author has the highest degree and the focus bonus: the largest label.
    expect(cy.getElementById('knolle').data('fontSize')).toBeGreaterThan(ziller.data('fontSize'));
    expect(cy.getElementById('knolle').hasClass('focus')).toBe(true);
    expect(ziller.data('colour')).toBe(cy.getElementById('usynin').data('colour'));
    expect(ziller.data('colour')).not.toBe(solo.data('colour'));
    expect(built.legend.map((l) => l.label)).toEqual(['cs.LG', 'cs.CV']);
  });

  it('colours by community deterministically, whatever the input order', () => {
    const a = buildElements(ego, { colourBy: 'community' });
    const b = buildElements({ ...ego, nodes: [...ego.nodes].reverse(), edges: [...ego.edges].reverse() }, { colourBy: 'community' });
    const colours = (x: typeof a) => Object.fromEntries(x.nodes.map((n) => [n.data.id, n.data.colour]));
    expect(colours(a)).toEqual(colours(b));
    expect(must(a.legend[0], 'a.legend[0]').label).toBe('Community 1');
  });

  it('folds groups past the palette into one legend row', () => {
    const many: GraphPayload = {
      nodes: Array.from({ length: 20 }, (_, i) => ({ data: { id: `n${i}`, label: `N${i}`, category: `c${i}` } })),
      edges: [],
    };
    const built = buildElements(many, { colourBy: 'category' });
    expect(built.legend.at(-1)).toMatchObject({ key: '__other', colour: OTHER_COLOUR, label: '8 more', count: 8 });
  });
});

describe('mergePayloads', () => {
  it('unions nodes and undirected edges, keeping larger counts', () => {
    const expansion: GraphPayload = {
      nodes: [
        { data: { id: 'ziller', label: 'Alexander Ziller', papers: 5 } },
        { data: { id: 'new', label: 'New Person', papers: 1 } },
      ],
      edges: [
        { data: { id: 'x1', source: 'ziller', target: 'knolle', weight: 3 } },
        { data: { id: 'x2', source: 'ziller', target: 'new', weight: 1 } },
      ],
    };
    const m = mergePayloads([ego, expansion]);
    expect(m.nodes.map((n) => n.data.id).sort()).toEqual(['knolle', 'new', 'solo', 'usynin', 'ziller']);
    expect(must(m.nodes.find((n) => n.data.id === 'ziller'), `m.nodes.find((n) => n.data.id === 'ziller')`).data.papers).toBe(5);
    const kz = m.edges.filter((e) => edgeKey(e.data.source, e.data.target) === edgeKey('knolle', 'ziller'));
    expect(kz).toHaveLength(1);
    expect(must(kz[0], 'kz[0]').data.weight).toBe(3);
    expect(m.edges).toHaveLength(5);
    expect(m.truncated).toEqual(ego.truncated);
  });
});

describe('detectCommunities', () => {
  it('finds the two cliques of a barbell and numbers the larger first', () => {
    const ids = ['a', 'b', 'c', 'd', 'x', 'y', 'z'];
    const clique = (ns: string[]) => ns.flatMap((s, i) => ns.slice(i + 1).map((t) => ({ source: s, target: t })));
    const edges = [...clique(['a', 'b', 'c', 'd']), ...clique(['x', 'y', 'z']), { source: 'd', target: 'x' }];
    const c = detectCommunities(ids, edges, 42);
    expect(new Set(['a', 'b', 'c', 'd'].map((i) => c.get(i)))).toEqual(new Set([0]));
    expect(new Set(['x', 'y', 'z'].map((i) => c.get(i)))).toEqual(new Set([1]));
  });
  it('is stable for the synthetic bench graph', () => {
    const g = syntheticGraph(300, 900, 3);
    const run = () => detectCommunities(g.nodes.map((n) => n.data.id), g.edges.map((e) => e.data), 42);
    expect([...run()]).toEqual([...run()]);
  });
});
