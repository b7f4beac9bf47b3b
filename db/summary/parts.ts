// What a stored whole-graph summary holds: one JSON part per view, each computed at the widest request the view allows
// and cut to a request's limits when served. zod is the type source; parts are parsed when read back.
import { z } from 'zod';

const count = z.number().int();

/** Most entries a /api/stats top list may ask for (StatsQuery's limit). */
export const STATS_MAX_LIMIT = 100;
/** Most nodes a graph view may ask for (MAX_GRAPH_NODES). */
export const GRAPH_MAX_LIMIT = 1000;
/**
 * Topic-map edges are stored among this many top topics (every pair sharing a paper); a map asking for more topics is
 * drawn from the stored topic ranking with its edges read live.
 */
export const SUMMARY_EDGE_TOPICS = 100;
/** Paper ids kept per stored topic edge (most recent first). */
export const SUMMARY_EDGE_PAPER_IDS = 5;

export const StatsPart = z.object({
  nodes: z.object({ Paper: count, Stub: count, Author: count, Category: count, Topic: count }),
  relationships: z.object({ AUTHORED: count, IN_CATEGORY: count, HAS_TOPIC: count, CITES: count, MAYBE_SAME_AS: count }),
  papersPerYear: z.array(z.object({ year: count, papers: count })),
  papersWithoutYear: count,
  categories: z.array(z.object({ code: z.string(), name: z.string().nullable(), archive: z.string().nullable(), papers: count })),
  topAuthors: z.array(z.object({ id: z.string(), name: z.string(), papers: count })),
  topTopics: z.array(z.object({ id: z.string(), name: z.string(), papers: count })),
});
export type StatsPart = z.infer<typeof StatsPart>;

const TopicRow = z.object({ id: z.string(), name: z.string(), papers: count });

export const TopicsPart = z.object({
  /** Topics on at least one paper, most papers first (GRAPH_MAX_LIMIT of them), and how many there are. */
  topics: z.object({ total: count, top: z.array(TopicRow) }),
  /** Every co-occurrence pair among the first `edgeTopics` topics, heaviest first. */
  edgeTopics: count,
  edges: z.array(z.object({ source: z.string(), target: z.string(), shared: count, papers: z.array(z.string()) })),
});
export type TopicsPart = z.infer<typeof TopicsPart>;

export const CoauthorsPart = z.object({
  /** Authors with at least one paper, most papers first (GRAPH_MAX_LIMIT of them), and how many there are. */
  total: count,
  top: z.array(z.object({ id: z.string(), name: z.string().nullable(), papers: count })),
});
export type CoauthorsPart = z.infer<typeof CoauthorsPart>;

export const SummaryParts = { stats: StatsPart, topics: TopicsPart, coauthors: CoauthorsPart } as const;
export type PartKey = keyof typeof SummaryParts;
export interface Parts {
  stats: StatsPart;
  topics: TopicsPart;
  coauthors: CoauthorsPart;
}
export const PART_KEYS = Object.keys(SummaryParts) as PartKey[];
