// Topic graphs: co-occurrence (topics sized by papers, edges by shared papers) or bipartite (papers and their topics).
import type { ManagedTransaction } from 'neo4j-driver';
import type { RowOf } from '../../../cypher/rows.js';
import { rows, type Graph } from '../../../db/graph.js';
import { SUMMARY_EDGE_PAPER_IDS, type TopicsPart } from '../../../db/summary/parts.js';
import type { GraphEdgeData, GraphNodeData, GraphResponse, TopicGraphQuery } from '../../../schema/graph.js';
import { NotFoundError } from '../../errors.js';
import { graphResponse, orderedPair, pairId } from './elements.js';
import { int, readTx } from './queries.js';

type TopicEdge = RowOf<'graph/topic-edges'>;

/** Paper ids listed on each co-occurrence edge ("a few"; paperCount has the number). */
export const TOPIC_EDGE_PAPER_IDS = SUMMARY_EDGE_PAPER_IDS;
export const MAX_TOPIC_EDGES = 5_000;
/** Share of the node budget given to the seed topics of a bipartite graph without a centre. */
const BIPARTITE_SEED_SHARE = 0.2;

type TopicRow = RowOf<'graph/topic'>;

const topicNode = (t: TopicRow, cytoscapeId = t.id): GraphNodeData => ({
  id: cytoscapeId,
  label: t.name,
  kind: 'topic',
  ref: t.id,
  papers: t.papers,
});

interface Ranking<T> {
  total: number;
  top: T[];
}

/** The first row of a ranked query (`{total, top}`), or an empty ranking when it returned none. */
function ranking<T>([row]: Ranking<T>[]): Ranking<T> {
  return row ?? { total: 0, top: [] };
}

async function centre(tx: ManagedTransaction, id: string): Promise<TopicRow> {
  const [row] = await rows(tx, 'graph/topic', { id });
  if (!row) throw new NotFoundError('Topic', id);
  return row;
}

/**
 * The topic graph for `q`. Co-occurrence: the `limit` topics on most papers (or, with `topic`, it and the topics sharing
 * most papers with it) and the pairs among them sharing at least `minCooccurrence` papers. Bipartite: see
 * {@link bipartite}. Unknown topic → NotFoundError.
 */
export function topicGraph(graph: Graph, q: TopicGraphQuery): Promise<GraphResponse> {
  return readTx(graph, (tx) => (q.mode === 'bipartite' ? bipartite(tx, q) : cooccurrence(tx, q)));
}

/** True when `q` is the whole-graph co-occurrence map, which is served from the stored summary. */
export function isWholeTopicMap(q: TopicGraphQuery): boolean {
  return q.mode === 'cooccurrence' && !q.topic;
}

/**
 * The whole-graph co-occurrence map from a stored summary: the `limit` topics on most papers and the pairs among them
 * sharing at least `minCooccurrence` papers. The summary holds every pair among its first `edgeTopics` topics; a map
 * of more topics reads its edges live (bounded by those topics' papers).
 */
export async function topicMapFromSummary(graph: Graph, part: TopicsPart, q: TopicGraphQuery): Promise<GraphResponse> {
  const reasons: string[] = [];
  const topics = part.topics.top.slice(0, q.limit);
  const total = part.topics.total;
  if (topics.length < total) reasons.push(`kept ${topics.length} of ${total} topics, those on most papers`);
  const ids = new Set(topics.map((t) => t.id));
  const edgeRows =
    topics.length <= part.edgeTopics
      ? part.edges.filter((e) => e.shared >= q.minCooccurrence && ids.has(e.source) && ids.has(e.target))
      : topics.length > 1
        ? await readTx(graph, (tx) =>
            rows(tx, 'graph/topic-edges', {
              ids: [...ids],
              minCooccurrence: int(q.minCooccurrence),
              maxPaperIds: int(TOPIC_EDGE_PAPER_IDS),
            }),
          )
        : [];
  return cooccurrenceGraph(topics, total, edgeRows, reasons);
}

/** The co-occurrence map of `topics` (of `total`) with their edges, cut as every topic map is. */
function cooccurrenceGraph(
  topics: TopicRow[],
  total: number,
  edgeRows: readonly TopicEdge[],
  reasons: string[],
): GraphResponse {
  const edges: GraphEdgeData[] = edgeRows.map((r) => ({
    id: pairId(r.source, r.target),
    ...orderedPair(r.source, r.target),
    kind: 'cooccurrence',
    weight: r.shared,
    paperCount: r.shared,
    papers: r.papers,
  }));
  return graphResponse(
    { items: topics.map((t) => topicNode(t)), total },
    { items: edges, total: edges.length },
    { maxEdges: MAX_TOPIC_EDGES, nodeRule: 'by papers', edgeRule: 'those with most shared papers', reasons },
  );
}

