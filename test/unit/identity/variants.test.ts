// Spelling variants: which differently written names of one person the model joins, and on what evidence.
import { describe, expect, it } from 'vitest';
import { givenIndexKeys, parseName, resolveIdentities, type Mention } from '../../../ingest/identity/index.js';
import { ids, paper } from './helpers.js';

const bulk = (mentions: Mention[]) => resolveIdentities({ mentions, persons: [], mode: 'bulk' });
const incremental = (mentions: Mention[]) => resolveIdentities({ mentions, persons: [], mode: 'incremental' });

describe('run-together and hyphenated given names', () => {
  it('indexes "Hao-Na" under "hao" and "haona", so "Haona" finds it', () => {
    expect(givenIndexKeys(parseName('Hao-Na Quilbert'))).toEqual(['hao', 'haona']);
    expect(givenIndexKeys(parseName('Haona Quilbert'))).toEqual(['haona']);
    expect(givenIndexKeys(parseName('H. Quilbert'))).toEqual(['h.']);
  });

  it('joins "Haona Quilbert" and "Hao-Na Quilbert" in one field without shared co-authors (a rare name)', () => {
    for (const run of [bulk, incremental]) {
      const m = ids(
        run([
          ...paper({ id: 'a', authors: ['Haona Quilbert', 'Anna Berg'], categories: ['cs.CV'], topics: ['t1'] }),
          ...paper({ id: 'b', authors: ['Hao-Na Quilbert', 'Gus Hale'], categories: ['cs.CV'], topics: ['t1'] }),
        ]),
      );
      expect(m.get('a#0')).toBe(m.get('b#0'));
    }
  });
});

describe('initial-only spellings', () => {
  const full = paper({ id: 'f', authors: ['Lukas T. Quilbert', 'Anna Berg', 'Carl Dorn'], categories: ['cs.CV'] });

  it('join with one shared co-author when two initials agree ("L. T." / "Lukas T.")', () => {
    const m = ids(incremental([...full, ...paper({ id: 'i', authors: ['L. T. Quilbert', 'Anna Berg'], categories: ['cs.CV'] })]));
    expect(m.get('i#0')).toBe(m.get('f#0'));
  });

  it('stay apart with one shared co-author and a single initial ("L." / "Lukas T."), offered as a variant', () => {
    const r = incremental([...full, ...paper({ id: 'i', authors: ['L. Quilbert', 'Anna Berg'], categories: ['cs.CV'] })]);
    expect(ids(r).get('i#0')).not.toBe(ids(r).get('f#0'));
    expect(r.suggestions.map((s) => s.kind)).toEqual(['variant']);
  });

  it('join with one shared co-author when the block resolves the initial (3 papers of "Lukas T.", no other L.)', () => {
    const more = [
      ...paper({ id: 'f2', authors: ['Lukas T. Quilbert', 'Ivo Sand'], categories: ['cs.CV'] }),
      ...paper({ id: 'f3', authors: ['Lukas T. Quilbert', 'Ute Rahn'], categories: ['cs.CV'] }),
    ];
    for (const run of [bulk, incremental]) {
      const r = run([...full, ...more, ...paper({ id: 'i', authors: ['L. Quilbert', 'Anna Berg'], categories: ['cs.CV'] })]);
      expect(ids(r).get('i#0')).toBe(ids(r).get('f#0'));
      expect(r.suggestions).toEqual([]);
    }
  });

  it('do not count the block as resolving the initial when another full name shares it ("Lena Quilbert")', () => {
    const more = [
      ...paper({ id: 'f2', authors: ['Lukas T. Quilbert', 'Ivo Sand'], categories: ['cs.CV'] }),
      ...paper({ id: 'f3', authors: ['Lukas T. Quilbert', 'Ute Rahn'], categories: ['cs.CV'] }),
      ...paper({ id: 'o', authors: ['Lena Quilbert', 'Eva Mohr'], categories: ['q-bio.NC'] }),
    ];
    const r = incremental([...full, ...more, ...paper({ id: 'i', authors: ['L. Quilbert', 'Anna Berg'], categories: ['cs.CV'] })]);
    expect(ids(r).get('i#0')).not.toBe(ids(r).get('f#0'));
  });

  it('stay apart when the second initial disagrees ("L. M." / "Lukas T."), even with co-authors', () => {
    const m = ids(incremental([...full, ...paper({ id: 'i', authors: ['L. M. Quilbert', 'Anna Berg', 'Carl Dorn'], categories: ['cs.CV'] })]));
    expect(m.get('i#0')).not.toBe(m.get('f#0'));
  });
});

describe('large collaborations', () => {
  const members = Array.from({ length: 60 }, (_, i) => `Member${String.fromCharCode(97 + (i % 26))}${i} Collab`);
  const collab = (id: string, name: string) => paper({ id, authors: [name, ...members], categories: ['hep-ex'], topics: ['detector'] });

  it('joins an initial-only spelling of a rare name through a shared collaboration', () => {
    const m = ids(bulk([...collab('c1', 'Arya Quilbert'), ...collab('c2', 'A. Quilbert')]));
    expect(m.get('c2#0')).toBe(m.get('c1#0'));
  });

  it('keeps an initial-only spelling of a very common name apart on a shared collaboration alone', () => {
    const m = ids(bulk([...collab('c1', 'Wei Wang'), ...collab('c2', 'W. Wang')]));
    expect(m.get('c2#0')).not.toBe(m.get('c1#0'));
  });
});
