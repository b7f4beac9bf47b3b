// The listing parser on the real group listing and on malformed blocks.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import { inferYear, parseListing, parseListingHeader } from '../../../ingest/sources/listing.js';
import { paperIdFromTitle } from '../../../ingest/text/paper-id.js';
import { run, SAMPLE_LISTING } from './helpers.js';

const FILE = SAMPLE_LISTING;
/** Same reference date as the rest of the test suite (test/support/sample.ts), so "May 5" is 2025-05-05. */
const LISTING_DATE = '2025-06-01';

async function realListing() {
  const text = await readFile(FILE, 'utf8');
  return run(parseListing(text.split('\n'), { file: FILE, listingDate: LISTING_DATE }));
}

/** Every paper exactly as printed: title, author list, category, date, code badge. */
const EXPECTED: { title: string; authors: string[]; cat: string; date: string; code: boolean }[] = [
  { title: 'What Does DALL-E 2 Know About Radiology?', authors: ['Lisa C. Adams', 'Felix Busch', 'Daniel Truhn'], cat: 'cs.CV', date: '2022-09-27', code: false },
  { title: 'MEDBERT.de: A Comprehensive German BERT Model for the Medical Domain', authors: ['Keno K. Bressem', 'Jens-Michalis Papaioannou', 'Paul Grundmann'], cat: 'cs.CL', date: '2023-03-14', code: false },
  { title: 'Biomedical Large Languages Models Seem not to be Superior to Generalist Models on Unseen Medical Data', authors: ['Felix J. Dorfner', 'Amin Dada', 'Felix Busch'], cat: 'cs.CL', date: '2024-08-25', code: false },
  { title: 'MRSegmentator: Multi-Modality Segmentation of 40 Classes in MRI and CT', authors: ['Hartmut Häntze', 'Lina Xu', 'Christian J. Mertens'], cat: 'eess.IV', date: '2024-05-10', code: true },
  { title: 'Incorporating Anatomical Awareness for Enhanced Generalizability and Progression Prediction in Deep Learning-Based Radiographic Sacroiliitis Detection', authors: ['Felix J. Dorfner', 'Janis L. Vahldiek', 'Leonhard Donle'], cat: 'cs.CV', date: '2024-05-12', code: true },
  { title: 'Atomic Fact-Checking Increases Clinician Trust in Large Language Model Recommendations for Oncology Decision Support: A Randomized Controlled Trial', authors: ['Lisa C. Adams', 'Linus Marx', 'Erik Thiele Orberg'], cat: 'cs.CL', date: '2025-05-05', code: false },
  { title: 'Tracked 3D Ultrasound and Deep Neural Network-based Thyroid Segmentation reduce Interobserver Variability in Thyroid Volumetry', authors: ['Markus Krönke', 'Christine Eilers', 'Desislava Dimova'], cat: 'cs.CV', date: '2021-08-10', code: false },
  { title: 'NeuralDP Differentially private neural networks by design', authors: ['Moritz Knolle', 'Dmitrii Usynin', 'Alexander Ziller'], cat: 'cs.LG', date: '2021-07-30', code: false },
  { title: 'U-GAT: Multimodal Graph Attention Network for COVID-19 Outcome Prediction', authors: ['Matthias Keicher', 'Hendrik Burwinkel', 'David Bani-Harouni'], cat: 'cs.CV', date: '2021-07-29', code: false },
  { title: 'Differentially private training of neural networks with Langevin dynamics for calibrated predictive uncertainty', authors: ['Moritz Knolle', 'Alexander Ziller', 'Dmitrii Usynin'], cat: 'cs.LG', date: '2021-07-09', code: false },
  { title: '3D U-Net for segmentation of COVID-19 associated pulmonary infiltrates using transfer learning: State-of-the-art results on affordable hardware', authors: ['Keno K. Bressem', 'Stefan M. Niehues', 'Bernd Hamm'], cat: 'eess.IV', date: '2021-01-25', code: false },
];

