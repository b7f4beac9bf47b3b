// Computes every summary part in one transaction: the whole-graph scans the overview, the topic map and the
// whole-network co-author view would otherwise run per request.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { must } from '../../core/must.js';
import { rows } from '../graph.js';
import {
  GRAPH_MAX_LIMIT,
  STATS_MAX_LIMIT,
  SUMMARY_EDGE_PAPER_IDS,
  SUMMARY_EDGE_TOPICS,
  type CoauthorsPart,
  type Parts,
  type StatsPart,
  type TopicsPart,
} from './parts.js';

async function statsPart(tx: ManagedTransaction): Promise<StatsPart> {
  const top = { limit: neo4j.int(STATS_MAX_LIMIT) };
  // One after another: a transaction runs one query at a time.
  const c = must((await rows(tx, 'stats/counts'))[0], 'the row of cypher/stats/counts.cypher');
  const years = await rows(tx, 'stats/papers-per-year');
  const categories = await rows(tx, 'stats/categories', top);
  const topAuthors = await rows(tx, 'stats/top-authors', top);
  const topTopics = await rows(tx, 'stats/top-topics', top);
  return {
    nodes: { Paper: c.papers, Stub: c.stubs, Author: c.authors, Category: c.categories, Topic: c.topics },
    relationships: {
      AUTHORED: c.authored,
      IN_CATEGORY: c.inCategory,
      HAS_TOPIC: c.hasTopic,
      CITES: c.cites,
      MAYBE_SAME_AS: c.maybeSameAs,
    },
    papersPerYear: years.flatMap(({ year, papers }) => (year === null ? [] : [{ year, papers }])),
    papersWithoutYear: years.find((y) => y.year === null)?.papers ?? 0,
    categories,
    topAuthors,
    topTopics,
  };
}

async function topicsPart(tx: ManagedTransaction): Promise<TopicsPart> {
  const [t] = await rows(tx, 'graph/topic-top', { limit: neo4j.int(GRAPH_MAX_LIMIT) });
  const top = t?.top ?? [];
  const ids = top.slice(0, SUMMARY_EDGE_TOPICS).map((x) => x.id);
  const edges =
    ids.length > 1
      ? await rows(tx, 'graph/topic-edges', {
          ids,
          minCooccurrence: neo4j.int(1),
          maxPaperIds: neo4j.int(SUMMARY_EDGE_PAPER_IDS),
        })
      : [];
  return {
    topics: { total: t?.total ?? 0, top },
    edgeTopics: SUMMARY_EDGE_TOPICS,
    edges,
  };
}

async function coauthorsPart(tx: ManagedTransaction): Promise<CoauthorsPart> {
  const [t] = await rows(tx, 'graph/coauthor-top', { limit: neo4j.int(GRAPH_MAX_LIMIT) });
  return { total: t?.total ?? 0, top: t?.top ?? [] };
}

/** Every part, read in `tx` (which decides what snapshot they describe). */
export async function computeParts(tx: ManagedTransaction): Promise<Parts> {
  return { stats: await statsPart(tx), topics: await topicsPart(tx), coauthors: await coauthorsPart(tx) };
}
