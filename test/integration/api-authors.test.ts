// /api/authors/:id against the real Neo4j holding the sample listing, plus spelling variants, a merge suggestion and a hub.
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../schema/api.js';
import { AuthorResponse } from '../../schema/authors.js';
import { expectUnavailable503, useSampleApi } from '../support/api.js';
import { must } from '../../core/must.js';

const KNOLLE = 'name:moritz knolle';
const ADAMS = 'name:lisa c adams';

describe('GET /api/authors/:id on the sample listing', () => {
  const { graph, query, get, url } = useSampleApi();
  const author = async (id: string, qs = '') => {
    const res = await get(`/api/authors/${encodeURIComponent(id)}${qs}`);
    expect(res.status).toBe(200);
    return AuthorResponse.parse(res.body);
  };

  it('returns Moritz Knolle with papers newest first, co-authors counted once per joint paper, categories and topics', async () => {
    const body = await author(KNOLLE);
    expect(body.author).toEqual({ id: KNOLLE, name: 'Moritz Knolle', orcid: null, openalexId: null });
    expect(body.paperCount).toBe(2);
    expect([body.firstYear, body.lastYear]).toEqual([2021, 2021]);
    expect(body.spellings).toEqual([{ asWritten: 'Moritz Knolle', papers: 2 }]);
    expect(body.papers.map((p) => [p.published, p.position, p.asWritten])).toEqual([
      ['2021-07-30', 1, 'Moritz Knolle'],
      ['2021-07-09', 1, 'Moritz Knolle'],
    ]);
    expect(must(body.papers[0], 'body.papers[0]').title).toMatch(/^NeuralDP/);
    // Two joint papers each: 2, never 4 (the pair is not counted from both sides).
    expect(body.coauthors).toEqual([
      { id: 'name:alexander ziller', name: 'Alexander Ziller', jointPapers: 2 },
      { id: 'name:dmitrii usynin', name: 'Dmitrii Usynin', jointPapers: 2 },
    ]);
    expect(body.categories).toEqual([{ code: 'cs.LG', name: 'Machine Learning', papers: 2 }]);
    const topics = await query(
      `MATCH (:Author {id: $id})-[:AUTHORED]->(p)-[:HAS_TOPIC]->(t) RETURN t.id AS id, count(DISTINCT p) AS papers`,
      { id: KNOLLE },
    );
    expect(body.topics).toHaveLength(Math.min(topics.length, 20));
    for (const t of body.topics) expect(topics).toContainEqual({ id: t.id, papers: t.papers });
    expect(body.topics[0]).toMatchObject({ papers: 2 });
    expect(body.mergeSuggestions).toEqual([]);
    expect(body.truncated).toEqual(topics.length > 20 ? { topics: { total: topics.length, shown: 20 } } : {});
    expect(body.bounded).toEqual({
      coauthors: { maxAuthorsPerPaper: 500, slotBudget: 20_000, papersCounted: 2, collaborationsSkipped: 0, olderPapersSkipped: 0 },
      subjects: { maxPapers: 2_000, papersCounted: 2, olderPapersSkipped: 0 },
    });
  });

  it('lists co-authors most joint papers first, then by name, matching the graph', async () => {
    const body = await author(ADAMS);
    expect(body.papers.map((p) => p.year)).toEqual([2025, 2022]);
    const expected = await query(
      `MATCH (:Author {id: $id})-[:AUTHORED]->(p)<-[:AUTHORED]-(co:Author) WHERE co.id <> $id
       RETURN co.id AS id, co.name AS name, count(DISTINCT p) AS jointPapers ORDER BY jointPapers DESC, name, id`,
      { id: ADAMS },
    );
    expect(body.coauthors).toEqual(expected);
    expect(body.coauthors.map((c) => c.name)).toContain('Felix Busch');
  });

  it('decodes ids with a colon and a space, encoded or not', async () => {
    const raw = await fetch(`${url()}/api/authors/name:moritz%20knolle`);
    expect(raw.status).toBe(200);
    expect(AuthorResponse.parse(await raw.json()).author.id).toBe(KNOLLE);
  });

  it('cuts lists to their limits and says what it cut', async () => {
    const body = await author(KNOLLE, '?paperLimit=1&coauthorLimit=1&topicLimit=1');
    expect(body.papers).toHaveLength(1);
    expect(body.coauthors).toEqual([{ id: 'name:alexander ziller', name: 'Alexander Ziller', jointPapers: 2 }]);
    expect(body.topics).toHaveLength(1);
    expect(body.truncated.papers).toEqual({ total: 2, shown: 1 });
    expect(body.truncated.coauthors).toEqual({ total: 2, shown: 1 });
    expect(body.truncated.topics?.shown).toBe(1);
    expect(must(body.truncated.topics, 'body.truncated.topics').total).toBeGreaterThan(1);
  });

  it('answers 404 for an unknown id', async () => {
    const res = await get(`/api/authors/${encodeURIComponent('name:nobody at all')}`);
    expect(res.status).toBe(404);
    expect(ErrorBody.parse(res.body).error).toMatchObject({ code: 'not_found', details: { id: 'name:nobody at all' } });
  });

  it.each([
    ['paperLimit=0', 'paperLimit'],
    ['coauthorLimit=many', 'coauthorLimit'],
    ['topicLimit=201', 'topicLimit'],
    ['limit=5', 'limit'],
  ])('answers 400 naming the parameter for ?%s', async (qs, name) => {
    const res = await get(`/api/authors/${encodeURIComponent(KNOLLE)}?${qs}`);
    expect(res.status).toBe(400);
    const body = ErrorBody.parse(res.body);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain(`'${name}'`);
  });

  describe('with a second spelling, a look-alike author and a large collaboration', () => {
    beforeAll(async () => {
      // A later paper where Knolle is printed "M. Knolle" but resolved to the same author, with Ziller.
      await graph.runAutoCommit(
        `MATCH (k:Author {id: $knolle}), (z:Author {id: 'name:alexander ziller'})
         CREATE (p:Paper {id: 'variant-1', title: 'A later paper', year: 2023, published: '2023-02-01', authorCount: 2})
         CREATE (k)-[:AUTHORED {position: 2, asWritten: 'M. Knolle'}]->(p), (z)-[:AUTHORED {position: 1, asWritten: 'A. Ziller'}]->(p)
         WITH p MATCH (c:Category {code: 'cs.LG'}) CREATE (p)-[:IN_CATEGORY {primary: true}]->(c)`,
        { knolle: KNOLLE },
      );
      // A different author node whose name might be the same person, sharing co-author Ziller, with a variant
      // suggestion stored by the ingest's own query.
      await graph.runAutoCommit(
        `MATCH (z:Author {id: 'name:alexander ziller'}), (c:Category {code: 'cs.LG'})
         CREATE (m:Author {id: 'name:m j knolle', name: 'M. J. Knolle', key: 'm j knolle', looseKey: 'knolle m'})
         CREATE (p:Paper {id: 'lookalike-1', title: 'Another paper', year: 2020, published: '2020-05-01', authorCount: 2})
         CREATE (m)-[:AUTHORED {position: 1, asWritten: 'M. J. Knolle'}]->(p), (z)-[:AUTHORED {position: 2, asWritten: 'Alexander Ziller'}]->(p),
                (p)-[:IN_CATEGORY {primary: true}]->(c)`,
      );
      await graph.write('identity/store-variants', {
        pairs: [
          {
            a: 'name:m j knolle',
            b: KNOLLE,
            reason: 'shared co-authors, not enough to join',
            score: -0.5,
            nameMatch: 'initial',
            sharedCoauthors: ['Alexander Ziller'],
            sharedCategories: ['cs.LG'],
            sharedTopics: null,
          },
        ],
      });
      // 501 authors: above the co-author bound, so it must be skipped and reported, not listed.
      await graph.runAutoCommit(
        `MATCH (k:Author {id: $knolle})
         CREATE (h:Paper {id: 'hub-1', title: 'A large collaboration', year: 2022, published: '2022-01-01', authorCount: 501})
         CREATE (k)-[:AUTHORED {position: 1, asWritten: 'Moritz Knolle'}]->(h)
         WITH h UNWIND range(2, 501) AS i
         CREATE (:Author {id: 'hub-author-' + i, name: 'Hub Author ' + i})-[:AUTHORED {position: i, asWritten: 'Hub Author ' + i}]->(h)`,
        { knolle: KNOLLE },
      );
    });

    it('lists every spelling as written with its paper count', async () => {
      const body = await author(KNOLLE);
      expect(body.spellings).toEqual([
        { asWritten: 'Moritz Knolle', papers: 3 },
        { asWritten: 'M. Knolle', papers: 1 },
      ]);
      expect(body.papers.find((p) => p.id === 'variant-1')).toMatchObject({ asWritten: 'M. Knolle', position: 2 });
      expect(body.lastYear).toBe(2023);
    });

    it('shows the merge suggestion from both sides with its reason and evidence', async () => {
      const fromKnolle = await author(KNOLLE);
      expect(fromKnolle.mergeSuggestions).toHaveLength(1);
      const s = must(fromKnolle.mergeSuggestions[0], 'fromKnolle.mergeSuggestions[0]');
      expect(s.other).toEqual({ id: 'name:m j knolle', name: 'M. J. Knolle' });
      expect(s.reason.length).toBeGreaterThan(0);
      expect(s.status).toBe('open');
      expect(s.evidence.sharedCoauthors).toContain('Alexander Ziller');
      expect(s.evidence.sharedCategories).toContain('cs.LG');
      const fromOther = await author('name:m j knolle');
      expect(fromOther.mergeSuggestions.map((x) => x.other)).toEqual([{ id: KNOLLE, name: 'Moritz Knolle' }]);
    });

    it('leaves a paper with more than 500 authors out of the co-author counts and reports it', async () => {
      const body = await author(KNOLLE);
      expect(body.paperCount).toBe(4);
      expect(body.bounded.coauthors).toMatchObject({ papersCounted: 3, collaborationsSkipped: 1, olderPapersSkipped: 0 });
      expect(body.coauthors.some((c) => c.id.startsWith('hub-author-'))).toBe(false);
      expect(body.coauthors[0]).toEqual({ id: 'name:alexander ziller', name: 'Alexander Ziller', jointPapers: 3 });
      // A hub author's own page still works: its only paper is the hub, so no co-authors are counted.
      const hubAuthor = await author('hub-author-2');
      expect(hubAuthor.coauthors).toEqual([]);
      expect(hubAuthor.bounded.coauthors).toMatchObject({ papersCounted: 0, collaborationsSkipped: 1 });
    });
  });

  it('counts co-authors over the newest papers only while their author lists fit the slot budget, and says so', async () => {
    // 50 papers (2000–2049) by one author, each with the same 449 others: 450 slots per paper, so 44 papers fit 20,000.
    await graph.runAutoCommit(
      `CREATE (busy:Author {id: 'busy', name: 'Busy Author'})
       WITH busy
       UNWIND range(1, 449) AS i
       CREATE (:Author {id: 'crowd-' + i, name: 'Crowd ' + i})
       WITH busy, count(*) AS created
       UNWIND range(0, 49) AS k
       CREATE (p:Paper {id: 'busy-' + k, title: 'Busy paper ' + k, year: 2000 + k, published: toString(2000 + k) + '-06-01'})
       CREATE (busy)-[:AUTHORED {position: 1, asWritten: 'Busy Author'}]->(p)
       WITH p
       MATCH (c:Author) WHERE c.id STARTS WITH 'crowd-'
       CREATE (c)-[:AUTHORED {position: toInteger(substring(c.id, 6)) + 1, asWritten: c.name}]->(p)`,
    );
    const body = await author('busy', '?coauthorLimit=500&paperLimit=1');
    expect(body.paperCount).toBe(50);
    expect(body.bounded.coauthors).toEqual({
      maxAuthorsPerPaper: 500,
      slotBudget: 20_000,
      papersCounted: 44,
      collaborationsSkipped: 0,
      olderPapersSkipped: 6,
    });
    expect(body.coauthors).toHaveLength(449);
    expect(new Set(body.coauthors.map((c) => c.jointPapers))).toEqual(new Set([44]));
    expect(body.papers.map((p) => p.year)).toEqual([2049]);
    expect(body.bounded.subjects).toEqual({ maxPapers: 2_000, papersCounted: 50, olderPapersSkipped: 0 });
  });

  it('answers 503 without credentials when Neo4j is unreachable', async () => {
    await expectUnavailable503(`/api/authors/${encodeURIComponent(KNOLLE)}`);
  });
});
