// /api/graph/{coauthors,topics,path} against the real Neo4j on the sample listing: shapes, weights, cuts, 400/404/503.
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../schema/api.js';
import { GraphResponse, PathResponse, type GraphElements } from '../../schema/graph.js';
import { decodeGraph } from '../../shared/graph-payload.js';
import { expectUnavailable503, useSampleApi } from '../support/api.js';
import { refreshSummaries } from '../../db/summary/refresh.js';
import { bumpGraphVersion } from '../../db/summary/version.js';
import { must } from '../../core/must.js';

const api = useSampleApi({ resetAfter: true });
const { graph, get } = api;

/** Runs ad-hoc Cypher for ground truth (independent of the queries under test). */
async function cypherRows(text: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  return graph.transaction('READ', async (tx) => (await tx.run(text, params)).records.map((r) => r.toObject()));
}

/** An author's id looked up by display name (ids are derived at ingest; tests do not hard-code them). */
async function authorId(name: string): Promise<string> {
  const [row] = await cypherRows('MATCH (a:Author {name: $name}) RETURN a.id AS id', { name });
  if (!row) throw new Error(`no author named ${name}`);
  return String(row.id);
}

/** The compact payload checked against its schema and decoded as the client decodes it. */
const graphOf = (body: unknown) => decodeGraph(GraphResponse.parse(body));
const pathOf = (body: unknown) => {
  const res = PathResponse.parse(body);
  return { ...res, graph: decodeGraph(res.graph) };
};
const ids = (g: GraphElements) => g.nodes.map((n) => n.data.id).sort();
const names = (g: GraphElements) => g.nodes.map((n) => n.data.label).sort();

