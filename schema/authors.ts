// Request and response schemas of /api/authors/:id, shared by server and client.
import { z } from 'zod';
import { limitParam, queryObject, Truncated } from './common.js';

export const AuthorQuery = queryObject({
  paperLimit: limitParam(1000, 100, 'Most papers listed, newest first'),
  coauthorLimit: limitParam(500, 50, 'Most co-authors listed, most joint papers first'),
  topicLimit: limitParam(200, 20, 'Most topics listed, most papers first'),
});
export type AuthorQuery = z.infer<typeof AuthorQuery>;

export const AuthorPaper = z.object({
  id: z.string(),
  title: z.string().nullable(),
  year: z.number().int().nullable(),
  published: z.string().nullable(),
  position: z.number().int().describe('This author’s 1-based position on the paper'),
  asWritten: z.string().describe('This author’s name as the paper wrote it'),
  authorCount: z.number().int().nullable(),
});

export const Coauthor = z.object({
  id: z.string(),
  name: z.string(),
  jointPapers: z.number().int().describe('Distinct papers both are authors of'),
});

export const MergeSuggestion = z.object({
  other: z.object({ id: z.string(), name: z.string() }),
  reason: z.string().describe('Why the two names might be one person'),
  status: z.string().describe('open until a reviewer decides'),
  evidence: z.object({
    sharedCoauthors: z.array(z.string()).describe('Names of co-authors both have (first 20)'),
    sharedCategories: z.array(z.string()).describe('Category codes both publish in (first 20)'),
  }),
});

export const Homonym = z.object({
  id: z.string(),
  name: z.string(),
  papers: z.number().int().describe('Papers of this person'),
});

export const AuthorHomonyms = z
  .object({
    total: z.number().int().describe('How many other people carry the same name'),
    people: z.array(Homonym).describe('Most papers first (at most 50)'),
  })
  .describe('Other people with the same name (same folded full name), told apart by the identity model');

/** The body of a 308 redirect from a retired author id to the live one (the Location header names the same URL). */
export const AuthorRedirectBody = z
  .object({
    redirect: z.object({
      from: z.string().describe('The retired id that was asked for'),
      id: z.string().describe('The live id of the same person'),
      reason: z.string().nullable().describe('Why the id was retired'),
    }),
  })
  .meta({ id: 'AuthorRedirect' });
export type AuthorRedirectBody = z.infer<typeof AuthorRedirectBody>;

/**
 * The body of a 308 from an endpoint that takes author ids in its query (graphs, paths, exports) when some name retired
 * authors: each such parameter with the live id it now carries (the Location header is the same URL with those ids).
 */
export const AuthorRedirectsBody = z
  .object({
    redirects: z.array(
      AuthorRedirectBody.shape.redirect.extend({ parameter: z.string().describe('The query parameter that named the retired id') }),
    ),
  })
  .meta({ id: 'AuthorRedirects' });
export type AuthorRedirectsBody = z.infer<typeof AuthorRedirectsBody>;

export const AuthorResponse = z
  .object({
    author: z.object({
      id: z.string(),
      name: z.string(),
      orcid: z.string().nullable(),
      openalexId: z.string().nullable(),
    }),
    paperCount: z.number().int(),
    firstYear: z.number().int().nullable(),
    lastYear: z.number().int().nullable(),
    spellings: z
      .array(z.object({ asWritten: z.string(), papers: z.number().int() }))
      .describe('Distinct spellings of the name on the author’s papers, most used first'),
    papers: z.array(AuthorPaper).describe('Newest first'),
    coauthors: z.array(Coauthor).describe('Most joint papers first, then by name'),
    categories: z
      .array(z.object({ code: z.string(), name: z.string().nullable(), papers: z.number().int() }))
      .describe('Most papers first, counted over the papers given in bounded.subjects'),
    topics: z
      .array(z.object({ id: z.string(), name: z.string(), papers: z.number().int() }))
      .describe('Most papers first, counted over the papers given in bounded.subjects'),
    mergeSuggestions: z.array(MergeSuggestion).describe('Other authors that might be this person (never merged automatically)'),
    homonyms: AuthorHomonyms,
    truncated: z
      .object({
        papers: Truncated.optional(),
        coauthors: Truncated.optional(),
        categories: Truncated.optional(),
        topics: Truncated.optional(),
        mergeSuggestions: Truncated.optional(),
      })
      .describe('Lists this response cut to their limit; a key is present only when its list was cut'),
    bounded: z
      .object({
        coauthors: z.object({
          maxAuthorsPerPaper: z.number().int(),
          slotBudget: z.number().int().describe('Most author-list entries read to count co-authors'),
          papersCounted: z.number().int().describe('Papers the co-author counts come from (the newest ones)'),
          collaborationsSkipped: z
            .number()
            .int()
            .describe('Papers with more than maxAuthorsPerPaper authors, left out of the co-author counts'),
          olderPapersSkipped: z.number().int().describe('Older papers beyond slotBudget, left out of the co-author counts'),
        }),
        subjects: z.object({
          maxPapers: z.number().int(),
          papersCounted: z.number().int().describe('Papers the category and topic counts come from (the newest ones)'),
          olderPapersSkipped: z.number().int(),
        }),
      })
      .describe(
        'What the co-author, category and topic counts were computed from: all papers for most authors; for very prolific ones the ' +
          'newest, and never large collaborations (one would make thousands of people co-authors)',
      ),
  })
  .meta({ id: 'AuthorResponse' });
export type AuthorResponse = z.infer<typeof AuthorResponse>;
