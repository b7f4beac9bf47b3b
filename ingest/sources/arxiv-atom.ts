// arXiv API Atom feed (export.arxiv.org/api/query) → ParseEvents; one whole XML document per call.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { must } from '../../core/must.js';
import type { AuthorRecord, ParseEvent, PaperRecord } from '../record.js';
import { isArxivCategory } from '../text/categories.js';
import { decodeEntities, normalizeParagraphs, normalizeSpace } from '../text/normalize.js';
import { normalizeArxivId, normalizeDoi } from '../text/paper-id.js';
import { decodeTex } from '../text/tex.js';
import { documentTooLarge, keepValidAuthors, validateRecord } from './common.js';

export interface ArxivAtomOptions {
  file: string;
}

/** A parsed feed: the events of its entries plus the paging numbers the live API client needs. */
export interface AtomFeed {
  events: ParseEvent[];
  /** opensearch:totalResults, when present. */
  totalResults: number | null;
  /** Number of `<entry>` elements in this page (records + rejects), for paging. */
  entryCount: number;
  /** True when the API answered with its error entry (bad query): nothing from the feed was ingested. */
  apiError: boolean;
}

type XmlNode = Record<string, unknown>;

const ARRAY_TAGS = new Set(['entry', 'author', 'category', 'link']);

// Entities are decoded by us (decodeEntities) in one pass: fast-xml-parser's default leaves numeric references
// (`&#233;`) undecoded, and decoding twice would corrupt `&amp;#233;`.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false, // a title like "1984" must stay a string
  parseAttributeValue: false,
  processEntities: false,
  trimValues: true,
  captureMetaData: true,
  isArray: (name) => ARRAY_TAGS.has(name),
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** Character offset where an element's start tag begins (captureMetaData), or 0 when unknown. */
function startOf(node: XmlNode): number {
  const meta = (node as Record<symbol, unknown>)[META] as { startIndex?: number } | undefined;
  return meta?.startIndex ?? 0;
}

/** Text content of a node that may be a string, `{#text}`, or absent. */
function text(v: unknown): string {
  if (typeof v === 'string') return decodeEntities(v);
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return text((v as XmlNode)['#text']);
  return '';
}

function attr(v: unknown, name: string): string {
  if (v && typeof v === 'object') {
    const a = (v as XmlNode)[`@_${name}`];
    if (typeof a === 'string') return decodeEntities(a);
  }
  return '';
}

function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** 1-based line of a character offset, by binary search over precomputed line starts. */
function lineFinder(s: string): (offset: number) => number {
  const starts = [0];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (must(starts[mid], 'a line start') <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * Parse one Atom document into events plus paging info. Invalid XML → one reject with the validator's line/col.
 * The API's error entry (`<title>Error</title>`, id under /api/errors) → one reject and nothing else.
 */
export function parseAtomFeed(xml: string, opts: ArxivAtomOptions): AtomFeed {
  const file = opts.file;
  const none = (reason: string, line = 1, apiError = false): AtomFeed => ({
    events: [{ kind: 'reject', reason, at: { file, line } }],
    totalResults: null,
    entryCount: 0,
    apiError,
  });
  const big = documentTooLarge(xml.length, 'Atom document');
  if (big) return none(big);

  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return none(`invalid XML at line ${line}, column ${col}: ${msg}`, line);
  }
  let doc: XmlNode;
  try {
    doc = parser.parse(xml) as XmlNode;
  } catch (e) {
    return none(`invalid XML: ${(e as Error).message}`);
  }
  const feed = doc.feed as XmlNode | undefined;
  if (!feed || typeof feed !== 'object') return none('not an Atom feed: no <feed> root element');

  const lineOf = lineFinder(xml);
  const totalRaw = text(feed['opensearch:totalResults']);
  const totalResults = /^\d+$/.test(totalRaw) ? Number(totalRaw) : null;
  const entries = asArray(feed.entry) as XmlNode[];

  // The API reports a malformed query as a feed with one entry titled "Error"; ingest nothing from such a feed.
  for (const e of entries) {
    const id = text(e.id);
    if (text(e.title) === 'Error' && /\/api\/errors/.test(id)) {
      const line = lineOf(startOf(e));
      return none(`arXiv API error: ${normalizeSpace(text(e.summary)) || id}`, line, true);
    }
  }

  const events: ParseEvent[] = [];
  for (const e of entries) {
    const line = lineOf(startOf(e));
    events.push(...entryEvents(e, { file, line }));
  }
  return { events, totalResults, entryCount: entries.length, apiError: false };
}

function entryEvents(e: XmlNode, at: { file: string; line: number }): ParseEvent[] {
  const rawId = text(e.id);
  const arxivId = normalizeArxivId(rawId);
  if (!arxivId) return [{ kind: 'reject', reason: `id: ${rawId ? `${JSON.stringify(rawId)} is not an arXiv abs URL` : 'missing'}`, at }];

  const events: ParseEvent[] = [];
  const title = normalizeSpace(decodeTex(text(e.title), { ties: false }));
  const abstract = normalizeParagraphs(decodeTex(text(e.summary), { stripBraces: false, ties: false }));

  let authors: AuthorRecord[] = [];
  for (const a of asArray(e.author)) {
    const raw = normalizeSpace(text((a as XmlNode | undefined)?.name));
    if (!raw) continue;
    authors.push({ asWritten: raw, name: normalizeSpace(decodeTex(raw)) });
  }
  const kept = keepValidAuthors(authors, arxivId, at);
  events.push(...kept.warnings);
  authors = kept.authors;

  // Primary category first, then the other arXiv categories; MSC/ACM codes ("53D10, 53D15") are not arXiv
  // categories and are skipped (they are free text the submitter typed into the same element).
  const categories: string[] = [];
  const primary = attr(e['arxiv:primary_category'], 'term');
  if (primary && isArxivCategory(primary)) categories.push(primary);
  for (const c of asArray(e.category)) {
    const term = attr(c, 'term');
    if (term && isArxivCategory(term) && !categories.includes(term)) categories.push(term);
  }

  const pub = text(e.published);
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(pub)?.[1] ?? null;
  const doi = normalizeDoi(text(e['arxiv:doi']));

  const record: Partial<PaperRecord> = {
    id: arxivId,
    title,
    abstract,
    published: day,
    year: day ? Number(day.slice(0, 4)) : null,
    datePrecision: day ? 'day' : null,
    hasCode: false,
    url: `https://arxiv.org/abs/${arxivId}`,
    arxivId,
    source: 'arxiv-atom',
    authors,
    authorsTruncated: kept.dropped,
    categories,
    sourceTopics: [],
    cites: [],
  };
  if (doi) record.doi = doi;
  events.push(validateRecord(record, at));
  return events;
}

/**
 * Parse an arXiv API Atom document (whole text). Each `<entry>` becomes a record (or a reject) located at the line
 * of its `<entry>` tag. Invalid XML yields one reject with the validator's line and column; the API's "Error" entry
 * yields one reject and no records.
 */
export async function* parseArxivAtom(xml: string, opts: ArxivAtomOptions): AsyncGenerator<ParseEvent> {
  yield* parseAtomFeed(xml, opts).events;
}
