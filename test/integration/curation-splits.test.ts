// Split proposals in the review queue, on the real database: one ORCID under two given names that cannot be one
// person's ("Jan" / "Johann") is one person by the source id, and the model proposes the "Johann" mention as maybe
// someone else. The queue lists the proposal next to variants with both groups' evidence; accepting it splits the
// person along it (a split decision naming the proposal, undoable), rejecting it keeps the person whole (a
// reject-split decision that survives a re-ingest, undoable).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must } from '../../core/must.js';
import type { WritablePaper } from '../../ingest/batch.js';
import { describeCategory } from '../../ingest/text/categories.js';
import { GraphWriter } from '../../ingest/writer.js';
import { ErrorBody } from '../../schema/api.js';
import { DecisionResult, type ReviewItem, SuggestionsResponse } from '../../schema/curation.js';
import { createApp } from '../../server/app.js';
import { adminTokens } from '../../server/http/admin-token.js';
import { resetDatabase, testGraph } from '../support/graph.js';
import { serve } from '../support/http.js';
import { graphQueries, SPLIT_PERSON, splitBatches } from './curation-fixture.js';

const TOKEN = 'carol-token-0123456789abcdef';
const PERSON = SPLIT_PERSON;

const [BATCH_1, BATCH_2] = splitBatches();

