// Paper-aggregator listing text: `<CAT><Mon D[, YYYY]>[Code]` header, title glued to authors, abstract line(s).
import { must } from '../../core/must.js';
import type { AuthorRecord, ParseEvent, PaperRecord, SourceLocation } from '../record.js';
import { resolveListingCategory } from '../text/categories.js';
import { normalizeSpace } from '../text/normalize.js';
import { paperIdFromTitle } from '../text/paper-id.js';
import { fmt, iterateLines, validateRecord, type LineInput } from './common.js';

export interface ListingOptions {
  file: string;
  /** The day the listing was captured; dates printed without a year get the latest such date not after it. Default: today. */
  listingDate?: Date | string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * Header: category code glued to a date, optional `Code` badge. The category is matched lazily so `CLMay 5` splits
 * as `CL` + `May 5`; codes may be full arXiv codes (`cs.CV`, `hep-th`) or aggregator abbreviations (`CV`).
 */
const HEADER = /^([A-Za-z][A-Za-z.-]*?)(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})(?:, ?(\d{4}))?(Code)?$/;

/** Longest title+authors line we try to split; beyond this the line is not a listing line (and splitting is O(n²)). */
const MAX_SPLIT_LINE = 20_000;

interface HeaderInfo {
  category: string;
  month: number; // 1-12
  day: number;
  year: number | null;
  hasCode: boolean;
}

/** Parse a header line, or null when the line is not a header. */
export function parseListingHeader(line: string): HeaderInfo | null {
  const m = HEADER.exec(line.trim());
  if (!m) return null;
  return {
    category: must(m[1], 'the category of a listing header'),
    month: MONTHS.indexOf(m[2] as (typeof MONTHS)[number]) + 1,
    day: Number(m[3]),
    year: m[4] ? Number(m[4]) : null,
    hasCode: m[5] === 'Code',
  };
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Calendar date (y, m, d) of the listing date option; Date objects use their local calendar day ("today" as the user sees it). */
function referenceDay(opt: Date | string | undefined): { y: number; m: number; d: number } {
  if (typeof opt === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(opt);
    if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      throw new Error(`listingDate must be a real YYYY-MM-DD date, got ${JSON.stringify(opt)}`);
    }
    return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  }
  const dt = opt ?? new Date();
  if (Number.isNaN(dt.getTime())) throw new Error('listingDate is an invalid Date');
  return { y: dt.getFullYear(), m: dt.getMonth() + 1, d: dt.getDate() };
}

/**
 * The latest year in which (month, day) is a real date not after the reference day, or null when (month, day)
 * never exists (Feb 30). Feb 29 walks back to the previous leap year.
 */
export function inferYear(month: number, day: number, ref: { y: number; m: number; d: number }): number | null {
  for (let y = ref.y; y >= ref.y - 8; y--) {
    if (!isRealDate(y, month, day)) continue;
    if (y === ref.y && (month > ref.m || (month === ref.m && day > ref.d))) continue;
    return y;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Title / author splitting
// ---------------------------------------------------------------------------------------------------------------

/** Surname prefixes that carry an internal capital (McDonald, DeLano, MacKay, FitzGerald, VanDyke). */
const PREFIX = '(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von)';
const WORD_CORE = `${PREFIX}?\\p{Lu}[\\p{Ll}\\p{M}]+(?:['’]\\p{Lu}?[\\p{Ll}\\p{M}]+)?|\\p{Lu}['’]\\p{Lu}[\\p{Ll}\\p{M}]+`;
/** A capitalised name word, possibly hyphenated (Bani-Harouni, Jens-Michalis, Abdel-rahman), with apostrophes (O'Brien, Dall'Aglio). */
const WORD = new RegExp(`^(?:${WORD_CORE})(?:-(?:${WORD_CORE}|[\\p{Ll}\\p{M}]+))*$`, 'u');
/** Initials: C. / J.-S. / A.B. */
const INITIAL = /^\p{Lu}\.(?:-?\p{Lu}\.)*$/u;
/** An all-caps family name (LIU, NGUYEN-VAN); accepted only after the first token so it cannot eat a title acronym. */
const CAPS = /^\p{Lu}{2,}(?:-\p{Lu}{2,})*$/u;
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'ten', 'ter', 'bin', 'ibn', 'al', 'el', 'zu', 'y']);
const SUFFIXES = new Set(['Jr.', 'Jr', 'Sr.', 'Sr', 'II', 'III', 'IV']);

