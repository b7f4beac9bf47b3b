// The evidence subgraph: both papers, the shared authors/topics/categories between them, citation edges, fixed layout.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { must } from '../../../../core/must.js';
import type { RelatedPaper } from '../../../../schema/papers.js';
import { EVIDENCE_COLUMN_ROWS, EVIDENCE_WIDTH, evidenceElements, evidenceId } from '../../../../client/src/views/paper/evidence-graph.js';

const here = { id: '2107.00001', title: 'NeuralDP', year: 2021 };

function related(overrides: Partial<RelatedPaper['reasons']> = {}): RelatedPaper {
  return {
    paper: { id: '2107.00002', title: 'Langevin', year: 2021, published: '2021-07-09' },
    score: { total: 5, authors: 3, topics: 0.7, categories: 1, citations: 0 },
    reasons: {
      authors: [
        { id: 'name:moritz knolle', name: 'Moritz Knolle' },
        { id: 'name:alexander ziller', name: 'Alexander Ziller' },
      ],
      topics: [
        { id: 'differential-privacy', name: 'differential privacy', scoreHere: 1, scoreThere: 0.8, papers: 2, specificity: 0.75, contribution: 0.6 },
      ],
      categories: [{ code: 'cs.LG', name: 'Machine Learning', primaryHere: true, primaryThere: false }],
      citations: [],
      ...overrides,
    },
  };
}

const nodes = (els: ReturnType<typeof evidenceElements>) => els.filter((e) => e.data.source === undefined);
const edges = (els: ReturnType<typeof evidenceElements>) => els.filter((e) => e.data.source !== undefined);

describe('evidenceElements', () => {
  it('has both papers and one node per shared author, topic and category', () => {
    const els = evidenceElements(here, related());
    expect(nodes(els).map((n) => [n.data.id, n.data.kind])).toEqual([
      ['paper:2107.00001', 'paper'],
      ['paper:2107.00002', 'paper'],
      ['author:name:moritz knolle', 'author'],
      ['author:name:alexander ziller', 'author'],
      ['topic:differential-privacy', 'topic'],
      ['category:cs.LG', 'category'],
    ]);
    expect(must(nodes(els)[0], 'nodes(els)[0]').data).toMatchObject({ role: 'this', label: 'NeuralDP (2021)' });
    expect(must(nodes(els)[1], 'nodes(els)[1]').data).toMatchObject({ role: 'related', label: 'Langevin (2021)' });
  });

  it('links every shared node to both papers with the right relationship type and direction', () => {
    const els = evidenceElements(here, related());
    const e = edges(els).map((x) => `${x.data.source} -${x.data.type}-> ${x.data.target}`);
    expect(e).toEqual([
      'author:name:moritz knolle -AUTHORED-> paper:2107.00001',
      'author:name:moritz knolle -AUTHORED-> paper:2107.00002',
      'author:name:alexander ziller -AUTHORED-> paper:2107.00001',
      'author:name:alexander ziller -AUTHORED-> paper:2107.00002',
      'paper:2107.00001 -HAS_TOPIC-> topic:differential-privacy',
      'paper:2107.00002 -HAS_TOPIC-> topic:differential-privacy',
      'paper:2107.00001 -IN_CATEGORY-> category:cs.LG',
      'paper:2107.00002 -IN_CATEGORY-> category:cs.LG',
    ]);
  });

  it("keeps each side's topic score on its HAS_TOPIC edge and each side's primary flag on IN_CATEGORY", () => {
    const els = edges(evidenceElements(here, related()));
    expect(els.filter((x) => x.data.type === 'HAS_TOPIC').map((x) => x.data.score)).toEqual([1, 0.8]);
    expect(els.filter((x) => x.data.type === 'IN_CATEGORY').map((x) => x.data.primary)).toEqual([true, false]);
  });

  it('draws citations between the papers in their direction, both when they cite each other', () => {
    const one = edges(evidenceElements(here, related({ citations: ['cites'] }))).filter((x) => x.data.type === 'CITES');
    expect(one.map((x) => [x.data.source, x.data.target])).toEqual([['paper:2107.00001', 'paper:2107.00002']]);
    const both = edges(evidenceElements(here, related({ citations: ['citedBy', 'cites'] }))).filter((x) => x.data.type === 'CITES');
    expect(both.map((x) => [x.data.source, x.data.target])).toEqual([
      ['paper:2107.00002', 'paper:2107.00001'],
      ['paper:2107.00001', 'paper:2107.00002'],
    ]);
  });

  it('keeps an author and a topic apart when they share an id string', () => {
    const els = evidenceElements(
      here,
      related({
        authors: [{ id: 'x', name: 'X' }],
        topics: [{ id: 'x', name: 'x', scoreHere: 1, scoreThere: 1, papers: 2, specificity: 1, contribution: 1 }],
        categories: [],
      }),
    );
    expect(nodes(els).map((n) => n.data.id)).toEqual(['paper:2107.00001', 'paper:2107.00002', 'author:x', 'topic:x']);
  });

  it('is just the two papers when nothing is shared', () => {
    const els = evidenceElements(here, related({ authors: [], topics: [], categories: [] }));
    expect(els).toHaveLength(2);
  });

  it('places this paper left, the related one right and the evidence between them, in columns when long', () => {
    const many = Array.from({ length: EVIDENCE_COLUMN_ROWS + 3 }, (_, i) => ({ id: `a${i}`, name: `A${i}` }));
    const els = nodes(evidenceElements(here, related({ authors: many, topics: [], categories: [] })));
    expect(must(els[0], 'els[0]').position).toEqual({ x: 0, y: 0 });
    expect(must(els[1], 'els[1]').position).toEqual({ x: EVIDENCE_WIDTH, y: 0 });
    const middle = els.slice(2).map((n) => must(n.position, `the position of ${n.data.id}`));
    for (const p of middle) expect(p.x).toBeGreaterThan(0), expect(p.x).toBeLessThan(EVIDENCE_WIDTH);
    expect(new Set(middle.map((p) => p.x)).size).toBe(2);
    // No two evidence nodes on the same spot.
    expect(new Set(middle.map((p) => `${p.x},${p.y}`)).size).toBe(middle.length);
  });

  it('labels a cited-only work by its id', () => {
    const r = related();
    r.paper = { id: 'W123', title: null, year: null, published: null };
    expect(must(nodes(evidenceElements(here, r))[1], 'nodes(evidenceElements(here, r))[1]').data.label).toBe('W123');
  });

  it('is valid input for Cytoscape (unique ids, edges between existing nodes)', () => {
    const cy = cytoscape({ headless: true, elements: evidenceElements(here, related({ citations: ['cites', 'citedBy'] })) });
    expect(cy.nodes()).toHaveLength(6);
    expect(cy.edges()).toHaveLength(10);
    expect(cy.getElementById(evidenceId('paper', here.id)).degree(false)).toBe(6);
    cy.destroy();
  });
});
