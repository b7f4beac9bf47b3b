// The arXiv API Atom parser on the real Einstein feed, the API error feed and invalid XML.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import { parseArxivAtom, parseAtomFeed } from '../../../ingest/sources/arxiv-atom.js';
import { fixture, run } from './helpers.js';

const FILE = fixture('arxiv-atom/query-einstein-2018.xml');
const ERROR_FILE = fixture('arxiv-atom/api-error.xml');

/** A one-entry feed for focused tests. */
function feed(entry: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">\n${entry}\n</feed>\n`;
}

describe('parseArxivAtom on the real feed', () => {
  it('yields 10 records, none with the MSC pseudo-category', async () => {
    const r = await run(parseArxivAtom(await readFile(FILE, 'utf8'), { file: FILE }));
    expect(r.records).toHaveLength(10);
    expect(r.rejects).toEqual([]);
    const cats = r.records.flatMap((p) => p.categories);
    expect(cats).not.toContain('53D10, 53D15');
    expect(cats.every((c) => /^[a-z-]+(\.[A-Za-z-]+)?$/.test(c))).toBe(true);
  });

  it('maps the first entry and locates every entry at its <entry> line', async () => {
    const r = await run(parseArxivAtom(await readFile(FILE, 'utf8'), { file: FILE }));
    expect(r.records[0]).toMatchObject({
      id: '1801.05533',
      arxivId: '1801.05533',
      title: 'Einstein-Weyl structures on almost cosymplectic manifolds',
      published: '2018-01-17',
      datePrecision: 'day',
      categories: ['math.DG'],
      url: 'https://arxiv.org/abs/1801.05533',
      authors: [{ asWritten: 'Xiaomin Chen', name: 'Xiaomin Chen' }],
      source: 'arxiv-atom',
    });
    expect(r.recordEvents.map((e) => e.at.line)).toEqual([10, 36, 65, 92, 116, 139, 162, 190, 226, 255]);
  });

  it('puts the primary category first and keeps other arXiv categories', async () => {
    const r = await run(parseArxivAtom(await readFile(FILE, 'utf8'), { file: FILE }));
    expect(must(r.records.find((p) => p.id === '0808.2097'), `r.records.find((p) => p.id === '0808.2097')`).categories).toEqual(['math.DG', 'math-ph', 'math.MP']);
    expect(must(r.records.find((p) => p.id === 'math/0507289'), `r.records.find((p) => p.id === 'math/0507289')`).authors.map((a) => a.name)).toEqual(['Alessandro Ghigi', 'János Kollár']);
  });

  it('collapses multi-line titles', async () => {
    const r = await run(parseArxivAtom(await readFile(FILE, 'utf8'), { file: FILE }));
    expect(must(r.records.find((p) => p.id === '1505.03319'), `r.records.find((p) => p.id === '1505.03319')`).title).toBe('Quasi-Einstein and Generalized Quasi-Einstein Warped Products with an Affine Connection');
  });

  it('reports the feed total for paging', async () => {
    const f = parseAtomFeed(await readFile(FILE, 'utf8'), { file: FILE });
    expect(f).toMatchObject({ totalResults: 28637, entryCount: 10, apiError: false });
  });
});

describe('parseArxivAtom on bad input', () => {
  it('turns the API error entry into one reject and ingests nothing', async () => {
    const r = await run(parseArxivAtom(await readFile(ERROR_FILE, 'utf8'), { file: ERROR_FILE }));
    expect(r.records).toEqual([]);
    expect(r.rejects).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toBe('arXiv API error: incorrect id format for 1234.12345');
    expect(must(r.rejects[0], 'r.rejects[0]').at.line).toBe(10);
  });

  it('gives one reject with line and column for invalid XML', async () => {
    const xml = feed('<entry>\n  <id>http://arxiv.org/abs/1801.05533v1</id>\n  <title>Broken</titel>\n</entry>');
    const r = await run(parseArxivAtom(xml, { file: 'bad.xml' }));
    expect(r.records).toEqual([]);
    expect(r.rejects).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/^invalid XML at line 5, column \d+: .*title/);
    expect(must(r.rejects[0], 'r.rejects[0]').at).toEqual({ file: 'bad.xml', line: 5 });
  });

  it('rejects a truncated document', async () => {
    const text = (await readFile(FILE, 'utf8')).slice(0, 3000);
    const r = await run(parseArxivAtom(text, { file: 'cut.xml' }));
    expect(r.records).toEqual([]);
    expect(r.rejects).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/^invalid XML/);
  });

  it('rejects XML that is not a feed', async () => {
    const r = await run(parseArxivAtom('<html><body/></html>', { file: 'x.xml' }));
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/no <feed> root/);
  });

  it('decodes entities and TeX, reads arxiv:doi, skips non-arXiv terms', async () => {
    const xml = feed(`<entry>
  <id>http://arxiv.org/abs/hep-th/9901001v2</id>
  <published>1999-01-04T10:00:00Z</published>
  <title>Schr\\"odinger &amp; the &#955; term</title>
  <summary>An abstract with $\\alpha$.</summary>
  <author><name>Bal\\'azs Kov&#225;cs</name></author>
  <arxiv:doi>10.1103/PhysRevD.1.1</arxiv:doi>
  <arxiv:primary_category term="hep-th"/>
  <category term="hep-th"/><category term="81T30"/><category term="gr-qc"/>
</entry>`);
    const p = must((await run(parseArxivAtom(xml, { file: 'x.xml' }))).records[0], `(await run(parseArxivAtom(xml, { file: 'x.xml' }))).records[0]`);
    expect(p).toMatchObject({ id: 'hep-th/9901001', title: 'Schrödinger & the λ term', doi: '10.1103/physrevd.1.1', categories: ['hep-th', 'gr-qc'], abstract: 'An abstract with $\\alpha$.' });
    expect(p.authors[0]).toEqual({ asWritten: "Bal\\'azs Kovács", name: 'Balázs Kovács' });
  });

  it('rejects an entry whose id is not an arXiv URL but keeps the others', async () => {
    const xml = feed('<entry><id>urn:x</id><title>A</title></entry>\n<entry><id>http://arxiv.org/abs/2101.00001v1</id><title>B</title><published>2021-01-01T00:00:00Z</published></entry>');
    const r = await run(parseArxivAtom(xml, { file: 'x.xml' }));
    expect(r.records.map((p) => p.id)).toEqual(['2101.00001']);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/not an arXiv abs URL/);
  });

  it('handles an empty feed', async () => {
    const r = await run(parseArxivAtom(feed(''), { file: 'x.xml' }));
    expect(r.records).toEqual([]);
    expect(r.rejects).toEqual([]);
  });
});
