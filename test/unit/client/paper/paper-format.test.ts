// Paper page helpers: dates as precise as the source, the `by` parameter, score bars relative to the list.
import { describe, expect, it } from 'vitest';
import { formatPaperDate, formatScore, relatedBy, scoreFractions } from '../../../../client/src/views/paper/paper-format.js';

describe('formatPaperDate', () => {
  it('shows as much of the date as the source gave', () => {
    expect(formatPaperDate('2021-07-30', 2021, 'day')).toEqual({ text: '30 Jul 2021', inferred: false });
    expect(formatPaperDate('2021-07-01', 2021, 'month')).toEqual({ text: 'Jul 2021', inferred: false });
    expect(formatPaperDate('2021-01-01', 2021, 'year')).toEqual({ text: '2021', inferred: false });
  });

  it('marks an inferred year', () => {
    expect(formatPaperDate('2025-05-05', 2025, 'inferred-year')).toEqual({ text: '5 May 2025', inferred: true });
    expect(formatPaperDate(null, 2025, 'inferred-year')).toEqual({ text: '2025', inferred: true });
  });

  it('falls back to the year, or nothing', () => {
    expect(formatPaperDate(null, 1999, null)).toEqual({ text: '1999', inferred: false });
    expect(formatPaperDate(null, null, null)).toBeNull();
    expect(formatPaperDate('garbage', null, 'day')).toBeNull();
  });
});

describe('relatedBy', () => {
  it('accepts the three rankings and defaults to all', () => {
    expect(relatedBy({ by: 'authors' })).toBe('authors');
    expect(relatedBy({ by: 'topics' })).toBe('topics');
    expect(relatedBy({})).toBe('all');
    expect(relatedBy({ by: 'nonsense' })).toBe('all');
  });
});

describe('scoreFractions', () => {
  const s = (authors: number, topics: number, categories = 0, citations = 0) => ({
    score: { total: authors + topics, authors, topics, categories, citations },
  });

  it('scales each part to its own maximum in the list', () => {
    expect(scoreFractions([s(3, 0.5, 1), s(1, 2, 0)])).toEqual([
      { authors: 1, topics: 0.25, categories: 1, citations: 0 },
      { authors: 1 / 3, topics: 1, categories: 0, citations: 0 },
    ]);
  });

  it('gives empty bars (not NaN) when a part is zero everywhere, and handles an empty list', () => {
    expect(scoreFractions([s(0, 0)])).toEqual([{ authors: 0, topics: 0, categories: 0, citations: 0 }]);
    expect(scoreFractions([])).toEqual([]);
  });
});

describe('formatScore', () => {
  it('prints counts as integers and sums with two decimals', () => {
    expect(formatScore('authors', 3)).toBe('3');
    expect(formatScore('topics', 1.863812)).toBe('1.86');
    expect(formatScore('total', 5.1138)).toBe('5.11');
  });
});
