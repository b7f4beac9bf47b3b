// Co-author networks derived from AUTHORED: an author's ego network (bounded expansion) or the whole network's top authors.
import { rows, type Graph, type Row } from '../../../db/graph.js';
import { AUTHORS_PER_PAPER, PAPERS_PER_AUTHOR, type CoauthorsPart } from '../../../db/summary/parts.js';
import type { CoauthorGraphQuery, GraphEdgeData, GraphNodeData, GraphResponse } from '../../../schema/graph.js';
import { NotFoundError } from '../../errors.js';
import { must } from '../../../core/must.js';
import { pairEdges, rankLevel, type EdgePaper } from './coauthor-weights.js';
import { graphResponse, pairId } from './elements.js';
import { int, readTx } from './queries.js';

/** Paper ids listed on each edge (the edge's paperCount has them all). */
export const EDGE_PAPER_IDS = 10;
/** Most edges drawn, heaviest first; the nodes are capped by `limit`, edges among 1,000 nodes could be ~500k. */
export const MAX_COAUTHOR_EDGES = 5_000;
/**
 * Papers read per author when expanding and when weighing edges (PAPERS_PER_AUTHOR: an author with more is sampled, its
 * co-authors come from this many of its papers and an edge between two sampled authors is marked estimated), and
 * authors read per paper when looking for co-authors (AUTHORS_PER_PAPER: a 3,000-author paper is not read in full).
 */
export { AUTHORS_PER_PAPER, PAPERS_PER_AUTHOR };
/**
 * Authors a level expands from: the heaviest this many of the previous level (all of them are shown). Together with
 * the two caps above this bounds a level's reads to EXPAND_FRONTIER × PAPERS_PER_AUTHOR × AUTHORS_PER_PAPER rows.
 */
export const EXPAND_FRONTIER = 20;
/**
 * Chosen authors paired per paper when drawing edges: a paper with more of them (a large collaboration) pairs only the
 * highest-ranked, at most MEMBERS_PER_PAPER² / 2 pairs, instead of millions.
 */
export const MEMBERS_PER_PAPER = 50;

/** The filter parameters every co-author query takes (null = no filter). */
function scope(q: CoauthorGraphQuery): Row {
  return {
    yearFrom: q.yearFrom ?? null,
    yearTo: q.yearTo ?? null,
    category: q.category ?? null,
    weighting: q.weighting,
    minWeight: q.minWeight,
    papersPerAuthor: int(PAPERS_PER_AUTHOR),
  };
}

function weightWords(q: CoauthorGraphQuery): string {
  return q.weighting === 'count' ? 'joint papers' : 'fractional co-authorship weight';
}

/**
 * How many new authors depth `depth` (1-based) of `maxDepth` may add: the remaining budget split evenly over the
 * levels still to come, so a deep request keeps room for its outer rings; what a level leaves unused flows deeper.
 */
export function levelBudget(remaining: number, depth: number, maxDepth: number): number {
  return Math.max(0, Math.floor(remaining / (maxDepth - depth + 1)));
}

/** Per-node top-K: each expanded frontier author may contribute this many new co-authors (at least one). */
export function fanout(budget: number, frontierSize: number): number {
  return Math.max(1, Math.ceil(budget / Math.max(1, frontierSize)));
}

/**
 * The co-author graph for `q`: with `author`, its ego network up to `depth` hops; otherwise the `limit` authors with
 * the most papers and the pairs among them. Unknown author → NotFoundError.
 *
 * The ego expansion is bounded at every level, so a hub or a 3,000-author paper costs a bounded read and never an
 * error: each level gets an even share of the remaining `limit`, each frontier author contributes its heaviest new
 * co-authors (per-node top-K), the union is ranked by weight to the frontier and cut to the level's share, the next
 * level grows from the heaviest EXPAND_FRONTIER of them, and per author and per paper only a bounded number of
 * papers/authors is read (PAPERS_PER_AUTHOR, AUTHORS_PER_PAPER). Every cut is reported in `truncated.reasons`.
 */
