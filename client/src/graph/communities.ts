// Community detection for colouring: Louvain on the shown graph, seeded so the same graph always gets the same colours.
import { must } from '../../../shared/must.js';
import { UndirectedGraph } from 'graphology';
import { louvain } from './interop.js';
import { seededRandom } from './rng.js';

/**
 * Louvain communities of an undirected weighted graph. Communities are renumbered by size (largest = 0, ties by the
 * smallest member id) so that colour 0 always goes to the biggest group, whatever order the API returned.
 */
export function detectCommunities(
  nodeIds: readonly string[],
  edges: readonly { source: string; target: string; weight?: number }[],
  seed = 42,
): Map<string, number> {
  const g = new UndirectedGraph<Record<string, never>, { weight: number }>({ allowSelfLoops: false });
  for (const id of [...nodeIds].sort()) g.addNode(id);
  for (const e of edges) {
    if (e.source === e.target || !g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    const w = e.weight && e.weight > 0 ? e.weight : 1;
    if (g.hasEdge(e.source, e.target)) g.updateEdgeAttribute(e.source, e.target, 'weight', (x: number | undefined) => (x ?? 0) + w);
    else g.addEdge(e.source, e.target, { weight: w });
  }
  const raw: Record<string, number> = g.size > 0 ? louvain(g, { rng: seededRandom(seed), getEdgeWeight: 'weight' }) : {};
  // Isolated nodes (or an edgeless graph) each form their own community.
  let next = Math.max(-1, ...Object.values(raw)) + 1;
  for (const id of g.nodes()) if (raw[id] === undefined) raw[id] = next++;

  const members = new Map<number, string[]>();
  for (const [id, c] of Object.entries(raw)) {
    const list = members.get(c) ?? [];
    list.push(id);
    members.set(c, list);
  }
  const order = [...members.entries()]
    .map(([c, ids]) => ({ c, size: ids.length, first: must(ids.sort()[0], 'the first member of a community') }))
    .sort((a, b) => b.size - a.size || (a.first < b.first ? -1 : 1));
  const renumber = new Map(order.map((o, i) => [o.c, i]));
  const out = new Map<string, number>();
  for (const id of nodeIds) {
    const c = raw[id];
    out.set(id, (c === undefined ? undefined : renumber.get(c)) ?? 0);
  }
  return out;
}
