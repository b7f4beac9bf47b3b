// Authors: one author's spellings, papers, co-authors, categories, topics, year span and merge suggestions.
import neo4j from 'neo4j-driver';
import type { Graph } from '../../../db/graph.js';
import type { AuthorQuery, AuthorResponse } from '../../../schema/authors.js';
import { truncation } from '../../../schema/papers.js';
import { NotFoundError } from '../../errors.js';

const QUERY_TIMEOUT_MS = 10_000;

/**
 * Papers with more authors than this (large collaborations) are left out of co-author counting: one ATLAS paper would
 * otherwise make 3,000 people co-authors and dominate both the list and the query time. Reported in `bounded`.
 */
export const MAX_AUTHORS_PER_PAPER = 500;

/** Categories and merge suggestions are small per author; these caps only guard against pathological data. */
const MAX_CATEGORIES = 50;
const MAX_SUGGESTIONS = 50;

interface ProfileRow {
  id: string;
  name: string;
  orcid: string | null;
  openalexId: string | null;
  spellings: AuthorResponse['spellings'];
  paperCount: number;
  firstYear: number | null;
  lastYear: number | null;
  categories: AuthorResponse['categories'];
  suggestions: {
    id: string;
    name: string;
    reason: string | null;
    status: string | null;
    sharedCoauthors: string[] | null;
    sharedCategories: string[] | null;
  }[];
}

/** The author `id` (e.g. `name:daniel truhn`, `openalex:A123`) with everything about them; NotFoundError if unknown. */
export async function getAuthor(graph: Graph, id: string, query: AuthorQuery): Promise<AuthorResponse> {
  const opts = { timeoutMs: QUERY_TIMEOUT_MS };
  // The parts are independent reads; running them side by side costs one round trip instead of four.
  const [profiles, paperRows, coauthorRows, topicRows] = await Promise.all([
    graph.read('authors/profile', { id }, opts),
    graph.read('authors/papers', { id, limit: neo4j.int(query.paperLimit) }, opts),
    graph.read(
      'authors/coauthors',
      { id, limit: neo4j.int(query.coauthorLimit), maxAuthorsPerPaper: neo4j.int(MAX_AUTHORS_PER_PAPER) },
      opts,
    ),
    graph.read('authors/topics', { id, limit: neo4j.int(query.topicLimit) }, opts),
  ]);
  const profile = profiles[0] as unknown as ProfileRow | undefined;
  if (!profile) throw new NotFoundError('Author', id);

  const papers = paperRows[0] as unknown as { total: number; papers: AuthorResponse['papers'] };
  // The co-author query has no row for an author without papers.
  const coauthors = (coauthorRows[0] ?? { total: 0, coauthors: [], skippedPapers: 0 }) as unknown as {
    total: number;
    coauthors: AuthorResponse['coauthors'];
    skippedPapers: number;
  };
  const topics = topicRows[0] as unknown as { total: number; topics: AuthorResponse['topics'] };
  const categories = profile.categories.slice(0, MAX_CATEGORIES);
  const suggestions = profile.suggestions.slice(0, MAX_SUGGESTIONS);

  return {
    author: { id: profile.id, name: profile.name, orcid: profile.orcid, openalexId: profile.openalexId },
    paperCount: profile.paperCount,
    firstYear: profile.firstYear,
    lastYear: profile.lastYear,
    spellings: profile.spellings,
    papers: papers.papers,
    coauthors: coauthors.coauthors,
    categories,
    topics: topics.topics,
    mergeSuggestions: suggestions.map((s) => ({
      other: { id: s.id, name: s.name },
      reason: s.reason ?? 'unknown',
      status: s.status ?? 'open',
      evidence: { sharedCoauthors: s.sharedCoauthors ?? [], sharedCategories: s.sharedCategories ?? [] },
    })),
    truncated: {
      papers: truncation(papers.total, papers.papers.length),
      coauthors: truncation(coauthors.total, coauthors.coauthors.length),
      categories: truncation(profile.categories.length, categories.length),
      topics: truncation(topics.total, topics.topics.length),
      mergeSuggestions: truncation(profile.suggestions.length, suggestions.length),
    },
    bounded: { maxAuthorsPerPaper: MAX_AUTHORS_PER_PAPER, coauthorPapersSkipped: coauthors.skippedPapers },
  };
}
