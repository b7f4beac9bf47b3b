// Kaggle arXiv metadata snapshot (one JSON object per line), streamed line by line in constant memory.
import type { AuthorRecord, ParseEvent, PaperRecord } from '../record.js';
import { isArxivCategory } from '../text/categories.js';
import { normalizeParagraphs, normalizeSpace, tidyInitials } from '../text/normalize.js';
import { normalizeArxivId, normalizeDoi } from '../text/paper-id.js';
import { decodeTex } from '../text/tex.js';
import { iterateLines, keepValidAuthors, validateRecord, type LineInput } from './common.js';

export interface ArxivJsonlOptions {
  file: string;
}

const MONTH_NUM: Record<string, number> = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 };

/**
 * ISO date of an RFC 2822 timestamp as written ("Mon, 2 Apr 2007 19:18:42 GMT" → "2007-04-02"), or null.
 * Parsed textually, not through Date, so the server's time zone can never shift the day.
 */
export function rfc2822Day(s: string): string | null {
  const m = /(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})/.exec(s);
  const [, day, month, year] = m ?? [];
  if (!day || !month || !year) return null;
  return `${year}-${String(MONTH_NUM[month]).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Month an arXiv id was assigned (0704.0001 → 2007-04, hep-th/9901001 → 1999-01): a fallback publication date. */
export function arxivIdMonth(id: string): { year: number; month: number } | null {
  const m = /^(\d{2})(\d{2})\.\d{4,5}$/.exec(id) ?? /\/(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!m) return null;
  const yy = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  // arXiv started in 1991; two-digit years 91-99 are 1990s, the rest 2000s.
  return { year: yy >= 91 ? 1900 + yy : 2000 + yy, month };
}

/** Remove parenthesised affiliations, nested ones included: `A (1 and 2) ((1) CREST, (2) IHEP)` → `A`. */
export function stripParenthesized(s: string): string {
  let out = '';
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

/**
 * Split an arXiv `authors` string into names as written: affiliations in parentheses dropped, split on commas and
 * " and ". TeX is NOT decoded here (callers keep the raw piece as `asWritten` and decode for the display name).
 */
export function splitArxivAuthors(authors: string): string[] {
  // Split on whitespace-delimited "and" only: JS \b is ASCII-only, so /\band\b/ would split "Françand".
  return stripParenthesized(authors)
    .split(/,|\s+and\s+|&/u)
    .map((p) => normalizeSpace(p).replace(/^and\s+/u, '').replace(/\s+et\.?\s*al\.?$/iu, ''))
    .filter((p) => p.length > 0 && !/^(?:Jr\.?|Sr\.?|II|III)$/u.test(p) && !ET_AL_PIECE.test(p));
}

/** A piece that is only "et al." (big collaborations: "The BABAR Collaboration, B. Aubert, et al"). */
const ET_AL_PIECE = /^et\.?\s*al\.?$/iu;

/** True when the authors string admits it is incomplete ("…, B. Aubert, et al" / "F. Aharonian et al."). */
export function arxivAuthorsTruncated(authors: string): boolean {
  return /\bet\.?\s*al\.?\s*$/iu.test(stripParenthesized(authors).trim());
}

function fromParsed(parsed: unknown[], raw: string[]): AuthorRecord[] {
  const out: AuthorRecord[] = [];
  // Raw pieces line up with authors_parsed for the vast majority of records; when the counts differ (odd
  // punctuation, "Jr." pieces), we fall back to the reconstructed name rather than mis-attributing asWritten.
  const aligned = raw.length === parsed.length;
  for (let i = 0; i < parsed.length; i++) {
    const p = parsed[i];
    if (!Array.isArray(p)) continue;
    const family = normalizeSpace(decodeTex(String(p[0] ?? '')));
    const given = tidyInitials(normalizeSpace(decodeTex(String(p[1] ?? ''))));
    const suffix = normalizeSpace(decodeTex(String(p[2] ?? '')));
    const name = [given, family, suffix].filter(Boolean).join(' ');
    if (!name) continue;
    const a: AuthorRecord = { asWritten: aligned ? (raw[i] ?? name) : name, name };
    if (given) a.given = given;
    if (family) a.family = family;
    if (suffix) a.suffix = suffix;
    out.push(a);
  }
  return out;
}

/**
 * Parse the arXiv metadata snapshot: one JSON object per line. Authors come from `authors_parsed` ([last, first,
 * suffix]) when present, else from the `authors` string (TeX decoded, affiliations dropped). Categories are
 * space-separated with the primary first. `published` is the first version's date (precision day); records without
 * versions fall back to the month encoded in the id (precision month). A line that is not valid JSON becomes a
 * `reject` naming the line and the JSON error; the following lines are still parsed.
 */
export async function* parseArxivJsonl(input: LineInput, opts: ArxivJsonlOptions): AsyncGenerator<ParseEvent> {
  const file = opts.file;
  let lineNo = 0;
  for await (const line of iterateLines(input)) {
    lineNo++;
    if (line.trim() === '') continue;
    const at = { file, line: lineNo };
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      yield { kind: 'reject', reason: `line ${lineNo} is not valid JSON (${(e as Error).message}); is the line truncated?`, at };
      continue;
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      yield { kind: 'reject', reason: `line ${lineNo} is not a JSON object`, at };
      continue;
    }
    yield* recordFromSnapshot(obj as Record<string, unknown>, at);
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function* recordFromSnapshot(o: Record<string, unknown>, at: { file: string; line: number }): Generator<ParseEvent> {
  const rawId = str(o.id);
  const arxivId = rawId ? normalizeArxivId(rawId) : null;
  if (!arxivId) {
    yield { kind: 'reject', reason: `id: ${rawId === undefined ? 'missing' : `${JSON.stringify(rawId)} is not an arXiv id`}`, at };
    return;
  }

  const title = normalizeSpace(decodeTex(str(o.title) ?? '', { ties: false }));
  const abstract = normalizeParagraphs(decodeTex(str(o.abstract) ?? '', { stripBraces: false, ties: false }));

  const rawAuthors = str(o.authors) ?? '';
  const rawPieces = splitArxivAuthors(rawAuthors);
  const saidEtAl = arxivAuthorsTruncated(rawAuthors);
  let authors: AuthorRecord[];
  if (Array.isArray(o.authors_parsed) && o.authors_parsed.length > 0) {
    authors = fromParsed(o.authors_parsed, rawPieces);
  } else {
    authors = rawPieces.map((p) => ({ asWritten: p, name: normalizeSpace(decodeTex(p)) })).filter((a) => a.name.length > 0);
  }

  const events: ParseEvent[] = [];
  const kept = keepValidAuthors(authors, `${arxivId}`, at);
  events.push(...kept.warnings);
  authors = kept.authors;

  const categories = (str(o.categories) ?? '').split(/\s+/u).filter(Boolean);
  const unknown = categories.filter((c) => !isArxivCategory(c));
  if (unknown.length > 0) events.push({ kind: 'warning', message: `${arxivId}: unknown arXiv categor${unknown.length > 1 ? 'ies' : 'y'} ${unknown.join(', ')} kept as written`, at });

  let published: string | null = null;
  let precision: PaperRecord['datePrecision'] = null;
  let year: number | null = null;
  const versions = Array.isArray(o.versions) ? o.versions : [];
  const v0 = versions[0] as { created?: unknown } | undefined;
  const created = v0 && typeof v0 === 'object' ? str(v0.created) : undefined;
  const day = created ? rfc2822Day(created) : null;
  if (day) {
    published = day;
    precision = 'day';
    year = Number(day.slice(0, 4));
  } else {
    const ym = arxivIdMonth(arxivId);
    if (ym) {
      published = `${ym.year}-${String(ym.month).padStart(2, '0')}-01`;
      precision = 'month';
      year = ym.year;
    }
  }

  // The snapshot sometimes lists a second DOI (an erratum) after a space; the first is the paper's own.
  const doiRaw = str(o.doi)?.trim().split(/\s+/u)[0];
  const doi = doiRaw ? normalizeDoi(doiRaw) : null;

  const record: Partial<PaperRecord> = {
    id: arxivId,
    title,
    abstract,
    published,
    year,
    datePrecision: precision,
    hasCode: false,
    url: `https://arxiv.org/abs/${arxivId}`,
    arxivId,
    source: 'arxiv-jsonl',
    authors,
    authorsTruncated: saidEtAl || kept.dropped,
    categories,
    sourceTopics: [],
    cites: [],
  };
  if (doi) record.doi = doi;
  for (const e of events) yield e;
  yield validateRecord(record, at);
}