describe('GET /api/graph/coauthors', () => {
  it('gives the depth-1 ego network: the ego, its co-authors, each pair once with its paper', async () => {
    const truhn = await authorId('Daniel Truhn');
    const { status, body } = await get('/api/graph/coauthors', { author: truhn });
    expect(status).toBe(200);
    const g = graphOf(body);
    expect(names(g)).toEqual(['Daniel Truhn', 'Felix Busch', 'Lisa C. Adams']);
    const ego = must(g.nodes.find((n) => n.data.id === truhn), 'g.nodes.find((n) => n.data.id === truhn)').data;
    expect(ego).toMatchObject({ kind: 'author', ego: true, depth: 0, papers: 1 });
    expect(g.nodes.filter((n) => !n.data.ego).every((n) => n.data.depth === 1)).toBe(true);
    // The triangle of the DALL-E 2 paper: three pairs, no pair twice, ids a|b with a < b.
    expect(g.edges).toHaveLength(3);
    const [dalle] = await cypherRows("MATCH (p:Paper) WHERE p.title STARTS WITH 'What Does DALL-E 2' RETURN p.id AS id");
    for (const { data } of g.edges) {
      expect(data.source < data.target).toBe(true);
      expect(data.id).toBe(`${data.source}|${data.target}`);
      expect(data).toMatchObject({ kind: 'coauthor', weight: 1, paperCount: 1, papers: [must(dalle, 'the DALL-E 2 paper').id] });
    }
    expect(g.truncated).toEqual({ nodes: { total: 3, shown: 3 }, edges: { total: 3, shown: 3 }, reasons: [] });
  });

  it('expands to depth 2 and 3 through the co-authors', async () => {
    const truhn = await authorId('Daniel Truhn');
    const d2 = graphOf((await get('/api/graph/coauthors', { author: truhn, depth: 2 })).body);
    expect(names(d2)).toEqual(['Amin Dada', 'Daniel Truhn', 'Erik Thiele Orberg', 'Felix Busch', 'Felix J. Dorfner', 'Linus Marx', 'Lisa C. Adams']);
    expect(must(d2.nodes.find((n) => n.data.label === 'Felix J. Dorfner'), 'd2.nodes.find((n) => n.data.label === "Felix J. Dorfner")').data.depth).toBe(2);
    // Induced edges: DALL-E triangle, biomedical-LLM triangle, fact-checking triangle.
    expect(d2.edges).toHaveLength(9);
    const d3 = graphOf((await get('/api/graph/coauthors', { author: truhn, depth: 3 })).body);
    expect(d3.nodes).toHaveLength(9);
    expect(d3.nodes.filter((n) => n.data.depth === 3).map((n) => n.data.label).sort()).toEqual(['Janis L. Vahldiek', 'Leonhard Donle']);
  });

  it('cuts by weight within limit and says what it cut', async () => {
    const truhn = await authorId('Daniel Truhn');
    const g = graphOf((await get('/api/graph/coauthors', { author: truhn, depth: 2, limit: 5 })).body);
    expect(g.nodes).toHaveLength(5);
    expect(g.truncated.nodes).toEqual({ total: 7, shown: 5 });
    expect(g.truncated.reasons.join(' ')).toMatch(/depth 2: kept 2 of 4 co-authors/);
    // Every edge joins two shown nodes.
    const shown = new Set(ids(g));
    expect(g.edges.every((e) => shown.has(e.data.source) && shown.has(e.data.target))).toBe(true);
  });

  it('weights repeated co-authorship and honours minWeight (per pair, not per paper)', async () => {
    const knolle = await authorId('Moritz Knolle');
    const g = graphOf((await get('/api/graph/coauthors', { author: knolle, minWeight: 2 })).body);
    expect(names(g)).toEqual(['Alexander Ziller', 'Dmitrii Usynin', 'Moritz Knolle']);
    expect(g.edges.map((e) => e.data.weight)).toEqual([2, 2, 2]);
    expect(g.edges.every((e) => must(e.data.papers, `papers of edge ${e.data.id}`).length === 2)).toBe(true);
    const truhn = await authorId('Daniel Truhn');
    const alone = graphOf((await get('/api/graph/coauthors', { author: truhn, minWeight: 2 })).body);
    expect(names(alone)).toEqual(['Daniel Truhn']);
    expect(alone.edges).toEqual([]);
  });

  it('counts fractionally: 1/(n-1) per paper with n authors', async () => {
    const knolle = await authorId('Moritz Knolle');
    const [n] = await cypherRows(
      "MATCH (p:Paper)<-[:AUTHORED]-(:Author {name: 'Moritz Knolle'}) RETURN collect(COUNT { (p)<-[:AUTHORED]-() }) AS sizes",
    );
    const expected = (must(n, "the author counts of Moritz Knolle's papers").sizes as { toNumber(): number }[]).reduce((s, k) => s + 1 / (k.toNumber() - 1), 0);
    const g = graphOf((await get('/api/graph/coauthors', { author: knolle, weighting: 'fractional' })).body);
    const pair = must(g.edges.find((e) => e.data.id.includes(knolle) && e.data.id.includes(':alexander ziller')), 'g.edges.find(…)');
    expect(pair.data.weight).toBeCloseTo(expected, 6);
    expect(pair.data.paperCount).toBe(2);
  });

  it('applies year and category filters to the papers that make edges', async () => {
    const busch = await authorId('Felix Busch');
    const recent = graphOf((await get('/api/graph/coauthors', { author: busch, yearFrom: 2023 })).body);
    expect(names(recent)).toEqual(['Amin Dada', 'Felix Busch', 'Felix J. Dorfner']);
    expect(must(recent.nodes.find((n) => n.data.id === busch), 'recent.nodes.find((n) => n.data.id === busch)').data.papers).toBe(1);
    const cv = graphOf((await get('/api/graph/coauthors', { author: busch, category: 'cs.CV' })).body);
    expect(names(cv)).toEqual(['Daniel Truhn', 'Felix Busch', 'Lisa C. Adams']);
    const none = graphOf((await get('/api/graph/coauthors', { author: busch, yearFrom: 2000, yearTo: 2001 })).body);
    expect(none.nodes.map((n) => n.data.papers)).toEqual([0]);
  });

  it("gives each author's main category: the primary category on most of its papers in scope, ties by code", async () => {
    const categories = (g: GraphElements) => Object.fromEntries(g.nodes.map((n) => [n.data.label, n.data.category]));
    const bressem = await authorId('Keno K. Bressem');
    // Bressem: one cs.CL paper (MEDBERT.de) and one eess.IV paper (3D U-Net): a tie, so the smaller code.
    expect(categories(graphOf((await get('/api/graph/coauthors', { author: bressem })).body))).toEqual({
      'Keno K. Bressem': 'cs.CL',
      'Jens-Michalis Papaioannou': 'cs.CL',
      'Paul Grundmann': 'cs.CL',
      'Stefan M. Niehues': 'eess.IV',
      'Bernd Hamm': 'eess.IV',
    });
    // In scope only: with the eess.IV filter, Bressem's one paper in scope decides.
    const iv = graphOf((await get('/api/graph/coauthors', { author: bressem, category: 'eess.IV' })).body);
    expect(categories(iv)).toEqual({ 'Keno K. Bressem': 'eess.IV', 'Stefan M. Niehues': 'eess.IV', 'Bernd Hamm': 'eess.IV' });
    const truhn = graphOf((await get('/api/graph/coauthors', { author: await authorId('Daniel Truhn') })).body);
    expect(categories(truhn)).toEqual({ 'Daniel Truhn': 'cs.CV', 'Felix Busch': 'cs.CL', 'Lisa C. Adams': 'cs.CL' });
    // The whole network's top authors carry it too; ground truth from all their papers (none has more than 30).
    const top = graphOf((await get('/api/graph/coauthors', { limit: 40 })).body);
    expect(top.nodes.length).toBeGreaterThan(20);
    for (const { data } of top.nodes) {
      const [row] = await cypherRows(
        `MATCH (:Author {id: $id})-[:AUTHORED]->(p:Paper)-[:IN_CATEGORY {primary: true}]->(c:Category)
         WITH c.code AS code, count(DISTINCT p) AS n ORDER BY n DESC, code RETURN collect(code)[0] AS code`,
        { id: data.id },
      );
      expect(data.category, data.label).toBe(must(row, `the main category of ${data.label}`).code);
    }
  });

  it('without an author: the top authors by papers and the pairs among them', async () => {
    const g = graphOf((await get('/api/graph/coauthors', { limit: 5 })).body);
    const [count] = await cypherRows('MATCH (a:Author) WHERE EXISTS { (a)-[:AUTHORED]->(:Paper) } RETURN count(a) AS n');
    expect(g.truncated.nodes).toEqual({ total: Number(must(count, 'the count of authors with papers').n), shown: 5 });
    expect(g.nodes.every((n) => n.data.papers === 2 && n.data.ego === false && n.data.depth === undefined)).toBe(true);
    expect(g.truncated.reasons[0]).toMatch(/kept 5 of \d+ authors/);
    // Every edge's weight is the pair's real number of joint papers.
    for (const { data } of g.edges) {
      const [row] = await cypherRows(
        'MATCH (:Author {id: $a})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(:Author {id: $b}) RETURN count(DISTINCT p) AS n',
        { a: data.source, b: data.target },
      );
      expect(data.weight).toBe(Number(must(row, `the joint papers of ${data.source} and ${data.target}`).n));
    }
  });

  it('without an author, filtered: paper counts are the real ones in scope', async () => {
    for (const params of [{ category: 'cs.CL' }, { yearFrom: 2024 }, { category: 'cs.CV', yearTo: 2023 }]) {
      const g = graphOf((await get('/api/graph/coauthors', { ...params, limit: 4 })).body);
      expect(g.nodes.length).toBeGreaterThan(0);
      for (const { data } of g.nodes) {
        const [row] = await cypherRows(
          `MATCH (:Author {id: $id})-[:AUTHORED]->(p:Paper)
           WHERE ($category IS NULL OR (p)-[:IN_CATEGORY]->(:Category {code: $category}))
             AND ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
           RETURN count(DISTINCT p) AS n`,
          { id: data.id, category: null, yearFrom: null, yearTo: null, ...params },
        );
        expect(data.papers, `${data.id} ${JSON.stringify(params)}`).toBe(Number(must(row, `the papers of ${data.id} in scope`).n));
      }
    }
  });

  it('400 names the parameter; 404 for an unknown author', async () => {
    for (const [params, name] of [
      [{ depth: 4 }, 'depth'],
      [{ weighting: 'harmonic' }, 'weighting'],
      [{ yearFrom: 2024, yearTo: 2020 }, 'yearTo'],
      [{ limit: 0 }, 'limit'],
    ] as const) {
      const { status, body } = await get('/api/graph/coauthors', params);
      expect(status).toBe(400);
      const err = ErrorBody.parse(body);
      expect(err.error.code).toBe('invalid_request');
      expect(err.error.message).toContain(`'${name}'`);
    }
    const { status, body } = await get('/api/graph/coauthors', { author: 'name:nobody at all' });
    expect(status).toBe(404);
    expect(ErrorBody.parse(body).error).toMatchObject({ code: 'not_found', message: "Author 'name:nobody at all' not found" });
  });
});

