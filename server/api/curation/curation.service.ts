// The review queue: suggestions with the evidence of both sides, and a person's papers for the split tool. Suggestions
// are read through cypher/decisions/suggestions.cypher and mapped to ReviewItem here, the one place that knows how they
// are stored.
import neo4j from 'neo4j-driver';
import type { RowOf } from '../../../cypher/rows.js';
import type { Graph } from '../../../db/graph.js';
import type { PersonEvidence, PersonPapersResponse, ReviewItem, SuggestionsQuery, SuggestionsResponse } from '../../../schema/curation.js';
import { proposalPapers } from '../../../ingest/identity/decisions.js';
import { NotFoundError } from '../../errors.js';
import { followRedirects } from '../graph/author-redirects.js';

const QUERY_TIMEOUT_MS = 15_000;
/** Co-authors of the evidence are counted over a person's newest papers of at most this many authors. */
const EVIDENCE_MAX_AUTHORS = 50;
const EVIDENCE_MAX_PAPERS = 300;
/** Papers listed by the split tool. */
const SPLIT_TOOL_PAPERS = 500;
/** Redirect hops followed before giving up (a chain longer than this means a loop). */

type EvidenceRow = RowOf<'decisions/person-evidence'>;
type SplitEvidenceRow = RowOf<'decisions/split-evidence'>;
type SuggestionRow = RowOf<'decisions/suggestions'>['items'][number];

function evidenceOf(r: EvidenceRow): PersonEvidence {
  return {
    id: r.id,
    name: r.name,
    paperCount: r.paperCount,
    years: [r.firstYear, r.lastYear],
    spellings: r.spellings,
    papers: r.papers,
    categories: r.categories,
    coauthors: r.coauthors,
  };
}

/** The years both persons were active, or null when their spans do not overlap (or a year is unknown). */
export function sharedYears(a: PersonEvidence['years'], b: PersonEvidence['years']): [number, number] | null {
  const [a0, a1] = a;
  const [b0, b1] = b;
  if (a0 === null || a1 === null || b0 === null || b1 === null) return null;
  const from = Math.max(a0, b0);
  const to = Math.min(a1, b1);
  return from <= to ? [from, to] : null;
}

/**
 * One queue entry from a stored suggestion and the evidence of its two sides: for a variant the two persons, for a
 * split proposal the person's papers outside the part (a) and in it (b).
 */
export function reviewItem(s: SuggestionRow, a: PersonEvidence, b: PersonEvidence): ReviewItem {
  const split = s.kind === 'split' && s.proposal !== null ? { proposal: s.proposal, person: { id: a.id, name: a.name }, papers: proposalPapers(s.part) } : null;
  return {
    id: split ? split.proposal : `variant:${s.a}|${s.b}`,
    kind: split ? 'split' : 'variant',
    score: s.score,
    reason: s.reason,
    nameMatch: s.nameMatch === 'same' || s.nameMatch === 'middle' || s.nameMatch === 'initial' ? s.nameMatch : null,
    status: s.status,
    shared: { coauthors: s.sharedCoauthors, categories: s.sharedCategories, topics: s.sharedTopics, years: sharedYears(a.years, b.years) },
    a,
    b,
    split,
  };
}

/** A page of the review queue, most evidence first, each suggestion with both sides' evidence. */
export async function listSuggestions(graph: Graph, q: SuggestionsQuery): Promise<SuggestionsResponse> {
  const opts = { timeoutMs: QUERY_TIMEOUT_MS };
  const [page] = await graph.read('decisions/suggestions', { status: q.status, offset: neo4j.int(q.offset), limit: neo4j.int(q.limit) }, opts);
  const items = page?.items ?? [];
  const ids = [...new Set(items.filter((s) => s.kind === 'variant').flatMap((s) => [s.a, s.b]))];
  const proposals = items.flatMap((s) => (s.kind === 'split' && s.proposal !== null ? [{ id: s.proposal, person: s.a, part: s.part }] : []));
  const limits = { maxAuthorsPerPaper: neo4j.int(EVIDENCE_MAX_AUTHORS), maxPapers: neo4j.int(EVIDENCE_MAX_PAPERS) };
  const [sideRows, personRows] = await Promise.all([
    proposals.length === 0 ? [] : graph.read('decisions/split-evidence', { proposals, ...limits }, opts),
    ids.length === 0 ? [] : graph.read('decisions/person-evidence', { ids, ...limits }, opts),
  ]);
  const sides = new Map(sideRows.map((r: SplitEvidenceRow) => [`${r.proposal}|${r.side}`, evidenceOf(r)]));
  const evidence = new Map(personRows.map((r) => [r.id, evidenceOf(r)]));
  const out: ReviewItem[] = [];
  for (const s of items) {
    const [a, b] = s.kind === 'split' ? [sides.get(`${s.proposal}|rest`), sides.get(`${s.proposal}|part`)] : [evidence.get(s.a), evidence.get(s.b)];
    // A person merged away between the reads, or a proposal whose part or rest has no papers left (a decision moved
    // them), drops out of this page.
    if (a && b && (s.kind === 'variant' || (a.paperCount > 0 && b.paperCount > 0))) out.push(reviewItem(s, a, b));
  }
  return { total: page?.total ?? 0, offset: q.offset, limit: q.limit, items: out };
}

/** A person's papers for the split tool (following a redirect), newest first; NotFoundError when the id names nobody. */
export async function personPapers(graph: Graph, id: string): Promise<PersonPapersResponse> {
  const resolved = (await followRedirects(graph, [id])).get(id)?.id ?? id;
  const [row] = await graph.read('decisions/person-papers', { id: resolved, limit: neo4j.int(SPLIT_TOOL_PAPERS) }, { timeoutMs: QUERY_TIMEOUT_MS });
  if (!row) throw new NotFoundError('Author', id);
  return { person: { id: row.id, name: row.name }, redirectedFrom: resolved === id ? null : id, papers: row.papers };
}
