// URL state ↔ view state: the shell contract and the map views' parameter codecs.
import { describe, expect, it } from 'vitest';
import { formatUrlState, parseUrlState } from '../../../../client/src/core/url-state.js';
import { decodeCoauthorParams, describeFilters, encodeCoauthorParams, graphQueryKey } from '../../../../client/src/views/coauthors/params.js';
import { decodeTopicParams, encodeTopicParams } from '../../../../client/src/views/topics/params.js';
import { intParam, listParam } from '../../../../client/src/core/codec.js';

describe('url-state', () => {
  it('defaults to the overview and drops empty values', () => {
    expect(parseUrlState('')).toEqual({ view: 'overview', params: {} });
    expect(parseUrlState('?view=nope&a=')).toEqual({ view: 'overview', params: {} });
  });
  it('round-trips ids with colons and spaces, with a stable key order', () => {
    const state = { view: 'coauthors' as const, params: { depth: '2', author: 'name:moritz knolle' } };
    const url = formatUrlState(state);
    expect(url).toBe('?view=coauthors&author=name%3Amoritz+knolle&depth=2');
    expect(parseUrlState(url)).toEqual(state);
  });
});

describe('co-author params', () => {
  it('decodes defaults and tolerates hand-edited junk', () => {
    const p = decodeCoauthorParams({ author: 'a1', depth: '9', minWeight: 'x', weighting: 'weird', expand: 'b,,c,b' });
    expect(p).toMatchObject({ author: 'a1', depth: 1, minWeight: 1, weighting: 'count', colour: 'community', expand: ['b', 'c'] });
    expect(p.yearFrom).toBeUndefined();
  });
  it('encodes only what differs from the default and round-trips', () => {
    const p = decodeCoauthorParams({ author: 'a1', depth: '2', minWeight: '3', yearFrom: '2021', yearTo: '2022', colour: 'category', expand: 'b,c', sel: 'b' });
    const enc = encodeCoauthorParams(p);
    expect(enc).toEqual({ author: 'a1', depth: '2', minWeight: '3', yearFrom: '2021', yearTo: '2022', colour: 'category', expand: 'b,c', sel: 'b' });
    expect(decodeCoauthorParams(enc)).toEqual(p);
    expect(encodeCoauthorParams(decodeCoauthorParams({ author: 'a1', depth: '1', weighting: 'count' }))).toEqual({ author: 'a1' });
  });
  it('refetches for filter changes but not for selection or colour', () => {
    const base = decodeCoauthorParams({ author: 'a1' });
    expect(graphQueryKey({ ...base, sel: 'x', colour: 'category' })).toBe(graphQueryKey(base));
    expect(graphQueryKey({ ...base, minWeight: 2 })).not.toBe(graphQueryKey(base));
  });
  it('describes filters for empty states', () => {
    expect(describeFilters(decodeCoauthorParams({ minWeight: '3', yearFrom: '2021', yearTo: '2022' }))).toBe('with ≥ 3 joint papers in 2021–2022');
    expect(describeFilters(decodeCoauthorParams({}))).toBe('');
  });
});

describe('topic params', () => {
  it('round-trips and omits defaults', () => {
    const p = decodeTopicParams({ topic: 't', mode: 'bipartite', minCooccurrence: '2' });
    expect(encodeTopicParams(p)).toEqual({ topic: 't', mode: 'bipartite', minCooccurrence: '2' });
    expect(encodeTopicParams(decodeTopicParams({ mode: 'cooccurrence' }))).toEqual({});
  });
});

describe('codec helpers', () => {
  it('bounds integers', () => {
    expect(intParam({ a: '5' }, 'a', 1, 3, 2)).toBe(2);
    expect(intParam({ a: '3' }, 'a', 1, 3, 2)).toBe(3);
    expect(intParam({ a: '2.5' }, 'a', 1, 3)).toBeUndefined();
    expect(listParam({ l: ' a , b ' }, 'l')).toEqual(['a', 'b']);
  });
});
