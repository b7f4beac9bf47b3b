// Console result rendering: table text for graph values, row shapes, label colours, the result graph for Cytoscape.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { must } from '../../../../core/must.js';
import {
  consoleElements,
  fitAspect,
  displayCell,
  LABEL_COLOURS,
  labelColour,
  rowsAsArrays,
  rowsAsObjects,
} from '../../../../client/src/views/console/result-format.js';
import { labelsText, nodeCaption } from '../../../../shared/node-caption.js';

const author = { kind: 'node', elementId: '4:a:1', labels: ['Author'], properties: { name: 'Moritz Knolle', id: 'name:moritz knolle' } };
const paper = { kind: 'node', elementId: '4:a:2', labels: ['Paper'], properties: { title: 'NeuralDP', year: 2021 } };
const other = { kind: 'node', elementId: '4:a:3', labels: ['Author'], properties: { name: 'Alexander Ziller' } };
const rel = (start: string, end: string) => ({
  kind: 'relationship',
  elementId: `5:${start}-${end}`,
  type: 'AUTHORED',
  startElementId: start,
  endElementId: end,
  properties: { position: 1 },
});

describe('displayCell', () => {
  it('shows scalars as they are and null as null', () => {
    expect(displayCell('Knolle')).toBe('Knolle');
    expect(displayCell(25)).toBe('25');
    expect(displayCell(true)).toBe('true');
    expect(displayCell(null)).toBe('null');
  });

  it('shows nodes by label and caption, relationships by type and properties', () => {
    expect(displayCell(author)).toBe('(:Author "Moritz Knolle")');
    expect(displayCell(paper)).toBe('(:Paper "NeuralDP")');
    expect(displayCell(rel('4:a:1', '4:a:2'))).toBe('[:AUTHORED {position: 1}]');
  });

  it('shows a path hop by hop with each relationship in its own direction', () => {
    const path = { kind: 'path', nodes: [author, paper, other], relationships: [rel('4:a:1', '4:a:2'), rel('4:a:3', '4:a:2')] };
    expect(displayCell(path)).toBe('(Moritz Knolle)-[:AUTHORED]->(NeuralDP)<-[:AUTHORED]-(Alexander Ziller)');
  });

  it('quotes strings inside lists and maps, Cypher-style', () => {
    expect(displayCell(['a', 1, null])).toBe('["a", 1, null]');
    expect(displayCell({ name: 'x', n: [1, 2] })).toBe('{name: "x", n: [1, 2]}');
  });
});

describe('nodeCaption', () => {
  it('prefers name, then title, code and id; falls back to the labels', () => {
    expect(nodeCaption(['Category'], { code: 'cs.LG', name: 'Machine Learning' })).toBe('Machine Learning');
    expect(nodeCaption(['Category'], { code: 'cs.LG' })).toBe('cs.LG');
    expect(nodeCaption(['Paper', 'Stub'], { id: 'W1' })).toBe('W1');
    expect(nodeCaption(['X'], {}, labelsText)).toBe(':X');
    expect(nodeCaption([], {}, labelsText)).toBe('(node)');
    expect(displayCell({ kind: 'node', elementId: '4:x:1', labels: ['X'], properties: {} })).toBe('(:X ":X")');
  });
});

describe('rows', () => {
  it('orders values by column and fills missing ones with null', () => {
    const rows = [{ b: 2, a: 1 }, { a: 3 }];
    expect(rowsAsArrays(['a', 'b'], rows)).toEqual([[1, 2], [3, null]]);
    expect(rowsAsObjects(['a', 'b'], rows)).toEqual([{ a: 1, b: 2 }, { a: 3, b: null }]);
    expect(Object.keys(must(rowsAsObjects(['b', 'a'], rows)[0], `rowsAsObjects(['b', 'a'], rows)[0]`))).toEqual(['b', 'a']);
  });
});

describe('labelColour', () => {
  it('gives the model labels fixed colours and stubs their own', () => {
    expect(labelColour(['Author'])).toBe(LABEL_COLOURS.Author);
    expect(labelColour(['Paper', 'Stub'])).toBe(LABEL_COLOURS.Stub);
    expect(labelColour(['Other'])).toBe(labelColour(['Other']));
    expect(labelColour([])).toMatch(/^#/);
  });
});

describe('consoleElements', () => {
  const graph = {
    nodes: [
      { data: { id: '4:a:1', label: 'Moritz Knolle', kind: 'node' as const, labels: ['Author'], properties: author.properties } },
      {
        data: {
          id: '4:a:2',
          label: 'A very long paper title that goes on and on',
          kind: 'node' as const,
          labels: ['Paper'],
          properties: { title: 'A very long paper title that goes on and on' },
        },
      },
      { data: { id: '4:a:9', label: '4:a:9', kind: 'node' as const, placeholder: true } },
    ],
    edges: [
      { data: { id: '5:1', source: '4:a:1', target: '4:a:2', kind: 'relationship' as const, label: 'AUTHORED' } },
      { data: { id: '5:2', source: '4:a:1', target: 'missing', kind: 'relationship' as const, label: 'AUTHORED' } },
    ],
  };

  it('captions, colours and shortens nodes, types edges, and drops edges to missing nodes', () => {
    const els = consoleElements(graph, 20);
    expect(els.map((e) => e.data.id)).toEqual(['4:a:1', '4:a:2', '4:a:9', '5:1']);
    expect(must(els[0], 'els[0]').data).toMatchObject({ caption: 'Moritz Knolle', colour: LABEL_COLOURS.Author, labelsText: 'Author' });
    expect(must(els[1], 'els[1]').data.caption).toBe('A very long paper t…');
    expect(must(els[1], 'els[1]').data.fullCaption).toBe('A very long paper title that goes on and on');
    expect(must(els[2], 'els[2]').data.placeholder).toBe(true);
    expect(must(els[3], 'els[3]').data.type).toBe('AUTHORED');
    const cy = cytoscape({ headless: true, elements: els });
    expect(cy.nodes()).toHaveLength(3);
    cy.destroy();
  });
});

describe('fitAspect', () => {
  it('stretches a square layout towards a wide panel, capped at 2.5×', () => {
    const square = { a: { x: 0, y: 0 }, b: { x: 100, y: 100 } };
    expect(fitAspect(square, 2)).toEqual({ a: { x: 0, y: 0 }, b: { x: 200, y: 100 } });
    expect(fitAspect(square, 10)).toEqual({ a: { x: 0, y: 0 }, b: { x: 250, y: 100 } });
    expect(fitAspect(square, 0.5)).toEqual({ a: { x: 0, y: 0 }, b: { x: 100, y: 200 } });
  });

  it('leaves degenerate layouts alone', () => {
    const line = { a: { x: 0, y: 0 }, b: { x: 100, y: 0 } };
    expect(fitAspect(line, 2)).toBe(line);
    const one = { a: { x: 5, y: 5 } };
    expect(fitAspect(one, 2)).toBe(one);
    expect(fitAspect(line, Number.NaN)).toBe(line);
  });
});
