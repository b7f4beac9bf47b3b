// Computes every summary part in one transaction: the whole-graph scans the overview, the topic map and the
// whole-network co-author view would otherwise run per request.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { must } from '../../core/must.js';
import { rows } from '../graph.js';
import {
  AUTHORS_PER_PAPER,
  GRAPH_MAX_LIMIT,
  PAPERS_PER_AUTHOR,
  STATS_MAX_LIMIT,
  SUMMARY_BIPARTITE_PAPERS,
  SUMMARY_BIPARTITE_SEEDS,
  SUMMARY_EDGE_PAPER_IDS,
  SUMMARY_EDGE_TOPICS,
  SUMMARY_NEAR_PER_TOPIC,
  type CoauthorsPart,
  type Parts,
  SUMMARY_MAX_CATEGORIES,
  type CountsPart,
  type TopsPart,
  type TopicsPart,
} from './parts.js';

/** Node and relationship counts from Neo4j's count store (no scan); also what a batch re-reads in its transaction. */
export async function countStoreCounts(tx: ManagedTransaction): Promise<Pick<CountsPart, 'nodes' | 'relationships'>> {
  const c = must((await rows(tx, 'stats/counts'))[0], 'the row of cypher/stats/counts.cypher');
  return {
    nodes: { Paper: c.papers, Stub: c.stubs, Author: c.authors, Category: c.categories, Topic: c.topics },
    relationships: {
      AUTHORED: c.authored,
      IN_CATEGORY: c.inCategory,
      HAS_TOPIC: c.hasTopic,
      CITES: c.cites,
      MAYBE_SAME_AS: c.maybeSameAs,
    },
  };
}

async function countsPart(tx: ManagedTransaction): Promise<CountsPart> {
  // One after another: a transaction runs one query at a time.
  const counts = await countStoreCounts(tx);
  const years = await rows(tx, 'stats/papers-per-year');
  const categories = await rows(tx, 'stats/categories', { limit: neo4j.int(SUMMARY_MAX_CATEGORIES) });
  return {
    ...counts,
    papersPerYear: years.flatMap(({ year, papers }) => (year === null ? [] : [{ year, papers }])),
    papersWithoutYear: years.find((y) => y.year === null)?.papers ?? 0,
    categories,
  };
}

async function topsPart(tx: ManagedTransaction): Promise<TopsPart> {
  const top = { limit: neo4j.int(STATS_MAX_LIMIT) };
  return {
    topAuthors: await rows(tx, 'stats/top-authors', top),
    topTopics: await rows(tx, 'stats/top-topics', top),
  };
}

async function topicsPart(tx: ManagedTransaction): Promise<TopicsPart> {
  const [t] = await rows(tx, 'graph/topic-top', { limit: neo4j.int(GRAPH_MAX_LIMIT) });
  const top = t?.top ?? [];
  const ids = top.slice(0, SUMMARY_EDGE_TOPICS).map((x) => x.id);
  // Every pair among the first SUMMARY_EDGE_TOPICS topics: each topic's partners among them, one topic's papers at a
  // time (what graph/topic-edges computes, without holding every pair's paper list of the corpus at once).
  const edges = nearPairs(
    ids.length > 1
      ? await rows(tx, 'summary/topic-near', {
          ids,
          inTop: Object.fromEntries(ids.map((id) => [id, true])),
          perTopic: neo4j.int(ids.length),
          maxPaperIds: neo4j.int(SUMMARY_EDGE_PAPER_IDS),
        })
      : [],
  );
  const allIds = top.map((x) => x.id);
  const [near, [bip]] = [
    allIds.length > 1
      ? await rows(tx, 'summary/topic-near', {
          ids: allIds,
          inTop: Object.fromEntries(allIds.map((id) => [id, true])),
          perTopic: neo4j.int(SUMMARY_NEAR_PER_TOPIC),
          maxPaperIds: neo4j.int(SUMMARY_EDGE_PAPER_IDS),
        })
      : [],
    allIds.length > 0
      ? await rows(tx, 'summary/bipartite-candidates', {
          seeds: allIds.slice(0, SUMMARY_BIPARTITE_SEEDS),
          seedAt: Object.fromEntries(allIds.slice(0, SUMMARY_BIPARTITE_SEEDS).map((id, i) => [id, neo4j.int(i)])),
          max: neo4j.int(SUMMARY_BIPARTITE_PAPERS),
        })
      : [],
  ];
  const seeds = Math.min(SUMMARY_BIPARTITE_SEEDS, allIds.length);
  const firstSeed = new Array<number>(seeds).fill(0);
  for (const [i, n] of bip?.firstSeed ?? []) firstSeed[i] = n;
  return {
    topics: { total: t?.total ?? 0, top },
    edgeTopics: SUMMARY_EDGE_TOPICS,
    edges,
    near: { perTopic: SUMMARY_NEAR_PER_TOPIC, edges: nearPairs(near) },
    bipartite: { seeds, firstSeed, papers: bip?.papers ?? [] },
  };
}

