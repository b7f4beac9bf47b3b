// Unit tests for the shared text helpers: TeX decoding, normalization, paper ids, category taxonomy.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ARXIV_CATEGORIES,
  describeCategory,
  isArxivCategory,
  LISTING_ABBREVIATIONS,
  LISTING_AMBIGUOUS,
  resolveListingCategory,
} from '../../../ingest/text/categories.js';
import { cleanHtmlText, decodeEntities, normalizeParagraphs, normalizeSpace, tidyInitials } from '../../../ingest/text/normalize.js';
import {
  foldTitle,
  normalizeArxivId,
  normalizeDoi,
  normalizeOpenAlexWorkId,
  normalizeOrcid,
  paperId,
  paperIdFromTitle,
} from '../../../ingest/text/paper-id.js';
import { decodeTex } from '../../../ingest/text/tex.js';

describe('decodeTex', () => {
  it.each([
    ["Bal\\'azs", 'Balázs'],
    ['{\\"o}', 'ö'],
    ['\\"{o}', 'ö'],
    ['M\\"uller', 'Müller'],
    ['\\c{c}', 'ç'],
    ['Fran\\c cois', 'François'],
    ['\\v{s}', 'š'],
    ['Tom\\\'a\\v{s} Vina\\v{r}', 'Tomáš Vinař'],
    ['Stra\\ss e', 'Straße'],
    ['{\\ss}', 'ß'],
    ['{\\O}bro', 'Øbro'],
    ['\\o', 'ø'],
    ['\\aa', 'å'],
    ['{\\AA}ngstr{\\"o}m', 'Ångström'],
    ['\\~n', 'ñ'],
    ['Espa\\~{n}a', 'España'],
    ["\\'{\\i}", 'í'],
    ["Ram{\\'o}n", 'Ramón'],
    ['Tom\\`as', 'Tomàs'],
    ["P\\' eter", 'Péter'], // old arXiv strings put a space after the accent
    ['\\l{}ukasz', 'łukasz'],
    ['\\H{o}', 'ő'],
    ['\\k{a}', 'ą'],
    ['\\u{a}', 'ă'],
    ['\\^{e}', 'ê'],
    ['\\=a', 'ā'],
    ['\\.{z}', 'ż'],
    ['\\r{u}', 'ů'],
  ])('%s → %s', (tex, want) => {
    expect(decodeTex(tex)).toBe(want);
  });

  it('strips case-protection braces but keeps math verbatim', () => {
    expect(decodeTex('Derived universal {Massey} products')).toBe('Derived universal Massey products');
    expect(decodeTex('From dyadic $\\Lambda_{\\alpha}$ to {B}')).toBe('From dyadic $\\Lambda_{\\alpha}$ to B');
    expect(decodeTex('\\(A_{\\infty}\\)-algebras')).toBe('\\(A_{\\infty}\\)-algebras');
  });

  it('keeps braces and ~ when asked (arXiv abstracts)', () => {
    expect(decodeTex('a {b} \\"o ~5 ms', { stripBraces: false, ties: false })).toBe('a {b} ö ~5 ms');
  });

  it('decodes escapes, ties and formatting wrappers; leaves unknown commands', () => {
    expect(decodeTex('A.~B. Smith \\& Sons')).toBe('A. B. Smith & Sons');
    expect(decodeTex('\\emph{Ext} and {\\it Chandra}')).toBe('Ext and Chandra');
    expect(decodeTex('\\foo{x}')).toBe('\\foox');
  });

  it('leaves -- alone by default (names) and converts it on request (titles)', () => {
    expect(decodeTex('Smith--Jones')).toBe('Smith--Jones');
    expect(decodeTex('I--II and x---y', { dashes: true })).toBe('I–II and x—y');
  });

  it('returns NFC and leaves plain text unchanged', () => {
    const decomposed = 'Bala\u0301zs';
    expect(decodeTex(decomposed)).toBe('Balázs');
    expect(decodeTex('plain text')).toBe('plain text');
  });
});

