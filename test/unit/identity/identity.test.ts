import { describe, expect, it } from 'vitest';
import { blockOfMention, matchGiven, mentionsOfRecord, parseName, resolveIdentities, type Mention } from '../../../ingest/identity/index.js';
import type { PaperRecord } from '../../../ingest/record.js';
import { parseFile } from '../../../ingest/sources/index.js';
import { ids, paper } from './helpers.js';

const incremental = (mentions: Mention[], persons: Parameters<typeof resolveIdentities>[0]['persons'] = []) =>
  resolveIdentities({ mentions, persons, mode: 'incremental' });

describe('blocking', () => {
  it('puts "Wei Wang", "W. Wang" and family-first "Wang Wei" in one block with compatible given names', () => {
    const names = [parseName('Wei Wang'), parseName('W. Wang'), parseName('Wang Wei', { nameOrder: 'family-given' }), parseName('Wang, Wei')];
    expect(new Set(names.map((n) => n.block))).toEqual(new Set(['wang']));
    expect(names.map((n) => n.given)).toEqual([['wei'], ['w'], ['wei'], ['wei']]);
    expect(matchGiven(['wei'], ['w'])).toBe('initial');
    expect(blockOfMention({ name: 'Hartmut Haentze' })).toBe(blockOfMention({ name: 'Hartmut Häntze' }));
  });

  it('never joins different given names ("Jan" / "Johann"), even with shared co-authors', () => {
    expect(matchGiven(['jan'], ['johann'])).toBe('none');
    const r = incremental([
      ...paper({ id: 'p1', authors: ['Jan Kowalczyk', 'Ann Example', 'Bo Sample'] }),
      ...paper({ id: 'p2', authors: ['Johann Kowalczyk', 'Ann Example', 'Bo Sample'] }),
    ]);
    const m = ids(r);
    expect(m.get('p1#0')).not.toBe(m.get('p2#0'));
    expect(m.get('p1#1')).toBe(m.get('p2#1'));
  });
});

describe('assignment by evidence', () => {
  it('makes two persons of one name with disjoint co-authors and fields', () => {
    const r = incremental([
      ...paper({ id: 'cv1', authors: ['Wei Wang', 'Anna Berg', 'Carl Dorn'], categories: ['cs.CV'], year: 2019 }),
      ...paper({ id: 'cv2', authors: ['Wei Wang', 'Anna Berg', 'Eva Falk'], categories: ['cs.CV'], year: 2020 }),
      ...paper({ id: 'th1', authors: ['Wei Wang', 'Gus Hale', 'Ida Jonsson'], categories: ['hep-th'], year: 2020 }),
    ]);
    const m = ids(r);
    expect(m.get('cv1#0')).toBe(m.get('cv2#0'));
    expect(m.get('th1#0')).not.toBe(m.get('cv1#0'));
    expect(new Set(r.assignments.filter((a) => a.position === 0).map((a) => a.personId)).size).toBe(2);
  });

  it('keeps a rare name one person across fields of one discipline when nothing speaks against it', () => {
    const r = incremental([
      ...paper({ id: 'a', authors: ['Keno K. Bressem', 'Paul Grundmann'], categories: ['cs.CL'], year: 2023 }),
      ...paper({ id: 'b', authors: ['Keno K. Bressem', 'Bernd Hamm'], categories: ['eess.IV'], year: 2021 }),
    ]);
    expect(ids(r).get('a#0')).toBe(ids(r).get('b#0'));
  });

  it('joins a variant "W. Wang" with two shared co-authors to the right Wei Wang', () => {
    const base = [
      ...paper({ id: 'cv1', authors: ['Wei Wang', 'Anna Berg', 'Carl Dorn'], categories: ['cs.CV'] }),
      ...paper({ id: 'th1', authors: ['Wei Wang', 'Gus Hale', 'Ida Jonsson'], categories: ['hep-th'] }),
      ...paper({ id: 'v', authors: ['W. Wang', 'Gus Hale', 'Ida Jonsson'], categories: ['hep-th'] }),
    ];
    const m = ids(incremental(base));
    expect(m.get('v#0')).toBe(m.get('th1#0'));
    expect(m.get('v#0')).not.toBe(m.get('cv1#0'));
  });

  it('offers a variant with one shared co-author as a suggestion, not a merge ("K. Bressem")', () => {
    const r = incremental([
      ...paper({ id: '2101.00001', authors: [{ name: 'Keno K. Bressem', given: 'Keno K.', family: 'Bressem' }, 'Lisa C. Adams'] }),
      ...paper({ id: '2101.00002', authors: [{ name: 'K. Bressem', given: 'K.', family: 'Bressem' }, 'Lisa C. Adams'] }),
    ]);
    const m = ids(r);
    expect(m.get('2101.00001#0')).not.toBe(m.get('2101.00002#0'));
    expect(m.get('2101.00001#1')).toBe(m.get('2101.00002#1'));
    expect(r.suggestions).toHaveLength(1);
    const s = r.suggestions[0]!;
    expect(s.kind).toBe('variant');
    if (s.kind !== 'variant') return;
    expect(new Set([s.a, s.b])).toEqual(new Set([m.get('2101.00001#0'), m.get('2101.00002#0')]));
    expect(s.evidence.sharedCoauthors).toEqual(['Lisa C. Adams']);
    expect(s.reason).toMatch(/initial/);
  });

  it('never puts two authors of one paper into one person', () => {
    const m = ids(incremental(paper({ id: 'p', authors: ['Mia Rossberg', 'Mia Rossberg', 'Ann Example'] })));
    expect(m.get('p#0')).not.toBe(m.get('p#1'));
  });
});

