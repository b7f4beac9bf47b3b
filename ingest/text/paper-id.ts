// The paper id scheme (see PaperRecord.id): arXiv id > doi:<doi> > openalex:W… > title:<hash(title|year)>.
import { createHash } from 'node:crypto';

/** New-style arXiv id (0704.0001, 2101.00001) with optional version. */
const NEW_ARXIV = /^(\d{4}\.\d{4,5})(?:v\d+)?$/;
/** Old-style arXiv id (hep-th/9901001, math.GT/0309136) with optional version; the `.GT` subject class is not part of the id. */
const OLD_ARXIV = /^([a-z][a-z-]*)(?:\.[A-Z]{2})?\/(\d{7})(?:v\d+)?$/;

/**
 * Bare arXiv id without version, or null when `raw` is not one. Accepts `arXiv:` prefixes and abs/pdf URLs
 * (`http://arxiv.org/abs/1801.05533v1`, `https://arxiv.org/pdf/2101.00001v3.pdf`), and the DataCite DOI form
 * `10.48550/arXiv.2101.00001`. Old-style ids keep their archive (`math/0703311`); a subject class
 * (`math.GT/0309136`) is dropped because arXiv resolves both spellings to the same paper.
 */
export function normalizeArxivId(raw: string): string | null {
  let s = raw.trim();
  s = s.replace(/^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\//i, '');
  s = s.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/)?10\.48550\/arxiv\./i, '');
  s = s.replace(/^arxiv:\s*/i, '');
  s = s.replace(/\.pdf$/i, '').replace(/\/$/, '');
  const m = NEW_ARXIV.exec(s);
  if (m) return m[1]!;
  const o = OLD_ARXIV.exec(s);
  if (o) return `${o[1]}/${o[2]}`;
  return null;
}

/**
 * Bare, lower-cased DOI (`10.1103/physrevd.76.013009`) or null. Strips `https://doi.org/`, `http://dx.doi.org/`
 * and `doi:`; DOIs are case-insensitive by definition, so lower-casing makes ids from different sources meet.
 */
export function normalizeDoi(raw: string): string | null {
  let s = raw.trim();
  s = s.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '');
  try {
    // doi.org URLs are often percent-encoded (`%2F`); decode once, but keep the raw text if it is not valid encoding.
    if (s.includes('%')) s = decodeURIComponent(s);
  } catch {
    /* keep s */
  }
  s = s.trim().toLowerCase();
  return /^10\.\d{4,9}\/\S+$/.test(s) ? s : null;
}

/** Bare OpenAlex work id (`W1995017064`) from a URL or bare id, or null. */
export function normalizeOpenAlexWorkId(raw: string): string | null {
  const m = /^(?:https?:\/\/openalex\.org\/)?(W\d+)$/i.exec(raw.trim());
  return m ? m[1]!.toUpperCase() : null;
}

/** Bare OpenAlex author id (`A5023888391`) from a URL or bare id, or null. */
export function normalizeOpenAlexAuthorId(raw: string): string | null {
  const m = /^(?:https?:\/\/openalex\.org\/)?(A\d+)$/i.exec(raw.trim());
  return m ? m[1]!.toUpperCase() : null;
}

/** Bare ORCID (`0000-0002-1825-0097`) from `https://orcid.org/…` or a bare id, or null. */
export function normalizeOrcid(raw: string): string | null {
  const m = /^(?:https?:\/\/(?:www\.)?orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dXx])$/.exec(raw.trim());
  return m ? m[1]!.toUpperCase() : null;
}

/** Letters NFKD does not decompose but readers treat as their base letter, so `Ørsted` and `Orsted` fold alike. */
const FOLD_EXTRA: Record<string, string> = { ß: 'ss', ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŋ: 'n' };

/**
 * Fold a title for identity: NFKD, diacritics removed, lower case, every run of non-letter/non-digit characters
 * turned into one space. Letters of any script count (a Chinese title must not fold to the empty string).
 */
export function foldTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßøłæœđðþıŋ]/gu, (c) => FOLD_EXTRA[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * `title:` + the first 16 hex digits of sha1(foldTitle(title) + '|' + year). A missing year hashes as the empty
 * string, so `title:` ids of undated records are stable but never equal to a dated one. Pass only a year the source
 * printed: a year inferred at ingest time (a listing's "May 5") would make the id depend on the day of the ingest.
 */
export function paperIdFromTitle(title: string, year: number | null): string {
  const h = createHash('sha1')
    .update(`${foldTitle(title)}|${year ?? ''}`, 'utf8')
    .digest('hex');
  return `title:${h.slice(0, 16)}`;
}

/** What a source knows about a paper's identity; all optional except the title. */
export interface IdentityParts {
  arxivId?: string | undefined;
  doi?: string | undefined;
  openalexId?: string | undefined;
  title: string;
  year: number | null;
}

/**
 * The record id by the fixed priority arXiv id > DOI > OpenAlex id > title hash. arXiv first because arXiv
 * ids are the one identifier every arXiv-derived source (snapshot, API, listing pages, BibTeX eprints) shares,
 * so the same preprint meets itself across sources; a journal DOI is often added to the arXiv record later.
 * Inputs are expected already normalized (see normalizeArxivId / normalizeDoi / normalizeOpenAlexWorkId).
 */
export function paperId(p: IdentityParts): string {
  if (p.arxivId) return p.arxivId;
  if (p.doi) return `doi:${p.doi}`;
  if (p.openalexId) return `openalex:${p.openalexId}`;
  return paperIdFromTitle(p.title, p.year);
}
