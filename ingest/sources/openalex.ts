// OpenAlex works: a /works page ({meta, results}), a JSON array, or JSON lines (one work or page per line).
import type { AuthorRecord, ParseEvent, PaperRecord, SourceLocation, SourceTopic } from '../record.js';
import { cleanHtmlText, normalizeSpace } from '../text/normalize.js';
import {
  normalizeArxivId,
  normalizeDoi,
  normalizeOpenAlexAuthorId,
  normalizeOpenAlexWorkId,
  normalizeOrcid,
  paperId,
} from '../text/paper-id.js';
import { documentTooLarge, iterateLines, keepValidAuthors, linesOf, MAX_DOCUMENT_BYTES, validateRecord, type LineInput } from './common.js';

export interface OpenAlexOptions {
  file: string;
  /** Cap for a pretty-printed (multi-line) document that has to be parsed whole. Default MAX_DOCUMENT_BYTES. */
  maxDocumentChars?: number;
}

type Json = Record<string, unknown>;

/** OpenAlex list endpoints cut authorships at this many; a work with exactly this many may have more. */
const OPENALEX_AUTHORSHIP_CAP = 100;
/** An inverted-index position above this is corrupt data, not an abstract (and would allocate a huge array). */
const MAX_ABSTRACT_WORDS = 1_000_000;