/** Each topic's strongest partners as undirected pairs (source < target), each once, heaviest first. */
function nearPairs(near: readonly { source: string; near: { target: string; shared: number; papers: string[] }[] }[]): TopicsPart['near']['edges'] {
  const pairs = new Map<string, TopicsPart['near']['edges'][number]>();
  for (const row of near) {
    for (const n of row.near) {
      const [source, target] = row.source < n.target ? [row.source, n.target] : [n.target, row.source];
      pairs.set(`${source}\u0000${target}`, { source, target, shared: n.shared, papers: n.papers });
    }
  }
  return [...pairs.values()].sort(
    (a, b) => b.shared - a.shared || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0),
  );
}

async function coauthorsPart(tx: ManagedTransaction): Promise<CoauthorsPart> {
  const [t] = await rows(tx, 'graph/coauthor-top', { limit: neo4j.int(GRAPH_MAX_LIMIT) });
  const top = t?.top ?? [];
  const position = new Map(top.map((a, i) => [a.id, i]));
  // The same bounded read the view makes for its chosen authors, once for all of them; `fractional` so that each
  // paper's author count comes with it (the view weighs by either).
  const [sub] =
    top.length > 0
      ? await rows(tx, 'graph/coauthor-edges', {
          ids: top.map((a) => a.id),
          rankOf: Object.fromEntries(top.map((a, i) => [a.id, neo4j.int(i)])),
          yearFrom: null,
          yearTo: null,
          category: null,
          weighting: 'fractional',
          minWeight: 0,
          countPapers: false,
          papersPerAuthor: neo4j.int(PAPERS_PER_AUTHOR),
          authorsPerPaper: neo4j.int(AUTHORS_PER_PAPER),
        })
      : [];
  const sampled = new Map((sub?.nodes ?? []).map((n) => [n.id, n.sampled]));
  const category = new Map((sub?.categories ?? []).map((c) => [c.id, c.category]));
  const at = (id: string) => {
    const i = position.get(id);
    if (i === undefined) throw new Error(`Internal error: coauthor-edges returned author ${id}, which was not asked for`);
    return i;
  };
  return {
    total: Number(t?.total ?? 0),
    top,
    edges: {
      sampled: top.map((a) => sampled.get(a.id) ?? false),
      categories: top.map((a) => category.get(a.id) ?? null),
      papers: (sub?.papers ?? []).map((p) => [p.id, p.year, p.n, p.members.map(at)]),
    },
  };
}

/** Every part, read in `tx` (which decides what snapshot they describe). */
export async function computeParts(tx: ManagedTransaction): Promise<Parts> {
  return { counts: await countsPart(tx), tops: await topsPart(tx), topics: await topicsPart(tx), coauthors: await coauthorsPart(tx) };
}