describe('parseListing on the real group listing', () => {
  it('yields exactly 11 records, no rejects, no warnings', async () => {
    const r = await realListing();
    expect(r.records).toHaveLength(11);
    expect(r.rejects).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('has every title, author list, category, date and code badge exactly as printed', async () => {
    const { records } = await realListing();
    expect(records.map((p) => ({ title: p.title, authors: p.authors.map((a) => a.name), cat: p.categories[0], date: p.published, code: p.hasCode }))).toEqual(EXPECTED);
    for (const p of records) {
      expect(p.authors.map((a) => a.asWritten)).toEqual(p.authors.map((a) => a.name));
      expect(p.categories).toHaveLength(1);
      expect(p.authorsTruncated).toBe(true); // every line ends in "et al."
      expect(p.source).toBe('listing');
    }
  });

  it('counts: 26 distinct authors, 33 author slots, 4 distinct categories, 2 with code', async () => {
    const { records } = await realListing();
    const slots = records.flatMap((p) => p.authors.map((a) => a.name));
    expect(slots).toHaveLength(33);
    expect(new Set(slots).size).toBe(26);
    expect(new Set(records.flatMap((p) => p.categories))).toEqual(new Set(['cs.CV', 'cs.CL', 'eess.IV', 'cs.LG']));
    expect(records.filter((p) => p.hasCode).map((p) => p.title)).toEqual([must(EXPECTED[3], 'EXPECTED[3]').title, must(EXPECTED[4], 'EXPECTED[4]').title]);
  });

  it('keeps diacritics', async () => {
    const names = (await realListing()).records.flatMap((p) => p.authors.map((a) => a.name));
    expect(names).toContain('Hartmut Häntze');
    expect(names).toContain('Markus Krönke');
  });

  it('infers the year only for "May 5" and marks it', async () => {
    const { records } = await realListing();
    const inferred = records.filter((p) => p.datePrecision === 'inferred-year');
    expect(inferred.map((p) => p.title)).toEqual([must(EXPECTED[5], 'EXPECTED[5]').title]);
    expect(must(inferred[0], 'inferred[0]').published).toBe('2025-05-05');
    expect(must(inferred[0], 'inferred[0]').year).toBe(2025);
    expect(records.filter((p) => p.datePrecision === 'day')).toHaveLength(10);
  });

  it('uses title ids and locates each record at its header line', async () => {
    const r = await realListing();
    // The year is part of the id only where the listing printed it.
    for (const p of r.records) expect(p.id).toBe(paperIdFromTitle(p.title, p.datePrecision === 'day' ? p.year : null));
    expect(new Set(r.records.map((p) => p.id)).size).toBe(11);
    expect(r.recordEvents.map((e) => e.at.line)).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31]);
    expect(must(r.recordEvents[0], 'r.recordEvents[0]').at.file).toBe(FILE);
  });

  it('keeps the abstract text (first and last words of the first paper)', async () => {
    const abs = must((await realListing()).records[0], '(await realListing()).records[0]').abstract;
    expect(abs.startsWith('Generative models such as DALL-E 2')).toBe(true);
    expect(abs.endsWith('is required beforehand.')).toBe(true);
  });
});

describe('parseListing on malformed input', () => {
  const block = (header: string, title = 'A Good TitleAnn Lee, Bo Chen et al.', abstract: string | null = 'An abstract.') =>
    [header, title, ...(abstract === null ? [] : [abstract])];

  it('rejects Feb 30, 2024 and keeps parsing the next block', async () => {
    const lines = [...block('CVFeb 30, 2024'), ...block('CVMar 1, 2024', 'Second PaperCy Dunn')];
    const r = await run(parseListing(lines, { file: 'x.txt', listingDate: LISTING_DATE }));
    expect(r.rejects).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toBe('Feb 30, 2024 is not a real date');
    expect(must(r.rejects[0], 'r.rejects[0]').at).toEqual({ file: 'x.txt', line: 1 });
    expect(r.records.map((p) => p.title)).toEqual(['Second Paper']);
  });

  it('rejects a yearless date that never exists (Feb 30) but infers Feb 29 to a leap year', async () => {
    const lines = [...block('CVFeb 30'), ...block('CVFeb 29', 'Leap PaperCy Dunn')];
    const r = await run(parseListing(lines, { file: 'x.txt', listingDate: '2025-06-01' }));
    expect(r.rejects.map((e) => e.reason)).toEqual(['Feb 30 is not a real date']);
    expect(must(r.records[0], 'r.records[0]').published).toBe('2024-02-29');
  });

  it('rejects a block without its abstract; the blocks around it are parsed', async () => {
    const lines = [...block('CVSep 27, 2022', 'First PaperAnn Lee'), ...block('CLMar 14, 2023', 'No Abstract HereBo Chen', null), ...block('LGJul 9, 2021', 'Third PaperCy Dunn')];
    const r = await run(parseListing(lines, { file: 'x.txt', listingDate: LISTING_DATE }));
    expect(r.records.map((p) => p.title)).toEqual(['First Paper', 'Third Paper']);
    expect(r.rejects).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').at.line).toBe(4);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/no abstract before the next header at line 6/);
  });

  it('rejects a final block without abstract at end of file', async () => {
    const r = await run(parseListing([...block('CVSep 27, 2022'), 'CLMar 14, 2023', 'Title OnlyBo Chen'], { file: 'x.txt', listingDate: LISTING_DATE }));
    expect(r.records).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/no abstract before the end of the file/);
  });

  it('rejects a header directly followed by another header', async () => {
    const r = await run(parseListing(['CVSep 27, 2022', ...block('CLMar 14, 2023')], { file: 'x.txt', listingDate: LISTING_DATE }));
    expect(r.records).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/no title\/author line/);
  });

  it('rejects an unsplittable title line', async () => {
    const r = await run(parseListing(block('CVSep 27, 2022', 'no authors in this line at all'), { file: 'x.txt', listingDate: LISTING_DATE }));
    expect(r.records).toHaveLength(0);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/cannot tell where the title ends/);
  });

  it('keeps an unknown category code as printed and warns', async () => {
    const r = await run(parseListing(block('ZZSep 27, 2022'), { file: 'x.txt', listingDate: LISTING_DATE }));
    expect(r.records).toHaveLength(1);
    expect(must(r.records[0], 'r.records[0]').categories).toEqual(['ZZ']);
    expect(r.warnings).toHaveLength(1);
    expect(must(r.warnings[0], 'r.warnings[0]').message).toMatch(/unknown category code "ZZ"/);
    expect(must(r.warnings[0], 'r.warnings[0]').at.line).toBe(1);
  });

  it('accepts full arXiv codes in headers and tolerates blank lines, CRLF and trailing spaces', async () => {
    const lines = ['', 'cs.CVSep 27, 2022Code  \r', '', 'A Good TitleAnn Lee  ', 'Abstract line one', 'and line two.  ', ''];
    const r = await run(parseListing(lines, { file: 'x.txt', listingDate: LISTING_DATE }));
    expect(r.rejects).toEqual([]);
    expect(r.records[0]).toMatchObject({ categories: ['cs.CV'], hasCode: true, abstract: 'Abstract line one and line two.', title: 'A Good Title', authorsTruncated: false });
    expect(must(r.recordEvents[0], 'r.recordEvents[0]').at.line).toBe(2);
  });

  it('warns once about text before the first header', async () => {
    const r = await run(parseListing(['Profile of a group', 'more text', ...block('CVSep 27, 2022')], { file: 'x.txt', listingDate: LISTING_DATE }));
    expect(r.warnings).toHaveLength(1);
    expect(r.records).toHaveLength(1);
  });

  it('rejects an impossibly long abstract with its size and the limit', async () => {
    const r = await run(parseListing(block('CVSep 27, 2022', undefined, 'x'.repeat(150_000)), { file: 'x.txt', listingDate: LISTING_DATE }));
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/abstract: 150,000 characters, over the limit of 100,000/);
  });
});