describe('GET /api/graph/topics', () => {
  async function shared(a: string, b: string): Promise<number> {
    const [row] = await cypherRows(
      'MATCH (:Topic {id: $a})<-[:HAS_TOPIC]-(p:Paper)-[:HAS_TOPIC]->(:Topic {id: $b}) RETURN count(DISTINCT p) AS n',
      { a, b },
    );
    return Number(must(row, `the papers shared by topics ${a} and ${b}`).n);
  }

  it('co-occurrence: the topics on most papers, edges weighted by the papers having both', async () => {
    const { status, body } = await get('/api/graph/topics', { limit: 10 });
    expect(status).toBe(200);
    const g = graphOf(body);
    expect(g.nodes).toHaveLength(10);
    const [top] = await cypherRows('MATCH (t:Topic) RETURN t.id AS id, COUNT { (t)<-[:HAS_TOPIC]-() } AS n ORDER BY n DESC, id LIMIT 1');
    expect(must(g.nodes[0], 'g.nodes[0]').data).toMatchObject({ id: must(top, 'the top topic').id, kind: 'topic', papers: Number(must(top, 'the top topic').n) });
    const papers = g.nodes.map((n) => must(n.data.papers, `papers of ${n.data.id}`));
    expect([...papers].sort((a, b) => b - a)).toEqual(papers);
    expect(g.edges.length).toBeGreaterThan(0);
    for (const { data } of g.edges) {
      expect(data.source < data.target).toBe(true);
      expect(data.weight).toBe(await shared(data.source, data.target));
      expect(must(data.papers, `papers of edge ${data.id}`).length).toBe(Math.min(must(data.paperCount, `paperCount of edge ${data.id}`), 5));
    }
    expect(g.truncated.nodes.total).toBeGreaterThan(10);
  });

  it('centred on a topic: it and the topics sharing papers with it; minCooccurrence drops light pairs', async () => {
    const [top] = await cypherRows('MATCH (t:Topic) RETURN t.id AS id ORDER BY COUNT { (t)<-[:HAS_TOPIC]-() } DESC, t.id LIMIT 1');
    const centre = String(must(top, 'the topic on most papers').id);
    const g = graphOf((await get('/api/graph/topics', { topic: centre, limit: 1000 })).body);
    expect(must(g.nodes[0], 'g.nodes[0]').data.id).toBe(centre);
    const [near] = await cypherRows(
      'MATCH (:Topic {id: $id})<-[:HAS_TOPIC]-(:Paper)-[:HAS_TOPIC]->(t:Topic) WHERE t.id <> $id RETURN count(DISTINCT t) AS n',
      { id: centre },
    );
    expect(g.nodes).toHaveLength(1 + Number(must(near, `the count of topics near ${centre}`).n));
    const heavy = graphOf((await get('/api/graph/topics', { topic: centre, minCooccurrence: 2 })).body);
    expect(heavy.edges.every((e) => must(e.data.weight, `weight of edge ${e.data.id}`) >= 2)).toBe(true);
    for (const n of heavy.nodes.slice(1)) expect(await shared(centre, n.data.id)).toBeGreaterThanOrEqual(2);
  });

  it('bipartite: papers and topics with HAS_TOPIC edges, within limit', async () => {
    const g = graphOf((await get('/api/graph/topics', { mode: 'bipartite', limit: 20 })).body);
    expect(g.nodes.length).toBeLessThanOrEqual(20);
    const kinds = new Set(g.nodes.map((n) => n.data.kind));
    expect(kinds).toEqual(new Set(['paper', 'topic']));
    const byId = new Map(g.nodes.map((n) => [n.data.id, n.data]));
    for (const { data } of g.edges) {
      expect(data.kind).toBe('has_topic');
      expect(must(byId.get(data.source), 'byId.get(data.source)').kind).toBe('paper');
      expect(must(byId.get(data.target), 'byId.get(data.target)').kind).toBe('topic');
      const [r] = await cypherRows('MATCH (:Paper {id: $p})-[r:HAS_TOPIC]->(:Topic {id: $t}) RETURN r.score AS s', {
        p: must(byId.get(data.source), 'byId.get(data.source)').ref,
        t: must(byId.get(data.target), 'byId.get(data.target)').ref,
      });
      expect(data.weight).toBeCloseTo(Number(must(r, `the HAS_TOPIC edge ${data.id}`).s), 9);
    }
  });

  it('bipartite centred on a topic: its papers are all there', async () => {
    const top = must(
      (await cypherRows('MATCH (t:Topic) RETURN t.id AS id, COUNT { (t)<-[:HAS_TOPIC]-() } AS n ORDER BY n DESC, id LIMIT 1'))[0],
      'the topic on most papers',
    );
    const g = graphOf((await get('/api/graph/topics', { mode: 'bipartite', topic: String(top.id), limit: 200 })).body);
    const centreId = `topic:${top.id}`;
    expect(g.edges.filter((e) => e.data.target === centreId)).toHaveLength(Number(top.n));
  });

  it('400 for a bad mode, 404 for an unknown topic', async () => {
    const bad = await get('/api/graph/topics', { mode: 'tree' });
    expect(bad.status).toBe(400);
    expect(ErrorBody.parse(bad.body).error.message).toContain("'mode'");
    const missing = await get('/api/graph/topics', { topic: 'no-such-topic' });
    expect(missing.status).toBe(404);
    expect(ErrorBody.parse(missing.body).error.code).toBe('not_found');
  });
});

