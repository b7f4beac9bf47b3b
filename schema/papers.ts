// Request and response schemas of /api/papers/:id and /api/papers/:id/related, shared by server and client.
import { z } from 'zod';
import { limitParam, queryObject, Truncated } from './common.js';

// The shared pieces live in schema/common.ts; re-exported for existing importers.
export { IdParams, limitParam, queryObject, Truncated, truncation } from './common.js';

const isoDate = z.string().describe('ISO date YYYY-MM-DD');

/** A paper as it appears in lists: enough to show and link it. `title` is null only for citation stubs. */
export const PaperRef = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    year: z.number().int().nullable(),
    published: isoDate.nullable(),
  })
  .meta({ id: 'PaperRef' });
export type PaperRef = z.infer<typeof PaperRef>;

export const PaperQuery = queryObject({
  authorLimit: limitParam(5000, 500, 'Most authors listed, in author order'),
  citationLimit: limitParam(1000, 100, 'Most papers listed per citation list, newest first'),
});
export type PaperQuery = z.infer<typeof PaperQuery>;

export const PaperDetail = z
  .object({
    id: z.string(),
    /** A cited-only work (:Stub) has an id and nothing else. */
    stub: z.boolean().describe('True for a work known only because an ingested paper cites it'),
    title: z.string().nullable(),
    abstract: z.string().nullable(),
    published: isoDate.nullable(),
    year: z.number().int().nullable(),
    datePrecision: z.string().nullable(),
    hasCode: z.boolean().nullable(),
    url: z.string().nullable(),
    doi: z.string().nullable(),
    arxivId: z.string().nullable(),
    openalexId: z.string().nullable(),
    source: z.string().nullable(),
    authorsTruncated: z.boolean().nullable().describe('The source itself listed only some authors ("et al.")'),
    authorCount: z.number().int().nullable().describe('Authors the source listed'),
  })
  .meta({ id: 'PaperDetail' });

export const PaperAuthor = z.object({
  id: z.string(),
  name: z.string(),
  asWritten: z.string().describe('The name exactly as this paper wrote it'),
  position: z.number().int().describe('1-based position in the author list'),
});

export const PaperCategory = z.object({
  code: z.string(),
  name: z.string().nullable(),
  archive: z.string().nullable(),
  primary: z.boolean(),
});

export const PaperTopic = z.object({
  id: z.string(),
  name: z.string(),
  score: z.number().describe('0..1, relative to the paper’s strongest topic'),
  source: z.string().nullable(),
});

export const PaperResponse = z
  .object({
    paper: PaperDetail,
    authors: z.array(PaperAuthor).describe('In author order'),
    categories: z.array(PaperCategory).describe('Primary first'),
    topics: z.array(PaperTopic).describe('Strongest first'),
    cites: z.object({
      papers: z.array(PaperRef).describe('Cited papers that are in the graph, newest first'),
      stubs: z.array(z.string()).describe('Ids of cited works known only as citations'),
      counts: z.object({ papers: z.number().int(), stubs: z.number().int() }),
    }),
    citedBy: z.object({
      papers: z.array(PaperRef).describe('Papers citing this one, newest first'),
      count: z.number().int(),
    }),
    truncated: z
      .object({
        authors: Truncated.optional(),
        cites: Truncated.optional(),
        stubs: Truncated.optional(),
        citedBy: Truncated.optional(),
      })
      .describe('Lists this response cut to their limit; a key is present only when its list was cut'),
  })
  .meta({ id: 'PaperResponse' });
export type PaperResponse = z.infer<typeof PaperResponse>;

/** How related papers are ranked. */
export const RelatedBy = z.enum(['authors', 'topics', 'all']);
export type RelatedBy = z.infer<typeof RelatedBy>;

export const RelatedQuery = queryObject({
  by: RelatedBy.default('all').describe(
    'authors: shared authors (ties: topic overlap, recency, id); topics: IDF-weighted topic overlap (ties: shared ' +
      'authors, recency, id); all: weighted sum of every part (see `weights` in the response)',
  ),
  limit: limitParam(100, 10, 'Most related papers returned'),
});
export type RelatedQuery = z.infer<typeof RelatedQuery>;

export const SharedTopic = z.object({
  id: z.string(),
  name: z.string(),
  scoreHere: z.number().describe('Topic score on the requested paper'),
  scoreThere: z.number().describe('Topic score on the related paper'),
  papers: z.number().int().describe('Papers carrying this topic (its document frequency)'),
  specificity: z.number().describe('ln(1 + N/papers) / ln(1 + N): 1 for a topic on one paper, towards 0 for one on all N'),
  contribution: z.number().describe('min(scoreHere, scoreThere) × specificity: this topic’s share of score.topics'),
});

export const RelatedScore = z
  .object({
    total: z.number().describe('What the chosen ranking sorts by: the authors part, the topics part, or the weighted sum (by=all)'),
    authors: z.number().describe('Number of shared authors'),
    topics: z.number().describe('Sum of the shared topics’ contributions'),
    categories: z.number().describe('Number of shared categories'),
    citations: z.number().describe('Citation links between the two papers (0–2: each direction counts once)'),
  })
  .meta({ id: 'RelatedScore' });

export const RelatedPaper = z
  .object({
    paper: PaperRef,
    score: RelatedScore,
    reasons: z.object({
      authors: z.array(z.object({ id: z.string(), name: z.string() })).describe('Authors of both papers'),
      topics: z.array(SharedTopic).describe('Topics of both papers, largest contribution first'),
      categories: z.array(
        z.object({ code: z.string(), name: z.string().nullable(), primaryHere: z.boolean(), primaryThere: z.boolean() }),
      ),
      citations: z
        .array(z.enum(['cites', 'citedBy']))
        .describe('cites: the requested paper cites this one; citedBy: this one cites the requested paper'),
    }),
  })
  .meta({ id: 'RelatedPaper' });
export type RelatedPaper = z.infer<typeof RelatedPaper>;

const SkippedSeed = z.object({ id: z.string(), name: z.string(), papers: z.number().int() });

export const RelatedResponse = z
  .object({
    paper: PaperRef,
    by: RelatedBy,
    weights: z
      .object({ authors: z.number(), topics: z.number(), categories: z.number(), citations: z.number() })
      .describe('Weights of the parts in score.total when by=all'),
    results: z.array(RelatedPaper),
    truncated: Truncated.optional().describe('Present when more candidates were found than are shown'),
    bounded: z
      .object({
        limits: z.object({
          maxAuthorPapers: z.number().int(),
          maxSeedAuthors: z.number().int(),
          maxTopicPapers: z.number().int(),
          maxCitationSeeds: z.number().int(),
          maxCandidates: z.number().int(),
        }),
        skippedAuthors: z
          .array(SkippedSeed)
          .describe('Authors of this paper not used to find candidates (too many papers, or beyond maxSeedAuthors); first 20'),
        skippedAuthorCount: z.number().int(),
        skippedTopics: z.array(SkippedSeed).describe('Topics of this paper on more than maxTopicPapers papers, not used to find candidates'),
        skippedCitations: z.number().int().describe('Citation neighbours beyond maxCitationSeeds, not used to find candidates'),
        candidatesFound: z.number().int().describe('Papers reached from the seeds'),
        candidatesScored: z.number().int().describe('Of those, scored exactly (the best maxCandidates by a quick pre-score)'),
      })
      .describe('How candidate generation was bounded to stay fast on hubs; shared authors/topics of a scored candidate are always exact'),
  })
  .meta({ id: 'RelatedResponse' });
export type RelatedResponse = z.infer<typeof RelatedResponse>;
