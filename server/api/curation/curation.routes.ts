// /api/curation: the review queue (open reads) and identity decisions (writes behind the admin token).
import express, { Router } from 'express';
import { z } from 'zod';
import type { Graph } from '../../../db/graph.js';
import { decide, decideProposal, exportDecisions, importDecisions, listDecisions, undo } from '../../../ingest/identity/decisions-apply.js';
import { IdParams } from '../../../schema/common.js';
import {
  AcceptSplitRequest,
  DecisionFile,
  DecisionResult,
  DecisionsQuery,
  DecisionsResponse,
  ImportResponse,
  MergeRequest,
  PersonPapersResponse,
  RejectRequest,
  SessionResponse,
  SplitProposalRequest,
  SplitRequest,
  SuggestionsQuery,
  SuggestionsResponse,
  UndoRequest,
} from '../../../schema/curation.js';
import { type AdminAuthOptions, type AdminTokens, requireAdmin, tokenHolder } from '../../http/admin-token.js';
import { route } from '../../http/route.js';
import { listSuggestions, personPapers } from './curation.service.js';

/** The import takes a whole decision file: its own body limit, parsed only after the token is checked. */
export const IMPORT_PATH = '/curation/decisions/import';
const IMPORT_BODY_LIMIT = '20mb';
/** Paths (under /api) whose JSON body the app-wide parser leaves alone (see createApp). */
export const OWN_BODY_PARSER_PATHS = new Set([`/api${IMPORT_PATH}`]);

const WRITE_ERRORS = {
  401: 'No admin token (token_required) or a wrong one (token_invalid)',
  429: 'Too many refused tokens from this client',
};
const NEEDS_TOKEN = 'Needs the admin token: `Authorization: Bearer <token>`. ';

export interface CurationRouterOptions {
  auth?: AdminAuthOptions;
}

