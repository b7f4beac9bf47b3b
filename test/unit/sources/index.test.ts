// Format detection, file/stream opening and the bad-input contract of parseFile / parseStream.
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import { binaryProblem, detectFormat, parseFile, parseStream, readLines } from '../../../ingest/sources/index.js';
import { collect, fixture, FIXTURES, run, SAMPLE_LISTING } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pg-sources-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
/** Write a temp file and return its path. */
async function tmp(name: string, content: string | Uint8Array): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, content);
  return p;
}

const SAMPLES: [string, string, number][] = [
  [path.relative(FIXTURES, SAMPLE_LISTING), 'listing', 11],
  ['arxiv-jsonl/arxiv-sample-200.jsonl', 'arxiv-jsonl', 200],
  ['arxiv-atom/query-einstein-2018.xml', 'arxiv-atom', 10],
  ['openalex/works-page-25.json', 'openalex', 25],
  ['bibtex/zbmath-47.bib', 'bibtex', 47],
];

describe('detectFormat', () => {
  it.each(SAMPLES)('%s → %s (from content, under a misleading name)', async (rel, format) => {
    const head = (await readFile(fixture(rel), 'utf8')).slice(0, 64 * 1024);
    expect(detectFormat(head, 'input.dat')).toBe(format);
    expect(detectFormat(head, rel)).toBe(format);
  });

  it('handles BOMs, comments and pretty-printed JSON', () => {
    expect(detectFormat('\uFEFF<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', 'x')).toBe('arxiv-atom');
    expect(detectFormat('% exported from zbMATH\n\n@Article{k,\n', 'x')).toBe('bibtex');
    expect(detectFormat('{\n  "meta": {"count": 1},\n  "results": [{"id": "https://openalex.org/W1"}]', 'x')).toBe('openalex');
    expect(detectFormat('{"id":"hep-th/9901001","title":"x"}', 'x')).toBe('arxiv-jsonl');
    expect(detectFormat('CLMay 5\nTitleAnn Lee\nabstract', 'x')).toBe('listing');
  });

  it('returns null when unsure', () => {
    expect(detectFormat('hello world', 'notes.txt')).toBeNull();
    expect(detectFormat('{"foo": 1}', 'data.json')).toBeNull();
    expect(detectFormat('<html></html>', 'page.html')).toBeNull();
  });
});

describe('parseFile on the real samples', () => {
  it.each(SAMPLES)('%s parses as %s with %i records', async (rel, format, n) => {
    const r = await run(parseFile(fixture(rel), { listingDate: '2025-06-01' }));
    expect(r.records).toHaveLength(n);
    expect(r.records.every((p) => p.source === format)).toBe(true);
    expect(r.recordEvents.every((e) => e.at.file === fixture(rel) && e.at.line >= 1)).toBe(true);
  });

  it('honours a format override', async () => {
    const r = await run(parseFile(fixture('arxiv-atom/query-einstein-2018.xml'), { format: 'bibtex' }));
    expect(r.records).toHaveLength(0);
  });
});

