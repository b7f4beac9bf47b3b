// Stats: what the graph holds, by label, relationship type, year, category, author and topic.
import neo4j from 'neo4j-driver';
import type { Graph } from '../../../db/graph.js';
import { truncation } from '../../../schema/common.js';
import type { StatsQuery, StatsResponse } from '../../../schema/stats.js';

/** Stats scan every paper once (papers per year); allow more than a lookup but still stop a runaway. */
const QUERY_TIMEOUT_MS = 20_000;

interface CountsRow {
  papers: number;
  stubs: number;
  authors: number;
  categories: number;
  topics: number;
  authored: number;
  inCategory: number;
  hasTopic: number;
  cites: number;
  maybeSameAs: number;
}

/** Counts and top lists; each top list holds at most `query.limit` entries and says when it was cut. */
export async function getStats(graph: Graph, query: StatsQuery): Promise<StatsResponse> {
  const opts = { timeoutMs: QUERY_TIMEOUT_MS };
  const top = { limit: neo4j.int(query.limit) };
  const [countRows, yearRows, categories, topAuthors, topTopics] = await Promise.all([
    graph.read('stats/counts', {}, opts),
    graph.read('stats/papers-per-year', {}, opts),
    graph.read('stats/categories', top, opts),
    graph.read('stats/top-authors', top, opts),
    graph.read('stats/top-topics', top, opts),
  ]);
  const c = countRows[0] as unknown as CountsRow;
  const years = yearRows as { year: number | null; papers: number }[];
  return {
    nodes: { Paper: c.papers, Stub: c.stubs, Author: c.authors, Category: c.categories, Topic: c.topics },
    relationships: {
      AUTHORED: c.authored,
      IN_CATEGORY: c.inCategory,
      HAS_TOPIC: c.hasTopic,
      CITES: c.cites,
      MAYBE_SAME_AS: c.maybeSameAs,
    },
    papersPerYear: years.filter((y): y is { year: number; papers: number } => y.year !== null),
    papersWithoutYear: years.find((y) => y.year === null)?.papers ?? 0,
    categories: categories as StatsResponse['categories'],
    topAuthors: topAuthors as StatsResponse['topAuthors'],
    topTopics: topTopics as StatsResponse['topTopics'],
    truncated: {
      categories: truncation(c.categories, categories.length),
      // Every author and topic is a candidate for the top list, so the node count is the list's total.
      topAuthors: truncation(c.authors, topAuthors.length),
      topTopics: truncation(c.topics, topTopics.length),
    },
  };
}
