// Request and response schemas of /api/curation: the review queue, identity decisions, their export/import file.
import { z } from 'zod';
import { limitParam, queryObject } from './common.js';

const personId = z.string().trim().min(1).max(1000).describe('An author (person) id, e.g. `name:keno k bressem`');
const why = z.string().max(2000).default('').describe('Why the reviewer decided so (free text, kept with the decision)');

// ---- The review queue ----

export const SuggestionStatus = z.enum(['open', 'rejected', 'all']);

export const SuggestionsQuery = queryObject({
  status: SuggestionStatus.default('open').describe('open (default): not decided yet; rejected; all'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('Suggestions to skip (paging)'),
  limit: limitParam(50, 10, 'Suggestions per page'),
});
export type SuggestionsQuery = z.infer<typeof SuggestionsQuery>;

/** One side of a suggestion: what the reviewer compares. */
export const PersonEvidence = z
  .object({
    id: z.string(),
    name: z.string(),
    paperCount: z.number().int(),
    years: z.tuple([z.number().int().nullable(), z.number().int().nullable()]).describe('First and last year'),
    spellings: z.array(z.object({ asWritten: z.string(), papers: z.number().int() })).describe('Names as written, most used first'),
    papers: z.array(z.object({ id: z.string(), title: z.string().nullable(), year: z.number().int().nullable() })).describe('Newest first (first 10)'),
    categories: z.array(z.object({ code: z.string(), papers: z.number().int() })).describe('Most papers first (first 10)'),
    coauthors: z.array(z.object({ id: z.string(), name: z.string(), papers: z.number().int() })).describe('Most joint papers first (first 15)'),
  })
  .meta({ id: 'PersonEvidence' });
export type PersonEvidence = z.infer<typeof PersonEvidence>;

export const ReviewItem = z
  .object({
    id: z.string().describe('Stable id of the suggestion: `variant:<a>|<b>`, or the split proposal’s id `split:<hash>`'),
    kind: z.enum(['variant', 'split']).describe('variant: two persons that may be one; split: one person that may be two'),
    score: z.number().describe("Rank: the identity model's score (log-odds that the two are one person), highest first"),
    reason: z.string().describe('Why the model could not decide (e.g. "initial-only spelling": an initial needs more shared co-authors)'),
    nameMatch: z
      .enum(['same', 'middle', 'initial'])
      .nullable()
      .describe('How the given names meet: identical, through a full first name, or only through an initial (null for suggestions stored before the model said)'),
    status: z.string().describe('open, rejected or accepted'),
    shared: z.object({
      coauthors: z.array(z.string()).describe('Co-authors both have'),
      categories: z.array(z.string()).describe('Categories both publish in'),
      topics: z.array(z.string()).describe('Topics both write about'),
      years: z.tuple([z.number().int(), z.number().int()]).nullable().describe('Years both were active, or null when they do not overlap'),
    }),
    a: PersonEvidence.describe('variant: one person; split: the person’s papers outside the proposed part (they stay)'),
    b: PersonEvidence.describe('variant: the other person; split: the proposed part (it would become a new person)'),
    split: z
      .object({
        proposal: z.string().describe('The split proposal’s id (accept or reject it by this id)'),
        person: z.object({ id: z.string(), name: z.string() }),
        papers: z.array(z.string()).describe('Ids of the papers of the proposed part'),
      })
      .nullable()
      .describe('Split proposals: the person and the part; null for variants'),
  })
  .meta({ id: 'ReviewItem' });
export type ReviewItem = z.infer<typeof ReviewItem>;

export const SuggestionsResponse = z.object({
  total: z.number().int().describe('Suggestions with this status'),
  offset: z.number().int(),
  limit: z.number().int(),
  items: z.array(ReviewItem),
});
export type SuggestionsResponse = z.infer<typeof SuggestionsResponse>;

/** A person's papers, for the split tool. */
export const PersonPapersResponse = z.object({
  person: z.object({ id: z.string(), name: z.string() }),
  redirectedFrom: z.string().nullable().describe('The id asked for, when it was retired and redirects to this person'),
  papers: z.array(
    z.object({
      id: z.string(),
      title: z.string().nullable(),
      year: z.number().int().nullable(),
      position: z.number().int().nullable(),
      asWritten: z.string().nullable(),
      coauthors: z.array(z.string()).describe('Other authors (first 8)'),
      categories: z.array(z.string()),
    }),
  ),
});
export type PersonPapersResponse = z.infer<typeof PersonPapersResponse>;

// ---- Decisions ----

export const MergeRequest = z.object({
  keep: personId.describe('The person that stays'),
  retire: personId.describe('The person merged into `keep`; its id redirects to `keep`'),
  why,
});
export const RejectRequest = z.object({ a: personId, b: personId, why });
export const SplitRequest = z.object({
  person: personId,
  papers: z.array(z.string().min(1)).min(1).max(10_000).describe('Ids of the person’s papers that belong to someone else'),
  name: z.string().trim().min(1).max(500).optional().describe('Display name of the new person (default: the name as written on the first paper)'),
  why,
});
/** Accepting a split proposal splits its person along it; rejecting it keeps the person whole. */
export const SplitProposalRequest = z.object({
  proposal: z.string().trim().min(1).max(200).describe('A split proposal’s id (`split:<hash>`, as the review queue lists it)'),
  why,
});
export const AcceptSplitRequest = SplitProposalRequest.extend({
  name: z.string().trim().min(1).max(500).optional().describe('Display name of the new person (default: the person’s name)'),
});
export const UndoRequest = z.object({ why });
export type MergeRequest = z.infer<typeof MergeRequest>;
export type RejectRequest = z.infer<typeof RejectRequest>;
export type SplitRequest = z.infer<typeof SplitRequest>;
export type SplitProposalRequest = z.infer<typeof SplitProposalRequest>;
export type AcceptSplitRequest = z.infer<typeof AcceptSplitRequest>;

const iso = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'an ISO date-time');

