// Authors: one author's spellings, papers, co-authors, categories, topics, year span and merge suggestions.
import neo4j from 'neo4j-driver';
import type { RowOf } from '../../../cypher/rows.js';
import type { Graph } from '../../../db/graph.js';
import type { AuthorQuery, AuthorResponse } from '../../../schema/authors.js';
import { truncation } from '../../../schema/common.js';
import { NotFoundError } from '../../errors.js';

const QUERY_TIMEOUT_MS = 10_000;

/**
 * Bounds of the co-author, category and topic counts, so that a hub author's page never expands millions of rows (their cuts are
 * reported in `bounded`). A paper with more authors than MAX_AUTHORS_PER_PAPER (a large collaboration) would make
 * thousands of people co-authors and dominate both the list and the query time; COAUTHOR_SLOT_BUDGET author-list
 * entries and SUBJECT_PAPERS papers (for categories and topics) cover every paper of all but the most prolific authors.
 */
export const MAX_AUTHORS_PER_PAPER = 500;
export const COAUTHOR_SLOT_BUDGET = 20_000;
export const SUBJECT_PAPERS = 2_000;

/** Categories and merge suggestions are few per author; these caps only guard against pathological data. */
const MAX_CATEGORIES = 50;
const MAX_SUGGESTIONS = 50;

type WorksRow = RowOf<'authors/works'>;

const NO_WORKS: WorksRow = {
  paperTotal: 0,
  papers: [],
  collaborations: 0,
  coauthorPapers: 0,
  olderPapers: 0,
  coauthorTotal: 0,
  coauthors: [],
  subjectPapers: 0,
  categories: [],
  topicTotal: 0,
  topics: [],
};

/** Most homonyms listed on an author's page. */
const MAX_HOMONYMS = 50;

/** The author was retired (merged into another person by the identity model): its live id. */
export class AuthorMovedError extends Error {
  override name = 'AuthorMovedError';
  constructor(
    readonly from: string,
    readonly to: string,
    readonly reason: string | null,
  ) {
    super(`Author ${from} is now ${to}`);
  }
}

/**
 * The author `id` (e.g. `name:daniel truhn`, `openalex:A123`) with everything about them; AuthorMovedError for a retired
 * id, NotFoundError if unknown.
 */
export async function getAuthor(graph: Graph, id: string, query: AuthorQuery): Promise<AuthorResponse> {
  const opts = { timeoutMs: QUERY_TIMEOUT_MS };
  // Independent reads side by side: one round trip instead of several.
  const [profiles, homonymRows, workRows] = await Promise.all([
    graph.read('authors/profile', { id }, opts),
    graph.read('authors/homonyms', { id, limit: neo4j.int(MAX_HOMONYMS) }, opts),
    graph.read(
      'authors/works',
      {
        id,
        paperLimit: neo4j.int(query.paperLimit),
        coauthorLimit: neo4j.int(query.coauthorLimit),
        topicLimit: neo4j.int(query.topicLimit),
        maxAuthorsPerPaper: neo4j.int(MAX_AUTHORS_PER_PAPER),
        slotBudget: neo4j.int(COAUTHOR_SLOT_BUDGET),
        subjectPapers: neo4j.int(SUBJECT_PAPERS),
      },
      opts,
    ),
  ]);
  const profile = profiles[0];
  if (!profile) {
    const [moved] = await graph.read('authors/redirect', { id }, opts);
    if (moved) throw new AuthorMovedError(id, moved.redirectTo, moved.reason);
    throw new NotFoundError('Author', id);
  }
  const homonyms = homonymRows[0] ?? { total: 0, people: [] };

  // The works query has no row for an author without papers.
  const works = workRows[0] ?? NO_WORKS;
  const categories = works.categories.slice(0, MAX_CATEGORIES);
  const suggestions = profile.suggestions.slice(0, MAX_SUGGESTIONS);

  return {
    author: { id: profile.id, name: profile.name, orcid: profile.orcid, openalexId: profile.openalexId },
    paperCount: profile.paperCount,
    firstYear: profile.firstYear,
    lastYear: profile.lastYear,
    spellings: profile.spellings,
    papers: works.papers,
    coauthors: works.coauthors,
    categories,
    topics: works.topics,
    mergeSuggestions: suggestions.map((s) => ({
      other: { id: s.id, name: s.name },
      reason: s.reason ?? 'unknown',
      status: s.status ?? 'open',
      evidence: { sharedCoauthors: s.sharedCoauthors ?? [], sharedCategories: s.sharedCategories ?? [] },
    })),
    homonyms,
    truncated: {
      papers: truncation(works.paperTotal, works.papers.length),
      coauthors: truncation(works.coauthorTotal, works.coauthors.length),
      categories: truncation(works.categories.length, categories.length),
      topics: truncation(works.topicTotal, works.topics.length),
      mergeSuggestions: truncation(profile.suggestions.length, suggestions.length),
    },
    bounded: {
      coauthors: {
        maxAuthorsPerPaper: MAX_AUTHORS_PER_PAPER,
        slotBudget: COAUTHOR_SLOT_BUDGET,
        papersCounted: works.coauthorPapers,
        collaborationsSkipped: works.collaborations,
        olderPapersSkipped: works.olderPapers,
      },
      subjects: {
        maxPapers: SUBJECT_PAPERS,
        papersCounted: works.subjectPapers,
        olderPapersSkipped: works.paperTotal - works.subjectPapers,
      },
    },
  };
}