describe('source ids are hard evidence', () => {
  it('joins one ORCID across fields and spellings, and splits two ORCIDs despite identical evidence', () => {
    const orcid = '0000-0002-1825-0097';
    const r = incremental([
      ...paper({ id: 'a', authors: [{ name: 'Wei Wang', orcid }, 'Anna Berg'], categories: ['cs.CV'], year: 2001 }),
      ...paper({ id: 'b', authors: [{ name: 'Wang Wei', nameOrder: 'family-given', orcid }, 'Gus Hale'], categories: ['hep-th'], year: 2024 }),
      ...paper({ id: 'c', authors: [{ name: 'Mia Rossberg', orcid: '0000-0001-0000-0001' }, 'Anna Berg', 'Carl Dorn'] }),
      ...paper({ id: 'd', authors: [{ name: 'Mia Rossberg', orcid: '0000-0001-0000-0002' }, 'Anna Berg', 'Carl Dorn'] }),
    ]);
    const m = ids(r);
    expect(m.get('a#0')).toBe(m.get('b#0'));
    expect(m.get('a#0')).toBe(`orcid:${orcid}`);
    expect(m.get('c#0')).not.toBe(m.get('d#0'));
  });

  it('links blocks through a source id: a person under two family names stays one', () => {
    const r = incremental([
      ...paper({ id: 'a', authors: [{ name: 'Lisa Miller', openalexId: 'A1' }, 'Anna Berg'] }),
      ...paper({ id: 'b', authors: [{ name: 'Lisa Smithfield', openalexId: 'A1' }, 'Carl Dorn'] }),
    ]);
    expect(ids(r).get('a#0')).toBe('openalex:A1');
    expect(ids(r).get('b#0')).toBe('openalex:A1');
  });
});

