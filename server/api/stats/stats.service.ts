// Stats: what the graph holds, by label, relationship type, year, category, author and topic, served from the stored
// summary of the graph version (db/summary), cut to the request's limit.
import type { CountsPart, TopsPart } from '../../../db/summary/parts.js';
import { truncation } from '../../../schema/common.js';
import type { StatsQuery, StatsResponse } from '../../../schema/stats.js';
import type { ServedSummary } from '../../summary/summary.service.js';

/**
 * The response for `query` from the served counts and top lists; each list holds at most `query.limit` entries and says
 * when it was cut. The counts may be newer than the top lists (ingest batches move them in their own transaction): the
 * response carries the counts' version and is stale when either part is behind the graph.
 */
export function statsResponse(counts: ServedSummary<CountsPart>, tops: ServedSummary<TopsPart>, query: StatsQuery): StatsResponse {
  const s = counts.data;
  const categories = s.categories.slice(0, query.limit);
  const topAuthors = tops.data.topAuthors.slice(0, query.limit);
  const topTopics = tops.data.topTopics.slice(0, query.limit);
  return {
    nodes: s.nodes,
    relationships: s.relationships,
    papersPerYear: s.papersPerYear,
    papersWithoutYear: s.papersWithoutYear,
    categories,
    topAuthors,
    topTopics,
    truncated: {
      categories: truncation(s.nodes.Category, categories.length),
      // Every author and topic is a candidate for the top list, so the node count is the list's total.
      topAuthors: truncation(s.nodes.Author, topAuthors.length),
      topTopics: truncation(s.nodes.Topic, topTopics.length),
    },
    version: counts.version,
    stale: counts.stale || tops.stale,
  };
}
