// Entry point for source files: format detection, file/stdin opening, encoding checks, dispatch to the parsers.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ParseEvent, SourceFormat } from '../record.js';
import { parseArxivAtom } from './arxiv-atom.js';
import { parseArxivJsonl } from './arxiv-jsonl.js';
import { parseBibtex } from './bibtex.js';
import { documentTooLarge, fmt, MAX_DOCUMENT_BYTES } from './common.js';
import { parseListing, parseListingHeader } from './listing.js';
import { parseOpenAlex } from './openalex.js';

export { fetchArxivApi } from './arxiv-api.js';
export { parseArxivAtom } from './arxiv-atom.js';
export { parseArxivJsonl } from './arxiv-jsonl.js';
export { parseBibtex } from './bibtex.js';
export { MAX_DOCUMENT_BYTES } from './common.js';
export { parseListing, splitTitleAuthors } from './listing.js';
export { parseOpenAlex } from './openalex.js';

export interface ParseFileOptions {
  /** Skip detection (the CLI's `--format`). */
  format?: SourceFormat;
  /** Capture date of a listing, for dates printed without a year. Default today. */
  listingDate?: Date | string;
  /** Longest single line (in characters) accepted in line formats; longer lines are rejected and skipped. Default 64 Mi. */
  maxLineChars?: number;
  /** Called with the size of every chunk read from the input, for progress (bytes read of the file size). */
  onBytes?: (bytes: number) => void;
}

/** Passes chunks through, reporting their byte length. */
async function* counted(source: AsyncIterable<Chunk>, onBytes: (bytes: number) => void): AsyncGenerator<Chunk> {
  for await (const chunk of source) {
    onBytes(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length);
    yield chunk;
  }
}

/** How many bytes are sniffed for detection and the binary check. */
const SNIFF_BYTES = 64 * 1024;
const BINARY_CHECK_BYTES = 1024;
const DEFAULT_MAX_LINE = 64 * 1024 * 1024;

/** Formats that are parsed line by line (streaming); the others are parsed as one document. */
const LINE_FORMATS: ReadonlySet<SourceFormat> = new Set<SourceFormat>(['listing', 'arxiv-jsonl', 'openalex']);

/**
 * Guess the format from the first bytes (content first, file name only to break ties):
 * `<?xml`/`<feed` → arxiv-atom; `@type{` → bibtex; a JSON object with arXiv snapshot keys or an arXiv `"id"` →
 * arxiv-jsonl; JSON mentioning openalex.org / authorships → openalex; a `<CAT><Mon D[, YYYY]>` header first line →
 * listing. Returns null when unsure (the caller then asks for `--format`).
 */
export function detectFormat(firstBytes: string, fileName: string): SourceFormat | null {
  const s = firstBytes.replace(/^\uFEFF/, '').trimStart();
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (s.startsWith('<')) {
    if (/<feed[\s>]/.test(s) || /http:\/\/www\.w3\.org\/2005\/Atom/.test(s)) return 'arxiv-atom';
    return ext === 'xml' || ext === 'atom' ? 'arxiv-atom' : null;
  }
  // BibTeX: an @entry at the start, after % comments, or anywhere near the start of a .bib file (BibTeX ignores
  // free text between entries, so exported files sometimes open with a banner).
  if (/^@[A-Za-z]+\s*[{(]/m.test(s) && (s.startsWith('@') || s.startsWith('%') || ext === 'bib')) return 'bibtex';
  if (s.startsWith('{') || s.startsWith('[')) {
    const head = s.slice(0, SNIFF_BYTES);
    if (/"(?:submitter|authors_parsed|update_date)"\s*:/.test(head)) return 'arxiv-jsonl';
    if (/^\{\s*"id"\s*:\s*"(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?"/.test(s)) return 'arxiv-jsonl';
    if (/openalex\.org\/W\d+|"authorships"\s*:|"abstract_inverted_index"\s*:/.test(head)) return 'openalex';
    // Some other JSON: a .json/.jsonl name says nothing about which schema, so do not guess.
    return null;
  }
  const firstLine = s.split(/\r?\n/, 1)[0] ?? '';
  if (parseListingHeader(firstLine)) return 'listing';
  if (ext === 'bib') return 'bibtex';
  return null;
}

/**
 * Why the first bytes are not text we can parse, or null. NUL bytes and invalid UTF-8 in the first KB mean a
 * binary or wrongly encoded file; gzip and UTF-16 get a specific hint because they are the usual mistakes.
 */
export function binaryProblem(head: Uint8Array): string | null {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'file is gzip-compressed; decompress it first (e.g. gunzip -k)';
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    return 'file is UTF-16 encoded; convert it to UTF-8 first (e.g. iconv -f UTF-16 -t UTF-8)';
  }
  const first = head.subarray(0, BINARY_CHECK_BYTES);
  const nul = first.indexOf(0);
  if (nul >= 0) return `file looks binary, not text: NUL byte at offset ${nul} in the first KB`;
  try {
    // stream:true so a multi-byte character cut at the 1 KB boundary is not mistaken for corruption.
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true });
  } catch {
    return 'file is not valid UTF-8 text (invalid byte sequence in the first KB); convert it to UTF-8';
  }
  return null;
}

