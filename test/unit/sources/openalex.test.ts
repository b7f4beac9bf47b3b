// The OpenAlex parser on the real /works page, on arrays, JSON lines and pretty-printed documents.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import { parseOpenAlex, rebuildAbstract, workStartLines } from '../../../ingest/sources/openalex.js';
import { fixture, run } from './helpers.js';

const FILE = fixture('openalex/works-page-25.json');
const page = async () => JSON.parse(await readFile(FILE, 'utf8')) as { results: Record<string, unknown>[] };

describe('parseOpenAlex on the real 25-work page', () => {
  it('yields 25 records, keeping the one work whose title is null untitled with a warning', async () => {
    const r = await run(parseOpenAlex(await readFile(FILE, 'utf8'), { file: FILE }));
    expect(r.records).toHaveLength(25);
    expect(r.rejects).toHaveLength(0);
    const untitled = must(r.records.find((p) => p.openalexId === 'W1902610065'), `r.records.find((p) => p.openalexId === 'W1902610065')`);
    expect(untitled).toMatchObject({ id: 'doi:10.1023/a:1015630930326', title: '' });
    expect(untitled.authors).toHaveLength(4);
    expect(untitled.cites).toHaveLength(29);
    expect(r.warnings.map((w) => w.message)).toContain(
      'work #9 (W1902610065): OpenAlex has no title for this work; kept untitled (its authors and citations are real)',
    );
    // A single-line page: every work starts on line 1.
    expect(new Set(r.recordEvents.map((e) => e.at.line))).toEqual(new Set([1]));
  });

  it('maps the first work: DOI id, OpenAlex ids, ORCIDs, raw names, topics, cites, abstract', async () => {
    const p = must((await run(parseOpenAlex(await readFile(FILE, 'utf8'), { file: FILE }))).records[0], `(await run(parseOpenAlex(await readFile(FILE, 'utf8'), { file: FILE }))).records[0]`);
    expect(p).toMatchObject({
      id: 'doi:10.1107/s0907444998003254',
      doi: '10.1107/s0907444998003254',
      openalexId: 'W1995017064',
      title: 'Crystallography & NMR System: A New Software Suite for Macromolecular Structure Determination',
      published: '1998-09-01',
      year: 1998,
      datePrecision: 'day',
      url: 'https://doi.org/10.1107/s0907444998003254',
      categories: [],
      source: 'openalex',
      authorsTruncated: false,
    });
    expect(p.arxivId).toBeUndefined();
    expect(p.authors).toHaveLength(14);
    expect(p.authors[0]).toEqual({ asWritten: 'A.T. Brünger', name: 'A.T. Brünger', openalexId: 'A5056911622' });
    expect(p.authors[1]).toEqual({ asWritten: 'P.D. Adams', name: 'Paul D. Adams', orcid: '0000-0001-9333-8219', openalexId: 'A5027915011' });
    expect(p.sourceTopics[0]).toEqual({ sourceId: 'T11809', name: 'NMR Spectroscopy Techniques', score: 0.999 });
    expect(p.sourceTopics).toHaveLength(3);
    expect(p.cites).toHaveLength(48);
    expect(p.cites[0]).toBe('openalex:W1481344232');
    expect(p.abstract.startsWith('A new software suite, called Crystallography & NMR System')).toBe(true);
  });

  it('has cites on many works, and marks the truncated 100-author lists', async () => {
    const recs = (await run(parseOpenAlex(await readFile(FILE, 'utf8'), { file: FILE }))).records;
    expect(recs.filter((p) => p.cites.length > 0).length).toBe(25);
    expect(recs.reduce((n, p) => n + p.cites.length, 0)).toBeGreaterThan(1000);
    expect(recs.filter((p) => p.authorsTruncated).map((p) => p.openalexId).sort()).toEqual(['W2110052313', 'W2900756811']);
    expect(recs.every((p) => p.id.startsWith('doi:') && /^W\d+$/.test(must(p.openalexId, `the OpenAlex id of ${p.id}`)))).toBe(true);
    expect(recs.filter((p) => p.abstract === '').length).toBe(3); // three works (one the untitled W1902610065) have no abstract_inverted_index
  });
});

