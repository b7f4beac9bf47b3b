// The console's graph values: what the server's toPlain writes is what schema/cypher.ts describes and the client reads.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../../../db/plain.js';
import { PlainNode, PlainPath, PlainRelationship } from '../../../../schema/cypher.js';
import { displayCell } from '../../../../client/src/views/console/result-format.js';

const { Node, Relationship, Path, PathSegment } = neo4j.types;
const a = new Node(neo4j.int(1), ['Author'], { name: 'Moritz Knolle', hIndex: neo4j.int(7) }, '4:a:1');
const p = new Node(neo4j.int(2), ['Paper'], { title: 'NeuralDP' }, '4:a:2');
const r = new Relationship(neo4j.int(3), neo4j.int(1), neo4j.int(2), 'AUTHORED', { position: neo4j.int(1) }, '5:a:3', '4:a:1', '4:a:2');

describe('console graph values', () => {
  it('parse with the schema/cypher.ts schemas straight from toPlain', () => {
    expect(PlainNode.parse(toPlain(a))).toEqual({ kind: 'node', elementId: '4:a:1', labels: ['Author'], properties: { name: 'Moritz Knolle', hIndex: 7 } });
    expect(PlainRelationship.parse(toPlain(r)).type).toBe('AUTHORED');
    const path = toPlain(new Path(a, p, [new PathSegment(a, r, p)]));
    expect(PlainPath.parse(path).nodes).toHaveLength(2);
    expect(displayCell(path)).toBe('(Moritz Knolle)-[:AUTHORED]->(NeuralDP)');
  });

  it('a map that only looks tagged is shown as a map, not as a node', () => {
    expect(displayCell({ kind: 'node', labels: 'Author' })).toBe('{kind: "node", labels: "Author"}');
  });
});
