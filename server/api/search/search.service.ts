// Search: full-text lookup of papers, authors and topics for autocomplete, with user input escaped for Lucene.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { RowOf } from '../../../cypher/rows.js';
import { rows, type Graph, type Row } from '../../../db/graph.js';
import type { SearchHit, SearchQuery, SearchResponse, SearchType } from '../../../schema/search.js';
import { buildSearchQuery } from './lucene.js';

const QUERY_TIMEOUT_MS = 5_000;

/**
 * Hits fetched per index to count them: enough to say "1,000+" honestly, small enough that a one-letter prefix over
 * 100k abstracts stays fast (Lucene keeps only the best `HIT_CAP`).
 */
export const HIT_CAP = 1_000;

type PaperHitRow = RowOf<'search/papers'>['top'][number];
type NamedHitRow = RowOf<'search/authors'>['top'][number];

function papersLabel(n: number): string {
  return `${n} ${n === 1 ? 'paper' : 'papers'}`;
}

function paperSublabel(r: PaperHitRow): string | undefined {
  const more = (r.authorCount ?? 0) > r.authors.length || r.authorsTruncated === true;
  const names = r.authors.length > 0 ? `${r.authors.join(', ')}${more ? ' et al.' : ''}` : '';
  const parts = [r.year !== null ? String(r.year) : '', names].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

function paperHit(r: PaperHitRow): SearchHit {
  return { type: 'paper', id: r.id, label: r.title ?? r.id, sublabel: paperSublabel(r), score: r.score };
}

function namedHit(type: 'author' | 'topic', r: NamedHitRow): SearchHit {
  return { type, id: r.id, label: r.name ?? r.id, sublabel: papersLabel(r.papers), score: r.score };
}

/** The hits of one index and how many it found (each search query returns one row). */
async function searchIndex(tx: ManagedTransaction, type: SearchType, params: Row): Promise<{ total: number; hits: SearchHit[] }> {
  if (type === 'paper') {
    const [row] = await rows(tx, 'search/papers', params);
    return { total: row?.total ?? 0, hits: (row?.top ?? []).map(paperHit) };
  }
  const [row] = await rows(tx, type === 'author' ? 'search/authors' : 'search/topics', params);
  return { total: row?.total ?? 0, hits: (row?.top ?? []).map((r) => namedHit(type, r)) };
}

/** Searches the requested indexes with the escaped query; results come grouped by type, best first within a type. */
export async function search(graph: Graph, query: SearchQuery): Promise<SearchResponse> {
  const lucene = buildSearchQuery(query.q);
  if (lucene === '') {
    // Nothing searchable (only punctuation): no hits, without asking Lucene to parse an empty query.
    const groups = query.types.map((type) => ({ type, shown: 0, total: 0, totalIsLowerBound: false }));
    return { q: query.q, lucene, results: [], groups };
  }
  const params = { lucene, cap: neo4j.int(HIT_CAP), limit: neo4j.int(query.limit) };
  // One read transaction for all types, their queries sent at once (the driver pipelines them): one session and one
  // BEGIN/COMMIT instead of one per type, which on a busy server costs more CPU than a small full-text lookup.
  const found = await graph.transaction(
    neo4j.session.READ,
    (tx) => Promise.all(query.types.map(async (type) => ({ type, ...(await searchIndex(tx, type, params)) }))),
    { timeoutMs: QUERY_TIMEOUT_MS },
  );
  const perType = found.map(({ type, total, hits }) => {
    return { hits, group: { type, shown: hits.length, total, totalIsLowerBound: total >= HIT_CAP } };
  });
  return { q: query.q, lucene, results: perType.flatMap((t) => t.hits), groups: perType.map((t) => t.group) };
}