type Chunk = Uint8Array | string;

/** Turn string chunks into bytes so one code path handles fs streams, stdin and test input. */
function toBytes(c: Chunk): Uint8Array {
  return typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
}

/**
 * Split a byte stream into lines (LF or CRLF; a UTF-8 BOM dropped), decoding UTF-8 incrementally so memory stays
 * bounded by the longest line. A line longer than `maxLineChars` characters is skipped (its text is not kept) and
 * reported through `onOverlong` with its line number and length; an empty line is yielded in its place so line
 * numbers stay right. Without this cap, a newline-free multi-GB file would exhaust memory (or V8's string limit).
 */
export async function* readLines(
  chunks: AsyncIterable<Chunk>,
  opts: { maxLineChars?: number; onOverlong?: (line: number, chars: number) => void } = {},
): AsyncGenerator<string> {
  const max = opts.maxLineChars ?? DEFAULT_MAX_LINE;
  const decoder = new TextDecoder('utf-8');
  let parts: string[] = [];
  let partLen = 0;
  let skipping = false;
  let skippedBytes = 0;
  let lineNo = 0;
  let first = true;
  const emit = (s: string): string => {
    lineNo++;
    return s.endsWith('\r') ? s.slice(0, -1) : s;
  };
  for await (const chunk of chunks) {
    let text = decoder.decode(toBytes(chunk), { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let pos = 0;
    for (let nl = text.indexOf('\n', pos); nl >= 0; nl = text.indexOf('\n', pos)) {
      const piece = text.slice(pos, nl);
      pos = nl + 1;
      if (skipping) {
        skippedBytes += piece.length;
        opts.onOverlong?.(lineNo + 1, skippedBytes);
        yield emit('');
        skipping = false;
        skippedBytes = 0;
        continue;
      }
      parts.push(piece);
      const line = parts.join('');
      parts = [];
      partLen = 0;
      if (line.length > max) {
        opts.onOverlong?.(lineNo + 1, line.length);
        yield emit('');
      } else yield emit(line);
    }
    const rest = text.slice(pos);
    if (skipping) skippedBytes += rest.length;
    else if (rest.length > 0) {
      parts.push(rest);
      partLen += rest.length;
      if (partLen > max) {
        // Stop buffering: the line is already too long to be a record; count the rest and move on.
        skipping = true;
        skippedBytes = partLen;
        parts = [];
        partLen = 0;
      }
    }
  }
  const tail = decoder.decode();
  if (skipping) {
    opts.onOverlong?.(lineNo + 1, skippedBytes + tail.length);
    yield emit('');
  } else if (parts.length > 0 || tail.length > 0) {
    yield emit(parts.join('') + tail);
  }
}

/** Buffered reader over an async byte source, so the first bytes can be sniffed and then replayed. */
async function peek(source: AsyncIterable<Chunk>, want: number): Promise<{ head: Uint8Array; replay: AsyncIterable<Uint8Array> }> {
  const it = source[Symbol.asyncIterator]();
  const buffered: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < want) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = toBytes(r.value);
    buffered.push(b);
    size += b.length;
  }
  const head = Buffer.concat(buffered);
  async function* replay(): AsyncGenerator<Uint8Array> {
    for (const b of buffered) yield b;
    if (done) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield toBytes(r.value);
  }
  return { head, replay: replay() };
}

/** Read a whole byte stream into a string, giving up as soon as it exceeds `limit` bytes (the rest is not read). */
async function readAll(source: AsyncIterable<Uint8Array>, limit: number): Promise<{ text: string } | { tooLarge: number }> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const b of source) {
    size += b.length;
    if (size > limit) return { tooLarge: size };
    parts.push(b);
  }
  return { text: new TextDecoder('utf-8').decode(Buffer.concat(parts)).replace(/^\uFEFF/, '') };
}