describe('normalize', () => {
  it('collapses all whitespace kinds and NFC-normalizes', () => {
    expect(normalizeSpace('  a\u00a0 b\n\tc\u2028d  ')).toBe('a b c d');
    expect(normalizeSpace('Ha\u0308ntze')).toBe('Häntze');
    expect(normalizeSpace('a\u0000b')).toBe('ab');
  });
  it('keeps paragraph breaks in normalizeParagraphs', () => {
    expect(normalizeParagraphs('  one\n two\n\n  three  ')).toBe('one two\n\nthree');
  });
  it('decodes entities in one pass', () => {
    expect(decodeEntities('A &amp; B &#233; &#xE9; &lt;x&gt;')).toBe('A & B é é <x>');
    expect(decodeEntities('&amp;#233;')).toBe('&#233;');
    expect(decodeEntities('&bogus;')).toBe('&bogus;');
  });
  it('strips inline tags from HTML-ish titles', () => {
    expect(cleanHtmlText('Crystallography &amp; NMR <i>in vivo</i> A<sub>∞</sub>')).toBe('Crystallography & NMR in vivo A∞');
  });
  it('tidies spaced hyphenated initials', () => {
    expect(tidyInitials('C. -P.')).toBe('C.-P.');
    expect(tidyInitials('H. - J.')).toBe('H.-J.');
  });
});

