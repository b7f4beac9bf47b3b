// /api/curation against the real Neo4j: the admin token (missing, wrong, right, rate-limited), decisions applied with a
// graph-version bump, concurrent decisions on one person, decisions surviving a re-ingest, undo, split, and the
// export → import round trip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGraphVersion } from '../../db/summary/version.js';
import { ingest } from '../../ingest/pipeline.js';
import { ErrorBody } from '../../schema/api.js';
import { DecisionFile, DecisionResult, ImportResponse, PersonPapersResponse, SuggestionsResponse } from '../../schema/curation.js';
import { createApp } from '../../server/app.js';
import { adminTokens } from '../../server/http/admin-token.js';
import { resetDatabase, testGraph } from '../support/graph.js';
import { serve } from '../support/http.js';
import { graphQueries, HAENTZE, HAENTZE2, HAENTZE_PAIR, K, KENO, variantsFile } from './curation-fixture.js';
import { must } from '../../core/must.js';

const ALICE = 'alice-token-0123456789abcdef';
const BOB = 'bob-token-0123456789abcdef';
const TOKENS = `alice:${ALICE},bob:${BOB}`;


describe('curation API', () => {
  const graph = testGraph();
  const file = variantsFile();
  let api: Awaited<ReturnType<typeof serve>>;

  const { q, papersOf } = graphQueries(graph);
  const post = async (p: string, body: unknown, token?: string, base = api.url) => {
    const res = await fetch(`${base}/api${p}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as unknown, headers: res.headers };
  };
  const get = async (p: string) => {
    const res = await fetch(`${api.url}/api${p}`);
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const errorCode = (body: unknown) => ErrorBody.parse(body).error.code;
  const reset = async () => {
    await resetDatabase(graph);
    await ingest([{ path: file }], graph);
  };

  beforeAll(async () => {
    await reset();
    api = await serve(createApp({ graph, admin: adminTokens(TOKENS) }));
  });
  afterAll(async () => {
    await api.close();
    await graph.close();
  });

  describe('token', () => {
    it('answers 401 token_required without a token and changes nothing', async () => {
      const before = await readGraphVersion(graph);
      const res = await post('/curation/decisions/merge', { keep: KENO, retire: K });
      expect(res.status).toBe(401);
      expect(errorCode(res.body)).toBe('token_required');
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await readGraphVersion(graph)).toEqual(before);
      expect(await papersOf(K)).toEqual(['2101.00002']);
      expect(await q('MATCH (d:IdentityDecision) RETURN d')).toHaveLength(0);
    });

    it('answers 401 token_invalid with a wrong token and changes nothing', async () => {
      const before = await readGraphVersion(graph);
      const res = await post('/curation/decisions/merge', { keep: KENO, retire: K }, `${ALICE}x`);
      expect(res.status).toBe(401);
      expect(errorCode(res.body)).toBe('token_invalid');
      expect(await readGraphVersion(graph)).toEqual(before);
      expect(await papersOf(K)).toEqual(['2101.00002']);
    });

    it('names the holder of a right token', async () => {
      const res = await post('/curation/session', {}, BOB);
      expect(res).toMatchObject({ status: 200, body: { label: 'bob' } });
    });

    it('keeps reads open', async () => {
      expect((await get('/curation/suggestions')).status).toBe(200);
      expect((await get('/curation/decisions')).status).toBe(200);
    });

    it('rate-limits refused tokens per client; then even the right token waits', async () => {
      const limited = await serve(createApp({ graph, admin: adminTokens(TOKENS), curation: { auth: { failures: { limit: 3, windowMs: 60_000 } } } }));
      try {
        for (let i = 0; i < 3; i++) expect((await post('/curation/session', {}, 'wrong-token-wrong-token', limited.url)).status).toBe(401);
        const blocked = await post('/curation/session', {}, 'wrong-token-wrong-token', limited.url);
        expect(blocked.status).toBe(429);
        expect(errorCode(blocked.body)).toBe('rate_limited');
        expect((await post('/curation/session', {}, ALICE, limited.url)).status).toBe(429);
      } finally {
        await limited.close();
      }
      // Successful calls do not count: the main app's holder is not locked out by many decisions.
      for (let i = 0; i < 12; i++) expect((await post('/curation/session', {}, ALICE)).status).toBe(200);
    });
  });

  describe('queue and decisions', () => {
    it('lists suggestions ranked, with both sides’ evidence', async () => {
      const res = await get('/curation/suggestions?limit=10');
      expect(res.status).toBe(200);
      const page = SuggestionsResponse.parse(res.body);
      expect(page.total).toBe(2);
      // Both pairs are ones the identity model could not decide: an initial-only spelling with one shared co-author
      // (two are needed). The Bressem pair also shares its field and ranks first, by the model's score.
      const [first, second] = page.items;
      expect([first?.a.id, first?.b.id].sort()).toEqual([K, KENO]);
      expect(first).toMatchObject({ kind: 'variant', reason: 'initial-only spelling', nameMatch: 'initial' });
      expect(first?.shared.coauthors).toEqual(['Lisa C. Adams']);
      expect(first?.shared.categories).toEqual(['cs.CV']);
      expect(first?.shared.years).toEqual([2021, 2021]);
      const keno = first?.a.id === KENO ? first.a : first?.b;
      expect(keno?.paperCount).toBe(2);
      expect(keno?.spellings).toEqual([{ asWritten: 'Keno K. Bressem', papers: 2 }]);
      expect(keno?.coauthors.map((c) => c.name).sort()).toEqual(['Daniel Truhn', 'Lisa C. Adams']);
      expect(keno?.categories.map((c) => c.code).sort()).toEqual(['cs.CV', 'eess.IV']);
      expect(keno?.years).toEqual([2021, 2022]);
      expect([second?.a.id, second?.b.id].sort()).toEqual([HAENTZE, HAENTZE2].sort());
      expect(second).toMatchObject({ id: `variant:${HAENTZE_PAIR}`, reason: 'initial-only spelling', nameMatch: 'initial' });
      expect(second?.shared.coauthors).toEqual(['Marcus R. Makowski']);
      expect(second?.shared.categories).toEqual([]);
      expect(must(first, 'the first suggestion').score).toBeGreaterThan(must(second, 'the second suggestion').score);
      const paged = SuggestionsResponse.parse((await get('/curation/suggestions?limit=1&offset=1')).body);
      expect(paged.items.map((i) => i.id)).toEqual([second?.id]);
    });

    it('merges with the right token: papers move, the retired id redirects, the decision is data, the version bumps', async () => {
      const before = await readGraphVersion(graph);
      const res = await post('/curation/decisions/merge', { keep: KENO, retire: K, why: 'same radiologist' }, ALICE);
      expect(res.status).toBe(200);
      const result = DecisionResult.parse(res.body);
      expect(result.decision).toMatchObject({ kind: 'merge', keep: KENO, retire: K, by: 'alice', why: 'same radiologist', undone: null });
      const after = await readGraphVersion(graph);
      expect(after).toEqual({ version: before.version + 1, epoch: before.epoch });
      expect(result.graphVersion).toBe(after.version);
      expect(await papersOf(KENO)).toEqual(['2101.00001', '2101.00002', '2101.00005']);
      expect(await q('MATCH (a:Author {id: $id}) RETURN a', { id: K })).toHaveLength(0);
      expect(await q('MATCH (r:AuthorRedirect {id: $id}) RETURN r.redirectTo AS to', { id: K })).toEqual([{ to: KENO }]);
      // The name as written stays on the moved mention.
      expect(await q('MATCH (:Author {id: $id})-[r:AUTHORED]->(:Paper {id: "2101.00002"}) RETURN r.asWritten AS w', { id: KENO })).toEqual([{ w: 'K. Bressem' }]);
      const stored = await q('MATCH (d:IdentityDecision {id: $id}) RETURN d.kind AS kind, d.by AS by, d.status AS status', { id: result.decision.id });
      expect(stored).toEqual([{ kind: 'merge', by: 'alice', status: 'active' }]);
      // The accepted pair left the queue; a retired id follows its redirect in the split tool.
      const page = SuggestionsResponse.parse((await get('/curation/suggestions')).body);
      expect(page.items.map((i) => i.id)).toEqual([`variant:${HAENTZE_PAIR}`]);
      const papers = PersonPapersResponse.parse((await get(`/curation/persons/${encodeURIComponent(K)}/papers`)).body);
      expect(papers.person.id).toBe(KENO);
      expect(papers.redirectedFrom).toBe(K);
    });

    it('refuses a merge of a retired person with 409 naming the field', async () => {
      const res = await post('/curation/decisions/merge', { keep: 'name:lisa c adams', retire: K }, ALICE);
      expect(res.status).toBe(409);
      expect(ErrorBody.parse(res.body).error).toMatchObject({ code: 'decision_conflict', details: { field: 'retire' } });
      const unknown = await post('/curation/decisions/merge', { keep: KENO, retire: 'name:nobody at all' }, ALICE);
      expect(unknown.status).toBe(404);
    });

    it('rejects a suggestion: it leaves the open queue and is listed as rejected', async () => {
      const res = await post('/curation/decisions/reject', { a: HAENTZE2, b: HAENTZE, why: 'different people' }, BOB);
      expect(res.status).toBe(200);
      expect(DecisionResult.parse(res.body)).toMatchObject({ applied: true, decision: { kind: 'reject', by: 'bob' } });
      expect(SuggestionsResponse.parse((await get('/curation/suggestions')).body).total).toBe(0);
      const rejected = SuggestionsResponse.parse((await get('/curation/suggestions?status=rejected')).body);
      expect(rejected.items.map((i) => i.status)).toEqual(['rejected']);
    });

    it('keeps every decision after the same file is ingested again', async () => {
      await ingest([{ path: file }], graph);
      expect(await papersOf(KENO)).toEqual(['2101.00001', '2101.00002', '2101.00005']);
      expect(await q('MATCH (a:Author {id: $id}) RETURN a', { id: K })).toHaveLength(0);
      expect(await q('MATCH (r:AuthorRedirect {id: $id}) RETURN r.redirectTo AS to', { id: K })).toEqual([{ to: KENO }]);
      const status = await q('MATCH (:Author {id: $a})-[s:MAYBE_SAME_AS]-(:Author {id: $b}) RETURN s.status AS status', { a: HAENTZE, b: HAENTZE2 });
      expect(status).toEqual([{ status: 'rejected' }]);
      // One authorship per paper and position: nothing doubled by the re-application.
      const dup = await q('MATCH (p:Paper)<-[r:AUTHORED]-() WITH p, r.position AS pos, count(*) AS n WHERE n > 1 RETURN p.id');
      expect(dup).toEqual([]);
    });

    it('splits papers off into a new person, which survives a re-ingest, and undoes the split', async () => {
      const res = await post('/curation/decisions/split', { person: KENO, papers: ['2101.00005'], why: 'the radiology one is someone else' }, ALICE);
      expect(res.status).toBe(200);
      const split = DecisionResult.parse(res.body).decision;
      if (split.kind !== 'split') throw new Error('expected a split');
      expect(split.newName).toBe('Keno K. Bressem');
      expect(await papersOf(split.newId)).toEqual(['2101.00005']);
      expect(await papersOf(KENO)).toEqual(['2101.00001', '2101.00002']);
      await ingest([{ path: file }], graph);
      expect(await papersOf(split.newId)).toEqual(['2101.00005']);
      expect(await papersOf(KENO)).toEqual(['2101.00001', '2101.00002']);
      // Papers that are not the person's: refused, nothing kept.
      const none = await post('/curation/decisions/split', { person: KENO, papers: ['2101.00003'] }, ALICE);
      expect(none.status).toBe(409);
      expect(ErrorBody.parse(none.body).error.details).toEqual({ field: 'papers' });

      const undone = await post(`/curation/decisions/${encodeURIComponent(split.id)}/undo`, { why: 'was right after all' }, BOB);
      expect(undone.status).toBe(200);
      expect(DecisionResult.parse(undone.body).decision.undone).toMatchObject({ by: 'bob', why: 'was right after all' });
      expect(await papersOf(KENO)).toEqual(['2101.00001', '2101.00002', '2101.00005']);
      expect(await q('MATCH (r:AuthorRedirect {id: $id}) RETURN r.redirectTo AS to', { id: split.newId })).toEqual([{ to: KENO }]);
      await ingest([{ path: file }], graph);
      expect(await papersOf(KENO)).toEqual(['2101.00001', '2101.00002', '2101.00005']);
      const again = await post(`/curation/decisions/${encodeURIComponent(split.id)}/undo`, {}, BOB);
      expect(again.status).toBe(409);
    });

    it('undoes a merge: the retired person and its papers come back, the suggestion is open again', async () => {
      const decisions = (await q('MATCH (d:IdentityDecision {kind: "merge"}) RETURN d.id AS id')).map((r) => r.id as string);
      expect(decisions).toHaveLength(1);
      const res = await post(`/curation/decisions/${encodeURIComponent(must(decisions[0], 'the merge decision'))}/undo`, { why: 'not sure' }, ALICE);
      expect(res.status).toBe(200);
      expect(await papersOf(K)).toEqual(['2101.00002']);
      expect(await papersOf(KENO)).toEqual(['2101.00001', '2101.00005']);
      expect(await q('MATCH (r:AuthorRedirect {id: $id}) RETURN r', { id: K })).toHaveLength(0);
      const open = SuggestionsResponse.parse((await get('/curation/suggestions')).body);
      expect(open.items.map((i) => i.id)).toEqual([`variant:${K}|${KENO}`]);
      await ingest([{ path: file }], graph);
      expect(await papersOf(K)).toEqual(['2101.00002']);
    });
  });

  describe('concurrency', () => {
    it('two concurrent merges of one person: one wins, the other is refused, the graph stays consistent', async () => {
      await reset();
      const [r1, r2] = await Promise.all([
        post('/curation/decisions/merge', { keep: KENO, retire: K }, ALICE),
        post('/curation/decisions/merge', { keep: 'name:lisa c adams', retire: K }, BOB),
      ]);
      expect([r1.status, r2.status].sort()).toEqual([200, 409]);
      const winner = r1.status === 200 ? KENO : 'name:lisa c adams';
      expect(await q('MATCH (r:AuthorRedirect {id: $id}) RETURN r.redirectTo AS to', { id: K })).toEqual([{ to: winner }]);
      expect(await q('MATCH (d:IdentityDecision) RETURN d.keep AS keep')).toEqual([{ keep: winner }]);
      expect(await q('MATCH (a:Author {id: $id}) RETURN a', { id: K })).toHaveLength(0);
      // Paper two keeps exactly its two authorships.
      const authors = await q('MATCH (:Paper {id: "2101.00002"})<-[r:AUTHORED]-(a) RETURN labels(a) AS labels, r.position AS pos ORDER BY pos');
      expect(authors.map((a) => a.labels)).toEqual([['Author'], ['Author']]);
    });

    it('a merge and a split of the same person at once leave every paper with one author per position', async () => {
      const [m, s] = await Promise.all([
        post('/curation/decisions/merge', { keep: HAENTZE, retire: HAENTZE2 }, ALICE),
        post('/curation/decisions/split', { person: HAENTZE2, papers: ['2101.00003'] }, BOB),
      ]);
      expect(m.status).toBe(200);
      // The split either ran first (then the merge moved what was left) or found the person merged away (409).
      expect([200, 409]).toContain(s.status);
      const dup = await q('MATCH (p:Paper)<-[r:AUTHORED]-() WITH p, r.position AS pos, count(*) AS n WHERE n > 1 RETURN p.id');
      expect(dup).toEqual([]);
      const orphans = await q('MATCH (p:Paper) WHERE NOT EXISTS { (p)<-[:AUTHORED]-(:Author) } RETURN p.id');
      expect(orphans).toEqual([]);
      expect(await q('MATCH (a:Author {id: $id}) RETURN a', { id: HAENTZE2 })).toHaveLength(0);
    });
  });

  describe('export and import', () => {
    it('round-trips: decisions exported, the database rebuilt, the file imported gives the same graph and decisions', async () => {
      await reset();
      const merge = DecisionResult.parse((await post('/curation/decisions/merge', { keep: KENO, retire: K, why: 'w1' }, ALICE)).body);
      expect(merge.applied).toBe(true);
      expect((await post('/curation/decisions/reject', { a: HAENTZE, b: HAENTZE2, why: 'w2' }, BOB)).status).toBe(200);
      const split = DecisionResult.parse((await post('/curation/decisions/split', { person: KENO, papers: ['2101.00005'] }, ALICE)).body);
      expect((await post(`/curation/decisions/${encodeURIComponent(split.decision.id)}/undo`, { why: 'w3' }, ALICE)).status).toBe(200);
      const exported = await fetch(`${api.url}/api/curation/decisions/export`);
      expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="papergraph-decisions-/);
      const fileBody = DecisionFile.parse(await exported.json());
      expect(fileBody.decisions.map((d) => d.kind)).toEqual(['merge', 'reject', 'split']);

      await reset();
      expect(await papersOf(K)).toEqual(['2101.00002']);
      const imported = await post('/curation/decisions/import', fileBody, BOB);
      expect(imported.status).toBe(200);
      expect(ImportResponse.parse(imported.body)).toEqual({
        applied: 2,
        pending: [],
        skipped: [{ index: 2, id: split.decision.id, reason: 'recorded as undone (no effect on the graph)' }],
        errors: [],
      });
      expect(await papersOf(KENO)).toEqual(['2101.00001', '2101.00002', '2101.00005']);
      expect(await q('MATCH (r:AuthorRedirect {id: $id}) RETURN r.redirectTo AS to', { id: K })).toEqual([{ to: KENO }]);
      const status = await q('MATCH (:Author {id: $a})-[s:MAYBE_SAME_AS]-(:Author {id: $b}) RETURN s.status AS status', { a: HAENTZE, b: HAENTZE2 });
      expect(status).toEqual([{ status: 'rejected' }]);
      const again = DecisionFile.parse(await (await fetch(`${api.url}/api/curation/decisions/export`)).json());
      expect(again.decisions).toEqual(fileBody.decisions);
      // A second import changes nothing.
      const twice = ImportResponse.parse((await post('/curation/decisions/import', fileBody, BOB)).body);
      expect(twice.applied).toBe(0);
      expect(twice.skipped.map((s) => s.index)).toEqual([0, 1, 2]);
    });

    it('names bad entries by index and field and applies the rest', async () => {
      await reset();
      const good = { kind: 'reject', id: 'imp-1', a: HAENTZE, b: HAENTZE2, at: '2026-01-01T00:00:00.000Z', by: 'carol', why: '' };
      const file = {
        format: 'papergraph-identity-decisions',
        version: 1,
        decisions: [
          { ...good, id: 'imp-0', kind: 'merge', keep: KENO },
          good,
          { ...good, id: 'imp-2', at: 'yesterday' },
          { kind: 'merge', id: 'imp-3', keep: KENO, retire: KENO, at: good.at, by: 'carol', why: '' },
          { kind: 'merge', id: 'imp-4', keep: KENO, retire: 'name:someone not here yet', at: good.at, by: 'carol', why: '' },
          good,
        ],
      };
      const res = await post('/curation/decisions/import', file, ALICE);
      expect(res.status).toBe(200);
      const out = ImportResponse.parse(res.body);
      expect(out.applied).toBe(1);
      expect(out.pending).toEqual([{ index: 4, id: 'imp-4' }]);
      expect(out.errors.map((e) => [e.index, e.field])).toEqual([
        [0, 'decisions[0].retire'],
        [2, 'decisions[2].at'],
        [3, 'decisions[3].retire'],
        [5, 'decisions[5].id'],
      ]);
      const stored = await q('MATCH (d:IdentityDecision) RETURN d.id AS id, d.by AS by, d.importedBy AS importedBy ORDER BY d.seq');
      expect(stored).toEqual([
        { id: 'imp-1', by: 'carol', importedBy: 'alice' },
        { id: 'imp-4', by: 'carol', importedBy: 'alice' },
      ]);
      const bad = await post('/curation/decisions/import', { format: 'something-else', version: 1, decisions: [] }, ALICE);
      expect(bad.status).toBe(400);
      expect(ErrorBody.parse(bad.body).error.message).toMatch(/format/);
      const noToken = await post('/curation/decisions/import', file);
      expect(noToken.status).toBe(401);
    });
  });
});