export async function coauthorGraph(graph: Graph, q: CoauthorGraphQuery): Promise<GraphResponse> {
  return readTx(graph, async (tx) => {
    const params = scope(q);
    const reasons: string[] = [];
    let order: { id: string; depth: number | null }[];
    let totalNodes: number;
    const sampledInExpansion = new Set<string>();
    const crowdedPapers = new Set<string>();
    // Paper counts already computed by the top-authors query (not counted a second time).
    let knownPapers: Map<string, number> | null = null;

    if (q.author) {
      const [ego] = await rows(tx, 'graph/author', { id: q.author });
      if (!ego) throw new NotFoundError('Author', q.author);
      order = [{ id: ego.id, depth: 0 }];
      totalNodes = 1;
      const visited = new Set([ego.id]);
      let frontier = [ego.id];
      for (let depth = 1; depth <= q.depth && frontier.length > 0; depth++) {
        const budget = levelBudget(q.limit - visited.size, depth, q.depth);
        if (budget === 0) {
          reasons.push(`depth ${depth} not expanded: the limit of ${q.limit} nodes was reached`);
          break;
        }
        const [level] = await rows(tx, 'graph/coauthor-expand', {
          ...params,
          frontier,
          visited: Object.fromEntries([...visited].map((id) => [id, true])),
          authorsPerPaper: int(AUTHORS_PER_PAPER),
        });
        const { found, kept, crowded } = rankLevel(level?.papers ?? [], {
          weighting: q.weighting,
          minWeight: q.minWeight,
          fanout: fanout(budget, frontier.length),
          budget,
          authorsPerPaper: AUTHORS_PER_PAPER,
          visited,
        });
        for (const id of level?.sampled ?? []) sampledInExpansion.add(id);
        for (const id of crowded) crowdedPapers.add(id);
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
        // `kept` is ranked by weight: the next level grows from its heaviest authors only.
        frontier = kept.slice(0, EXPAND_FRONTIER).map((k) => k.id);
        if (depth < q.depth && kept.length > frontier.length) {
          reasons.push(`depth ${depth + 1} grows from the ${frontier.length} heaviest of the ${kept.length} depth-${depth} authors`);
        }
      }
    } else {
      // Three shapes, so each can start where it reads least: the category's papers, the year index, or degrees.
      // The unfiltered one is a whole-graph scan: the API serves it from the stored summary (wholeNetworkGraph).
      const [top] =
        q.category !== undefined
          ? await rows(tx, 'graph/coauthor-top-category', { ...params, limit: int(q.limit) })
          : q.yearFrom !== undefined || q.yearTo !== undefined
            ? await rows(tx, 'graph/coauthor-top-filtered', {
                // Open bounds become the widest years so the planner can always seek the Paper.year range index.
                yearMin: int(q.yearFrom ?? 0),
                yearMax: int(q.yearTo ?? 9999),
                limit: int(q.limit),
              })
            : await rows(tx, 'graph/coauthor-top', { limit: int(q.limit) });
      const list = top?.top ?? [];
      totalNodes = top?.total ?? 0;
      order = list.map((a) => ({ id: a.id, depth: null }));
      knownPapers = new Map(list.map((a) => [a.id, a.papers]));
      if (list.length < totalNodes) reasons.push(`kept ${list.length} of ${totalNodes} authors, those with the most papers in scope`);
    }

    const ids = order.map((o) => o.id);
    // One query for the nodes' details, their main categories and the papers their pairs come from; the pairs are
    // weighed here.
    const [sub] = await rows(tx, 'graph/coauthor-edges', {
      ...params,
      ids,
      rankOf: Object.fromEntries(ids.map((id, i) => [id, int(i)])),
      countPapers: knownPapers === null,
      authorsPerPaper: int(AUTHORS_PER_PAPER),
    });
    return assemble(q, {
      order,
      totalNodes,
      reasons,
      knownPapers,
      crowdedPapers,
      sampled: new Set([...sampledInExpansion, ...(sub?.nodes ?? []).filter((n) => n.sampled).map((n) => n.id)]),
      names: new Map((sub?.nodes ?? []).map((r) => [r.id, { name: r.name ?? r.id, papers: Number(r.papers) }])),
      categories: new Map((sub?.categories ?? []).map((r) => [r.id, r.category])),
      papers: sub?.papers ?? [],
    });
  });
}

/**
 * The whole network's first `q.limit` authors (most papers first) and the pairs among them, from the stored summary:
 * no read of the graph. The summary holds the same bounded read the live view makes (coauthor-edges.cypher) for its
 * GRAPH_MAX_LIMIT authors; the pairs among the first `limit` come from the papers where at least two of those were found.
 */
export function wholeNetworkGraph(part: CoauthorsPart, q: CoauthorGraphQuery): GraphResponse {
  const top = part.top.slice(0, q.limit);
  const reasons: string[] = [];
  if (top.length < part.total) reasons.push(`kept ${top.length} of ${part.total} authors, those with the most papers in scope`);
  const shown = top.length;
  const papers: EdgePaper[] = [];
  for (const [id, year, n, members] of part.edges.papers) {
    const inView = members.filter((i) => i < shown);
    if (inView.length > 1) papers.push({ id, year, n, members: inView.map((i) => must(top[i], 'a stored member position').id) });
  }
  return assemble(q, {
    order: top.map((a) => ({ id: a.id, depth: null })),
    totalNodes: part.total,
    reasons,
    knownPapers: new Map(top.map((a) => [a.id, a.papers])),
    crowdedPapers: new Set(),
    sampled: new Set(top.filter((_, i) => part.edges.sampled[i]).map((a) => a.id)),
    names: new Map(top.map((a) => [a.id, { name: a.name ?? a.id, papers: a.papers }])),
    categories: new Map(top.map((a, i) => [a.id, part.edges.categories[i] ?? null])),
    papers,
  });
}