describe('listing dates', () => {
  it('parses headers', () => {
    expect(parseListingHeader('IVMay 10, 2024Code')).toEqual({ category: 'IV', month: 5, day: 10, year: 2024, hasCode: true });
    expect(parseListingHeader('CLMay 5')).toEqual({ category: 'CL', month: 5, day: 5, year: null, hasCode: false });
    expect(parseListingHeader('hep-thJan 1, 1999')?.category).toBe('hep-th');
    expect(parseListingHeader('What Does DALL-E 2 Know About Radiology?')).toBeNull();
  });

  it('infers the latest such date not after the reference day', () => {
    expect(inferYear(5, 5, { y: 2025, m: 6, d: 1 })).toBe(2025);
    expect(inferYear(5, 5, { y: 2025, m: 5, d: 5 })).toBe(2025);
    expect(inferYear(5, 5, { y: 2025, m: 5, d: 4 })).toBe(2024);
    expect(inferYear(2, 29, { y: 2025, m: 6, d: 1 })).toBe(2024);
    expect(inferYear(2, 30, { y: 2025, m: 6, d: 1 })).toBeNull();
  });

  it('gives the same ids whatever day the listing is read on; the inferred year stays a property with its precision', async () => {
    const text = (await readFile(FILE, 'utf8')).split('\n');
    const on = async (day: string | Date) => (await run(parseListing(text, { file: FILE, listingDate: day }))).records;
    const june2025 = await on('2025-06-01');
    const march2027 = await on(new Date(2027, 2, 1));
    expect(march2027.map((p) => p.id)).toEqual(june2025.map((p) => p.id));
    const inferred = (rs: typeof june2025) => rs.filter((p) => p.datePrecision === 'inferred-year').map((p) => [p.year, p.published]);
    expect(inferred(june2025)).toEqual([[2025, '2025-05-05']]);
    expect(inferred(march2027)).toEqual([[2026, '2026-05-05']]);
  });

  it('accepts a Date and rejects a malformed listingDate string', async () => {
    const r = await run(parseListing(['CLMay 5', 'T1Ann Lee', 'abs'], { file: 'x', listingDate: new Date(2030, 0, 15) }));
    expect(must(r.records[0], 'r.records[0]').published).toBe('2029-05-05');
    await expect(run(parseListing(['CLMay 5'], { file: 'x', listingDate: '2025-02-30' }))).rejects.toThrow(/listingDate/);
  });
});