describe('GET /api/graph/path', () => {
  it('finds Truhn – Busch – Dorfner via the DALL-E 2 paper and the biomedical-LLM paper', async () => {
    const [truhn, busch, dorfner] = await Promise.all([authorId('Daniel Truhn'), authorId('Felix Busch'), authorId('Felix J. Dorfner')]);
    const { status, body } = await get('/api/graph/path', { from: truhn, to: dorfner });
    expect(status).toBe(200);
    const res = pathOf(body);
    expect(res.length).toBe(2);
    expect(res.paths).toHaveLength(1);
    const [first, second] = must(res.paths[0], 'res.paths[0]').hops;
    const h1 = must(first, 'the first hop');
    const h2 = must(second, 'the second hop');
    expect(h1.from).toEqual({ id: truhn, name: 'Daniel Truhn' });
    expect(h1.to).toEqual({ id: busch, name: 'Felix Busch' });
    expect(h1.papers.map((p) => p.title)).toEqual(['What Does DALL-E 2 Know About Radiology?']);
    expect(h2.to).toEqual({ id: dorfner, name: 'Felix J. Dorfner' });
    expect(h2.papers.map((p) => p.title)).toEqual([
      'Biomedical Large Languages Models Seem not to be Superior to Generalist Models on Unseen Medical Data',
    ]);
    expect(res.message).toBeUndefined();
    // The drawing: three authors in path order, two co-author edges.
    expect(res.graph.nodes.map((n) => [n.data.label, n.data.depth, n.data.category])).toEqual([
      ['Daniel Truhn', 0, 'cs.CV'],
      ['Felix Busch', 1, 'cs.CL'],
      ['Felix J. Dorfner', 2, 'cs.CL'],
    ]);
    expect(res.graph.edges.map((e) => e.data.id).sort()).toEqual([[busch, dorfner].sort().join('|'), [busch, truhn].sort().join('|')].sort());
  });

  it('lists every distinct shortest path', async () => {
    // Knolle and Ziller wrote two papers together: one hop, both papers behind it.
    const [knolle, ziller] = await Promise.all([authorId('Moritz Knolle'), authorId('Alexander Ziller')]);
    const res = pathOf((await get('/api/graph/path', { from: knolle, to: ziller })).body);
    expect(res.length).toBe(1);
    expect(must(must(res.paths[0], 'res.paths[0]').hops[0], 'res.paths[0].hops[0]').papers).toHaveLength(2);
  });

  it('no path within maxHops → 200 with empty paths and a message', async () => {
    const [truhn, dorfner, knolle] = await Promise.all([authorId('Daniel Truhn'), authorId('Felix J. Dorfner'), authorId('Moritz Knolle')]);
    const short = pathOf((await get('/api/graph/path', { from: truhn, to: dorfner, maxHops: 1 })).body);
    expect(short.paths).toEqual([]);
    expect(short.length).toBeNull();
    expect(short.message).toMatch(/No co-authorship path of at most 1 hop between Daniel Truhn and Felix J. Dorfner/);
    const apart = await get('/api/graph/path', { from: truhn, to: knolle, maxHops: 6 });
    expect(apart.status).toBe(200);
    const body = pathOf(apart.body);
    expect(body.paths).toEqual([]);
    expect(body.graph.nodes.map((n) => n.data.id).sort()).toEqual([truhn, knolle].sort());
  });

  it('400 for missing/equal/out-of-range parameters, 404 for an unknown author', async () => {
    const truhn = await authorId('Daniel Truhn');
    for (const [params, name] of [
      [{ from: truhn }, 'to'],
      [{ from: truhn, to: truhn }, 'to'],
      [{ from: truhn, to: 'x', maxHops: 7 }, 'maxHops'],
    ] as const) {
      const { status, body } = await get('/api/graph/path', params);
      expect(status).toBe(400);
      expect(ErrorBody.parse(body).error.message).toContain(`'${name}'`);
    }
    const { status, body } = await get('/api/graph/path', { from: truhn, to: 'name:nobody' });
    expect(status).toBe(404);
    expect(ErrorBody.parse(body).error.message).toBe("Author 'name:nobody' not found");
  });
});