/**
 * Is `name` shaped like one printed personal name? At least two tokens; the first is a capitalised word or an
 * initial; the last is a capitalised or all-caps word (optionally followed by Jr./II); middle tokens may also be
 * initials or lower-case particles (van, de, …). `allowMononym` accepts a single capitalised word.
 */
export function isNameShaped(name: string, allowMononym = false): boolean {
  const t = name.split(' ');
  if (t.some((x) => x.length === 0)) return false;
  if (t.length >= 3 && SUFFIXES.has(t[t.length - 1] ?? '')) t.pop();
  const [first = '', ...others] = t;
  if (t.length === 1) return allowMononym && WORD.test(first);
  if (!WORD.test(first) && !INITIAL.test(first)) return false;
  const last = others.pop() ?? '';
  if (!WORD.test(last) && !CAPS.test(last)) return false;
  for (const x of others) {
    if (!WORD.test(x) && !INITIAL.test(x) && !PARTICLES.has(x) && !CAPS.test(x)) return false;
  }
  return true;
}

const ET_AL = /,?\s*et\s+al\.?$/u;

/**
 * Parse a printed author list ("A B, C D, E F et al." / "A B and C D") into names, or null when any part is not
 * name-shaped. The first name must have at least two tokens: it is the one glued to the title, and a one-word
 * first "name" would let the last title word masquerade as an author.
 */
export function parseAuthorList(s: string): { names: string[]; truncated: boolean } | null {
  let rest = s.trim();
  const truncated = ET_AL.test(rest);
  if (truncated) rest = rest.replace(ET_AL, '').trim();
  if (!rest) return null;
  const names = rest.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/u);
  for (const [i, name] of names.entries()) {
    if (!isNameShaped(name, i > 0)) return null;
  }
  return { names, truncated };
}

export interface TitleAuthorSplit {
  title: string;
  authors: string[];
  truncated: boolean;
}

/**
 * Split a listing line where the title is glued to the author list with no separator
 * (`What Does DALL-E 2 Know About Radiology?Lisa C. Adams, Felix Busch, Daniel Truhn et al.`).
 *
 * Candidates are the positions of an upper-case letter glued to the previous character (no space): the boundary
 * transitions lower→Upper (`designMoritz`), Upper→Upper (`CTHartmut`: the acronym's last capital starts the name),
 * digit→Upper (`19Lisa`) and punctuation→Upper (`?Lisa`, `)Lisa`). A candidate is valid when everything after it
 * parses as an author list of name-shaped tokens (parseAuthorList) and the title before it is non-empty. The
 * earliest valid candidate wins, i.e. the longest valid author list — because the whole remainder of the line must
 * parse as names, an early candidate inside the title is only valid when the rest of the title itself looks like a
 * comma-separated list of names, which real titles essentially never do. Returns null when no candidate is valid.
 */
