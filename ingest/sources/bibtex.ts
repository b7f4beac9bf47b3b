// BibTeX files via @retorquere/bibtex-parser: TeX decoded, `Last, First and …` names, whole document per call.
import { parse as parseBib, type Creator, type Entry } from '@retorquere/bibtex-parser';
import type { AuthorRecord, ParseEvent, PaperRecord } from '../record.js';
import { isArxivCategory } from '../text/categories.js';
import { decodeEntities, normalizeParagraphs, normalizeSpace, stripInlineTags, tidyInitials } from '../text/normalize.js';
import { normalizeArxivId, normalizeDoi, paperId } from '../text/paper-id.js';
import { documentTooLarge, keepValidAuthors, validateRecord } from './common.js';

export interface BibtexOptions {
  file: string;
}

/** Line and character offset of each entry start (`@type{key`), in file order, with its key. */
function entryStarts(text: string): { key: string; line: number; offset: number }[] {
  const out: { key: string; line: number; offset: number }[] = [];
  const re = /@([A-Za-z]+)\s*[{(]\s*([^,\s]*)/g;
  let line = 1;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = text.indexOf('\n', last); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    last = m.index;
    const [, kind = '', key = ''] = m;
    const type = kind.toLowerCase();
    if (type === 'comment' || type === 'string' || type === 'preamble') continue;
    out.push({ key, line, offset: m.index });
  }
  return out;
}

/** The parser renders `\emph`, `_`, `^` as HTML (`<i>`, `<sub>`); we store plain text. */
function plain(s: string): string {
  return normalizeSpace(decodeEntities(stripInlineTags(s)));
}

/** A creator as the file wrote it, in BibTeX's "von Last, Jr, First" order, TeX left in (`C{\\'a}rdenas, M.`). */
function rawCreator(c: Creator | undefined): string {
  if (!c) return '';
  if (c.name) return normalizeSpace(c.name);
  return normalizeSpace([[c.prefix, c.lastName].filter(Boolean).join(' '), c.suffix, c.firstName].filter(Boolean).join(', '));
}

/** Author record from the decoded creator (display parts) and the raw one (asWritten). */
function creatorToAuthor(c: Creator, raw: Creator | undefined): AuthorRecord | null {
  if (c.name) {
    // A braced corporate/literal name ({Barack Obama Foundation}) has no first/last split.
    const name = plain(c.name);
    return name ? { asWritten: rawCreator(raw) || name, name } : null;
  }
  const family = plain([c.prefix, c.lastName].filter(Boolean).join(' '));
  const given = tidyInitials(plain(c.firstName ?? ''));
  const suffix = plain(c.suffix ?? '');
  const name = [given, family, suffix].filter(Boolean).join(' ');
  if (!name) return null;
  const asWritten = rawCreator(raw) || [family, suffix, given].filter(Boolean).join(', ');
  const a: AuthorRecord = { asWritten, name };
  if (given) a.given = given;
  if (family) a.family = family;
  if (suffix) a.suffix = suffix;
  return a;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Month number from a BibTeX month field ("3", "mar", "March"), or null. */
function monthOf(v: string | undefined): number | null {
  if (!v) return null;
  const t = v.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 12 ? n : null;
  }
  return MONTHS[t.slice(0, 3)] ?? null;
}

/** arXiv id and category from the eprint/arXiv/howpublished/note fields ("arXiv:2312.07321 [math.DG]"). */
function arxivOf(f: Record<string, unknown>): { id: string | null; category: string | null } {
  const archive = String(f.archiveprefix ?? f.eprinttype ?? '').toLowerCase();
  const sources: string[] = [];
  if (typeof f.eprint === 'string' && (archive === 'arxiv' || /arxiv|^\d{4}\.\d{4,5}/i.test(f.eprint))) sources.push(f.eprint);
  for (const k of ['arxiv', 'howpublished', 'note', 'journal', 'url']) if (typeof f[k] === 'string') sources.push(f[k] as string);
  let id: string | null = null;
  let category: string | null = null;
  for (const s of sources) {
    const m = /(?:arxiv[:\s/]*|abs\/|^)((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?)(?:\s*\[([^\]]+)\])?/i.exec(s.trim());
    if (!m) continue;
    const candidate = normalizeArxivId(m[1] ?? '');
    if (!candidate) continue;
    id ??= candidate;
    if (m[2] && isArxivCategory(m[2].trim())) category ??= m[2].trim();
  }
  return { id, category };
}

function entryEvents(e: Entry, raw: Entry | undefined, at: { file: string; line: number }): ParseEvent[] {
  const f = e.fields as Record<string, unknown>;
  const where = `entry ${e.key || '(no key)'}`;
  if (Object.keys(f).length === 0) return [{ kind: 'reject', reason: `${where}: could not be parsed (no fields)`, at }];

  const events: ParseEvent[] = [];
  const title = plain(String(f.title ?? ''));
  const yearMatch = /\d{4}/.exec(String(f.year ?? f.date ?? ''));
  const year = yearMatch ? Number(yearMatch[0]) : null;
  const month = year ? monthOf(typeof f.month === 'string' ? f.month : undefined) : null;
  const published = year ? `${year}-${String(month ?? 1).padStart(2, '0')}-01` : null;

  const rawCreators = raw && Array.isArray(raw.fields.author) ? (raw.fields.author as Creator[]) : [];
  const creators = Array.isArray(f.author) ? (f.author as Creator[]) : [];
  let authors = creators.map((c, i) => creatorToAuthor(c, rawCreators[i])).filter((a): a is AuthorRecord => a !== null);
  const kept = keepValidAuthors(authors, where, at);
  events.push(...kept.warnings);
  authors = kept.authors;

  const doi = typeof f.doi === 'string' ? normalizeDoi(f.doi) : null;
  const arxiv = arxivOf(f);
  const categories: string[] = [];
  const pc = typeof f.primaryclass === 'string' ? f.primaryclass.trim() : '';
  if (pc) {
    if (isArxivCategory(pc)) categories.push(pc);
    else events.push({ kind: 'warning', message: `${where}: primaryClass ${JSON.stringify(pc)} is not an arXiv category; ignored`, at });
  }
  if (arxiv.category && !categories.includes(arxiv.category)) categories.push(arxiv.category);

  let url = typeof f.url === 'string' ? f.url.trim() : undefined;
  // zbMATH writes URLs without a scheme ("idus.us.es/…"); make them usable links without changing the target.
  if (url && !/^[a-z][a-z0-9+.-]*:/i.test(url)) url = `https://${url}`;
  if (!url && arxiv.id) url = `https://arxiv.org/abs/${arxiv.id}`;
  if (!url && doi) url = `https://doi.org/${doi}`;

  const abstract = typeof f.abstract === 'string' ? normalizeParagraphs(decodeEntities(stripInlineTags(f.abstract))) : '';

  const record: Partial<PaperRecord> = {
    id: paperId({ arxivId: arxiv.id ?? undefined, doi: doi ?? undefined, title, year }),
    title,
    abstract,
    published,
    year,
    datePrecision: year ? (month ? 'month' : 'year') : null,
    hasCode: false,
    source: 'bibtex',
    authors,
    authorsTruncated: kept.dropped,
    categories,
    sourceTopics: [],
    cites: [],
  };
  if (url) record.url = url;
  if (doi) record.doi = doi;
  if (arxiv.id) record.arxivId = arxiv.id;
  const ev = validateRecord(record, at);
  if (ev.kind === 'reject') ev.reason = `${where}: ${ev.reason}`;
  events.push(ev);
  return events;
}

/**
 * Parse a BibTeX document. Names come from the parser's creator lists (`Last, First and …`, TeX decoded); titles
 * lose case-protection braces and markup. An entry the parser could not read completely (its start lies in the text
 * of a parser error, e.g. an unclosed brace) is one `reject` at its `@` line and nothing of it is kept; a parser
 * error outside any entry is a `reject` at the line it starts. The other entries are kept.
 */
export async function* parseBibtex(text: string, opts: BibtexOptions): AsyncGenerator<ParseEvent> {
  const file = opts.file;
  const big = documentTooLarge(text.length, 'BibTeX document');
  if (big) {
    yield { kind: 'reject', reason: big, at: { file, line: 1 } };
    return;
  }
  // english:false → titles are kept in the case the file wrote (no sentence-casing heuristics). Unknown TeX
  // commands are kept verbatim: by default the parser reports them as errors although the entry is still returned,
  // which would turn into a misleading reject for a record we actually keep.
  const lib = parseBib(text, { english: false, sentenceCase: false, unsupported: (_node, tex) => tex });
  // A second, raw parse (TeX kept) gives each author exactly as written, for AuthorRecord.asWritten. Same text, same
  // parser → same entries in the same order; matched by key and position to be safe.
  const rawLib = parseBib(text, { english: false, sentenceCase: false, raw: true, unsupported: (_node, tex) => tex });
  const rawByKey = new Map<string, Entry[]>();
  for (const r of rawLib.entries) rawByKey.set(r.key, [...(rawByKey.get(r.key) ?? []), r]);
  const starts = entryStarts(text);

  // A parser error covers the text it could not read (err.input). An entry starting inside that text was not read
  // completely (an unclosed brace swallows the following fields into one): it is rejected whole, never half-written.
  const broken: { from: number; to: number; line: number; error: string; claimed: boolean }[] = [];
  for (const err of lib.errors) {
    // Prefer where the offending text starts (the entry), over the parser's "at line N" which is where it gave up.
    const pos = err.input ? text.indexOf(err.input) : -1;
    const m = /at line (\d+)/.exec(err.error);
    const line = pos >= 0 ? text.slice(0, pos).split('\n').length : m ? Number(m[1]) : 1;
    broken.push({ from: pos, to: pos >= 0 ? pos + (err.input ?? '').length : -1, line, error: err.error, claimed: false });
  }
  const brokenAt = (offset: number | undefined) =>
    offset === undefined ? undefined : broken.find((b) => b.from >= 0 && offset >= b.from && offset < b.to);

  // Match entries to their starts by key, in order (keys can repeat in sloppy files).
  const byKey = new Map<string, { line: number; offset: number }[]>();
  for (const s of starts) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
  const events: ParseEvent[] = [];
  for (const e of lib.entries) {
    const start = byKey.get(e.key)?.shift();
    const raw = rawByKey.get(e.key)?.shift();
    const at = { file, line: start?.line ?? 1 };
    const err = brokenAt(start?.offset);
    if (err) {
      err.claimed = true;
      const reason = `entry ${e.key || '(no key)'}: not read completely, so nothing of it is ingested (BibTeX parse error: ${err.error})`;
      events.push({ kind: 'reject', reason, at });
      continue;
    }
    events.push(...entryEvents(e, raw, at));
  }
  // Errors outside any entry (stray text the parser choked on) are reported where they start.
  for (const b of broken) {
    if (!b.claimed) yield { kind: 'reject', reason: `BibTeX parse error: ${b.error}`, at: { file, line: b.line } };
  }
  yield* events;
}