async function cooccurrence(tx: ManagedTransaction, q: TopicGraphQuery): Promise<GraphResponse> {
  const reasons: string[] = [];
  let topics: TopicRow[];
  let total: number;
  if (q.topic) {
    const c = await centre(tx, q.topic);
    const near = ranking(await rows(tx, 'graph/topic-neighbours', {
      topic: c.id,
      minCooccurrence: int(q.minCooccurrence),
      budget: int(q.limit - 1),
    }));
    topics = [c, ...near.top];
    total = 1 + near.total;
    if (near.top.length < near.total) {
      reasons.push(`kept ${near.top.length} of ${near.total} co-occurring topics, those sharing most papers with ${c.name}`);
    }
  } else {
    const t = ranking(await rows(tx, 'graph/topic-top', { limit: int(q.limit) }));
    topics = t.top;
    total = t.total;
    if (t.top.length < t.total) reasons.push(`kept ${t.top.length} of ${t.total} topics, those on most papers`);
  }
  const ids = topics.map((t) => t.id);
  const edgeRows =
    ids.length > 1
      ? await rows(tx, 'graph/topic-edges', { ids, minCooccurrence: int(q.minCooccurrence), maxPaperIds: int(TOPIC_EDGE_PAPER_IDS) })
      : [];
  return cooccurrenceGraph(topics, total, edgeRows, reasons);
}

/**
 * Bipartite: seed topics (the centre, or the topics on most papers), the papers having most of them, then the other
 * topics of those papers, all within `limit` nodes; edges are HAS_TOPIC weighted by score. Node ids are prefixed
 * (`paper:`, `topic:`) because papers and topics share one id space in the drawing; `ref` holds the plain id.
 */
async function bipartite(tx: ManagedTransaction, q: TopicGraphQuery): Promise<GraphResponse> {
  const reasons: string[] = [];
  let seeds: TopicRow[];
  let totalTopics: number;
  if (q.topic) {
    seeds = [await centre(tx, q.topic)];
    totalTopics = 1;
  } else {
    const seedBudget = Math.max(1, Math.floor(q.limit * BIPARTITE_SEED_SHARE));
    const t = ranking(await rows(tx, 'graph/topic-top', { limit: int(seedBudget) }));
    seeds = t.top;
    totalTopics = t.total;
    if (t.top.length < t.total) reasons.push(`seeded with ${t.top.length} of ${t.total} topics, those on most papers`);
  }
  const seedIds = seeds.map((s) => s.id);
  const paperBudget = Math.max(0, Math.ceil((q.limit - seeds.length) / 2));
  const papers = ranking(await rows(tx, 'graph/bipartite-papers', {
    topics: seedIds,
    budget: int(paperBudget),
  }));
  if (papers.top.length < papers.total) {
    reasons.push(`kept ${papers.top.length} of ${papers.total} papers, those with most seed topics and the highest topic scores`);
  }
  const paperIds = papers.top.map((p) => p.id);
  const more = ranking(await rows(tx, 'graph/bipartite-topics', {
    papers: paperIds,
    exclude: seedIds,
    budget: int(Math.max(0, q.limit - seeds.length - papers.top.length)),
  }));
  if (more.top.length < more.total) {
    reasons.push(`kept ${more.top.length} of ${more.total} further topics of those papers, those on most of them`);
  }
  const topics = [...seeds, ...more.top];
  const edgeRows = paperIds.length > 0 ? await rows(tx, 'graph/bipartite-edges', { papers: paperIds, topics: topics.map((t) => t.id) }) : [];

  const nodes: GraphNodeData[] = [
    ...topics.map((t) => topicNode(t, `topic:${t.id}`)),
    ...papers.top.map((p) => ({
      id: `paper:${p.id}`,
      label: p.title ?? p.id,
      kind: 'paper' as const,
      ref: p.id,
      year: p.year,
    })),
  ];
  const edges: GraphEdgeData[] = edgeRows.map((r) => ({
    id: `paper:${r.paper}|topic:${r.topic}`,
    source: `paper:${r.paper}`,
    target: `topic:${r.topic}`,
    kind: 'has_topic',
    weight: r.score,
  }));
  // Totals: every topic that could have been shown (all topics without a centre; the centre and the topics of its
  // papers with one) plus every paper found from the seeds.
  const total = (q.topic ? 1 + more.total : totalTopics) + papers.total;
  return graphResponse(
    { items: nodes, total },
    { items: edges, total: edges.length },
    { maxEdges: MAX_TOPIC_EDGES, nodeRule: 'by papers', edgeRule: 'those with the highest scores', reasons },
  );
}
