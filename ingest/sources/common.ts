// Shared plumbing for source parsers: record validation → ParseEvent, line input, document size cap.
import { LIMITS, PaperRecord, type AuthorRecord, type ParseEvent, type SourceLocation } from '../record.js';

/** Lines of a text source; a file stream (see readLines), an array in tests, or stdin. */
export type LineInput = AsyncIterable<string> | Iterable<string>;

/** Whole-document formats (Atom XML, a JSON page/array, BibTeX) are parsed in memory; above this they are refused. */
export const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024;

/** Format a count with thousands separators for messages ("5,242,880"). */
export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** Split a whole text into lines (LF or CRLF), for calling line parsers on a string. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

/**
 * Reject message for a whole document that is too large to parse in memory, or null when it fits.
 * `size` is in bytes when known (files), else UTF-16 code units (strings) — close enough for a guard rail.
 */
export function documentTooLarge(size: number, what: string, limit = MAX_DOCUMENT_BYTES): string | null {
  if (size <= limit) return null;
  return `${what} is ${fmt(size)} bytes, over the ${fmt(limit)}-byte limit for whole-document formats; split it into smaller files`;
}

/** Short label for a candidate record in reject messages. */
function label(candidate: Partial<PaperRecord>): string {
  if (candidate.id) return candidate.id;
  if (typeof candidate.title === 'string' && candidate.title) return JSON.stringify(candidate.title.slice(0, 80));
  return 'record';
}

/** Read a value at a zod issue path from the candidate, to report actual sizes. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function pathString(path: readonly PropertyKey[]): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s ? `.${String(k)}` : String(k);
  return s || '(record)';
}

/**
 * Validate a candidate with PaperRecord.safeParse. Success → a `record` event; failure → a `reject` event whose
 * reason names the record, each failing field and, for size limits, the actual size and the limit
 * ("abstract: 5,242,880 characters, over the limit of 100,000"), so an operator can tell truncation from garbage.
 */
export function validateRecord(candidate: Partial<PaperRecord>, at: SourceLocation): ParseEvent {
  const r = PaperRecord.safeParse(candidate);
  if (r.success) return { kind: 'record', record: r.data, at };
  const parts = r.error.issues.slice(0, 5).map((issue) => {
    const p = pathString(issue.path);
    if (issue.code === 'too_big') {
      const v = valueAt(candidate, issue.path);
      const size = typeof v === 'string' || Array.isArray(v) ? v.length : undefined;
      const unit = issue.origin === 'string' ? 'characters' : issue.origin === 'array' ? 'items' : '';
      if (size !== undefined) return `${p}: ${fmt(size)} ${unit}, over the limit of ${fmt(Number(issue.maximum))}`;
    }
    if (issue.code === 'too_small' && issue.origin === 'string') return `${p}: missing or empty`;
    if (issue.code === 'invalid_type' && valueAt(candidate, issue.path) === undefined) return `${p}: missing`;
    return `${p}: ${issue.message}`;
  });
  const more = r.error.issues.length > 5 ? ` (+${r.error.issues.length - 5} more)` : '';
  return { kind: 'reject', reason: `${label(candidate)}: invalid ${parts.join('; ')}${more}`, at };
}

/** Iterate sync or async line input uniformly. */
export async function* iterateLines(input: LineInput): AsyncGenerator<string> {
  for await (const line of input as AsyncIterable<string>) yield line;
}

/**
 * Drop authors that cannot be valid (empty, or a "name" longer than LIMITS.authorNameChars — in practice an
 * affiliation or a whole author list that lost its separators) with one warning, instead of rejecting the paper.
 * `dropped` tells the caller to set authorsTruncated: the list is then known to be incomplete.
 */
export function keepValidAuthors(
  authors: AuthorRecord[],
  what: string,
  at: SourceLocation,
): { authors: AuthorRecord[]; dropped: boolean; warnings: ParseEvent[] } {
  const kept: AuthorRecord[] = [];
  const bad: string[] = [];
  for (const a of authors) {
    // Cheap length check rather than AuthorRecord.safeParse: PaperRecord validation re-checks everything anyway,
    // and this runs for every author of every record of a multi-GB snapshot.
    const ok = a.name.length >= 1 && a.name.length <= LIMITS.authorNameChars && a.asWritten.length >= 1 && a.asWritten.length <= LIMITS.authorNameChars;
    if (ok) kept.push(a);
    else bad.push(a.name.length > 60 ? `${a.name.slice(0, 60)}… (${fmt(a.name.length)} chars)` : JSON.stringify(a.name));
  }
  if (bad.length === 0) return { authors, dropped: false, warnings: [] };
  const message = `${what}: dropped ${bad.length} author${bad.length > 1 ? 's' : ''} that cannot be valid names (limit ${LIMITS.authorNameChars} chars): ${bad.slice(0, 3).join(', ')}${bad.length > 3 ? ', …' : ''}`;
  return { authors: kept, dropped: true, warnings: [{ kind: 'warning', message, at }] };
}