function isObj(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * Rebuild an abstract from OpenAlex's `abstract_inverted_index` ({word: [positions]}), or an error message when
 * the index is malformed. Gaps (positions with no word) collapse to single spaces.
 */
export function rebuildAbstract(inv: unknown): { text: string } | { error: string } {
  if (inv === null || inv === undefined) return { text: '' };
  if (!isObj(inv)) return { error: 'abstract_inverted_index is not an object' };
  let max = -1;
  for (const positions of Object.values(inv)) {
    if (!Array.isArray(positions)) return { error: 'abstract_inverted_index has a non-array entry' };
    for (const p of positions) {
      if (!Number.isInteger(p) || (p as number) < 0) return { error: `abstract_inverted_index has a bad position ${JSON.stringify(p)}` };
      if ((p as number) > max) max = p as number;
    }
  }
  if (max >= MAX_ABSTRACT_WORDS) return { error: `abstract_inverted_index has position ${max}, more than ${MAX_ABSTRACT_WORDS} words` };
  const words: string[] = new Array<string>(max + 1).fill('');
  for (const [word, positions] of Object.entries(inv)) for (const p of positions as number[]) words[p] = word;
  return { text: cleanHtmlText(words.join(' ')) };
}

/** First arXiv id revealed by a work's ids, DOI (10.48550/arXiv.*) or location URLs on arxiv.org. */
function findArxivId(w: Json, doi: string | null): string | null {
  const ids = isObj(w.ids) ? w.ids : {};
  const candidates: unknown[] = [ids.arxiv, doi ?? undefined];
  const locs = [w.primary_location, w.best_oa_location, ...(Array.isArray(w.locations) ? w.locations : [])];
  for (const l of locs) if (isObj(l)) candidates.push(l.landing_page_url, l.pdf_url);
  for (const c of candidates) {
    const s = str(c);
    if (!s) continue;
    // Only URLs/ids that name arXiv: normalizeArxivId would also accept a bare "1234.5678" from anywhere.
    if (!/arxiv/i.test(s) && c !== ids.arxiv) continue;
    const id = normalizeArxivId(s);
    if (id) return id;
  }
  return null;
}

function authorsOf(w: Json): AuthorRecord[] {
  const out: AuthorRecord[] = [];
  for (const a of Array.isArray(w.authorships) ? w.authorships : []) {
    if (!isObj(a)) continue;
    const au = isObj(a.author) ? a.author : {};
    const display = normalizeSpace(str(au.display_name) ?? '');
    const raw = normalizeSpace(str(a.raw_author_name) ?? '');
    const name = display || raw;
    if (!name) continue;
    const rec: AuthorRecord = { asWritten: raw || display, name };
    const rawOrcid = str(au.orcid);
    const orcid = rawOrcid ? normalizeOrcid(rawOrcid) : null;
    if (orcid) rec.orcid = orcid;
    const rawAid = str(au.id);
    const aid = rawAid ? normalizeOpenAlexAuthorId(rawAid) : null;
    if (aid) rec.openalexId = aid;
    out.push(rec);
  }
  return out;
}

function topicsOf(w: Json): SourceTopic[] {
  const out: SourceTopic[] = [];
  const seen = new Set<string>();
  const list = [w.primary_topic, ...(Array.isArray(w.topics) ? w.topics : [])];
  for (const t of list) {
    if (!isObj(t)) continue;
    const name = normalizeSpace(str(t.display_name) ?? '');
    const score = t.score;
    if (!name || typeof score !== 'number' || score < 0 || score > 1) continue;
    const sid = str(t.id)?.replace(/^https?:\/\/openalex\.org\//, '');
    const key = sid ?? name;
    if (seen.has(key)) continue; // primary_topic is repeated as topics[0]
    seen.add(key);
    out.push(sid ? { sourceId: sid, name, score } : { name, score });
  }
  return out;
}

/** Events for one OpenAlex work object. `where` names it in messages (`work #3 (W123)`). */
export function openAlexWorkEvents(w: unknown, at: SourceLocation, index: number): ParseEvent[] {
  if (!isObj(w)) return [{ kind: 'reject', reason: `work #${index + 1}: not a JSON object`, at }];
  const rawId = str(w.id);
  const openalexId = rawId ? normalizeOpenAlexWorkId(rawId) : null;
  const where = `work #${index + 1}${openalexId ? ` (${openalexId})` : ''}`;
  if (!openalexId) return [{ kind: 'reject', reason: `${where}: id: missing or not an OpenAlex work id (${JSON.stringify(w.id ?? null)})`, at }];

  const events: ParseEvent[] = [];
  const doi = normalizeDoi(str(w.doi) ?? (isObj(w.ids) ? str(w.ids.doi) : undefined) ?? '');
  const arxivId = findArxivId(w, doi);
  const title = cleanHtmlText(str(w.title) ?? str(w.display_name) ?? '');
  const year = typeof w.publication_year === 'number' && Number.isInteger(w.publication_year) ? w.publication_year : null;
  const pd = str(w.publication_date);
  const published = pd && /^\d{4}-\d{2}-\d{2}$/.test(pd) ? pd : null;

  const abs = rebuildAbstract(w.abstract_inverted_index);
  if ('error' in abs) return [{ kind: 'reject', reason: `${where}: abstract: ${abs.error}`, at }];

  let authors = authorsOf(w);
  const kept = keepValidAuthors(authors, where, at);
  events.push(...kept.warnings);
  authors = kept.authors;
  const flagged = w.is_authors_truncated === true;
  if (!flagged && Array.isArray(w.authorships) && w.authorships.length === OPENALEX_AUTHORSHIP_CAP) {
    events.push({
      kind: 'warning',
      message: `${where}: exactly ${OPENALEX_AUTHORSHIP_CAP} authorships — OpenAlex list responses cut author lists at ${OPENALEX_AUTHORSHIP_CAP}, so this list may be incomplete (fetch the single work to be sure)`,
      at,
    });
  }

  const cites: string[] = [];
  for (const r of Array.isArray(w.referenced_works) ? w.referenced_works : []) {
    const rawRid = str(r);
    const rid = rawRid ? normalizeOpenAlexWorkId(rawRid) : null;
    if (rid) cites.push(`openalex:${rid}`);
  }

  const primary = isObj(w.primary_location) ? w.primary_location : {};
  const url = doi ? `https://doi.org/${doi}` : (str(primary.landing_page_url) ?? `https://openalex.org/${openalexId}`);

  const record: Partial<PaperRecord> = {
    id: paperId({ arxivId: arxivId ?? undefined, doi: doi ?? undefined, openalexId, title, year }),
    title,
    abstract: abs.text,
    published,
    year: year ?? (published ? Number(published.slice(0, 4)) : null),
    datePrecision: published ? 'day' : year ? 'year' : null,
    hasCode: false,
    url,
    openalexId,
    source: 'openalex',
    authors,
    authorsTruncated: flagged || kept.dropped,
    // OpenAlex has no arXiv categories; its topics go to sourceTopics. Nothing is invented here.
    categories: [],
    sourceTopics: topicsOf(w),
    cites,
  };
  if (doi) record.doi = doi;
  if (arxivId) record.arxivId = arxivId;
  if (!published && year) record.published = `${year}-01-01`;
  if (title === '') {
    events.push({ kind: 'warning', message: `${where}: OpenAlex has no title for this work; kept untitled (its authors and citations are real)`, at });
  }
  const ev = validateRecord(record, at);
  if (ev.kind === 'reject') ev.reason = `${where}: ${ev.reason}`;
  events.push(ev);
  return events;
}

/**
 * 1-based line on which each work object starts: the elements of the root array, or of the root object's
 * `results` array. One linear pass over the text tracking strings and nesting; no second parse.
 */
export function workStartLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inStr = false;
  let esc = false;
  let root: '{' | '[' | null = null;
  let expectKey = false;
  let keyStart = -1;
  let lastKey = '';
  let inResults = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\n') line++;
    if (inStr) {
      if (esc) esc = false;
      else if (c === '\\') esc = true;
      else if (c === '"') {
        inStr = false;
        if (keyStart >= 0) {
          lastKey = text.slice(keyStart, i);
          keyStart = -1;
        }
      }
      continue;
    }
    switch (c) {
      case '"':
        inStr = true;
        if (depth === 1 && root === '{' && expectKey) {
          keyStart = i + 1;
          expectKey = false;
        }
        break;
      case '{':
        if (depth === 0) root = '{';
        else if ((root === '[' && depth === 1) || (inResults && depth === 2)) lines.push(line);
        depth++;
        if (depth === 1) expectKey = true;
        break;
      case '[':
        if (depth === 0) root = '[';
        else if (depth === 1 && root === '{' && lastKey === 'results') inResults = true;
        depth++;
        break;
      case '}':
      case ']':
        depth--;
        if (depth === 1 && c === ']') inResults = false;
        break;
      case ',':
        if (depth === 1 && root === '{') expectKey = true;
        break;
      default:
        break;
    }
  }
  return lines;
}

