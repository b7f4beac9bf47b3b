// Request and response schemas of /api/search, shared by server and client.
import { z } from 'zod';
import { limitParam, queryObject } from './common.js';

export const SearchType = z.enum(['paper', 'author', 'topic']);
export type SearchType = z.infer<typeof SearchType>;

/** `types=author,paper` (or the parameter repeated) → a de-duplicated list in the order given. */
const typeList = z.preprocess(
  (v) => {
    const parts = (Array.isArray(v) ? v : [v]).flatMap((s) => (typeof s === 'string' ? s.split(',') : [s]));
    return [...new Set(parts.map((s) => (typeof s === 'string' ? s.trim() : s)))];
  },
  z.array(SearchType).min(1),
);

export const SearchQuery = queryObject({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200)
    .describe('What to look for; Lucene syntax is not interpreted, the last word also matches as a prefix'),
  types: typeList
    .default(['paper', 'author', 'topic'])
    .describe('Comma-separated subset of paper,author,topic; results are grouped in this order'),
  limit: limitParam(50, 10, 'Most hits per type'),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z
  .object({
    type: SearchType,
    id: z.string(),
    label: z.string().describe('Title or name'),
    sublabel: z.string().optional().describe('Year and first authors, or a paper count'),
    score: z.number().describe('Lucene relevance within its type (not comparable across types)'),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z
  .object({
    q: z.string(),
    lucene: z.string().describe('The escaped query sent to the full-text indexes (empty when q had nothing searchable)'),
    results: z.array(SearchHit).describe('Grouped by type in the order of `types`, best first within a type'),
    groups: z.array(
      z.object({
        type: SearchType,
        shown: z.number().int(),
        total: z.number().int(),
        totalIsLowerBound: z.boolean().describe('True when hits were counted only up to a cap'),
      }),
    ),
  })
  .meta({ id: 'SearchResponse' });
export type SearchResponse = z.infer<typeof SearchResponse>;
