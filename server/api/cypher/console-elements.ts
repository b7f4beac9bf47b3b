// Pure: every node, relationship and path anywhere in console rows (nested in lists and maps too) → Cytoscape elements.
import { isNode, isPath, isRelationship, type Node, type Relationship } from 'neo4j-driver';
import { toPlain } from '../../../db/plain.js';
import type { GraphNodeData, GraphResponse } from '../../../schema/graph.js';
import { nodeCaption } from '../../../shared/node-caption.js';
import { graphResponse } from '../graph/elements.js';

/** Most elements drawn from one console result; the rows themselves are capped separately. */
export const CONSOLE_MAX_NODES = 2_000;
export const CONSOLE_MAX_EDGES = 4_000;
/** Driver values are never cyclic; the bound only keeps a pathological nesting from blowing the stack. */
const MAX_DEPTH = 64;

const KIND_BY_LABEL: Record<string, GraphNodeData['kind']> = { Author: 'author', Paper: 'paper', Topic: 'topic', Category: 'category' };

export { nodeCaption };

function nodeData(n: Node): GraphNodeData {
  const properties = toPlain(n.properties) as Record<string, unknown>;
  const kind = n.labels.map((l) => KIND_BY_LABEL[l]).find((k) => k !== undefined) ?? 'node';
  const data: GraphNodeData = { id: n.elementId, label: nodeCaption(n.labels, properties).slice(0, 120), kind, labels: [...n.labels], properties };
  if (kind !== 'node' && typeof properties.id === 'string') data.ref = properties.id;
  if (kind === 'category' && typeof properties.code === 'string') data.ref = properties.code;
  return data;
}

/**
 * Collects graph entities from raw driver values (before toPlain, so a map that merely looks like a node is not taken
 * for one), de-duplicated by elementId in the order first seen. A relationship whose end nodes were not returned gets
 * placeholder nodes, so the elements always form a valid Cytoscape graph.
 */
export function consoleGraph(values: Iterable<unknown>, maxNodes = CONSOLE_MAX_NODES, maxEdges = CONSOLE_MAX_EDGES): GraphResponse {
  const nodes = new Map<string, Node>();
  const rels = new Map<string, Relationship>();
  const visit = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object' || depth > MAX_DEPTH) return;
    if (isNode(v)) {
      if (!nodes.has(v.elementId)) nodes.set(v.elementId, v);
    } else if (isRelationship(v)) {
      if (!rels.has(v.elementId)) rels.set(v.elementId, v);
    } else if (isPath(v)) {
      visit(v.start, depth + 1);
      for (const s of v.segments) {
        visit(s.relationship, depth + 1);
        visit(s.end, depth + 1);
      }
    } else if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
    } else if (Object.getPrototypeOf(v) === Object.prototype) {
      // Plain maps only: Integer, temporal and spatial values are objects too but hold no graph entities.
      for (const x of Object.values(v)) visit(x, depth + 1);
    }
  };
  for (const v of values) visit(v, 0);

  const items = [...nodes.values()].map(nodeData);
  const seen = new Set(nodes.keys());
  for (const r of rels.values()) {
    for (const end of [r.startNodeElementId, r.endNodeElementId]) {
      if (seen.has(end)) continue;
      seen.add(end);
      items.push({ id: end, label: '', kind: 'node', placeholder: true });
    }
  }
  const edges = [...rels.values()].map((r) => ({
    id: r.elementId,
    source: r.startNodeElementId,
    target: r.endNodeElementId,
    kind: 'relationship' as const,
    label: r.type,
    properties: toPlain(r.properties) as Record<string, unknown>,
  }));
  return graphResponse(
    { items, total: items.length },
    { items: edges, total: edges.length },
    { maxNodes, maxEdges, nodeRule: 'in the order the rows returned them', edgeRule: 'in the order the rows returned them' },
  );
}
