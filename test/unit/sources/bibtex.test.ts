// The BibTeX parser on the 47 zbMATH entries and on broken input.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import { parseBibtex } from '../../../ingest/sources/bibtex.js';
import { paperIdFromTitle } from '../../../ingest/text/paper-id.js';
import { fixture, run } from './helpers.js';

const FILE = fixture('bibtex/zbmath-47.bib');
let cached: ReturnType<typeof run> | undefined;
/** The sample is parsed once for all tests in this file (two bibtex-parser passes are the slow part). */
const sample = () => (cached ??= readFile(FILE, 'utf8').then((t) => run(parseBibtex(t, { file: FILE }))));

describe('parseBibtex on the zbMATH sample', () => {
  it('yields 47 records and nothing else', async () => {
    const r = await sample();
    expect(r.records).toHaveLength(47);
    expect(r.rejects).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('maps the first entry and locates entries at their @ line', async () => {
    const r = await sample();
    expect(r.records[0]).toMatchObject({
      id: 'doi:10.1017/prm.2022.42',
      doi: '10.1017/prm.2022.42',
      title: 'Derived homotopy algebras',
      published: '2023-01-01',
      year: 2023,
      datePrecision: 'year',
      url: 'https://doi.org/10.1017/prm.2022.42',
      categories: [],
      source: 'bibtex',
      authorsTruncated: false,
    });
    expect(must(r.records[0], 'r.records[0]').authors).toEqual([
      { asWritten: 'Maes, Jeroen', name: 'Jeroen Maes', given: 'Jeroen', family: 'Maes' },
      { asWritten: 'Muro, Fernando', name: 'Fernando Muro', given: 'Fernando', family: 'Muro' },
    ]);
    expect(r.recordEvents.slice(0, 4).map((e) => e.at.line)).toEqual([1, 18, 35, 52]);
  });

  it('decodes TeX accents in names, keeps the raw TeX as asWritten', async () => {
    const authors = (await sample()).records.flatMap((p) => p.authors);
    const ramon = must(authors.find((a) => a.name === 'Ramón Flores'), `authors.find((a) => a.name === 'Ramón Flores')`);
    expect(ramon).toMatchObject({ asWritten: "Flores, Ram{\\'o}n", family: 'Flores', given: 'Ramón' });
    expect(authors.some((a) => a.name === 'M. Cárdenas')).toBe(true);
    expect(authors.some((a) => a.name === 'Oriol Raventós')).toBe(true);
    expect(authors.filter((a) => /[\\{}]/.test(a.name))).toEqual([]);
    expect(must(authors.find((a) => a.family === 'Baues' && a.given?.startsWith('H.')), `authors.find((a) => a.family === 'Baues' && a.given?.startsWith('H.'))`).given).toBe('H.-J.');
  });

  it('strips case-protection braces and markup from titles', async () => {
    const titles = (await sample()).records.map((p) => p.title);
    expect(titles).toContain('Derived universal Massey products');
    expect(titles).toContain('The Donovan–Wemyss Conjecture via the Derived Auslander–Iyama Correspondence');
    expect(titles).toContain('Enhanced A∞-obstruction theory');
    expect(titles.filter((t) => /[{}<>]/.test(t))).toEqual([]);
  });

  it('uses arXiv ids and categories from the arXiv/howpublished fields', async () => {
    const recs = (await sample()).records;
    const rham = must(recs.find((p) => p.title.startsWith('Operations on the de Rham')), `recs.find((p) => p.title.startsWith('Operations on the de Rham'))`);
    expect(rham).toMatchObject({ id: '2312.07321', arxivId: '2312.07321', categories: ['math.DG'], url: 'https://arxiv.org/abs/2312.07321' });
    expect(must(recs.find((p) => p.arxivId === 'math/0703311'), `recs.find((p) => p.arxivId === 'math/0703311')`).categories).toEqual(['math.KT']);
    expect(recs.filter((p) => p.arxivId)).toHaveLength(8);
  });

  it('id priority arXiv > DOI > title: an entry with both gets the arXiv id, DOI kept', async () => {
    const p = must((await sample()).records.find((r) => r.arxivId === '1510.00312'), `(await sample()).records.find((r) => r.arxivId === '1510.00312')`);
    expect(p.id).toBe('1510.00312');
    expect(p.doi).toBe('10.1007/s40062-019-00245-0');
  });

  it('falls back to title ids when there is neither DOI nor arXiv id', async () => {
    const recs = (await sample()).records.filter((p) => p.id.startsWith('title:'));
    expect(recs.map((p) => p.title)).toEqual(['The symmetric action on secondary homotopy groups', 'On K₁ of a Waldhausen category']);
    for (const p of recs) expect(p.id).toBe(paperIdFromTitle(p.title, p.year));
  });

  it('keeps URLs, adding https:// where zbMATH left the scheme out', async () => {
    const recs = (await sample()).records;
    expect(must(recs.find((p) => p.doi === '10.1016/j.jpaa.2018.08.007'), `recs.find((p) => p.doi === '10.1016/j.jpaa.2018.08.007')`).url).toBe('https://kar.kent.ac.uk/67611/1/bi_and_twisted_complexes_revision.pdf');
  });
});

describe('parseBibtex on other input', () => {
  it('month gives month precision; primaryClass and eprint are used', async () => {
    const bib = `@article{k1,
  author = {Bal{\\'a}zs, C. and van der Berg, Jan and Smith, Jr., John and {CMS Collaboration}},
  title = {On {\\emph{Ext}} of $x$},
  year = {2021}, month = mar,
  eprint = {2103.01234v2}, archivePrefix = {arXiv}, primaryClass = {hep-ex},
}`;
    const p = must((await run(parseBibtex(bib, { file: 'x.bib' }))).records[0], `(await run(parseBibtex(bib, { file: 'x.bib' }))).records[0]`);
    expect(p).toMatchObject({ id: '2103.01234', published: '2021-03-01', datePrecision: 'month', categories: ['hep-ex'], title: 'On Ext of x' });
    expect(p.authors.map((a) => a.name)).toEqual(['C. Balázs', 'Jan van der Berg', 'John Smith Jr.', 'CMS Collaboration']);
    expect(p.authors[1]).toMatchObject({ family: 'van der Berg', given: 'Jan', asWritten: 'van der Berg, Jan' });
    expect(p.authors[2]).toMatchObject({ suffix: 'Jr.', asWritten: 'Smith, Jr., John' });
  });

  it('rejects an entry the parser could not read completely, whole, at its line; the other entries survive', async () => {
    const bib = '@article{a, title={Ok}, author={Lee, Ann}, year=2020}\n\n@article{b, title={Broken, year=2020\n\n@article{c, title = {Fine}, year = {2021}}\n';
    const r = await run(parseBibtex(bib, { file: 'b.bib' }));
    expect(r.records.map((p) => p.title)).toEqual(['Ok', 'Fine']);
    expect(r.rejects).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').at.line).toBe(3);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/^entry b: not read completely, .*BibTeX parse error: /);
  });

  it('keeps nothing of an entry whose unclosed brace swallowed its other fields', async () => {
    const bib = [
      '@article{good1, title = {First}, author = {Lee, Ann}, doi = {10.1000/g1}, year = {2020}}',
      '',
      '@article{broken,',
      '  title = {Broken with unclosed brace,',
      '  author = {Kim, Bo},',
      '  doi = {10.1000/broken},',
      '  year = {2021}',
      '}',
      '',
      '@article{good2, title = {Second}, author = {Lee, Ann}, doi = {10.1000/g2}, year = {2022}}',
    ].join('\n');
    const r = await run(parseBibtex(bib, { file: 'u.bib' }));
    expect(r.records.map((p) => p.id)).toEqual(['doi:10.1000/g1', 'doi:10.1000/g2']);
    expect(r.rejects.map((e) => [e.at.line, e.reason.slice(0, 16)])).toEqual([[3, 'entry broken: no']]);
  });

  it('rejects an entry without a title, naming the entry and the field', async () => {
    const r = await run(parseBibtex('@misc{notitle, author={Lee, Ann}, year=2020}', { file: 'b.bib' }));
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/^entry notitle: .*title: missing or empty/);
  });

  it('refuses a document over the whole-document limit', async () => {
    const { MAX_DOCUMENT_BYTES } = await import('../../../ingest/sources/common.js');
    const huge = { length: MAX_DOCUMENT_BYTES + 1 } as unknown as string; // only .length is read before refusing
    const r = await run(parseBibtex(huge, { file: 'huge.bib' }));
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/over the 209,715,200-byte limit/);
  });
});
