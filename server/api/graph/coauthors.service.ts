// Co-author networks derived from AUTHORED: an author's ego network (bounded expansion) or the whole network's top authors.
import type { Graph, Row } from '../../../db/graph.js';
import type { CoauthorGraphQuery, GraphEdgeData, GraphNodeData, GraphResponse } from '../../../schema/graph.js';
import { NotFoundError } from '../../errors.js';
import { graphResponse, orderedPair, pairId } from './elements.js';
import { int, readTx, rows } from './queries.js';

/** Paper ids listed on each edge (the edge's paperCount has them all). */
export const EDGE_PAPER_IDS = 10;
/** Most edges drawn, heaviest first; the nodes are capped by `limit`, edges among 1,000 nodes could be ~500k. */
export const MAX_COAUTHOR_EDGES = 5_000;

/** The filter parameters every co-author query takes (null = no filter). */
function scope(q: CoauthorGraphQuery): Row {
  return {
    yearFrom: q.yearFrom ?? null,
    yearTo: q.yearTo ?? null,
    category: q.category ?? null,
    weighting: q.weighting,
    minWeight: q.minWeight,
  };
}

/**
 * A minimum pair weight changes who is reached only when it exceeds the lightest possible pair (1 joint paper when
 * counting; any positive share when fractional); below that the cheaper per-paper expansion gives the same result.
 */
function needsPairFilter(q: CoauthorGraphQuery): boolean {
  return q.weighting === 'count' ? q.minWeight > 1 : q.minWeight > 0;
}

function weightWords(q: CoauthorGraphQuery): string {
  return q.weighting === 'count' ? 'joint papers' : 'fractional co-authorship weight';
}

interface Level {
  found: number;
  kept: { id: string; score: number }[];
}

/**
 * The co-author graph for `q`: with `author`, its ego network up to `depth` hops; otherwise the `limit` authors with
 * the most papers and the pairs among them. Unknown author → NotFoundError.
 *
 * Ego expansion is bounded at every level: of the new co-authors found from the current frontier, only the heaviest
 * (by summed weight to the frontier) that still fit in `limit` are kept and expanded further. So a 3,000-author paper
 * or a hub with thousands of co-authors costs one read of those author lists and yields at most `limit` nodes.
 */
export async function coauthorGraph(graph: Graph, q: CoauthorGraphQuery): Promise<GraphResponse> {
  return readTx(graph, async (tx) => {
    const params = scope(q);
    const reasons: string[] = [];
    let order: { id: string; depth: number | null }[];
    let totalNodes: number;
    let papersById = new Map<string, { name: string; papers: number }>();

    if (q.author) {
      const [ego] = await rows(tx, 'graph/author', { id: q.author });
      if (!ego) throw new NotFoundError('Author', q.author);
      order = [{ id: String(ego.id), depth: 0 }];
      totalNodes = 1;
      const visited = new Set([String(ego.id)]);
      let frontier = [String(ego.id)];
      const expand = needsPairFilter(q) ? 'graph/coauthor-expand-min-weight' : 'graph/coauthor-expand';
      for (let depth = 1; depth <= q.depth && frontier.length > 0; depth++) {
        const budget = Math.max(0, q.limit - visited.size);
        const [level] = (await rows(tx, expand, { ...params, frontier, visited: [...visited], budget: int(budget) })) as unknown as Level[];
        const found = level?.found ?? 0;
        const kept = level?.kept ?? [];
        totalNodes += found;
        if (kept.length < found) {
          reasons.push(
            `depth ${depth}: kept ${kept.length} of ${found} co-authors, the heaviest by ${weightWords(q)} with depth ${depth - 1}` +
              (depth < q.depth ? '; only kept ones are expanded, so deeper totals count authors found from them' : ''),
          );
        }
        for (const k of kept) {
          visited.add(k.id);
          order.push({ id: k.id, depth });
        }
        frontier = kept.map((k) => k.id);
      }
    } else {
      const [top] = await rows(tx, 'graph/coauthor-top', { ...params, limit: int(q.limit) });
      const list = (top?.top ?? []) as { id: string; name: string; papers: number }[];
      totalNodes = Number(top?.total ?? 0);
      order = list.map((a) => ({ id: a.id, depth: null }));
      papersById = new Map(list.map((a) => [a.id, { name: a.name, papers: a.papers }]));
      if (list.length < totalNodes) reasons.push(`kept ${list.length} of ${totalNodes} authors, those with the most papers in scope`);
    }

    const ids = order.map((o) => o.id);
    if (q.author) {
      const nodeRows = await rows(tx, 'graph/coauthor-nodes', { ...params, ids });
      papersById = new Map(nodeRows.map((r) => [String(r.id), { name: String(r.name ?? r.id), papers: Number(r.papers) }]));
    }
    const edgeRows = ids.length > 1 ? await rows(tx, 'graph/coauthor-edges', { ...params, ids, maxPaperIds: int(EDGE_PAPER_IDS) }) : [];

    const nodes: GraphNodeData[] = order.map(({ id, depth }) => {
      const info = papersById.get(id);
      return {
        id,
        label: info?.name ?? id,
        kind: 'author',
        ref: id,
        papers: info?.papers ?? 0,
        ego: depth === 0,
        ...(depth !== null ? { depth } : {}),
      };
    });
    const edges: GraphEdgeData[] = edgeRows.map((r) => ({
      id: pairId(String(r.source), String(r.target)),
      ...orderedPair(String(r.source), String(r.target)),
      kind: 'coauthor',
      weight: roundWeight(Number(r.weight)),
      paperCount: Number(r.joint),
      papers: (r.papers as string[]) ?? [],
    }));
    return graphResponse(
      { items: nodes, total: totalNodes },
      { items: edges, total: edges.length },
      { maxEdges: MAX_COAUTHOR_EDGES, nodeRule: 'by weight', edgeRule: `the heaviest by ${weightWords(q)}`, reasons },
    );
  });
}

/** Fractional weights are sums of 1/(n-1): round away float noise (0.30000000000000004) for display and export. */
export function roundWeight(w: number): number {
  return Math.round(w * 1e6) / 1e6;
}