async function* dispatch(source: AsyncIterable<Chunk>, name: string, opts: ParseFileOptions, knownSize: number | null): AsyncGenerator<ParseEvent> {
  const at1 = { file: name, line: 1 };
  const { head, replay } = await peek(source, SNIFF_BYTES);
  if (head.length === 0) {
    yield { kind: 'reject', reason: 'file is empty: nothing to ingest', at: at1 };
    return;
  }
  const problem = binaryProblem(head);
  if (problem) {
    yield { kind: 'reject', reason: problem, at: at1 };
    return;
  }
  const headText = new TextDecoder('utf-8').decode(head);
  if (head.length < SNIFF_BYTES && headText.trim() === '') {
    yield { kind: 'reject', reason: 'file is empty (only whitespace): nothing to ingest', at: at1 };
    return;
  }
  const format = opts.format ?? detectFormat(headText, name);
  if (!format) {
    yield { kind: 'reject', reason: `cannot tell the format of ${basename(name)} from its content; pass --format (listing, arxiv-jsonl, arxiv-atom, openalex, bibtex)`, at: at1 };
    return;
  }

  if (LINE_FORMATS.has(format)) {
    const overlong: ParseEvent[] = [];
    const limit = opts.maxLineChars ?? DEFAULT_MAX_LINE;
    const lines = readLines(replay, {
      maxLineChars: limit,
      onOverlong: (line, chars) =>
        overlong.push({ kind: 'reject', reason: `line ${line} is ${fmt(chars)} characters long, over the ${fmt(limit)}-character line limit; skipped`, at: { file: name, line } }),
    });
    const parser =
      format === 'listing'
        ? parseListing(lines, { file: name, ...(opts.listingDate !== undefined ? { listingDate: opts.listingDate } : {}) })
        : format === 'arxiv-jsonl'
          ? parseArxivJsonl(lines, { file: name })
          : parseOpenAlex(lines, { file: name });
    for await (const ev of parser) {
      for (let o = overlong.shift(); o !== undefined; o = overlong.shift()) yield o;
      yield ev;
    }
    for (let o = overlong.shift(); o !== undefined; o = overlong.shift()) yield o;
    return;
  }

  // Whole-document formats: refuse before reading when the size is known, else while reading.
  if (knownSize !== null) {
    const big = documentTooLarge(knownSize, `${basename(name)} (${format})`);
    if (big) {
      yield { kind: 'reject', reason: big, at: at1 };
      return;
    }
  }
  const all = await readAll(replay, MAX_DOCUMENT_BYTES);
  if ('tooLarge' in all) {
    const reason = `${basename(name)} (${format}) is more than ${fmt(MAX_DOCUMENT_BYTES)} bytes, the limit for whole-document formats; split it into smaller files`;
    yield { kind: 'reject', reason, at: at1 };
    return;
  }
  if (format === 'arxiv-atom') yield* parseArxivAtom(all.text, { file: name });
  else yield* parseBibtex(all.text, { file: name });
}

/**
 * Parse a source file into ParseEvents. Throws when the file does not exist or is not a regular file (the message
 * names the path). An empty file, binary content (NUL bytes / invalid UTF-8 in the first KB) or an undetectable
 * format yields a single `reject`. Line formats stream; whole-document formats over MAX_DOCUMENT_BYTES are refused.
 */
export async function* parseFile(path: string, opts: ParseFileOptions = {}): AsyncGenerator<ParseEvent> {
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new Error(`input is not a regular file: ${path}`);
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`input file not found: ${path}`, { cause: e });
    if (code === 'EACCES') throw new Error(`input file is not readable (permission denied): ${path}`, { cause: e });
    throw e;
  }
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  yield* dispatch(opts.onBytes ? counted(stream, opts.onBytes) : stream, path, opts, size);
}

/**
 * Parse a stream (stdin, an HTTP body) of bytes or strings; `name` is used in locations and messages (e.g.
 * "<stdin>"). Same checks and formats as parseFile; whole-document formats are buffered up to MAX_DOCUMENT_BYTES.
 */
export async function* parseStream(stream: AsyncIterable<Chunk>, name: string, opts: ParseFileOptions = {}): AsyncGenerator<ParseEvent> {
  yield* dispatch(opts.onBytes ? counted(stream, opts.onBytes) : stream, name, opts, null);
}
