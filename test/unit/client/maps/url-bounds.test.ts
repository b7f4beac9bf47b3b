// The maps' URL parameters are bounded by the server's own query schemas: a hand-edited link never becomes a 400.
import { describe, expect, it } from 'vitest';
import { CoauthorGraphQuery, MAX_GRAPH_NODES, TopicGraphQuery } from '../../../../schema/graph.js';
import { numberBounds } from '../../../../client/src/core/codec.js';
import { coauthorGraphQuery, decodeCoauthorParams } from '../../../../client/src/views/coauthors/params.js';
import { decodeTopicParams, topicGraphQuery } from '../../../../client/src/views/topics/params.js';

/** The query string the client would send, as the server's router sees it (every value a string). */
const asQueryString = (q: object) =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));

/** Hand-edited values around a [min, max] range: below, at and above both ends, fractions and junk. */
const around = (min: number, max: number) => [min - 1, min, min + 0.5, max, max + 1, 10 * max + 7, -3].map(String).concat(['x', '1e3', ' 2 ']);

describe('URL bounds from the schema/ query schemas', () => {
  it('reads the bounds of a query schema field', () => {
    expect(numberBounds(CoauthorGraphQuery.shape.limit)).toEqual({ min: 1, max: MAX_GRAPH_NODES, int: true });
    expect(numberBounds(CoauthorGraphQuery.shape.depth)).toEqual({ min: 1, max: 3, int: true });
    expect(numberBounds(CoauthorGraphQuery.shape.yearFrom)).toEqual({ min: 1000, max: 3000, int: true });
    expect(() => numberBounds(CoauthorGraphQuery.shape.author)).toThrow(/not a number schema/);
  });

  it('rejects a co-author limit above the server cap instead of sending it (the API would answer 400)', () => {
    expect(decodeCoauthorParams({ limit: String(MAX_GRAPH_NODES) }).limit).toBe(MAX_GRAPH_NODES);
    expect(decodeCoauthorParams({ limit: '5000' }).limit).toBeUndefined();
    expect(decodeTopicParams({ limit: '5000' }).limit).toBeUndefined();
    expect(CoauthorGraphQuery.safeParse({ limit: '5000' }).success).toBe(false);
  });

  it('drops a yearTo before yearFrom, which the server refuses', () => {
    const p = decodeCoauthorParams({ author: 'a', yearFrom: '2022', yearTo: '2021' });
    expect(p).toMatchObject({ yearFrom: 2022, yearTo: undefined });
    expect(CoauthorGraphQuery.safeParse(asQueryString(coauthorGraphQuery(p))).success).toBe(true);
  });

  it('every hand-edited co-author value the client keeps is one the server accepts', () => {
    const cases: Record<string, string[]> = {
      depth: around(1, 3),
      minWeight: around(1, 1000),
      yearFrom: around(1000, 3000),
      yearTo: around(1000, 3000),
      limit: around(1, MAX_GRAPH_NODES),
      weighting: ['count', 'fractional', 'weird', ''],
    };
    for (const [key, values] of Object.entries(cases)) {
      for (const value of values) {
        const q = asQueryString(coauthorGraphQuery(decodeCoauthorParams({ author: 'name:a', [key]: value })));
        const server = CoauthorGraphQuery.safeParse(q);
        expect(server.success, `${key}=${JSON.stringify(value)} → ${JSON.stringify(q)}: ${server.error?.issues[0]?.message}`).toBe(true);
      }
    }
  });

  it('every hand-edited topic value the client keeps is one the server accepts', () => {
    const cases: Record<string, string[]> = {
      minCooccurrence: around(1, 1_000_000),
      limit: around(1, MAX_GRAPH_NODES),
      mode: ['cooccurrence', 'bipartite', 'other'],
    };
    for (const [key, values] of Object.entries(cases)) {
      for (const value of values) {
        const q = asQueryString(topicGraphQuery(decodeTopicParams({ topic: 't', [key]: value })));
        const server = TopicGraphQuery.safeParse(q);
        expect(server.success, `${key}=${JSON.stringify(value)} → ${JSON.stringify(q)}: ${server.error?.issues[0]?.message}`).toBe(true);
      }
    }
  });
});