describe('split proposals in the review queue', () => {
  const graph = testGraph();
  let api: Awaited<ReturnType<typeof serve>>;

  const { q, papersOf } = graphQueries(graph);
  const post = async (p: string, body: unknown, token: string | null = TOKEN) => {
    const res = await fetch(`${api.url}/api${p}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const queue = async (status = 'open') => {
    const res = await fetch(`${api.url}/api/curation/suggestions?status=${status}&limit=50`);
    expect(res.status).toBe(200);
    return SuggestionsResponse.parse(await res.json());
  };
  const splits = async (status = 'open') => (await queue(status)).items.filter((i) => i.kind === 'split');
  const write = async (batch: WritablePaper[]) => new GraphWriter(graph, describeCategory).writeBatch(batch);

  beforeAll(async () => {
    await resetDatabase(graph);
    await write(BATCH_1);
    await write(BATCH_2);
    api = await serve(createApp({ graph, admin: adminTokens(`carol:${TOKEN}`) }));
  }, 120_000);
  afterAll(async () => {
    await api.close();
    await resetDatabase(graph);
    await graph.close();
  });

  let proposal: ReviewItem;

  it('lists the proposal with both groups’ papers, co-authors, fields and years', async () => {
    // The source id decided: one person, with the proposal stored beside it.
    expect(await papersOf(PERSON)).toEqual(['sp-1', 'sp-2', 'sp-3']);
    const page = await queue();
    const found = page.items.filter((i) => i.kind === 'split');
    expect(found).toHaveLength(1);
    proposal = must(found[0], 'the split proposal');
    expect(page.total).toBe(page.items.length);
    expect(proposal.id).toMatch(/^split:[0-9a-f]{16}$/);
    expect(proposal.split).toEqual({ proposal: proposal.id, person: { id: PERSON, name: expect.any(String) }, papers: ['sp-3'] });
    expect(proposal.reason).toMatch(/incompatible given names/);
    expect(proposal.status).toBe('open');
    // a: what stays with the person; b: the part that may be someone else.
    expect(proposal.a.papers.map((p) => p.id)).toEqual(['sp-2', 'sp-1']);
    expect(proposal.a.years).toEqual([2020, 2021]);
    expect(proposal.a.categories).toEqual([{ code: 'cs.CV', papers: 2 }]);
    expect(proposal.a.coauthors.map((c) => [c.name, c.papers])).toEqual([
      ['Hana Dvorakova', 2],
      ['Marek Sedlacek', 1],
    ]);
    expect(proposal.a.spellings).toEqual([{ asWritten: 'Jan Novakovic', papers: 2 }]);
    expect(proposal.b.papers.map((p) => p.id)).toEqual(['sp-3']);
    expect(proposal.b.years).toEqual([2012, 2012]);
    expect(proposal.b.categories).toEqual([{ code: 'math.NT', papers: 1 }]);
    expect(proposal.b.coauthors.map((c) => c.name)).toEqual(['Ottokar Brzezina']);
    expect(proposal.b.spellings).toEqual([{ asWritten: 'Johann Novakovic', papers: 1 }]);
    expect(proposal.shared.coauthors).toEqual([]);
    expect(proposal.shared.years).toBeNull();
  });

  it('needs the token; an unknown proposal is a 404', async () => {
    expect((await post('/curation/decisions/accept-split', { proposal: proposal.id }, null)).status).toBe(401);
    expect((await post('/curation/decisions/reject-split', { proposal: proposal.id }, 'wrong-token-wrong-token')).status).toBe(401);
    const unknown = await post('/curation/decisions/reject-split', { proposal: 'split:0000000000000000' });
    expect(unknown.status).toBe(404);
    expect(ErrorBody.parse(unknown.body).error.code).toBe('not_found');
    expect(await splits()).toHaveLength(1);
  });

  it('rejects a proposal: recorded, out of the open queue, still rejected after a re-ingest, and undoable', async () => {
    const res = await post('/curation/decisions/reject-split', { proposal: proposal.id, why: 'same person, renamed' });
    expect(res.status).toBe(200);
    const decision = DecisionResult.parse(res.body);
    expect(decision).toMatchObject({ applied: true, decision: { kind: 'reject-split', proposal: proposal.id, person: PERSON, by: 'carol', why: 'same person, renamed' } });
    expect(await splits()).toEqual([]);
    expect((await splits('rejected')).map((i) => i.id)).toEqual([proposal.id]);
    expect(await papersOf(PERSON)).toEqual(['sp-1', 'sp-2', 'sp-3']);
    // Deciding it again is refused.
    const again = await post('/curation/decisions/accept-split', { proposal: proposal.id });
    expect(again.status).toBe(409);
    expect(ErrorBody.parse(again.body).error).toMatchObject({ code: 'decision_conflict', details: { field: 'proposal' } });

    await write(BATCH_1);
    await write(BATCH_2);
    expect((await splits('rejected')).map((i) => i.id)).toEqual([proposal.id]);
    expect(await splits()).toEqual([]);

    const undone = await post(`/curation/decisions/${encodeURIComponent(decision.decision.id)}/undo`, { why: 'not sure' });
    expect(undone.status).toBe(200);
    expect((await splits()).map((i) => i.id)).toEqual([proposal.id]);
  });

  it('accepts a proposal: the part becomes a new person (a split decision naming it), undo puts it back', async () => {
    const res = await post('/curation/decisions/accept-split', { proposal: proposal.id, name: 'Johann Novakovic', why: 'a number theorist' });
    expect(res.status).toBe(200);
    const { decision } = DecisionResult.parse(res.body);
    if (decision.kind !== 'split') throw new Error(`expected a split decision, got ${decision.kind}`);
    expect(decision).toMatchObject({ person: PERSON, papers: ['sp-3'], proposal: proposal.id, newName: 'Johann Novakovic', by: 'carol' });
    expect(await papersOf(decision.newId)).toEqual(['sp-3']);
    expect(await papersOf(PERSON)).toEqual(['sp-1', 'sp-2']);
    const stored = await q('MATCH (s:SplitProposal {id: $id}) RETURN s.status AS status, s.decision AS decision', { id: proposal.id });
    expect(stored).toEqual([{ status: 'accepted', decision: decision.id }]);
    expect(await splits()).toEqual([]);
    expect((await post('/curation/decisions/accept-split', { proposal: proposal.id })).status).toBe(409);

    const undone = await post(`/curation/decisions/${encodeURIComponent(decision.id)}/undo`, {});
    expect(undone.status).toBe(200);
    expect(await papersOf(PERSON)).toEqual(['sp-1', 'sp-2', 'sp-3']);
    expect((await splits()).map((i) => i.id)).toEqual([proposal.id]);
  });

  it('exports both kinds of decision and lists them', async () => {
    const file = await (await fetch(`${api.url}/api/curation/decisions/export`)).json();
    const kinds = (file as { decisions: { kind: string; undone: unknown }[] }).decisions.map((d) => [d.kind, d.undone !== null]);
    expect(kinds).toEqual([
      ['reject-split', true],
      ['split', true],
    ]);
  });
});
