// Requests of the review view: the queue and decisions (reads), and decisions with the admin token (writes).
import type { z } from 'zod';
import {
  DecisionResult,
  DecisionsResponse,
  ImportResponse,
  PersonPapersResponse,
  SessionResponse,
  SuggestionsResponse,
} from '../../../../schema/curation.js';
import { getJson, queryString } from '../../api/api.js';

export function fetchSuggestions(status: string, offset: number, limit: number, signal?: AbortSignal): Promise<SuggestionsResponse> {
  return getJson(`/api/curation/suggestions${queryString({ status, offset, limit })}`, SuggestionsResponse, { signal });
}

export function fetchDecisions(limit: number, signal?: AbortSignal): Promise<DecisionsResponse> {
  return getJson(`/api/curation/decisions${queryString({ limit })}`, DecisionsResponse, { signal });
}

export function fetchPersonPapers(id: string, signal?: AbortSignal): Promise<PersonPapersResponse> {
  return getJson(`/api/curation/persons/${encodeURIComponent(id)}/papers`, PersonPapersResponse, { signal });
}

/** The export file's address (a download: the browser saves it). */
export const EXPORT_HREF = '/api/curation/decisions/export';

function post<S extends z.ZodType>(path: string, body: unknown, token: string, schema: S): Promise<z.infer<S>> {
  return getJson(path, schema, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

/** Checks a token; answers the holder's label (401 ApiError when it is wrong). */
export const signIn = (token: string) => post('/api/curation/session', {}, token, SessionResponse);

export const merge = (token: string, keep: string, retire: string, why: string) =>
  post('/api/curation/decisions/merge', { keep, retire, why }, token, DecisionResult);

export const reject = (token: string, a: string, b: string, why: string) =>
  post('/api/curation/decisions/reject', { a, b, why }, token, DecisionResult);

export const split = (token: string, person: string, papers: string[], name: string | undefined, why: string) =>
  post('/api/curation/decisions/split', { person, papers, name, why }, token, DecisionResult);

export const acceptSplit = (token: string, proposal: string, why: string) =>
  post('/api/curation/decisions/accept-split', { proposal, why }, token, DecisionResult);

export const rejectSplit = (token: string, proposal: string, why: string) =>
  post('/api/curation/decisions/reject-split', { proposal, why }, token, DecisionResult);

export const undoDecision = (token: string, id: string, why: string) =>
  post(`/api/curation/decisions/${encodeURIComponent(id)}/undo`, { why }, token, DecisionResult);

/** Sends a decision file as it was read (the server checks it entry by entry). */
export const importFile = (token: string, file: unknown) => post('/api/curation/decisions/import', file, token, ImportResponse);