describe('stable ids', () => {
  it('keeps existing ids when new mentions arrive, and gives a new namesake a new deterministic id', () => {
    const first = incremental([
      ...paper({ id: 'cv1', authors: ['Wei Wang', 'Anna Berg', 'Carl Dorn'], categories: ['cs.CV'] }),
      ...paper({ id: 'cv2', authors: ['Wei Wang', 'Anna Berg', 'Eva Falk'], categories: ['cs.CV'] }),
    ]);
    const wei = ids(first).get('cv1#0')!;
    expect(wei).toBe('name:wei wang');
    const batch = [
      ...paper({ id: 'cv3', authors: ['Wei Wang', 'Carl Dorn', 'Eva Falk'], categories: ['cs.CV'] }),
      ...paper({ id: 'th1', authors: ['Wei Wang', 'Gus Hale'], categories: ['hep-th'] }),
    ];
    const second = incremental(batch, first.persons);
    const m = ids(second);
    expect(m.get('cv3#0')).toBe(wei);
    expect(m.get('th1#0')).toMatch(/^name:wei wang~[0-9a-z]+$/);
    expect(second.created).toContain(m.get('th1#0'));
    expect(second.created).not.toContain(wei);
    expect(second.retired).toEqual([]);
    // The same input gives the same ids.
    expect(ids(incremental(batch, first.persons))).toEqual(m);
    // Persons' summaries come back updated for the writer to store.
    expect(second.persons.find((p) => p.id === wei)!.mentions).toBe(3);
  });

  it('bulk: carries ids over by overlap when a fused name is split, and retires an id whose mentions moved', () => {
    const mentions = [
      ...paper({ id: 'cv1', authors: ['Wei Wang', 'Anna Berg', 'Carl Dorn'], categories: ['cs.CV'] }),
      ...paper({ id: 'cv2', authors: ['Wei Wang', 'Anna Berg', 'Carl Dorn'], categories: ['cs.CV'] }),
      ...paper({ id: 'th1', authors: ['Wei Wang', 'Gus Hale', 'Ida Jonsson'], categories: ['hep-th'] }),
      ...paper({ id: 'th2', authors: ['W. Wang', 'Gus Hale', 'Ida Jonsson'], categories: ['hep-th'] }),
    ];
    const summary = (id: string, refs: string[]) => ({
      id,
      blocks: ['wang'],
      names: [{ given: 'Wei', family: 'Wang' }],
      orcids: [],
      openalexIds: [],
      coauthors: {},
      collaborators: [],
      categories: {},
      topics: {},
      yearMin: null,
      yearMax: null,
      mentions: refs.length,
      mentionRefs: refs.map((paperId) => ({ paperId, position: 0 })),
    });
    // Today's graph: all three "Wei Wang" mentions on one name-keyed node, "W. Wang" on another.
    const r = resolveIdentities({
      mentions,
      persons: [summary('name:wei wang', ['cv1', 'cv2', 'th1']), summary('name:w wang', ['th2'])],
      mode: 'bulk',
    });
    const m = ids(r);
    expect(m.get('cv1#0')).toBe('name:wei wang');
    expect(m.get('th1#0')).toBe(m.get('th2#0'));
    expect(m.get('th1#0')).toBe('name:w wang');
    expect(r.retired).toEqual([]);
    // Two stored persons whose mentions now form one person: one id redirects to the other.
    const merged = resolveIdentities({
      mentions: mentions.filter((x) => x.paperId.startsWith('cv')),
      persons: [summary('name:wei wang', ['cv1']), summary('name:wei wang~x', ['cv2'])],
      mode: 'bulk',
    });
    expect(merged.retired).toEqual([{ id: 'name:wei wang~x', redirectTo: 'name:wei wang', reason: expect.any(String) }]);
  });
});

describe('the sample listing', () => {
  it('gives 26 persons, with Knolle, Ziller and Usynin one person each across the two differential-privacy papers', async () => {
    const records: PaperRecord[] = [];
    for await (const e of parseFile('data/samples/group-listing.txt', { listingDate: '2025-06-01' })) if (e.kind === 'record') records.push(e.record);
    const mentions = records.flatMap((r) => mentionsOfRecord(r));
    expect(mentions).toHaveLength(33);
    const r = incremental(mentions);
    expect(new Set(r.assignments.map((a) => a.personId)).size).toBe(26);
    expect(r.suggestions).toEqual([]);
    const dp = records.filter((x) => /differentially private/i.test(x.title));
    expect(dp).toHaveLength(2);
    for (const name of ['Moritz Knolle', 'Alexander Ziller', 'Dmitrii Usynin']) {
      const people = new Set(r.assignments.filter((a) => dp.some((p) => p.id === a.paperId) && mentions.find((x) => x.paperId === a.paperId && x.position === a.position)!.name === name).map((a) => a.personId));
      expect(people.size, name).toBe(1);
      expect([...people][0]).toBe(`name:${name.toLowerCase()}`);
    }
    // Busch, Adams, Dorfner and Bressem appear on two papers each, without shared printed co-authors: one person each.
    for (const name of ['Felix Busch', 'Lisa C. Adams', 'Felix J. Dorfner', 'Keno K. Bressem']) {
      const people = new Set(r.assignments.filter((a) => mentions.find((x) => x.paperId === a.paperId && x.position === a.position)!.name === name).map((a) => a.personId));
      expect(people.size, name).toBe(1);
    }
  });
});
