// /api/stats against the real Neo4j holding the sample listing; every number is checked against the graph itself.
import { describe, expect, it } from 'vitest';
import { refreshSummaries } from '../../db/summary/refresh.js';
import { bumpGraphVersion } from '../../db/summary/version.js';
import { ErrorBody } from '../../schema/api.js';
import { StatsResponse } from '../../schema/stats.js';
import { expectUnavailable503, useSampleApi } from '../support/api.js';
import { must } from '../../core/must.js';

describe('GET /api/stats on the sample listing', () => {
  const { graph, query, ...api } = useSampleApi();
  const get = (qs = '') => api.get(`/api/stats${qs}`);
  const stats = async (qs = '') => {
    const res = await get(qs);
    expect(res.status).toBe(200);
    return StatsResponse.parse(res.body);
  };

  it('counts the eleven sample papers per year', async () => {
    const body = await stats();
    expect(body.nodes.Paper).toBe(11);
    expect(body.nodes.Stub).toBe(0);
    // 2025: the "May 5" paper, its year inferred from the pinned listing date.
    expect(body.papersPerYear).toEqual([
      { year: 2021, papers: 5 },
      { year: 2022, papers: 1 },
      { year: 2023, papers: 1 },
      { year: 2024, papers: 3 },
      { year: 2025, papers: 1 },
    ]);
    expect(body.papersWithoutYear).toBe(0);
  });

  it('counts every label and relationship type as the graph does', async () => {
    const body = await stats();
    for (const label of ['Author', 'Category', 'Topic', 'Stub'] as const) {
      const [row] = await query(`MATCH (n:${label}) RETURN count(n) AS n`);
      expect(body.nodes[label], label).toBe(must(row, `the count of ${label} nodes`).n);
    }
    for (const type of ['AUTHORED', 'IN_CATEGORY', 'HAS_TOPIC', 'CITES', 'MAYBE_SAME_AS'] as const) {
      const [row] = await query(`MATCH ()-[r:${type}]->() RETURN count(r) AS n`);
      expect(body.relationships[type], type).toBe(must(row, `the count of ${type} relationships`).n);
    }
    expect(body.relationships.AUTHORED).toBe(33);
    expect(body.relationships.IN_CATEGORY).toBe(11);
  });

  it('lists categories, authors and topics by paper count, matching the graph', async () => {
    const body = await stats('?limit=100');
    expect(body.categories).toEqual([
      { code: 'cs.CV', name: 'Computer Vision and Pattern Recognition', archive: 'cs', papers: 4 },
      { code: 'cs.CL', name: 'Computation and Language', archive: 'cs', papers: 3 },
      { code: 'cs.LG', name: 'Machine Learning', archive: 'cs', papers: 2 },
      { code: 'eess.IV', name: 'Image and Video Processing', archive: 'eess', papers: 2 },
    ]);
    const authors = await query(
      'MATCH (a:Author) RETURN a.id AS id, a.name AS name, COUNT { (a)-[:AUTHORED]->() } AS papers ORDER BY papers DESC, id LIMIT 100',
    );
    expect(body.topAuthors).toEqual(authors);
    expect(body.topAuthors.slice(0, 7).map((a) => a.papers)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(body.topAuthors.map((a) => a.name)).toEqual(expect.arrayContaining(['Moritz Knolle', 'Felix Busch', 'Lisa C. Adams']));
    const topics = await query(
      'MATCH (t:Topic) RETURN t.id AS id, t.name AS name, COUNT { (t)<-[:HAS_TOPIC]-() } AS papers ORDER BY papers DESC, id LIMIT 100',
    );
    expect(body.topTopics).toEqual(topics);
    // Topics are extracted from the abstracts; the sample's papers share some (e.g. "differential privacy").
    expect(must(body.topTopics[0], 'body.topTopics[0]').papers).toBeGreaterThanOrEqual(2);
    expect(body.truncated).toEqual({});
  });

  it('cuts each top list to limit and says how many there were', async () => {
    const body = await stats('?limit=2');
    expect(body.categories).toHaveLength(2);
    expect(body.topAuthors).toHaveLength(2);
    expect(body.topTopics).toHaveLength(2);
    expect(body.truncated).toEqual({
      categories: { total: 4, shown: 2 },
      topAuthors: { total: body.nodes.Author, shown: 2 },
      topTopics: { total: body.nodes.Topic, shown: 2 },
    });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=ten', 'limit'],
    ['top=5', 'top'],
  ])('answers 400 naming the parameter for ?%s', async (qs, name) => {
    const res = await get(`?${qs}`);
    expect(res.status).toBe(400);
    const body = ErrorBody.parse(res.body);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain(`'${name}'`);
  });

  it('counts cited-only works as Stub, not as Paper', async () => {
    // Written as every writer must (the graph version bumped in the same transaction), then summarised as ingest does.
    await graph.transaction('WRITE', async (tx) => {
      await tx.run(
        "MATCH (p:Paper) WITH p ORDER BY p.id LIMIT 1 CREATE (p)-[:CITES]->(:Paper:Stub {id: 'openalex:W42', openalexId: 'W42'})",
      );
      await bumpGraphVersion(tx);
    });
    await refreshSummaries(graph);
    const body = await stats();
    expect(body.stale).toBe(false);
    expect(body.nodes.Paper).toBe(11);
    expect(body.nodes.Stub).toBe(1);
    expect(body.relationships.CITES).toBe(1);
    expect(body.papersPerYear.reduce((s, y) => s + y.papers, 0) + body.papersWithoutYear).toBe(11);
  });

  it('answers 503 without credentials when Neo4j is unreachable', async () => {
    await expectUnavailable503('/api/stats');
  });
});
