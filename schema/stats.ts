// Request and response schemas of /api/stats, shared by server and client.
import { z } from 'zod';
import { limitParam, queryObject, Truncated } from './common.js';

export const StatsQuery = queryObject({
  limit: limitParam(100, 10, 'Entries in each top list (categories, authors, topics)'),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

const count = z.number().int();

export const StatsResponse = z
  .object({
    nodes: z
      .object({ Paper: count, Stub: count, Author: count, Category: count, Topic: count })
      .describe('Nodes per label. Paper counts ingested papers; cited-only works (labelled Paper and Stub) count under Stub'),
    relationships: z
      .object({ AUTHORED: count, IN_CATEGORY: count, HAS_TOPIC: count, CITES: count, MAYBE_SAME_AS: count })
      .describe('Relationships per type'),
    papersPerYear: z.array(z.object({ year: z.number().int(), papers: count })).describe('Oldest year first'),
    papersWithoutYear: count,
    categories: z
      .array(z.object({ code: z.string(), name: z.string().nullable(), archive: z.string().nullable(), papers: count }))
      .describe('Most papers first'),
    topAuthors: z
      .array(z.object({ id: z.string(), name: z.string(), papers: count }))
      .describe('Most papers first (papers = author slots: AUTHORED edges)'),
    topTopics: z.array(z.object({ id: z.string(), name: z.string(), papers: count })).describe('Most papers first'),
    truncated: z
      .object({ categories: Truncated.optional(), topAuthors: Truncated.optional(), topTopics: Truncated.optional() })
      .describe('Lists this response cut to their limit; a key is present only when its list was cut'),
    version: count.describe('The graph version these figures describe (it counts the writes to the graph)'),
    stale: z
      .boolean()
      .describe('The graph has changed since this summary was built; a newer one is being built (ask again shortly)'),
  })
  .meta({ id: 'StatsResponse' });
export type StatsResponse = z.infer<typeof StatsResponse>;
