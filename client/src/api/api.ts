// Typed fetch helpers: responses are validated with the same zod schemas the server uses.
import type { z } from 'zod';
import { ErrorBody, HealthResponse } from '../../../schema/api.js';
import { AuthorResponse } from '../../../schema/authors.js';
import { GraphResponse, PathResponse } from '../../../schema/graph.js';
import { SearchResponse, type SearchHit } from '../../../schema/search.js';
import { StatsResponse } from '../../../schema/stats.js';
import { formatUrlState } from '../core/url-state.js';

/** An API error with the server's code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** GETs `path` and parses the body with `schema`; non-2xx bodies with an error envelope become ApiError. */
export async function getJson<S extends z.ZodType>(path: string, schema: S, init?: RequestInit): Promise<z.infer<S>> {
  const res = await fetch(path, init);
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ErrorBody.safeParse(body);
    if (err.success) throw new ApiError(res.status, err.data.error.code, err.data.error.message);
    throw new ApiError(res.status, 'HTTP_ERROR', `${res.status} ${res.statusText || 'error'} from ${path.split('?')[0]}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // A schema mismatch is a bug between client and server: say where, not a wall of zod issues.
    const first = parsed.error.issues[0];
    throw new ApiError(res.status, 'BAD_RESPONSE', `Unexpected response from ${path.split('?')[0]} (${first?.path.join('.')}: ${first?.message})`);
  }
  return parsed.data;
}

/** A query string from defined values only (`undefined` and '' are left out). */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function fetchHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return getJson('/api/health', HealthResponse, { signal });
}

export function fetchStats(limit = 10, signal?: AbortSignal): Promise<StatsResponse> {
  return getJson(`/api/stats${queryString({ limit })}`, StatsResponse, { signal });
}

export function fetchAuthor(id: string, signal?: AbortSignal): Promise<AuthorResponse> {
  return getJson(`/api/authors/${encodeURIComponent(id)}`, AuthorResponse, { signal });
}

export function search(q: string, types: string, limit: number, signal?: AbortSignal): Promise<SearchResponse> {
  return getJson(`/api/search${queryString({ q, types, limit })}`, SearchResponse, { signal });
}

/** A search hit as the search boxes list it (the autocomplete widget's suggestion shape). */
export interface SearchSuggestion {
  id: string;
  label: string;
  type: string;
  detail?: string;
}

/** Search hits as autocomplete suggestions, authors first (the usual way into the maps). */
export async function searchSuggestions(q: string, signal: AbortSignal, types = 'author,topic,paper'): Promise<SearchSuggestion[]> {
  const res = await search(q, types, 6, signal);
  return res.results.map((r: SearchHit) => ({ id: r.id, label: r.label, type: r.type, detail: r.sublabel }));
}

/** Where a search hit leads: an author's co-author map, a topic's map, a paper's page. */
export function suggestionHref(s: { id: string; type?: string }): string {
  if (s.type === 'author') return formatUrlState({ view: 'coauthors', params: { author: s.id } });
  if (s.type === 'topic') return formatUrlState({ view: 'topics', params: { topic: s.id } });
  return formatUrlState({ view: 'paper', params: { id: s.id } });
}

// Graph endpoints: Cytoscape-ready GraphResponse (schema/graph.ts).
export type GraphPayloadResponse = GraphResponse;

export interface CoauthorQuery {
  author?: string;
  depth?: number;
  minWeight?: number;
  yearFrom?: number;
  yearTo?: number;
  category?: string;
  limit?: number;
  weighting?: 'count' | 'fractional';
}

export function fetchCoauthorGraph(q: CoauthorQuery, signal?: AbortSignal): Promise<GraphResponse> {
  return getJson(`/api/graph/coauthors${queryString({ ...q })}`, GraphResponse, { signal });
}

export interface TopicQuery {
  topic?: string;
  minCooccurrence?: number;
  limit?: number;
  mode?: 'cooccurrence' | 'bipartite';
}

export function fetchTopicGraph(q: TopicQuery, signal?: AbortSignal): Promise<GraphResponse> {
  return getJson(`/api/graph/topics${queryString({ ...q })}`, GraphResponse, { signal });
}

export function fetchPath(from: string, to: string, maxHops = 6, signal?: AbortSignal): Promise<PathResponse> {
  return getJson(`/api/graph/path${queryString({ from, to, maxHops })}`, PathResponse, { signal });
}

/** The server-side export of a graph query (GraphML/CSV/JSON built by the API from the same query). */
export function exportGraphUrl(
  kind: 'coauthors' | 'topics',
  format: 'json' | 'graphml' | 'csv',
  params: Record<string, string | number | undefined>,
): string {
  return `/api/export/graph${queryString({ kind, format, ...params })}`;
}
