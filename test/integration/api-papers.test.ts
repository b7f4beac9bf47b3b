// /api/papers/:id and /api/papers/:id/related against the real Neo4j holding the sample listing (11 papers).
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../schema/api.js';
import { PaperResponse, RelatedResponse, type RelatedBy } from '../../schema/papers.js';
import { expectUnavailable503, UNREACHABLE_URI, useSampleApi } from '../support/api.js';
import { must } from '../../core/must.js';

const TITLES = {
  neuralDp: 'NeuralDP Differentially private neural networks by design',
  langevin: 'Differentially private training of neural networks with Langevin dynamics',
  dalle: 'What Does DALL-E 2 Know About Radiology?',
  biomedical: 'Biomedical Large Languages Models Seem not to be Superior',
  atomic: 'Atomic Fact-Checking Increases Clinician Trust',
} as const;

describe('papers API on the sample listing', () => {
  /** `query`: Cypher run by the test itself, to look things up independently of the code under test. */
  const { graph, query, get } = useSampleApi();
  const ids = {} as Record<keyof typeof TITLES, string>;

  const related = async (id: string, by: RelatedBy, extra = '') => {
    const res = await get(`/api/papers/${encodeURIComponent(id)}/related?by=${by}${extra}`);
    expect(res.status).toBe(200);
    return RelatedResponse.parse(res.body);
  };

  beforeAll(async () => {
    for (const [key, title] of Object.entries(TITLES)) {
      const rows = await query('MATCH (p:Paper) WHERE p.title STARTS WITH $title RETURN p.id AS id', { title });
      expect(rows, title).toHaveLength(1);
      ids[key as keyof typeof TITLES] = must(rows[0], 'rows[0]').id as string;
    }
  });

  describe('GET /api/papers/:id', () => {
    it('returns the paper with ordered authors, categories, topics and empty citation lists', async () => {
      const res = await get(`/api/papers/${encodeURIComponent(ids.neuralDp)}`);
      expect(res.status).toBe(200);
      const body = PaperResponse.parse(res.body);
      expect(body.paper).toMatchObject({ id: ids.neuralDp, title: TITLES.neuralDp, year: 2021, published: '2021-07-30', stub: false });
      // The listing prints three names and "et al.": the source's own truncation flag, not ours.
      expect(body.paper.authorsTruncated).toBe(true);
      expect(body.authors.map((a) => [a.position, a.name, a.asWritten, a.id])).toEqual([
        [1, 'Moritz Knolle', 'Moritz Knolle', 'name:moritz knolle'],
        [2, 'Dmitrii Usynin', 'Dmitrii Usynin', 'name:dmitrii usynin'],
        [3, 'Alexander Ziller', 'Alexander Ziller', 'name:alexander ziller'],
      ]);
      expect(body.categories).toEqual([{ code: 'cs.LG', name: 'Machine Learning', archive: 'cs', primary: true }]);
      expect(body.topics.length).toBeGreaterThan(0);
      const scores = body.topics.map((t) => t.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const stored = await query('MATCH (:Paper {id: $id})-[h:HAS_TOPIC]->(t) RETURN t.id AS id, h.score AS score', { id: ids.neuralDp });
      expect(new Map(body.topics.map((t) => [t.id, t.score]))).toEqual(new Map(stored.map((r) => [r.id as string, r.score as number])));
      expect(body.cites).toEqual({ papers: [], stubs: [], counts: { papers: 0, stubs: 0 } });
      expect(body.citedBy).toEqual({ papers: [], count: 0 });
      expect(body.truncated).toEqual({});
    });

    it('cuts the author list to authorLimit and says what it cut', async () => {
      const res = await get(`/api/papers/${encodeURIComponent(ids.neuralDp)}?authorLimit=1`);
      const body = PaperResponse.parse(res.body);
      expect(body.authors.map((a) => a.name)).toEqual(['Moritz Knolle']);
      expect(body.truncated.authors).toEqual({ total: 3, shown: 1 });
    });

    it('answers 404 for an unknown id', async () => {
      const res = await get(`/api/papers/${encodeURIComponent('title:0000000000000000')}`);
      expect(res.status).toBe(404);
      expect(ErrorBody.parse(res.body).error).toMatchObject({ code: 'not_found', details: { id: 'title:0000000000000000' } });
    });

    it.each([
      ['authorLimit=0', 'authorLimit'],
      ['citationLimit=lots', 'citationLimit'],
      ['authorlimit=5', 'authorlimit'],
    ])('answers 400 naming the parameter for ?%s', async (qs, name) => {
      const res = await get(`/api/papers/${encodeURIComponent(ids.neuralDp)}?${qs}`);
      expect(res.status).toBe(400);
      const body = ErrorBody.parse(res.body);
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.message).toContain(`'${name}'`);
    });
  });

  describe('GET /api/papers/:id/related', () => {
    it('by=authors: the Langevin-dynamics paper comes first for NeuralDP, naming Knolle, Ziller and Usynin', async () => {
      const body = await related(ids.neuralDp, 'authors');
      const first = must(body.results[0], 'body.results[0]');
      expect(first.paper.id).toBe(ids.langevin);
      expect(first.paper.title).toContain('Langevin dynamics');
      expect(first.reasons.authors.map((a) => a.name).sort()).toEqual(['Alexander Ziller', 'Dmitrii Usynin', 'Moritz Knolle']);
      expect(first.score.authors).toBe(3);
      expect(first.score.total).toBe(3);
      expect(body.results.every((r) => r.reasons.authors.length > 0)).toBe(true);
    });

    it('the DALL-E 2 paper is related to the biomedical-LLM paper (Busch) and the fact-checking paper (Adams)', async () => {
      for (const by of ['authors', 'all'] as const) {
        const body = await related(ids.dalle, by);
        const biomedical = body.results.find((r) => r.paper.id === ids.biomedical);
        const atomic = body.results.find((r) => r.paper.id === ids.atomic);
        expect(biomedical?.reasons.authors, by).toEqual([{ id: 'name:felix busch', name: 'Felix Busch' }]);
        expect(atomic?.reasons.authors, by).toEqual([{ id: 'name:lisa c adams', name: 'Lisa C. Adams' }]);
      }
    });

    it('never lists the paper itself and orders by the mode’s keys, ending in recency then id', async () => {
      for (const id of Object.values(ids)) {
        for (const by of ['authors', 'topics', 'all'] as const) {
          const body = await related(id, by);
          expect(body.results.map((r) => r.paper.id)).not.toContain(id);
          for (let i = 1; i < body.results.length; i++) {
            const [a, b] = [must(body.results[i - 1], 'body.results[i - 1]'), must(body.results[i], 'body.results[i]')];
            const keys =
              by === 'authors'
                ? [[a.score.authors, b.score.authors], [a.score.topics, b.score.topics]]
                : by === 'topics'
                  ? [[a.score.topics, b.score.topics], [a.score.authors, b.score.authors]]
                  : [[a.score.total, b.score.total]];
            const differing = keys.find(([x, y]) => x !== y);
            if (differing) expect(differing[0]).toBeGreaterThan(must(differing[1], 'differing[1]'));
            else expect((a.paper.published ?? '') >= (b.paper.published ?? '')).toBe(true);
          }
          if (by === 'authors') expect(body.results.every((r) => r.score.authors > 0)).toBe(true);
          if (by === 'topics') expect(body.results.every((r) => r.score.topics > 0)).toBe(true);
        }
      }
    });

    it('every reason is true in the graph, complete, and adds up to the score', async () => {
      let checked = 0;
      for (const [id, by] of Object.values(ids).flatMap((id) => (['authors', 'topics', 'all'] as const).map((by) => [id, by] as const))) {
        const body = await related(id, by, '&limit=100');
        const paperCount = must((await query('MATCH (p:Paper) WHERE NOT p:Stub RETURN count(p) AS n'))[0], 'paper count row').n as number;
        for (const r of body.results) {
          const other = r.paper.id;
          const shared = await query(
            'MATCH (:Paper {id: $a})<-[:AUTHORED]-(x:Author)-[:AUTHORED]->(:Paper {id: $b}) RETURN DISTINCT x.id AS id, x.name AS name',
            { a: id, b: other },
          );
          expect(new Set(r.reasons.authors.map((a) => `${a.id}|${a.name}`))).toEqual(new Set(shared.map((s) => `${s.id}|${s.name}`)));
          const topics = await query(
            `MATCH (:Paper {id: $a})-[h1:HAS_TOPIC]->(t:Topic)<-[h2:HAS_TOPIC]-(:Paper {id: $b})
             RETURN t.id AS id, t.name AS name, h1.score AS here, h2.score AS there, COUNT { (t)<-[:HAS_TOPIC]-() } AS df`,
            { a: id, b: other },
          );
          expect(r.reasons.topics).toHaveLength(topics.length);
          for (const t of topics) {
            const claim = r.reasons.topics.find((x) => x.id === t.id);
            expect(claim, `${id} → ${other}: ${String(t.id)}`).toMatchObject({ name: t.name, scoreHere: t.here, scoreThere: t.there, papers: t.df });
            const specificity = Math.log(1 + paperCount / (t.df as number)) / Math.log(1 + paperCount);
            expect(must(claim, `the topic claim ${String(t.id)}`).specificity).toBeCloseTo(specificity, 10);
            expect(must(claim, `the topic claim ${String(t.id)}`).contribution).toBeCloseTo(Math.min(t.here as number, t.there as number) * specificity, 10);
          }
          const categories = await query(
            `MATCH (:Paper {id: $a})-[r1:IN_CATEGORY]->(c:Category)<-[r2:IN_CATEGORY]-(:Paper {id: $b})
             RETURN c.code AS code, r1.primary AS here, r2.primary AS there`,
            { a: id, b: other },
          );
          expect(r.reasons.categories.map((c) => [c.code, c.primaryHere, c.primaryThere]).sort()).toEqual(
            categories.map((c) => [c.code, c.here, c.there]).sort(),
          );
          const [links] = await query(
            'RETURN EXISTS { (:Paper {id: $a})-[:CITES]->(:Paper {id: $b}) } AS cites, EXISTS { (:Paper {id: $b})-[:CITES]->(:Paper {id: $a}) } AS citedBy',
            { a: id, b: other },
          );
          const citing = must(links, `the citation links of ${id} and ${other}`);
          expect(r.reasons.citations).toEqual([...(citing.cites ? ['cites'] : []), ...(citing.citedBy ? ['citedBy'] : [])]);

          expect(r.score.authors).toBe(r.reasons.authors.length);
          expect(r.score.categories).toBe(r.reasons.categories.length);
          expect(r.score.citations).toBe(r.reasons.citations.length);
          expect(r.score.topics).toBeCloseTo(r.reasons.topics.reduce((s, t) => s + t.contribution, 0), 10);
          const w = body.weights;
          const weighted =
            w.authors * r.score.authors + w.topics * r.score.topics + w.categories * r.score.categories + w.citations * r.score.citations;
          expect(r.score.total).toBeCloseTo(by === 'authors' ? r.score.authors : by === 'topics' ? r.score.topics : weighted, 10);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(15);
    });

    it('by=topics ranks by weighted topic overlap, and a topic on more papers is worth less', async () => {
      const body = await related(ids.neuralDp, 'topics');
      expect(must(body.results[0], 'body.results[0]').paper.id).toBe(ids.langevin);
      expect(must(body.results[0], 'body.results[0]').score.total).toBe(must(body.results[0], 'body.results[0]').score.topics);
      const all = body.results.flatMap((r) => r.reasons.topics);
      for (const a of all) for (const b of all) if (a.papers < b.papers) expect(a.specificity).toBeGreaterThan(b.specificity);
    });

    it('is deterministic', async () => {
      const a = await related(ids.dalle, 'all');
      const b = await related(ids.dalle, 'all');
      expect(b.results).toEqual(a.results);
    });

    it('cuts to limit and reports the cut and the bounds', async () => {
      const full = await related(ids.dalle, 'all');
      expect(full.results.length).toBeGreaterThanOrEqual(2);
      const one = await related(ids.dalle, 'all', '&limit=1');
      expect(one.results).toEqual(full.results.slice(0, 1));
      expect(one.truncated).toEqual({ total: full.results.length, shown: 1 });
      expect(full.truncated).toBeUndefined();
      expect(one.bounded.limits.maxCandidates).toBeGreaterThan(0);
      expect(one.bounded).toMatchObject({ skippedAuthorCount: 0, skippedTopics: [], skippedCitations: 0 });
    });

    it.each([
      ['by=coauthors', 'by'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['sort=year', 'sort'],
    ])('answers 400 naming the parameter for ?%s', async (qs, name) => {
      const res = await get(`/api/papers/${encodeURIComponent(ids.neuralDp)}/related?${qs}`);
      expect(res.status).toBe(400);
      expect(ErrorBody.parse(res.body).error.message).toContain(`'${name}'`);
    });

    it('answers 404 for an unknown id', async () => {
      const res = await get(`/api/papers/${encodeURIComponent('no such paper')}/related`);
      expect(res.status).toBe(404);
      expect(ErrorBody.parse(res.body).error.code).toBe('not_found');
    });
  });

  describe('with citations, a stub and an id containing a slash', () => {
    beforeAll(async () => {
      await graph.runAutoCommit(
        `MATCH (n:Paper {id: $neural}), (l:Paper {id: $langevin}), (d:Paper {id: $dalle})
         CREATE (l)-[:CITES]->(n), (n)-[:CITES]->(d), (n)-[:CITES]->(:Paper:Stub {id: 'openalex:W1', openalexId: 'W1'}),
                (:Paper {id: 'hep-th/9901001', title: 'An old-style arXiv id', year: 1999, published: '1999-01-04'})-[:CITES]->(n)`,
        { neural: ids.neuralDp, langevin: ids.langevin, dalle: ids.dalle },
      );
    });

    it('lists cited papers, cited stubs by id, and citing papers newest first', async () => {
      const res = await get(`/api/papers/${encodeURIComponent(ids.neuralDp)}`);
      const body = PaperResponse.parse(res.body);
      expect(body.cites.papers.map((p) => p.id)).toEqual([ids.dalle]);
      expect(body.cites.stubs).toEqual(['openalex:W1']);
      expect(body.cites.counts).toEqual({ papers: 1, stubs: 1 });
      expect(body.citedBy.papers.map((p) => p.id)).toEqual([ids.langevin, 'hep-th/9901001']);
      expect(body.citedBy.count).toBe(2);
      const cut = PaperResponse.parse((await get(`/api/papers/${encodeURIComponent(ids.neuralDp)}?citationLimit=1`)).body);
      expect(cut.citedBy.papers.map((p) => p.id)).toEqual([ids.langevin]);
      expect(cut.truncated.citedBy).toEqual({ total: 2, shown: 1 });
    });

    it('answers for a stub with stub: true and no title', async () => {
      const res = await get(`/api/papers/${encodeURIComponent('openalex:W1')}`);
      expect(res.status).toBe(200);
      const body = PaperResponse.parse(res.body);
      expect(body.paper).toMatchObject({ id: 'openalex:W1', stub: true, title: null });
    });

    it('decodes a URL-encoded slash in the id', async () => {
      const res = await get(`/api/papers/${encodeURIComponent('hep-th/9901001')}`);
      expect(res.status).toBe(200);
      expect(PaperResponse.parse(res.body).paper.title).toBe('An old-style arXiv id');
    });

    it('by=all names the citation links in both directions and finds citation-only neighbours', async () => {
      const body = await related(ids.neuralDp, 'all');
      const langevin = must(body.results.find((r) => r.paper.id === ids.langevin), 'body.results.find((r) => r.paper.id === ids.langevin)');
      expect(langevin.reasons.citations).toEqual(['citedBy']);
      expect(langevin.score.citations).toBe(1);
      const dalle = body.results.find((r) => r.paper.id === ids.dalle);
      expect(dalle?.reasons.citations).toEqual(['cites']);
      expect(body.results.map((r) => r.paper.id)).toContain('hep-th/9901001');
      // Stubs are never related papers.
      expect(body.results.map((r) => r.paper.id)).not.toContain('openalex:W1');
      // by=authors does not use citations to find candidates.
      const byAuthors = await related(ids.neuralDp, 'authors');
      expect(byAuthors.results.map((r) => r.paper.id)).toEqual([ids.langevin]);
    });
  });

  describe('with hubs: a 1,001-author paper and a paper cited 1,001 times', () => {
    beforeAll(async () => {
      // Shares Knolle and Ziller and the topic "differential privacy" with NeuralDP, among 1,001 authors.
      await graph.runAutoCommit(
        `MATCH (n:Paper {id: $neural})-[h:HAS_TOPIC]->(t:Topic {id: 'differential-privacy'})
         MATCH (k:Author {id: 'name:moritz knolle'}), (z:Author {id: 'name:alexander ziller'})
         CREATE (m:Paper {id: 'mega-1', title: 'A very large collaboration', year: 2022, published: '2022-03-01', authorCount: 1001})
         CREATE (m)-[:HAS_TOPIC {score: 0.9, source: 'extracted'}]->(t)
         CREATE (k)-[:AUTHORED {position: 500, asWritten: 'M. Knolle'}]->(m), (z)-[:AUTHORED {position: 7, asWritten: 'A. Ziller'}]->(m)
         WITH m UNWIND range(1, 999) AS i
         CREATE (:Author {id: 'mega-author-' + i, name: 'Mega Author ' + i})-[:AUTHORED {position: i + 1000, asWritten: 'Mega Author ' + i}]->(m)`,
        { neural: ids.neuralDp },
      );
      await graph.runAutoCommit(
        `MATCH (d:Paper {id: $dalle})
         UNWIND range(1, 1001) AS i
         CREATE (:Paper {id: 'citer-' + i, title: 'Citing paper ' + i, year: 2023, published: '2023-01-' + right('0' + toString(1 + i % 28), 2)})-[:CITES]->(d)`,
        { dalle: ids.dalle },
      );
    });

    it('names the shared authors of a candidate with over 1000 authors, in this paper’s author order', async () => {
      for (const by of ['topics', 'all', 'authors'] as const) {
        const body = await related(ids.neuralDp, by, '&limit=100');
        const mega = body.results.find((r) => r.paper.id === 'mega-1');
        expect(mega?.reasons.authors, by).toEqual([
          { id: 'name:moritz knolle', name: 'Moritz Knolle' },
          { id: 'name:alexander ziller', name: 'Alexander Ziller' },
        ]);
        if (by !== 'authors') expect(must(mega, `the related paper of ${by}`).reasons.topics.map((t) => t.id)).toEqual(['differential-privacy']);
      }
    });

    it('bounds the citation seeds of a paper cited 1,001 times, reports the cut, and still names each link', async () => {
      const body = await related(ids.dalle, 'all', '&limit=100');
      expect(body.bounded.limits.maxCitationSeeds).toBe(100);
      // 1,001 citers plus NeuralDP, which cites it too (see the block above).
      expect(body.bounded.skippedCitations).toBe(1002 - 100);
      const citers = body.results.filter((r) => r.paper.id.startsWith('citer-'));
      expect(citers.length).toBeGreaterThan(0);
      for (const c of citers) expect(c.reasons.citations).toEqual(['citedBy']);
      // Busch and Adams still come first: a shared author outweighs a citation by an unrelated paper only through
      // the documented weights, and ties go to the newer paper.
      expect(body.results.slice(0, 2).map((r) => r.paper.id).sort()).toEqual([ids.atomic, ids.biomedical].sort());
      expect(body.truncated).toEqual({ total: body.bounded.candidatesFound, shown: 100 });
      const paper = PaperResponse.parse((await get(`/api/papers/${encodeURIComponent(ids.dalle)}`)).body);
      expect(paper.citedBy.count).toBe(1002);
      expect(paper.citedBy.papers).toHaveLength(100);
      expect(paper.truncated.citedBy).toEqual({ total: 1002, shown: 100 });
    });
  });

  it('answers 503 without credentials when Neo4j is unreachable', async () => {
    const paths = [`/api/papers/${encodeURIComponent(ids.neuralDp)}`, `/api/papers/${encodeURIComponent(ids.neuralDp)}/related`];
    for (const text of await expectUnavailable503(paths)) {
      expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect(JSON.parse(text).error.message).toContain(UNREACHABLE_URI);
    }
  });
});