export function curationRouter(graph: Graph, tokens: AdminTokens, opts: CurationRouterOptions = {}): Router {
  const router = Router();
  const admin = requireAdmin(tokens, opts.auth);

  route(
    router,
    {
      method: 'get',
      path: '/curation/suggestions',
      summary: 'The review queue: suggestions ranked by evidence, both sides side by side',
      description:
        'Variant suggestions (two persons that may be one) and split proposals (one person that may be two), by the ' +
        'identity model’s score, each with both sides’ spellings, years, papers, categories and co-authors (for a split ' +
        'proposal: the person’s papers outside the proposed part and in it), and what they share. Paged with offset and limit.',
      query: SuggestionsQuery,
      response: SuggestionsResponse,
    },
    ({ query }) => listSuggestions(graph, query),
  );

  route(
    router,
    {
      method: 'get',
      path: '/curation/persons/:id/papers',
      summary: 'A person’s papers for the split tool (a retired id is followed to its person)',
      params: IdParams,
      response: PersonPapersResponse,
      errors: { 404: 'No person with this id' },
    },
    ({ params }) => personPapers(graph, params.id),
  );

  route(
    router,
    {
      method: 'get',
      path: '/curation/decisions',
      summary: 'Identity decisions, newest first',
      query: DecisionsQuery,
      response: DecisionsResponse,
    },
    ({ query }) => listDecisions(graph, query.offset, query.limit),
  );

  route(
    router,
    {
      method: 'get',
      path: '/curation/decisions/export',
      summary: 'Every identity decision as a JSON file (to share; import it elsewhere)',
      response: DecisionFile,
    },
    async (_input, _req, res) => {
      const file = await exportDecisions(graph);
      res.setHeader('Content-Disposition', `attachment; filename="papergraph-decisions-${file.exportedAt.slice(0, 10)}.json"`);
      return file;
    },
  );

  router.post('/curation/session', ...admin);
  route(
    router,
    {
      method: 'post',
      path: '/curation/session',
      summary: 'Checks the admin token and names its holder (the sign-in of the review view)',
      description: NEEDS_TOKEN,
      body: z.object({}),
      response: SessionResponse,
      errors: WRITE_ERRORS,
    },
    async (_input, req) => ({ label: tokenHolder(req) }),
  );

  const decisionErrors = { ...WRITE_ERRORS, 404: 'A person is not in the graph', 409: 'The decision does not fit the graph as it is now (decision_conflict)' };

  router.post('/curation/decisions/merge', ...admin);
  route(
    router,
    {
      method: 'post',
      path: '/curation/decisions/merge',
      summary: 'Accept a variant: merge person `retire` into `keep`',
      description: NEEDS_TOKEN + '`retire`’s papers move to `keep` and its id redirects there. Recorded, bumps the graph version.',
      body: MergeRequest,
      response: DecisionResult,
      errors: decisionErrors,
    },
    ({ body }, req) => decide(graph, { kind: 'merge', ...body }, tokenHolder(req)),
  );

  router.post('/curation/decisions/reject', ...admin);
  route(
    router,
    {
      method: 'post',
      path: '/curation/decisions/reject',
      summary: 'Reject a variant: the two persons are different people',
      description: NEEDS_TOKEN + 'The suggestion leaves the queue and stays rejected after re-ingests.',
      body: RejectRequest,
      response: DecisionResult,
      errors: decisionErrors,
    },
    ({ body }, req) => decide(graph, { kind: 'reject', ...body }, tokenHolder(req)),
  );

  router.post('/curation/decisions/split', ...admin);
  route(
    router,
    {
      method: 'post',
      path: '/curation/decisions/split',
      summary: 'Split a person: the selected papers move to a new person',
      description: NEEDS_TOKEN + 'The new person’s id is in the answer (`decision.newId`).',
      body: SplitRequest,
      response: DecisionResult,
      errors: decisionErrors,
    },
    ({ body }, req) => decide(graph, { kind: 'split', ...body }, tokenHolder(req)),
  );

  router.post('/curation/decisions/accept-split', ...admin);
  route(
    router,
    {
      method: 'post',
      path: '/curation/decisions/accept-split',
      summary: 'Accept a split proposal: the proposed part’s papers move to a new person',
      description:
        NEEDS_TOKEN +
        'Recorded as a split decision naming the proposal (undo merges the new person back and reopens the proposal). ' +
        '404 for an unknown proposal, 409 (field `proposal`) when it was decided already.',
      body: AcceptSplitRequest,
      response: DecisionResult,
      errors: { ...decisionErrors, 404: 'No such split proposal, or its person is not in the graph' },
    },
    ({ body }, req) => decideProposal(graph, { kind: 'accept-split', ...body }, tokenHolder(req)),
  );

  router.post('/curation/decisions/reject-split', ...admin);
  route(
    router,
    {
      method: 'post',
      path: '/curation/decisions/reject-split',
      summary: 'Reject a split proposal: the person stays one person',
      description: NEEDS_TOKEN + 'The proposal leaves the queue and stays rejected after re-ingests and bulk reloads.',
      body: SplitProposalRequest,
      response: DecisionResult,
      errors: { ...decisionErrors, 404: 'No such split proposal, or its person is not in the graph' },
    },
    ({ body }, req) => decideProposal(graph, { kind: 'reject-split', ...body }, tokenHolder(req)),
  );

  router.post('/curation/decisions/:id/undo', ...admin);
  route(
    router,
    {
      method: 'post',
      path: '/curation/decisions/:id/undo',
      summary: 'Undo a decision (refused while a later decision on the same persons stands)',
      description: NEEDS_TOKEN,
      params: IdParams,
      body: UndoRequest,
      response: DecisionResult,
      errors: { ...WRITE_ERRORS, 404: 'No decision with this id', 409: 'Undone already, or a later decision rests on it' },
    },
    ({ params, body }, req) => undo(graph, params.id, tokenHolder(req), body.why),
  );

  router.post(IMPORT_PATH, ...admin, express.json({ limit: IMPORT_BODY_LIMIT }));
  route(
    router,
    {
      method: 'post',
      path: IMPORT_PATH,
      summary: 'Import a decision file (as exported): valid entries are recorded and applied, bad ones named',
      description:
        NEEDS_TOKEN +
        'Each entry is checked on its own: errors name the entry’s index and field; entries already recorded are skipped; ' +
        'entries whose persons are not in the graph are kept and applied after a later ingest.',
      body: z.unknown(),
      response: ImportResponse,
      errors: WRITE_ERRORS,
    },
    ({ body }, req) => importDecisions(graph, body, tokenHolder(req)),
  );

  return router;
}
