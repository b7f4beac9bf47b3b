// The author-identity interface: authorship mentions and person summaries in, assignments and suggestions out (zod).
import { z } from 'zod';

/**
 * How a source orders a bare name string: `given-family` ("Wei Wang": listing, OpenAlex display names, arXiv Atom),
 * `family-given` ("Wang Wei": sources printing East Asian names family first). A "Family, Given" string (comma) and
 * explicit given/family parts (arXiv JSON lines, BibTeX) need no rule.
 */
export const NameOrder = z.enum(['given-family', 'family-given']);
export type NameOrder = z.infer<typeof NameOrder>;

/** One authorship: a name as printed on one paper, with the paper's evidence. */
export const Mention = z.object({
  paperId: z.string().min(1),
  /** 0-based position in the paper's author list; (paperId, position) identifies the mention. */
  position: z.number().int().min(0),
  /** Display name ("Given Family" unless `nameOrder` says otherwise). */
  name: z.string().min(1),
  /** The name exactly as the source printed it (kept, never used for identity). */
  asWritten: z.string().optional(),
  given: z.string().optional(),
  family: z.string().optional(),
  nameOrder: NameOrder.optional(),
  orcid: z.string().optional(),
  openalexId: z.string().optional(),
  /** The paper's category codes (arXiv taxonomy where known), primary first. */
  categories: z.array(z.string()),
  /** Topic ids of the paper (source topics or extracted ones). */
  topics: z.array(z.string()),
  year: z.number().int().nullable(),
  /** Display names of the paper's other authors (the paper's full list minus this mention). */
  coauthors: z.array(z.string()),
  /** Length of the paper's author list (hyperauthor papers weigh less as co-author evidence). */
  authorCount: z.number().int().min(1),
});
export type Mention = z.infer<typeof Mention>;

/** A (paperId, position) pair naming one mention. */
export const MentionRef = z.object({ paperId: z.string(), position: z.number().int().min(0) });
export type MentionRef = z.infer<typeof MentionRef>;

/**
 * What the model needs to know about an existing person, without reading its papers: stored on the person by the
 * writer and returned updated in every result. Maps are keyed by co-author key (see coauthorKey), category code and
 * topic id.
 */
export const PersonSummary = z.object({
  id: z.string().min(1),
  /** Block keys (folded family names) of its spellings, for looking the block's persons up. */
  blocks: z.array(z.string()).min(1),
  /** Every spelling seen, as given/family parts of the display form. */
  names: z.array(z.object({ given: z.string(), family: z.string() })).min(1),
  orcids: z.array(z.string()),
  openalexIds: z.array(z.string()),
  /** Co-author key → strongest weight seen (1 for a small team, less on large collaborations). */
  coauthors: z.record(z.string(), z.number()),
  /** Co-author keys from large collaborations (papers above the team limit): a shared collaboration, not a team. */
  collaborators: z.array(z.string()),
  categories: z.record(z.string(), z.number()),
  topics: z.record(z.string(), z.number()),
  yearMin: z.number().int().nullable(),
  yearMax: z.number().int().nullable(),
  mentions: z.number().int().min(0),
  /**
   * The person's mentions; needed only for a bulk re-clustering (ids carried over by overlap), not for appends.
   */
  mentionRefs: z.array(MentionRef).optional(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const IdentityMode = z.enum(['incremental', 'bulk']);
export type IdentityMode = z.infer<typeof IdentityMode>;

export const IdentityInput = z.object({
  /** New mentions to place (incremental), or every mention of the blocks (bulk). */
  mentions: z.array(Mention),
  /** The existing persons of every block the mentions fall into (see blockOfMention). */
  persons: z.array(PersonSummary),
  /** Ids retired earlier: never handed out again. */
  retiredIds: z.array(z.string()).optional(),
  mode: IdentityMode,
});
export type IdentityInput = z.infer<typeof IdentityInput>;

/** The evidence between two persons (or a mention and a person) that a decision or a suggestion rests on. */
export const Evidence = z.object({
  score: z.number(),
  /** How the given names meet: identical, differing in middle names, or only through an initial. */
  nameMatch: z.enum(['same', 'middle', 'initial']),
  /** True when the family names meet only through a transliteration (Häntze / Haentze). */
  spellingVariant: z.boolean(),
  /** Estimated number of people carrying this name (1 = rare). */
  namesakes: z.number(),
  sharedCoauthors: z.array(z.string()),
  sharedCategories: z.array(z.string()),
  sharedTopics: z.array(z.string()),
  years: z.tuple([z.tuple([z.number().nullable(), z.number().nullable()]), z.tuple([z.number().nullable(), z.number().nullable()])]),
  /** Score parts, for the reviewer and for tuning. */
  parts: z.record(z.string(), z.number()),
});
export type Evidence = z.infer<typeof Evidence>;

export const Assignment = z.object({
  paperId: z.string(),
  position: z.number().int(),
  personId: z.string(),
  /** Why: a source id, a match by evidence, or a new person. */
  basis: z.enum(['source-id', 'evidence', 'new']),
  score: z.number().nullable(),
});
export type Assignment = z.infer<typeof Assignment>;

export const Suggestion = z.discriminatedUnion('kind', [
  /** Two persons that may be one. */
  z.object({ kind: z.literal('variant'), a: z.string(), b: z.string(), reason: z.string(), evidence: Evidence }),
  /** One person that may be two: the mentions of `part` may be someone else. */
  z.object({ kind: z.literal('split'), person: z.string(), part: z.array(MentionRef), reason: z.string(), evidence: Evidence }),
]);
export type Suggestion = z.infer<typeof Suggestion>;

export const IdentityResult = z.object({
  assignments: z.array(Assignment),
  /** Summaries of every person created or changed (to store back on the persons). */
  persons: z.array(PersonSummary),
  created: z.array(z.string()),
  /** Ids that no longer name a person, each with the person that took it over. */
  retired: z.array(z.object({ id: z.string(), redirectTo: z.string(), reason: z.string() })),
  suggestions: z.array(Suggestion),
});
export type IdentityResult = z.infer<typeof IdentityResult>;
