// Pure: building graph responses (stable pair ids, cuts by priority, truncation reports), sent in the compact form of
// shared/graph-payload.ts.
import type { GraphEdgeData, GraphElements, GraphNodeData, GraphResponse } from '../../../schema/graph.js';
import { encodeGraph } from '../../../shared/graph-payload.js';

/** A list already sorted by priority (heaviest first), and how many there were before any earlier cut. */
export interface Limited<T> {
  items: T[];
  total: number;
}

export interface CutRules {
  /** Cut nodes to this many (they are assumed sorted by priority). */
  maxNodes?: number;
  maxEdges?: number;
  /** How the nodes were ranked, for the truncation reason ("by papers", "by weight to the ego"). */
  nodeRule: string;
  edgeRule: string;
  /** Reasons of cuts made earlier (e.g. in Cypher). */
  reasons?: string[];
}

/**
 * The id of an undirected pair: `${a}|${b}` with a < b, so the pair is the same edge whichever side it was found from
 * (a co-authorship is never counted twice).
 */
export function pairId(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The pair in canonical order (source < target), matching {@link pairId}. */
export function orderedPair(a: string, b: string): { source: string; target: string } {
  return a < b ? { source: a, target: b } : { source: b, target: a };
}

/**
 * Assembles the graph: cuts nodes to maxNodes, drops edges whose ends were cut, cuts edges to maxEdges, and says what
 * was cut. Edges are assumed sorted by priority too.
 */
export function graphElements(nodes: Limited<GraphNodeData>, edges: Limited<GraphEdgeData>, rules: CutRules): GraphElements {
  const reasons = [...(rules.reasons ?? [])];
  const shownNodes = rules.maxNodes !== undefined ? nodes.items.slice(0, rules.maxNodes) : nodes.items;
  if (shownNodes.length < nodes.items.length) {
    reasons.push(`kept ${shownNodes.length} of ${nodes.total} nodes, ${rules.nodeRule}`);
  }
  const ids = new Set(shownNodes.map((n) => n.id));
  const connected = edges.items.filter((e) => ids.has(e.source) && ids.has(e.target));
  const droppedWithNodes = edges.items.length - connected.length;
  if (droppedWithNodes > 0) reasons.push(`dropped ${droppedWithNodes} edges to nodes that were cut`);
  const shownEdges = rules.maxEdges !== undefined ? connected.slice(0, rules.maxEdges) : connected;
  if (shownEdges.length < connected.length) {
    reasons.push(`kept ${shownEdges.length} of ${connected.length} edges, ${rules.edgeRule}`);
  }
  return {
    nodes: shownNodes.map((data) => ({ data })),
    edges: shownEdges.map((data) => ({ data })),
    truncated: {
      nodes: { total: Math.max(nodes.total, shownNodes.length), shown: shownNodes.length },
      edges: { total: Math.max(edges.total, shownEdges.length), shown: shownEdges.length },
      reasons,
    },
  };
}

/** graphElements, encoded as the endpoints send it (each node once, edges by node index). */
export function graphResponse(nodes: Limited<GraphNodeData>, edges: Limited<GraphEdgeData>, rules: CutRules): GraphResponse {
  return encodeGraph(graphElements(nodes, edges, rules));
}

/** A graph with nothing in it (e.g. a topic graph of an empty database). */
export function emptyGraph(): GraphResponse {
  return encodeGraph({ nodes: [], edges: [], truncated: { nodes: { total: 0, shown: 0 }, edges: { total: 0, shown: 0 }, reasons: [] } });
}
