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

/** True when `q` is a whole-graph map (no centre topic), which is served from the stored summary. */
export function isWholeTopicMap(q: TopicGraphQuery): boolean {
  return !q.topic;
}

/** A whole-graph map from the stored summary: the co-occurrence map without any read, the bipartite one with bounded reads. */
export function wholeTopicMap(graph: Graph, part: TopicsPart, q: TopicGraphQuery): Promise<GraphResponse> | GraphResponse {
  return q.mode === 'bipartite' ? readTx(graph, (tx) => bipartiteFromSummary(tx, part, q)) : topicMapFromSummary(part, q);
}

/**
 * The whole-graph co-occurrence map from a stored summary: the `limit` topics on most papers and the pairs among them
 * sharing at least `minCooccurrence` papers. Up to `edgeTopics` topics every pair is stored; a wider map draws each
 * topic's strongest stored pairs (and every pair among the first `edgeTopics`), and says so.
 */
export function topicMapFromSummary(part: TopicsPart, q: TopicGraphQuery): GraphResponse {
  const reasons: string[] = [];
  const topics = part.topics.top.slice(0, q.limit);
  const total = part.topics.total;
  if (topics.length < total) reasons.push(`kept ${topics.length} of ${total} topics, those on most papers`);
  const ids = new Set(topics.map((t) => t.id));
  const keep = (e: TopicsPart['edges'][number]) => e.shared >= q.minCooccurrence && ids.has(e.source) && ids.has(e.target);
  let edgeRows = part.edges.filter(keep);
  if (topics.length > part.edgeTopics) {
    const seen = new Set(edgeRows.map((e) => pairId(e.source, e.target)));
    const wider = part.near.edges.filter((e) => keep(e) && !seen.has(pairId(e.source, e.target)));
    edgeRows = [...edgeRows, ...wider].sort(
      (a, b) => b.shared - a.shared || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0),
    );
    reasons.push(
      `beyond the ${part.edgeTopics} topics on most papers, each topic's ${part.near.perTopic} strongest co-occurrences are drawn ` +
        '(a weaker pair of two topics with stronger partners is left out)',
    );
  }
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
    const t = ranking(await rows(tx, 'graph/topic-top', { limit: int(seedBudget(q.limit)) }));
    seeds = t.top;
    totalTopics = t.total;
    if (t.top.length < t.total) reasons.push(`seeded with ${t.top.length} of ${t.total} topics, those on most papers`);
  }
  const papers = ranking(await rows(tx, 'graph/bipartite-papers', {
    topics: seeds.map((s) => s.id),
    budget: int(paperBudget(q, seeds)),
  }));
  if (papers.top.length < papers.total) {
    reasons.push(`kept ${papers.top.length} of ${papers.total} papers, those with most seed topics and the highest topic scores`);
  }
  return bipartiteGraph(tx, q, seeds, totalTopics, papers, reasons);
}

interface BipartitePaper {
  id: string;
  title: string | null;
  year: number | null;
}

/** Papers a bipartite map of `q.limit` nodes shows next to its seeds: half of the nodes left. */
function paperBudget(q: TopicGraphQuery, seeds: readonly unknown[]): number {
  return Math.max(0, Math.ceil((q.limit - seeds.length) / 2));
}

/** Seed topics of a whole-graph bipartite map of `limit` nodes. */
function seedBudget(limit: number): number {
  return Math.max(1, Math.floor(limit * BIPARTITE_SEED_SHARE));
}

/**
 * The whole-graph bipartite map from the stored summary: seeds are the topics on most papers (stored ranking), papers
 * are chosen among the stored candidates (those with most of the widest map's seeds) by the seeds of this map; only
 * the chosen papers' other topics and links are read (bounded by the node limit).
 */
async function bipartiteFromSummary(tx: ManagedTransaction, part: TopicsPart, q: TopicGraphQuery): Promise<GraphResponse> {
  const reasons: string[] = [];
  const b = part.bipartite;
  const seeds = part.topics.top.slice(0, Math.min(seedBudget(q.limit), b.seeds));
  if (seeds.length < part.topics.total) reasons.push(`seeded with ${seeds.length} of ${part.topics.total} topics, those on most papers`);
  const s = seeds.length;
  const ranked = b.papers
    .map((p) => {
      const links = p.links.filter(([i]) => i < s);
      return { p, links: links.length, score: links.reduce((sum, [, score]) => sum + score, 0) };
    })
    .filter((r) => r.links > 0)
    .sort((x, y) => y.links - x.links || y.score - x.score || (x.p.id < y.p.id ? -1 : x.p.id > y.p.id ? 1 : 0));
  const chosen = ranked.slice(0, paperBudget(q, seeds)).map((r) => ({ id: r.p.id, title: r.p.title, year: r.p.year }));
  const totalPapers = b.firstSeed.slice(0, s).reduce((sum, n) => sum + n, 0);
  if (chosen.length < totalPapers) {
    reasons.push(
      `kept ${chosen.length} of ${totalPapers} papers, those with most seed topics and the highest topic scores among the ` +
        `${b.papers.length} papers with most of the ${b.seeds} topics on most papers`,
    );
  }
  return bipartiteGraph(tx, q, seeds, part.topics.total, { total: totalPapers, top: chosen }, reasons);
}

/** The rest of a bipartite map once its seeds and papers are chosen: the papers' other topics and the links. */
async function bipartiteGraph(
  tx: ManagedTransaction,
  q: TopicGraphQuery,
  seeds: TopicRow[],
  totalTopics: number,
  papers: Ranking<BipartitePaper>,
  reasons: string[],
): Promise<GraphResponse> {
  const seedIds = seeds.map((s) => s.id);
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