export function splitTitleAuthors(line: string): TitleAuthorSplit | null {
  const s = line.trim();
  if (s.length > MAX_SPLIT_LINE) return null;
  for (let i = 1; i < s.length; i++) {
    const c = s.charAt(i);
    if (!/\p{Lu}/u.test(c)) continue;
    const prev = s.charAt(i - 1);
    if (/\s/u.test(prev)) continue;
    // Inside a hyphenated or apostrophised word (Bani-Harouni, O'Brien) the capital continues a word, it never
    // starts the author list: a title ending in "-" or "'" glued to a name is not a thing listings print.
    if (prev === '-' || prev === "'" || prev === '’') continue;
    const title = s.slice(0, i).trim();
    if (!title) continue;
    const parsed = parseAuthorList(s.slice(i));
    if (parsed) return { title, authors: parsed.names, truncated: parsed.truncated };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// The streaming block parser
// ---------------------------------------------------------------------------------------------------------------

interface Block {
  headerLine: number;
  header: HeaderInfo;
  titleLine?: string;
  titleLineNo?: number;
  abstract: string[];
}

/**
 * Parse a listing, line by line in constant memory (one block at a time). Each block is a header, a title+authors
 * line and one or more abstract lines; a malformed block (impossible date, missing part, unsplittable title line)
 * becomes one `reject` at its header line and the next block is parsed normally. Unknown category codes are kept as
 * printed with a `warning`. Ids use the title scheme (listings carry no arXiv id or DOI), with the year only when printed.
 */
export async function* parseListing(input: LineInput, opts: ListingOptions): AsyncGenerator<ParseEvent> {
  const ref = referenceDay(opts.listingDate);
  const file = opts.file;
  let block: Block | null = null;
  let lineNo = 0;
  let warnedPreamble = false;

  const finish = (b: Block, endReason: string): ParseEvent[] => buildBlock(b, endReason, ref, file);

  for await (const raw of iterateLines(input)) {
    lineNo++;
    const line = raw.replace(/\s+$/u, '');
    if (line.trim() === '') continue;
    const header = parseListingHeader(line);
    if (header) {
      if (block) yield* finish(block, `before the next header at line ${lineNo}`);
      block = { headerLine: lineNo, header, abstract: [] };
      continue;
    }
    if (!block) {
      if (!warnedPreamble) {
        warnedPreamble = true;
        yield { kind: 'warning', message: 'text before the first "<CAT><Mon D, YYYY>" header line is ignored', at: { file, line: lineNo } };
      }
      continue;
    }
    if (block.titleLine === undefined) {
      block.titleLine = line.trim();
      block.titleLineNo = lineNo;
    } else {
      block.abstract.push(line.trim());
    }
  }
  if (block) yield* finish(block, 'before the end of the file');
}

function buildBlock(b: Block, endReason: string, ref: { y: number; m: number; d: number }, file: string): ParseEvent[] {
  const at: SourceLocation = { file, line: b.headerLine };
  const h = b.header;
  const mon = must(MONTHS[h.month - 1], `month ${h.month} of a listing header`);
  const events: ParseEvent[] = [];

  let year: number;
  let precision: 'day' | 'inferred-year';
  if (h.year !== null) {
    if (!isRealDate(h.year, h.month, h.day)) {
      return [{ kind: 'reject', reason: `${mon} ${h.day}, ${h.year} is not a real date`, at }];
    }
    year = h.year;
    precision = 'day';
  } else {
    const y = inferYear(h.month, h.day, ref);
    if (y === null) return [{ kind: 'reject', reason: `${mon} ${h.day} is not a real date`, at }];
    year = y;
    precision = 'inferred-year';
  }

  if (b.titleLine === undefined) return [{ kind: 'reject', reason: `block has no title/author line ${endReason}`, at }];
  if (b.abstract.length === 0) {
    return [{ kind: 'reject', reason: `block has no abstract ${endReason} (title line ${b.titleLineNo}: ${JSON.stringify(b.titleLine.slice(0, 80))})`, at }];
  }
  if (b.titleLine.length > MAX_SPLIT_LINE) {
    return [{ kind: 'reject', reason: `title/author line ${b.titleLineNo} is ${fmt(b.titleLine.length)} characters, over the ${fmt(MAX_SPLIT_LINE)} we try to split`, at }];
  }
  const split = splitTitleAuthors(b.titleLine);
  if (!split) {
    return [{ kind: 'reject', reason: `cannot tell where the title ends and the author list begins on line ${b.titleLineNo}: ${JSON.stringify(b.titleLine.slice(0, 120))}`, at }];
  }

  const cat = resolveListingCategory(h.category);
  if (!cat.known) {
    events.push({ kind: 'warning', message: `unknown category code ${JSON.stringify(h.category)}: kept as printed`, at });
  }

  const title = normalizeSpace(split.title);
  const authors: AuthorRecord[] = split.authors.map((n) => ({ asWritten: n, name: normalizeSpace(n) }));
  const record: Partial<PaperRecord> = {
    // An inferred year depends on the day of the ingest, so it is not part of the identity (the year stays a property,
    // with its precision).
    id: paperIdFromTitle(title, precision === 'day' ? year : null),
    title,
    abstract: normalizeSpace(b.abstract.join(' ')),
    published: `${iso(year, h.month, h.day)}`,
    year,
    datePrecision: precision,
    hasCode: h.hasCode,
    source: 'listing',
    authors,
    authorsTruncated: split.truncated,
    categories: [cat.code],
    sourceTopics: [],
    cites: [],
  };
  events.push(validateRecord(record, at));
  return events;
}
