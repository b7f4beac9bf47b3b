// Ranking of related papers: pure functions from the evidence cypher/papers/related.cypher returns to scored results.
import type { PaperRef, RelatedBy, RelatedPaper } from '../../../schema/papers.js';

/**
 * Weights of the score parts in `by=all`. A shared author and a citation link are each strong, specific evidence
 * (1); topics contribute up to 1 per shared topic, less for weak or common topics (see topicSpecificity); a shared
 * category is weak evidence (arXiv categories hold thousands of papers), so it only separates otherwise close
 * candidates (0.25).
 */
export const RELATED_WEIGHTS = { authors: 1, topics: 1, categories: 0.25, citations: 1 } as const;

/**
 * Bounds of candidate generation (see cypher/papers/related.cypher), chosen so that one request touches a few thousand
 * to ~20k graph entries on a 100k-paper graph (arXiv-like: Zipf author productivity, collaboration papers with
 * hundreds of authors). Authors and topics beyond them still count in the score of any candidate found another way;
 * they only do not bring candidates in.
 */
export const RELATED_BOUNDS = {
  /** An author on more papers than this links too much to say much about any one of them. */
  maxAuthorPapers: 200,
  /** Large collaborations: only the least prolific authors seed candidates. */
  maxSeedAuthors: 20,
  /** A topic on more papers than this ("deep learning") is too broad to find candidates with. */
  maxTopicPapers: 500,
  /** Citation neighbours (newest first) used as candidates. */
  maxCitationSeeds: 100,
  /** Candidates scored exactly: the best by a pre-score with the same weights, at least this many… */
  minCandidates: 50,
  /** …and at least this many per result asked for, so the cut rarely decides the order of what is shown. */
  candidatesPerResult: 3,
} as const;

/** How many candidates are scored exactly for a request of `limit` results. */
export function candidateBudget(limit: number): number {
  return Math.max(RELATED_BOUNDS.minCandidates, RELATED_BOUNDS.candidatesPerResult * limit);
}

/** What the query knows about one candidate. */
export interface CandidateEvidence {
  id: string;
  title: string | null;
  year: number | null;
  published: string | null;
  authors: { id: string; name: string }[];
  topics: { id: string; name: string; scoreHere: number; scoreThere: number; papers: number }[];
  categories: { code: string; name: string | null; primaryHere: boolean; primaryThere: boolean }[];
  cites: boolean;
  citedBy: boolean;
}

/** Which seed kinds find candidates in each mode, and the pre-score weights (same as the final ones). */
export function seedPlan(by: RelatedBy) {
  return {
    useAuthors: by !== 'topics',
    useTopics: by !== 'authors',
    useCitations: by === 'all',
    wAuthors: by === 'topics' ? 0 : RELATED_WEIGHTS.authors,
    wTopics: by === 'authors' ? 0 : RELATED_WEIGHTS.topics,
    wCitations: by === 'all' ? RELATED_WEIGHTS.citations : 0,
  };
}

/**
 * How much a shared topic says, from its document frequency: ln(1 + N/df) / ln(1 + N) for N ingested papers. It is 1
 * for a topic on a single paper and falls towards ln 2 / ln(1 + N) for a topic on every paper, so a topic many papers
 * share counts less (an IDF normalized to at most 1, so topic contributions stay comparable to a shared author).
 */
export function topicSpecificity(papersWithTopic: number, paperCount: number): number {
  const n = Math.max(paperCount, 1);
  const df = Math.min(Math.max(papersWithTopic, 1), n);
  return Math.log(1 + n / df) / Math.log(1 + n);
}

function recency(a: { published: string | null; year: number | null }): string {
  // ISO dates sort as text; a year-only paper sorts as its year's first day; undated papers are the oldest.
  return a.published ?? (a.year !== null ? `${String(a.year).padStart(4, '0')}-01-01` : '');
}

/** Scores one candidate: every part from named evidence, `total` by the mode. */
export function scoreCandidate(e: CandidateEvidence, by: RelatedBy, paperCount: number): RelatedPaper {
  // A topic's contribution: the weaker of its two scores (a topic central to one paper but marginal to the other is a
  // marginal link), times how specific the topic is.
  const topics = e.topics
    .map((t) => {
      const specificity = topicSpecificity(t.papers, paperCount);
      return { ...t, specificity, contribution: Math.min(t.scoreHere, t.scoreThere) * specificity };
    })
    .sort((a, b) => b.contribution - a.contribution || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const citations: ('cites' | 'citedBy')[] = [...(e.cites ? (['cites'] as const) : []), ...(e.citedBy ? (['citedBy'] as const) : [])];
  const parts = {
    authors: e.authors.length,
    topics: topics.reduce((s, t) => s + t.contribution, 0),
    categories: e.categories.length,
    citations: citations.length,
  };
  const weighted =
    RELATED_WEIGHTS.authors * parts.authors +
    RELATED_WEIGHTS.topics * parts.topics +
    RELATED_WEIGHTS.categories * parts.categories +
    RELATED_WEIGHTS.citations * parts.citations;
  const total = by === 'authors' ? parts.authors : by === 'topics' ? parts.topics : weighted;
  const paper: PaperRef = { id: e.id, title: e.title, year: e.year, published: e.published };
  return {
    paper,
    score: { total, ...parts },
    reasons: { authors: e.authors, topics, categories: e.categories, citations },
  };
}

/** Orders two scored candidates for a mode; ties end at the id so the order never depends on the database. */
export function compareRelated(by: RelatedBy) {
  return (a: RelatedPaper, b: RelatedPaper): number => {
    const keys: [number, number][] =
      by === 'authors'
        ? [[a.score.authors, b.score.authors], [a.score.topics, b.score.topics]]
        : by === 'topics'
          ? [[a.score.topics, b.score.topics], [a.score.authors, b.score.authors]]
          : [[a.score.total, b.score.total]];
    for (const [x, y] of keys) if (x !== y) return y - x;
    const ra = recency(a.paper);
    const rb = recency(b.paper);
    if (ra !== rb) return ra < rb ? 1 : -1;
    return a.paper.id < b.paper.id ? -1 : a.paper.id > b.paper.id ? 1 : 0;
  };
}

/**
 * Scores and ranks candidates for a mode and keeps those with something in common in that mode (a shared author for
 * `authors`, topic overlap for `topics`, any part for `all`). Returns all of them, best first; the caller cuts.
 */
export function rankRelated(candidates: CandidateEvidence[], by: RelatedBy, paperCount: number): RelatedPaper[] {
  return candidates
    .map((c) => scoreCandidate(c, by, paperCount))
    .filter((r) => r.score.total > 0)
    .sort(compareRelated(by));
}
