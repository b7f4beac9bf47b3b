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
/**
 * Co-author reads are capped per author and per paper (a hub on thousands of papers, a 3,000-author paper): papers read
 * per author, and authors read per paper when looking for co-authors. The views and the stored whole network use the
 * same caps, so both draw the same edges.
 */
export const PAPERS_PER_AUTHOR = 30;
export const AUTHORS_PER_PAPER = 30;
/** Strongest co-occurrences stored per top topic, for topic maps of more than SUMMARY_EDGE_TOPICS topics. */
export const SUMMARY_NEAR_PER_TOPIC = 50;
/** Seed topics of the widest whole-graph bipartite map (a fifth of GRAPH_MAX_LIMIT nodes), and its candidate papers. */
export const SUMMARY_BIPARTITE_SEEDS = 200;
export const SUMMARY_BIPARTITE_PAPERS = 1000;
/** Paper ids kept per stored topic edge (most recent first). */
export const SUMMARY_EDGE_PAPER_IDS = 5;

/** Most categories the stored counts hold (every category, for arXiv's ~150); with more, batches cannot move them. */
export const SUMMARY_MAX_CATEGORIES = 2000;

const Category = z.object({ code: z.string(), name: z.string().nullable(), archive: z.string().nullable(), papers: count });

/**
 * What the graph holds: node and relationship counts, papers per year and per category. Kept exact by each ingest batch
 * in its own transaction (db/summary/incremental.ts) when it was exact before the batch; otherwise by a full refresh.
 */
export const CountsPart = z.object({
  nodes: z.object({ Paper: count, Stub: count, Author: count, Category: count, Topic: count }),
  relationships: z.object({ AUTHORED: count, IN_CATEGORY: count, HAS_TOPIC: count, CITES: count, MAYBE_SAME_AS: count }),
  papersPerYear: z.array(z.object({ year: count, papers: count })),
  papersWithoutYear: count,
  /** Categories, most papers first (ties by code): every one when there are at most SUMMARY_MAX_CATEGORIES. */
  categories: z.array(Category),
});
export type CountsPart = z.infer<typeof CountsPart>;

/** The authors and topics on most papers (STATS_MAX_LIMIT each): a full refresh recomputes them. */
export const TopsPart = z.object({
  topAuthors: z.array(z.object({ id: z.string(), name: z.string(), papers: count })),
  topTopics: z.array(z.object({ id: z.string(), name: z.string(), papers: count })),
});
export type TopsPart = z.infer<typeof TopsPart>;

const TopicRow = z.object({ id: z.string(), name: z.string(), papers: count });
const TopicEdge = z.object({ source: z.string(), target: z.string(), shared: count, papers: z.array(z.string()) });

export const TopicsPart = z.object({
  /** Topics on at least one paper, most papers first (GRAPH_MAX_LIMIT of them), and how many there are. */
  topics: z.object({ total: count, top: z.array(TopicRow) }),
  /** Every co-occurrence pair among the first `edgeTopics` topics, heaviest first. */
  edgeTopics: count,
  edges: z.array(TopicEdge),
  /**
   * For maps of more than `edgeTopics` topics: each of the `top` topics' `perTopic` strongest co-occurrences with other
   * `top` topics, as pairs (source < target, each once), heaviest first. A pair both of whose topics have stronger
   * partners is not among them; the map says so.
   */
  near: z.object({ perTopic: count, edges: z.array(TopicEdge) }),
  /**
   * The whole-graph bipartite map: its seeds are the first topics of `top` (at most `seeds`), its papers come from
   * `papers`, those having most of the `seeds` first topics (then the highest summed score), each with its links to
   * them as [seed position, score]. `firstSeed[i]`: papers whose best-ranked seed is position i, so the papers having
   * any of the first s seeds are the sum of the first s entries.
   */
  bipartite: z.object({
    seeds: count,
    firstSeed: z.array(count),
    papers: z.array(
      z.object({ id: z.string(), title: z.string().nullable(), year: count.nullable(), links: z.array(z.tuple([count, z.number()])) }),
    ),
  }),
});
export type TopicsPart = z.infer<typeof TopicsPart>;

export const CoauthorsPart = z.object({
  /** Authors with at least one paper, most papers first (GRAPH_MAX_LIMIT of them), and how many there are. */
  total: count,
  top: z.array(z.object({ id: z.string(), name: z.string().nullable(), papers: count })),
  /**
   * What the whole-network view weighs its edges from, read once for all of `top` (cypher/graph/coauthor-edges.cypher,
   * unfiltered, with each paper's author count): per author (same order as `top`) whether it was sampled and its main
   * category, and the papers on which at least two of them were found, their members given by position in `top`. A
   * view of the first L authors pairs the members below L, so any limit is answered without reading the graph.
   */
  edges: z.object({
    sampled: z.array(z.boolean()),
    categories: z.array(z.string().nullable()),
    /** [paper id, year, author count, member positions in `top`]. */
    papers: z.array(z.tuple([z.string(), count.nullable(), count.nullable(), z.array(count)])),
  }),
});
export type CoauthorsPart = z.infer<typeof CoauthorsPart>;

export const SummaryParts = { counts: CountsPart, tops: TopsPart, topics: TopicsPart, coauthors: CoauthorsPart } as const;
export type PartKey = keyof typeof SummaryParts;
export interface Parts {
  counts: CountsPart;
  tops: TopsPart;
  topics: TopicsPart;
  coauthors: CoauthorsPart;
}
export const PART_KEYS = Object.keys(SummaryParts) as PartKey[];
/**
 * The shape of the stored parts: a summary stored in another shape (by another release) is neither served nor kept
 * in place of a new one, it is rebuilt. Bump it whenever a part's schema changes.
 */
export const SUMMARY_FORMAT = 2;