/** What a co-author graph is drawn from: the chosen authors in order and the reads about them. */
interface Chosen {
  /** The authors shown, in priority order (depth: 0 for the ego, null in the whole network). */
  order: { id: string; depth: number | null }[];
  totalNodes: number;
  /** Reasons of cuts made so far. */
  reasons: string[];
  /** Paper counts already known from the ranking (null: use `names`). */
  knownPapers: Map<string, number> | null;
  /** Papers with more authors than were read while expanding. */
  crowdedPapers: Set<string>;
  /** Authors whose papers were sampled (more than PAPERS_PER_AUTHOR). */
  sampled: Set<string>;
  names: Map<string, { name: string; papers: number }>;
  categories: Map<string, string | null>;
  /** Papers with at least two chosen authors found on them. */
  papers: EdgePaper[];
}

/** Weighs the pairs among the chosen authors and builds the response, reporting every cut. Pure. */
function assemble(q: CoauthorGraphQuery, c: Chosen): GraphResponse {
  const { order, totalNodes, reasons, knownPapers, crowdedPapers, sampled } = c;
  const ids = order.map((o) => o.id);
  const rank = new Map(ids.map((id, i) => [id, i]));
  const info = c.names;
  const categoryOf = c.categories;
  if (sampled.size > 0) {
    reasons.push(
      `${sampled.size} author${sampled.size === 1 ? ' has' : 's have'} more than ${PAPERS_PER_AUTHOR} papers: their co-authors and ` +
        `joint papers were read from ${PAPERS_PER_AUTHOR} of them (an edge between two such authors may be under-counted ` +
        'and is marked estimated)',
    );
  }
  if (crowdedPapers.size > 0) {
    reasons.push(
      `${crowdedPapers.size} paper${crowdedPapers.size === 1 ? ' has' : 's have'} more than ${AUTHORS_PER_PAPER} authors: ` +
        `co-authors were looked for among ${AUTHORS_PER_PAPER} of them`,
    );
  }
  const edgeResult = pairEdges(c.papers, rank, {
    weighting: q.weighting,
    minWeight: q.minWeight,
    membersPerPaper: MEMBERS_PER_PAPER,
    maxEdges: MAX_COAUTHOR_EDGES,
    maxPaperIds: EDGE_PAPER_IDS,
  });
  const edgeRows = edgeResult.edges;
  const totalEdges = edgeResult.total;
  if (edgeResult.crowded > 0) {
    reasons.push(
      `${edgeResult.crowded} paper${edgeResult.crowded === 1 ? ' has' : 's have'} more than ${MEMBERS_PER_PAPER} of the shown ` +
        `authors: only pairs among its ${MEMBERS_PER_PAPER} highest-ranked ones are drawn`,
    );
  }
  if (totalEdges > edgeRows.length) {
    reasons.push(`kept ${edgeRows.length} of ${totalEdges} edges, the heaviest by ${weightWords(q)}`);
  }

  const nodes: GraphNodeData[] = order.map(({ id, depth }) => ({
    id,
    label: info.get(id)?.name ?? id,
    kind: 'author',
    ref: id,
    papers: knownPapers?.get(id) ?? info.get(id)?.papers ?? 0,
    category: categoryOf.get(id) ?? null,
    ego: depth === 0,
    ...(depth !== null ? { depth } : {}),
  }));
  const edges: GraphEdgeData[] = edgeRows.map((r) => {
    // pairEdges gives each pair once with source < target.
    const { source, target } = r;
    return {
      id: pairId(source, target),
      source,
      target,
      kind: 'coauthor',
      weight: roundWeight(r.weight),
      paperCount: r.joint,
      papers: r.papers,
      // One unsampled end is enough for an exact count (coauthor-edges reads that end's papers in full).
      ...(sampled.has(source) && sampled.has(target) ? { estimated: true } : {}),
    };
  });
  // Edges were already cut in Cypher (the heaviest MAX_COAUTHOR_EDGES); nothing more to cut here.
  return graphResponse({ items: nodes, total: totalNodes }, { items: edges, total: totalEdges }, { nodeRule: '', edgeRule: '', reasons });
}

/** Fractional weights are sums of 1/(n-1): round away float noise (0.30000000000000004) for display and export. */
export function roundWeight(w: number): number {
  return Math.round(w * 1e6) / 1e6;
}