const decisionBase = {
  id: z.string().min(1).max(200),
  at: iso.describe('When it was decided (ISO 8601)'),
  by: z.string().min(1).max(200).describe('Label of the token holder who decided'),
  why: z.string().max(2000),
  undone: z
    .object({ at: iso, by: z.string().min(1).max(200), why: z.string().max(2000) })
    .nullable()
    .default(null)
    .describe('Set when the decision was undone'),
};

/** One identity decision as data: stored as an (:IdentityDecision) node, exported and imported as is. */
export const Decision = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('merge'), keep: personId, retire: personId, ...decisionBase }),
    z.object({ kind: z.literal('reject'), a: personId, b: personId, ...decisionBase }),
    z.object({
      kind: z.literal('split'),
      person: personId,
      papers: z.array(z.string().min(1)).min(1),
      newId: personId.describe('Id of the person the papers moved to'),
      newName: z.string().min(1),
      proposal: z.string().min(1).optional().describe('The split proposal this split accepted, if any'),
      ...decisionBase,
    }),
    z.object({
      kind: z.literal('reject-split'),
      proposal: z.string().min(1).describe('The split proposal rejected: its person stays one person'),
      person: personId,
      ...decisionBase,
    }),
  ])
  .meta({ id: 'IdentityDecision' });
export type Decision = z.infer<typeof Decision>;
export type DecisionKind = Decision['kind'];

export const DecisionResult = z.object({
  decision: Decision,
  graphVersion: z.number().int().describe('The graph version this decision committed with'),
  applied: z.boolean().describe('False when the persons are not in the graph (yet): kept and applied after a later ingest'),
});
export type DecisionResult = z.infer<typeof DecisionResult>;

export const DecisionsQuery = queryObject({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: limitParam(200, 50, 'Decisions per page, newest first'),
});
export const DecisionsResponse = z.object({ total: z.number().int(), items: z.array(Decision) });
export type DecisionsResponse = z.infer<typeof DecisionsResponse>;

export const DECISION_FILE_FORMAT = 'papergraph-identity-decisions';

/** The export file; an import validates each entry on its own (bad entries are named, the rest applied). */
export const DecisionFile = z.object({
  format: z.literal(DECISION_FILE_FORMAT),
  version: z.literal(1),
  exportedAt: iso,
  decisions: z.array(Decision),
});
export type DecisionFile = z.infer<typeof DecisionFile>;

/** The envelope an import checks first; entries are checked one by one with `Decision`. */
export const DecisionFileEnvelope = z.object({
  format: z.literal(DECISION_FILE_FORMAT),
  version: z.literal(1),
  exportedAt: iso.optional(),
  decisions: z.array(z.unknown()).max(100_000),
});

export const ImportResponse = z.object({
  applied: z.number().int().describe('Entries recorded and applied to the graph'),
  pending: z.array(z.object({ index: z.number().int(), id: z.string() })).describe('Recorded, but their persons are not in the graph yet'),
  skipped: z.array(z.object({ index: z.number().int(), id: z.string(), reason: z.string() })).describe('Already recorded here'),
  errors: z
    .array(z.object({ index: z.number().int(), field: z.string(), message: z.string() }))
    .describe('Entries not applied: `index` into decisions, the field at fault'),
});
export type ImportResponse = z.infer<typeof ImportResponse>;

export const SessionResponse = z.object({ label: z.string().describe('The token holder, as decisions record it') });
export type SessionResponse = z.infer<typeof SessionResponse>;
