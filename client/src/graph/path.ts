// Pure: a shortest-path response (schema/graph.ts PathResponse) as author ids in order and a graph to merge and highlight.
import type { PathResponse } from '../../../schema/graph.js';
import type { GraphPayload } from './elements.js';

/** Pure: the first shortest path of a path response as author ids, and its authors and hops as a graph to merge. */
export function authorPath(res: PathResponse): { ids: string[]; payload: GraphPayload } {
  const hops = res.paths[0]?.hops ?? [];
  const [first] = hops;
  const ids = first ? [first.from.id, ...hops.map((hp) => hp.to.id)] : [];
  const keep = new Set(ids);
  const nodes = res.graph.nodes.filter((n) => keep.has(n.data.id));
  const edges = hops.map((hp) => ({
    data: { id: `${hp.from.id}|${hp.to.id}`, source: hp.from.id, target: hp.to.id, weight: hp.papers.length, kind: 'coauthor' },
  }));
  return { ids, payload: { nodes, edges } };
}
