// /api/search against the real full-text indexes holding the sample listing: prefix matching, grouping, escaping.
import { describe, expect, it } from 'vitest';
import { ErrorBody } from '../../schema/api.js';
import { SearchResponse } from '../../schema/search.js';
import { expectUnavailable503, useSampleApi } from '../support/api.js';
import { must } from '../../core/must.js';

describe('GET /api/search on the sample listing', () => {
  const api = useSampleApi();
  const { graph } = api;
  const get = (params: Record<string, string>) => api.get('/api/search', params);
  const search = async (params: Record<string, string>) => {
    const res = await get(params);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return SearchResponse.parse(res.body);
  };

  it('finds an author by a prefix of the last word (autocomplete)', async () => {
    const body = await search({ q: 'knol', types: 'author' });
    expect(body.lucene).toBe('+(knol knol*)');
    expect(body.results).toEqual([{ type: 'author', id: 'name:moritz knolle', label: 'Moritz Knolle', sublabel: '2 papers', score: expect.any(Number) }]);
    expect(body.groups).toEqual([{ type: 'author', shown: 1, total: 1, totalIsLowerBound: false }]);
  });

  it('requires every word, so "daniel tr" finds Daniel Truhn and not every Daniel or every "tr…"', async () => {
    const body = await search({ q: 'daniel tr', types: 'author' });
    expect(body.results.map((r) => r.label)).toEqual(['Daniel Truhn']);
  });

  it('finds papers by title words with year and first authors as sublabel', async () => {
    const body = await search({ q: 'NeuralDP', types: 'paper' });
    expect(body.results[0]).toMatchObject({ type: 'paper', label: 'NeuralDP Differentially private neural networks by design' });
    expect(must(body.results[0], 'body.results[0]').id).toMatch(/^title:[0-9a-f]{16}$/);
    expect(must(body.results[0], 'body.results[0]').sublabel).toBe('2021 · Moritz Knolle, Dmitrii Usynin, Alexander Ziller et al.');
  });

  it('finds topics, with their paper count', async () => {
    const body = await search({ q: 'differential priv', types: 'topic' });
    expect(body.results[0]).toMatchObject({ type: 'topic', id: 'differential-privacy', label: 'differential privacy', sublabel: '2 papers' });
  });

  it('groups results by type in the order asked for, best first within each', async () => {
    const body = await search({ q: 'neural', types: 'topic,paper,author' });
    expect(body.groups.map((g) => g.type)).toEqual(['topic', 'paper', 'author']);
    const order = body.results.map((r) => r.type);
    expect(order).toEqual([...order].sort((a, b) => ['topic', 'paper', 'author'].indexOf(a) - ['topic', 'paper', 'author'].indexOf(b)));
    for (const type of ['topic', 'paper'] as const) {
      const scores = body.results.filter((r) => r.type === type).map((r) => r.score);
      expect(scores.length).toBeGreaterThan(0);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(must(body.groups.find((g) => g.type === type), 'body.groups.find((g) => g.type === type)').shown).toBe(scores.length);
    }
  });

  it('searches every type by default and cuts each to limit, saying how many there were', async () => {
    const all = await search({ q: 'felix' });
    expect(all.groups.map((g) => g.type)).toEqual(['paper', 'author', 'topic']);
    expect(all.results.filter((r) => r.type === 'author').map((r) => r.label).sort()).toEqual(['Felix Busch', 'Felix J. Dorfner']);
    const one = await search({ q: 'felix', types: 'author', limit: '1' });
    expect(one.results).toHaveLength(1);
    expect(one.groups).toEqual([{ type: 'author', shown: 1, total: 2, totalIsLowerBound: false }]);
  });

  describe('Lucene syntax is escaped, never interpreted', () => {
    it('"-" is not NOT: "Knolle -Moritz" still finds Moritz Knolle', async () => {
      const body = await search({ q: 'Knolle -Moritz', types: 'author' });
      expect(body.results.map((r) => r.id)).toEqual(['name:moritz knolle']);
    });

    it('"OR" is a word to match, not an operator: "Knolle OR Busch" finds neither', async () => {
      expect((await search({ q: 'Knolle', types: 'author' })).results).toHaveLength(1);
      expect((await search({ q: 'Busch', types: 'author' })).results).toHaveLength(1);
      const body = await search({ q: 'Knolle OR Busch', types: 'author' });
      expect(body.results).toEqual([]);
    });

    it('field syntax is not a field: "name:Knolle" is not a query on the name property', async () => {
      // Interpreted, `name:Knolle` would be a field query on author_name's `name` property and find Moritz Knolle.
      // Escaped, it is the literal text "name:knolle", which the standard tokenizer keeps as one token (":" joins
      // letters in Unicode word breaking) and no name contains.
      const raw = await graph.transaction('READ', async (tx) =>
        (await tx.run("CALL db.index.fulltext.queryNodes('author_name', 'name:Knolle') YIELD node RETURN node.id AS id")).records.map(
          (r) => r.get('id') as string,
        ),
      );
      expect(raw).toEqual(['name:moritz knolle']);
      expect((await search({ q: 'name:Knolle', types: 'author' })).results).toEqual([]);
      expect((await search({ q: 'name:Knolle', types: 'author' })).lucene).toBe('+name\\:Knolle');
    });

    it.each([
      '(unbalanced',
      'a AND',
      'NOT',
      '"open quote',
      '[1 TO',
      '{x',
      'title:^2',
      '/regex.*/',
      'back\\slash',
      'what?',
      '~fuzzy~2',
      '&& || !',
      '*',
      'x:y:z',
    ])('answers 200 for %j', async (q) => {
      const body = await search({ q });
      expect(body.q).toBe(q.trim());
    });

    it('answers with no hits and an empty Lucene query when nothing searchable is left', async () => {
      const body = await search({ q: '&& ( ) *' });
      expect(body).toEqual({
        q: '&& ( ) *',
        lucene: '',
        results: [],
        groups: ['paper', 'author', 'topic'].map((type) => ({ type, shown: 0, total: 0, totalIsLowerBound: false })),
      });
    });
  });

  it.each([
    [{ q: '' }, 'q'],
    [{ q: '   ' }, 'q'],
    [{}, 'q'],
    [{ q: 'x', types: 'author,people' }, 'types'],
    [{ q: 'x', types: '' }, 'types'],
    [{ q: 'x', limit: '0' }, 'limit'],
    [{ q: 'x', limit: '51' }, 'limit'],
    [{ q: 'x', query: 'y' }, 'query'],
  ])('answers 400 naming the parameter for %j', async (params, name) => {
    const res = await get(params as Record<string, string>);
    expect(res.status).toBe(400);
    const body = ErrorBody.parse(res.body);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain(`'${name}`);
  });

  it('answers 503 without credentials when Neo4j is unreachable', async () => {
    await expectUnavailable503('/api/search?q=knolle');
  });
});