describe('hubs never cause an error', () => {
  // Runs last: adds a 3,000-author paper and an author on 500 papers next to the sample.
  beforeAll(async () => {
    await graph.runAutoCommit(
      "CREATE (big:Paper {id: 'hub:big', title: 'Big collaboration', year: 2024}) WITH big " +
        "UNWIND range(1, 3000) AS i CREATE (:Author {id: 'hub:a' + i, name: 'Member ' + i})-[:AUTHORED {position: i}]->(big)",
    );
    await graph.runAutoCommit(
      "MATCH (h:Author {id: 'hub:a1'}) UNWIND range(1, 500) AS j " +
        "CREATE (p:Paper {id: 'hub:p' + j, title: 'Paper ' + j, year: 2000 + j % 25}) " +
        "CREATE (h)-[:AUTHORED {position: 1}]->(p) " +
        "CREATE (:Author {id: 'hub:c' + j, name: 'Coauthor ' + j})-[:AUTHORED {position: 2}]->(p)",
    );
    // A second prolific author: 40 more papers with hub:a1, so both are sampled (41 joint papers with the big one).
    await graph.runAutoCommit(
      "MATCH (h:Author {id: 'hub:a1'}), (k:Author {id: 'hub:a3'}) UNWIND range(1, 40) AS j " +
        "CREATE (p:Paper {id: 'hub:q' + j, title: 'Joint ' + j, year: 2020}) " +
        'CREATE (h)-[:AUTHORED {position: 1}]->(p) CREATE (k)-[:AUTHORED {position: 2}]->(p)',
    );
    // As every writer does: a new graph version, and the stored whole-graph summaries rebuilt for it.
    await graph.transaction('WRITE', (tx) => bumpGraphVersion(tx));
    await refreshSummaries(graph);
  });

  it('a member of a 3,000-author paper: bounded ego networks at every depth and weighting', async () => {
    for (const params of [
      { author: 'hub:a2' },
      { author: 'hub:a2', depth: 3, limit: 1000 },
      { author: 'hub:a2', depth: 2, weighting: 'fractional', minWeight: 0.0001 },
      { author: 'hub:a1', depth: 2, minWeight: 1 },
      { author: 'hub:a1', depth: 3, yearFrom: 2010, limit: 50 },
    ]) {
      const { status, body } = await get('/api/graph/coauthors', params);
      expect(status, JSON.stringify(params)).toBe(200);
      const g = graphOf(body);
      expect(g.nodes.length).toBeLessThanOrEqual(params.limit ?? 150);
      expect(g.truncated.nodes.total).toBeGreaterThanOrEqual(g.truncated.nodes.shown);
      // Something was always cut or sampled here, and the response says what.
      expect(g.truncated.reasons.join(' ')).toMatch(/more than \d+ (authors|papers)|kept \d+ of/);
    }
  });

  it('reports a paper read only in part even when no co-author on it reaches minWeight', async () => {
    const g = graphOf((await get('/api/graph/coauthors', { author: 'hub:a2', minWeight: 2 })).body);
    expect(g.nodes.map((n) => n.data.id)).toEqual(['hub:a2']);
    // The hub papers have no category: the author's category is unknown.
    expect(must(g.nodes[0], 'g.nodes[0]').data.category).toBeNull();
    expect(g.truncated.reasons.join(' ')).toMatch(/1 paper has more than 30 authors: co-authors were looked for among 30 of them/);
  });

  it('counts an edge to a sampled hub exactly from the other end; only edges between two sampled authors are estimated', async () => {
    const g = graphOf((await get('/api/graph/coauthors', { author: 'hub:c7', depth: 2 })).body);
    // hub:c7's one paper is with hub:a1 (541 papers, sampled): c7's side is read in full, so the count is exact.
    const hubEdge = must(g.edges.find((e) => e.data.id === 'hub:a1|hub:c7'), 'g.edges.find((e) => e.data.id === "hub:a1|hub:c7")');
    expect(hubEdge.data.weight).toBe(1);
    expect(hubEdge.data.estimated).toBeUndefined();
    expect(g.truncated.reasons.join(' ')).toMatch(/more than \d+ papers: their co-authors and joint papers were read from \d+ of them/);
    const pair = graphOf((await get('/api/graph/coauthors', { author: 'hub:a3' })).body);
    const both = must(pair.edges.find((e) => e.data.id === 'hub:a1|hub:a3'), 'pair.edges.find((e) => e.data.id === "hub:a1|hub:a3")');
    expect(both.data.estimated).toBe(true);
    expect(both.data.weight).toBeGreaterThanOrEqual(1);
    expect(both.data.weight).toBeLessThanOrEqual(41);
    const sample = graphOf((await get('/api/graph/coauthors', { author: await authorId('Daniel Truhn') })).body);
    expect(sample.edges.some((e) => e.data.estimated)).toBe(false);
  });

  it('whole network, paths and topics still answer', async () => {
    // The top 1,000 authors are mostly members of the 3,000-author paper: ~500k pairs, bounded to 50 members a paper.
    const whole = await get('/api/graph/coauthors', { limit: 1000 });
    expect(whole.status).toBe(200);
    const g = graphOf(whole.body);
    expect(g.edges.length).toBeLessThanOrEqual(5000);
    expect(g.truncated.reasons.join(' ')).toMatch(/1 paper has more than 50 of the shown authors/);
    const path = pathOf((await get('/api/graph/path', { from: 'hub:c1', to: 'hub:a3000' })).body);
    expect(must(path.paths[0], 'path.paths[0]').hops.map((h) => h.to.id)).toEqual(['hub:a1', 'hub:a3000']);
    expect((await get('/api/graph/topics', { mode: 'bipartite' })).status).toBe(200);
  });

  it("a hub's depth-1 map of 150 authors is sent in under 150 kB", async () => {
    // 600 papers of one hub, each with 8 of 250 co-authors (arXiv-like ids and names): a dense map.
    await graph.runAutoCommit(
      "CREATE (h:Author {id: 'name:dense hub author', name: 'Dense Hub Author'}) WITH h UNWIND range(1, 600) AS j " +
        "CREATE (p:Paper {id: '2399.' + right('0000' + toString(j), 5), title: 'Dense paper ' + j, year: 2015 + j % 10}) " +
        'CREATE (h)-[:AUTHORED {position: 1}]->(p) WITH p, j UNWIND range(0, 7) AS k ' +
        "WITH p, k, 'name:dense coauthor number ' + toString((j * 37 + k * 31) % 250) AS id " +
        "MERGE (a:Author {id: id}) ON CREATE SET a.name = 'Dense Coauthor ' + substring(id, 27) " +
        'CREATE (a)-[:AUTHORED {position: k + 2}]->(p)',
    );
    const res = await fetch(`${api.url()}/api/graph/coauthors?author=${encodeURIComponent('name:dense hub author')}&depth=1`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const g = graphOf(JSON.parse(text));
    expect(g.nodes).toHaveLength(150);
    expect(g.edges.length).toBeGreaterThan(500);
    expect(Buffer.byteLength(text)).toBeLessThan(150_000);
    // The same graph as Cytoscape elements (every edge with its id, source and target) is over the bound, and several
    // times the compact payload.
    const elements = Buffer.byteLength(JSON.stringify(g));
    expect(elements).toBeGreaterThan(150_000);
    expect(elements).toBeGreaterThan(3 * Buffer.byteLength(text));
  });
});

describe('graph endpoints with Neo4j down', () => {
  it('answer 503 with the error envelope and no credentials', async () => {
    for (const text of await expectUnavailable503(['/api/graph/coauthors?author=name:x', '/api/graph/topics', '/api/graph/path?from=a&to=b'])) {
      expect(text).not.toMatch(/at .*\.ts:\d+/);
    }
  });
});