/** Works held by one parsed JSON value: a page's results, an array, or a single work. */
function worksOf(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (isObj(v) && Array.isArray(v.results)) return v.results;
  if (isObj(v) && typeof v.id === 'string') return [v];
  return null;
}

/** Line (1-based) of the "position N" in a V8 JSON.parse error, when the message carries one. */
function jsonErrorLine(text: string, message: string): number | null {
  const m = /position (\d+)/.exec(message);
  if (!m) return null;
  const pos = Math.min(Number(m[1]), text.length);
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Parse OpenAlex works. Accepts a `/works` page, a JSON array of works, or JSON lines (each line a work, a page or
 * an array) — decided from the first non-blank line: if it is complete JSON the input is line-oriented and streams
 * in constant memory (each line located at its own line number); otherwise the input is one pretty-printed document
 * (capped at maxDocumentChars) and each work is located at the line where its object starts. Messages also name
 * the work's index and W id, since a single-line page puts every work on line 1.
 */
export async function* parseOpenAlex(input: string | LineInput, opts: OpenAlexOptions): AsyncGenerator<ParseEvent> {
  const file = opts.file;
  const limit = opts.maxDocumentChars ?? MAX_DOCUMENT_BYTES;
  const lines = typeof input === 'string' ? linesOf(input) : input;
  let lineNo = 0;
  let mode: 'lines' | 'document' | null = null;
  let docStartLine = 1;
  const doc: string[] = [];
  let docChars = 0;
  let workIndex = 0;

  for await (const line of iterateLines(lines)) {
    lineNo++;
    if (mode === 'document') {
      docChars += line.length + 1;
      if (docChars > limit) {
        yield { kind: 'reject', reason: documentTooLarge(docChars, 'OpenAlex JSON document', limit) ?? 'document too large', at: { file, line: docStartLine } };
        return;
      }
      doc.push(line);
      continue;
    }
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      if (mode === null) {
        // Not complete JSON on its own: the start of a multi-line (pretty-printed) document.
        mode = 'document';
        docStartLine = lineNo;
        doc.push(line);
        docChars = line.length + 1;
        continue;
      }
      yield { kind: 'reject', reason: `line ${lineNo} is not valid JSON (${(e as Error).message}); is the line truncated?`, at: { file, line: lineNo } };
      continue;
    }
    mode = 'lines';
    const works = worksOf(value);
    if (!works) {
      yield { kind: 'reject', reason: `line ${lineNo}: JSON is neither an OpenAlex work, a /works page nor an array of works`, at: { file, line: lineNo } };
      continue;
    }
    for (const w of works) yield* openAlexWorkEvents(w, { file, line: lineNo }, workIndex++);
  }

  if (mode !== 'document') return;
  const text = doc.join('\n');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // A JSON-lines file whose FIRST line is truncated also lands here; if other lines are complete works, report
    // the bad lines one by one and keep the good ones instead of losing the whole file.
    const perLine = doc.map((l) => {
      try {
        return l.trim() ? worksOf(JSON.parse(l)) : null;
      } catch {
        return undefined;
      }
    });
    if (doc.length > 1 && perLine.some((w) => Array.isArray(w))) {
      for (let i = 0; i < doc.length; i++) {
        const at = { file, line: docStartLine + i };
        const works = perLine[i];
        if (works === null && !doc[i]?.trim()) continue;
        if (!works) {
          yield { kind: 'reject', reason: `line ${at.line} is not valid JSON or not an OpenAlex work; is the line truncated?`, at };
          continue;
        }
        for (const w of works) yield* openAlexWorkEvents(w, at, workIndex++);
      }
      return;
    }
    const msg = (e as Error).message;
    const rel = jsonErrorLine(text, msg);
    yield { kind: 'reject', reason: `not valid JSON (${msg}); is the file truncated?`, at: { file, line: docStartLine + (rel ?? 1) - 1 } };
    return;
  }
  const works = worksOf(value);
  if (!works) {
    yield { kind: 'reject', reason: 'JSON is neither an OpenAlex /works page ({meta, results}), an array of works nor a work', at: { file, line: docStartLine } };
    return;
  }
  const starts = workStartLines(text);
  const located = starts.length === works.length;
  for (let i = 0; i < works.length; i++) {
    const start = starts[i];
    const line = located && start !== undefined ? docStartLine + start - 1 : docStartLine;
    yield* openAlexWorkEvents(works[i], { file, line }, workIndex++);
  }
}