describe('parseFile / parseStream on bad input', () => {
  it('a file that does not exist throws an error naming the path', async () => {
    const p = path.join(dir, 'no-such-dir', 'missing.jsonl');
    await expect(collect(parseFile(p))).rejects.toThrow(`input file not found: ${p}`);
  });

  it('a directory throws', async () => {
    await expect(collect(parseFile(dir))).rejects.toThrow(/not a regular file/);
  });

  it('an empty file is one reject saying so', async () => {
    const r = await run(parseFile(await tmp('empty.jsonl', '')));
    expect(r.records).toEqual([]);
    expect(r.rejects).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toBe('file is empty: nothing to ingest');
    expect(must(r.rejects[0], 'r.rejects[0]').at.line).toBe(1);
  });

  it('a whitespace-only file counts as empty', async () => {
    const r = await run(parseFile(await tmp('blank.txt', '\n  \n\t\n')));
    expect(r.rejects.map((e) => e.reason)).toEqual(['file is empty (only whitespace): nothing to ingest']);
  });

  it('binary garbage (NUL bytes) is one reject saying so', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    const r = await run(parseFile(await tmp('garbage.jsonl', bytes)));
    expect(r.records).toEqual([]);
    expect(r.rejects).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/looks binary.*NUL byte at offset 0/);
  });

  it('invalid UTF-8 (Latin-1 bytes) is one reject saying so', async () => {
    const r = await run(parseFile(await tmp('latin1.txt', Buffer.from('CVSep 27, 2022\nMüller\n', 'latin1'))));
    expect(r.rejects.map((e) => e.reason)).toEqual([expect.stringMatching(/not valid UTF-8/)]);
  });

  it('UTF-16 and gzip get specific hints', () => {
    expect(binaryProblem(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toMatch(/UTF-16/);
    expect(binaryProblem(Uint8Array.from([0x1f, 0x8b, 0x08, 0x00]))).toMatch(/gzip/);
    expect(binaryProblem(new TextEncoder().encode('plain ünïcode text'))).toBeNull();
    // A multi-byte character cut at the 1 KB boundary is not an error.
    expect(binaryProblem(new TextEncoder().encode('a'.repeat(1023) + 'é'))).toBeNull();
  });

  it('an undetectable format asks for --format', async () => {
    const r = await run(parseFile(await tmp('notes.txt', 'just some notes\n')));
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/pass --format/);
  });

  it('a truncated JSON line is rejected with its line; the other lines are parsed', async () => {
    const lines = (await readFile(fixture('arxiv-jsonl/arxiv-sample-200.jsonl'), 'utf8')).split('\n').slice(0, 5);
    lines[2] = must(lines[2], 'lines[2]').slice(0, 120);
    const r = await run(parseFile(await tmp('trunc.jsonl', lines.join('\n'))));
    expect(r.records.map((p) => p.id)).toEqual(['0704.0001', '0704.0002', '0704.0004', '0704.0005']);
    expect(r.rejects).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').at.line).toBe(3);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/line 3 is not valid JSON/);
  });

  it('invalid XML is one reject with line and column', async () => {
    const xml = (await readFile(fixture('arxiv-atom/query-einstein-2018.xml'), 'utf8')).replace('</title>\n    <summary>  In this article', '</titl>\n    <summary>  In this article');
    const r = await run(parseFile(await tmp('bad.xml', xml)));
    expect(r.records).toEqual([]);
    expect(r.rejects).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/^invalid XML at line 14, column \d+/);
  });

  it('a 5 MB abstract is rejected with its size and the limit', async () => {
    const line = JSON.stringify({ id: '2101.00001', title: 'Huge', authors: 'Ann Lee', abstract: 'a'.repeat(5 * 1024 * 1024), categories: 'cs.CV', versions: [{ created: 'Mon, 4 Jan 2021 00:00:00 GMT' }] });
    const r = await run(parseFile(await tmp('huge-abstract.jsonl', `${line}\n`)));
    expect(r.records).toEqual([]);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toBe('2101.00001: invalid abstract: 5,242,880 characters, over the limit of 100,000');
  });

  it('a line over the line limit is rejected and skipped; numbering continues', async () => {
    const lines = (await readFile(fixture('arxiv-jsonl/arxiv-sample-200.jsonl'), 'utf8')).split('\n').slice(0, 3);
    lines[1] = JSON.stringify({ id: '0704.0002', abstract: 'x'.repeat(20_000) });
    const r = await run(parseFile(await tmp('long.jsonl', lines.join('\n')), { maxLineChars: 10_000 }));
    expect(r.records.map((p) => p.id)).toEqual(['0704.0001', '0704.0003']);
    expect(r.recordEvents.map((e) => e.at.line)).toEqual([1, 3]);
    expect(r.rejects).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').at.line).toBe(2);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/line 2 is 20,0\d\d characters long, over the 10,000-character line limit/);
  });

  it('a whole-document file over 200 MB is refused before reading', async () => {
    const head = (await readFile(fixture('arxiv-atom/query-einstein-2018.xml'), 'utf8')).slice(0, 2048);
    const p = await tmp('huge.xml', head);
    await truncate(p, 201 * 1024 * 1024); // sparse: no 200 MB actually written
    const t0 = performance.now();
    const r = await run(parseFile(p));
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(r.rejects).toHaveLength(1);
    expect(must(r.rejects[0], 'r.rejects[0]').reason).toMatch(/huge\.xml \(arxiv-atom\) is 210,763,776 bytes, over the 209,715,200-byte limit/);
  });

  it('parseStream reads stdin-like streams (strings or bytes) with the same detection', async () => {
    const text = await readFile(fixture('arxiv-jsonl/arxiv-sample-200.jsonl'));
    const chunks = [text.subarray(0, 1000), text.subarray(1000, 50_001), text.subarray(50_001)];
    const r = await run(parseStream(Readable.from(chunks), '<stdin>'));
    expect(r.records).toHaveLength(200);
    expect(must(r.recordEvents[199], 'r.recordEvents[199]').at).toEqual({ file: '<stdin>', line: 200 });
    const bib = await run(parseStream(Readable.from([await readFile(fixture('bibtex/zbmath-47.bib'), 'utf8')]), '<stdin>'));
    expect(bib.records).toHaveLength(47);
    const empty = await run(parseStream(Readable.from([]), '<stdin>'));
    expect(must(empty.rejects[0], 'empty.rejects[0]').reason).toMatch(/empty/);
  });
});

describe('readLines', () => {
  it('splits across chunk boundaries, CRLF, BOM and multi-byte characters', async () => {
    const bytes = new TextEncoder().encode('\uFEFFa\r\nbé\nc');
    const chunks = Array.from(bytes, (b) => Uint8Array.of(b)); // one byte per chunk: é is split
    const out: string[] = [];
    for await (const l of readLines(Readable.from(chunks))) out.push(l);
    expect(out).toEqual(['a', 'bé', 'c']);
  });

  it('drops an over-long line spread over many chunks without buffering it, keeping line numbers', async () => {
    const chunks = ['ok 1\nxxxx', 'xxxxxxxx', 'xxxxxxxx', 'xx\nok 3\n', 'yyyyyyyyyyyyyyyyyyyy'];
    const over: [number, number][] = [];
    const out: string[] = [];
    for await (const l of readLines(Readable.from(chunks), { maxLineChars: 10, onOverlong: (line, n) => over.push([line, n]) })) out.push(l);
    expect(out).toEqual(['ok 1', '', 'ok 3', '']);
    expect(over).toEqual([
      [2, 22],
      [4, 20],
    ]);
  });
});