describe('paper ids', () => {
  it.each([
    ['0704.0001', '0704.0001'],
    ['0704.0001v2', '0704.0001'],
    ['arXiv:2101.00001v3', '2101.00001'],
    ['http://arxiv.org/abs/1801.05533v1', '1801.05533'],
    ['https://arxiv.org/pdf/2101.00001v3.pdf', '2101.00001'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['http://arxiv.org/abs/math/0502287v1', 'math/0502287'],
    ['math.GT/0309136', 'math/0309136'],
    ['arXiv:math/0703311', 'math/0703311'],
    ['10.48550/arXiv.2312.07321', '2312.07321'],
  ])('arXiv %s → %s', (raw, want) => {
    expect(normalizeArxivId(raw)).toBe(want);
  });

  it('rejects non-arXiv strings', () => {
    expect(normalizeArxivId('53D10, 53D15')).toBeNull();
    expect(normalizeArxivId('10.1103/PhysRevD.76.013009')).toBeNull();
  });

  it('normalizes DOIs: bare, lower case', () => {
    expect(normalizeDoi('https://doi.org/10.1107/S0907444998003254')).toBe('10.1107/s0907444998003254');
    expect(normalizeDoi('doi:10.1103/PhysRevD.76.013009')).toBe('10.1103/physrevd.76.013009');
    expect(normalizeDoi('http://dx.doi.org/10.1000%2F182')).toBe('10.1000/182');
    expect(normalizeDoi('not a doi')).toBeNull();
  });

  it('normalizes OpenAlex and ORCID ids', () => {
    expect(normalizeOpenAlexWorkId('https://openalex.org/W1995017064')).toBe('W1995017064');
    expect(normalizeOrcid('https://orcid.org/0000-0002-7377-335x')).toBe('0000-0002-7377-335X');
    expect(normalizeOrcid('nope')).toBeNull();
  });

  it('folds titles: NFKD, no diacritics, lower case, alnum + single spaces', () => {
    expect(foldTitle('  Über   die Zuordnung — von Wellenfunktionen! ')).toBe('uber die zuordnung von wellenfunktionen');
    expect(foldTitle('Ørsted ﬁelds')).toBe('orsted fields');
    expect(foldTitle('深度学习')).toBe('深度学习');
  });

  it('title ids are title: + 16 hex of sha1(folded|year)', () => {
    const want = createHash('sha1').update('what does dall e 2 know about radiology|2022').digest('hex').slice(0, 16);
    expect(paperIdFromTitle('What Does DALL-E 2 Know About Radiology?', 2022)).toBe(`title:${want}`);
    expect(paperIdFromTitle('What does DALL·E 2 know about radiology', 2022)).toBe(`title:${want}`);
    expect(paperIdFromTitle('What Does DALL-E 2 Know About Radiology?', 2023)).not.toBe(`title:${want}`);
  });

  it('priority: arXiv > DOI > OpenAlex > title', () => {
    const base = { title: 'T', year: 2020 };
    expect(paperId({ ...base, arxivId: '2101.00001', doi: '10.1/x', openalexId: 'W1' })).toBe('2101.00001');
    expect(paperId({ ...base, doi: '10.1/x', openalexId: 'W1' })).toBe('doi:10.1/x');
    expect(paperId({ ...base, openalexId: 'W1' })).toBe('openalex:W1');
    expect(paperId(base)).toMatch(/^title:[0-9a-f]{16}$/);
  });
});

describe('categories', () => {
  it('knows current, archive-level and legacy codes', () => {
    for (const c of ['cs.CV', 'cs.CL', 'eess.IV', 'stat.ML', 'math.DG', 'math-ph', 'hep-th', 'astro-ph', 'astro-ph.CO', 'cond-mat.mes-hall', 'q-bio.NC', 'q-fin.ST', 'econ.EM', 'nlin.SI', 'physics.hist-ph', 'quant-ph', 'solv-int', 'chao-dyn', 'alg-geom', 'funct-an', 'q-alg', 'dg-ga', 'cmp-lg', 'patt-sol', 'adap-org']) {
      expect(isArxivCategory(c), c).toBe(true);
    }
    for (const c of ['53D10, 53D15', 'cs.cv', 'CV', '', 'cs', 'math']) expect(isArxivCategory(c), c).toBe(false);
    expect(ARXIV_CATEGORIES.size).toBeGreaterThan(150);
    expect(ARXIV_CATEGORIES.get('astro-ph.GA')?.archive).toBe('astro-ph');
  });

  it('covers every category of the 200-record arXiv sample', async () => {
    const { readFile } = await import('node:fs/promises');
    const { fixture } = await import('./helpers.js');
    const text = await readFile(fixture('arxiv-jsonl/arxiv-sample-200.jsonl'), 'utf8');
    const codes = new Set(text.trim().split('\n').flatMap((l) => (JSON.parse(l) as { categories: string }).categories.split(' ')));
    expect([...codes].filter((c) => !isArxivCategory(c))).toEqual([]);
  });

  it('maps listing abbreviations', () => {
    const want: Record<string, string> = { CV: 'cs.CV', CL: 'cs.CL', LG: 'cs.LG', IV: 'eess.IV', AI: 'cs.AI', CR: 'cs.CR', RO: 'cs.RO', IR: 'cs.IR', ML: 'stat.ML', AS: 'eess.AS', SP: 'eess.SP', NE: 'cs.NE', HC: 'cs.HC', ME: 'stat.ME', NC: 'q-bio.NC', EM: 'econ.EM', AG: 'math.AG' };
    for (const [k, v] of Object.entries(want)) expect(LISTING_ABBREVIATIONS.get(k), k).toBe(v);
  });

  it('documents ambiguous abbreviations with all candidates, mapped one first', () => {
    expect(LISTING_AMBIGUOUS.get('CV')).toEqual(['cs.CV', 'math.CV']);
    expect(LISTING_AMBIGUOUS.get('SP')?.[0]).toBe('eess.SP');
    expect(LISTING_AMBIGUOUS.get('CO')?.[0]).toBe('stat.CO');
    expect(LISTING_AMBIGUOUS.has('LG')).toBe(false);
  });

  it('resolves listing codes: full code kept, abbreviation expanded, unknown kept as printed', () => {
    expect(resolveListingCategory('cs.CV')).toEqual({ code: 'cs.CV', known: true });
    expect(resolveListingCategory('IV')).toEqual({ code: 'eess.IV', known: true });
    expect(resolveListingCategory('ZZ')).toEqual({ code: 'ZZ', known: false });
  });

  it('describes categories for the writer, nulls when unknown', () => {
    expect(describeCategory('cs.CV')).toEqual({ name: 'Computer Vision and Pattern Recognition', archive: 'cs' });
    expect(describeCategory('ZZ')).toEqual({ name: null, archive: null });
  });
});
