// Papers: one paper with its authors, categories, topics and citations; and its related papers with their reasons.
import neo4j from 'neo4j-driver';
import type { Graph } from '../../../db/graph.js';
import { truncation } from '../../../schema/common.js';
import {
  type PaperQuery,
  type PaperResponse,
  type RelatedBy,
  type RelatedQuery,
  type RelatedResponse,
} from '../../../schema/papers.js';
import { NotFoundError } from '../../errors.js';
import { candidateBudget, RELATED_BOUNDS, RELATED_WEIGHTS, rankRelated, seedPlan } from './related.js';

/** Longest a paper read may take before it is stopped (408); far above the expected few milliseconds. */
const QUERY_TIMEOUT_MS = 10_000;

/** The paper `id` with everything attached to it; NotFoundError when no paper (or stub) has that id. */
export async function getPaper(graph: Graph, id: string, query: PaperQuery): Promise<PaperResponse> {
  const [row] = await graph.read(
    'papers/paper',
    { id, authorLimit: neo4j.int(query.authorLimit), citationLimit: neo4j.int(query.citationLimit) },
    { timeoutMs: QUERY_TIMEOUT_MS },
  );
  if (!row) throw new NotFoundError('Paper', id);
  return {
    paper: row.paper,
    authors: row.authors,
    categories: row.categories,
    topics: row.topics,
    cites: { papers: row.cites, stubs: row.stubs, counts: { papers: row.citesTotal, stubs: row.stubTotal } },
    citedBy: { papers: row.citedBy, count: row.citedByTotal },
    truncated: {
      authors: truncation(row.authorTotal, row.authors.length),
      cites: truncation(row.citesTotal, row.cites.length),
      stubs: truncation(row.stubTotal, row.stubs.length),
      citedBy: truncation(row.citedByTotal, row.citedBy.length),
    },
  };
}

/**
 * Papers related to `id`, ranked by `by` (see related.ts for the formulas), each with the named evidence behind its
 * score, plus what candidate generation left out. NotFoundError for an unknown id.
 */
export async function getRelated(graph: Graph, id: string, query: RelatedQuery): Promise<RelatedResponse> {
  const by: RelatedBy = query.by;
  const limits = {
    maxAuthorPapers: RELATED_BOUNDS.maxAuthorPapers,
    maxSeedAuthors: RELATED_BOUNDS.maxSeedAuthors,
    maxTopicPapers: RELATED_BOUNDS.maxTopicPapers,
    maxCitationSeeds: RELATED_BOUNDS.maxCitationSeeds,
    maxCandidates: candidateBudget(query.limit),
  };
  const [row] = await graph.read(
    'papers/related',
    { id, ...seedPlan(by), ...Object.fromEntries(Object.entries(limits).map(([k, v]) => [k, neo4j.int(v)])) },
    { timeoutMs: QUERY_TIMEOUT_MS },
  );
  if (!row) throw new NotFoundError('Paper', id);

  const ranked = rankRelated(row.candidates, by, row.paperCount);
  const results = ranked.slice(0, query.limit);
  // Candidates that were scored and turned out to share nothing in this mode are not counted as left out.
  const relevant = row.candidatesFound - (row.candidates.length - ranked.length);
  return {
    paper: { id: row.id, title: row.title, year: row.year, published: row.published },
    by,
    weights: { ...RELATED_WEIGHTS },
    results,
    truncated: truncation(relevant, results.length),
    bounded: {
      limits,
      skippedAuthors: row.skippedAuthors,
      skippedAuthorCount: row.skippedAuthorCount,
      skippedTopics: row.skippedTopics,
      skippedCitations: row.skippedCitations,
      candidatesFound: row.candidatesFound,
      candidatesScored: row.candidates.length,
    },
  };
}