describe('parseOpenAlex input shapes', () => {
  it('a pretty-printed page: each work is located at the line where its object starts', async () => {
    const pretty = JSON.stringify(await page(), null, 2);
    const r = await run(parseOpenAlex(pretty.split('\n'), { file: 'p.json' }));
    expect(r.records).toHaveLength(25);
    const lines = [...r.recordEvents, ...r.rejects].map((e) => e.at.line).sort((a, b) => a - b);
    const textLines = pretty.split('\n');
    for (const l of lines) expect(must(textLines[l - 1], 'textLines[l - 1]').trim()).toBe('{');
    expect(textLines[must(lines[1], 'lines[1]') - 1 + 1]).toContain('"id": "https://openalex.org/W2145538332"');
  });

  it('a JSON array of works', async () => {
    const arr = JSON.stringify((await page()).results.slice(0, 3), null, 1);
    const r = await run(parseOpenAlex(arr, { file: 'a.json' }));
    expect(r.records.map((p) => p.openalexId)).toEqual(['W1995017064', 'W2145538332', 'W2169821755']);
  });

  it('JSON lines: one work per line, a truncated line rejected with its number, the rest parsed', async () => {
    const works = (await page()).results.slice(0, 4).map((w) => JSON.stringify(w));
    works[1] = must(works[1], 'works[1]').slice(0, 500);
    const r = await run(parseOpenAlex(works, { file: 'w.jsonl' }));
    expect(r.records.map((p) => p.openalexId)).toEqual(['W1995017064', 'W2169821755', 'W2166689829']);
    expect(r.rejects).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').at.line).toBe(2);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/^line 2 is not valid JSON/);
    expect(r.recordEvents.map((e) => e.at.line)).toEqual([1, 3, 4]);
  });

  it('JSON lines whose FIRST line is truncated still parse the other lines', async () => {
    const works = (await page()).results.slice(0, 3).map((w) => JSON.stringify(w));
    works[0] = must(works[0], 'works[0]').slice(0, 300);
    const r = await run(parseOpenAlex(works, { file: 'w.jsonl' }));
    expect(r.records.map((p) => p.openalexId)).toEqual(['W2145538332', 'W2169821755']);
    expect(r.rejects.map((e) => e.at.line)).toEqual([1]);
  });

  it('a truncated pretty-printed document is one reject with a line', async () => {
    const pretty = JSON.stringify(await page(), null, 2);
    const cut = pretty.slice(0, 5000);
    const r = await run(parseOpenAlex(cut, { file: 'cut.json' }));
    expect(r.records).toEqual([]);
    expect(r.rejects).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/not valid JSON/);
  });

  it('refuses a multi-line document above the size cap', async () => {
    const pretty = JSON.stringify(await page(), null, 2);
    const r = await run(parseOpenAlex(pretty, { file: 'big.json', maxDocumentChars: 10_000 }));
    expect(r.records).toEqual([]);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/over the 10,000-byte limit/);
  });

  it('prefers an arXiv id revealed by a location, keeps DOI and OpenAlex ids', async () => {
    const w = {
      id: 'https://openalex.org/W123',
      doi: 'https://doi.org/10.1000/ABC',
      title: 'A <i>Preprint</i>',
      publication_year: 2021,
      publication_date: '2021-03-04',
      locations: [{ landing_page_url: 'https://arxiv.org/abs/2103.01234v2', pdf_url: null }],
      authorships: [],
      referenced_works: ['https://openalex.org/W1', 'garbage'],
    };
    const p = must((await run(parseOpenAlex([JSON.stringify(w)], { file: 'x' }))).records[0], `(await run(parseOpenAlex([JSON.stringify(w)], { file: 'x' }))).records[0]`);
    expect(p).toMatchObject({ id: '2103.01234', arxivId: '2103.01234', doi: '10.1000/abc', openalexId: 'W123', title: 'A Preprint', cites: ['openalex:W1'] });
  });

  it('falls back to openalex:W… without a DOI, and to the year when there is no date', async () => {
    const w = { id: 'https://openalex.org/W9', title: 'No DOI', publication_year: 1999, authorships: [{ author: { display_name: 'Ann Lee' } }] };
    const p = must((await run(parseOpenAlex([JSON.stringify(w)], { file: 'x' }))).records[0], `(await run(parseOpenAlex([JSON.stringify(w)], { file: 'x' }))).records[0]`);
    expect(p).toMatchObject({ id: 'openalex:W9', published: '1999-01-01', datePrecision: 'year', url: 'https://openalex.org/W9', authors: [{ asWritten: 'Ann Lee', name: 'Ann Lee' }] });
  });

  it('rejects a corrupt inverted index and non-work JSON', async () => {
    const bad = { id: 'https://openalex.org/W9', title: 'T', abstract_inverted_index: { a: [5_000_000] } };
    const r = await run(parseOpenAlex([JSON.stringify(bad), '{"hello": 1}'], { file: 'x' }));
    expect(r.rejects.map((e) => e.reason)).toEqual([
      'work #1 (W9): abstract: abstract_inverted_index has position 5000000, more than 1000000 words',
      'line 2: JSON is neither an OpenAlex work, a /works page nor an array of works',
    ]);
  });
});

describe('openalex helpers', () => {
  it('rebuilds abstracts from inverted indexes', () => {
    expect(rebuildAbstract({ world: [1], Hello: [0], again: [3], '&amp;': [2] })).toEqual({ text: 'Hello world & again' });
    expect(rebuildAbstract(null)).toEqual({ text: '' });
    expect(rebuildAbstract({ a: [-1] })).toHaveProperty('error');
  });
  it('finds object start lines, ignoring braces inside strings', () => {
    const text = '{\n "meta": {"x": "[{"},\n "results": [\n  {"id": "a{"},\n  {\n   "id": "b"}\n ]\n}';
    expect(workStartLines(text)).toEqual([4, 5]);
    expect(workStartLines('[\n{},\n{"a": [{}]}\n]')).toEqual([2, 3]);
  });
});
