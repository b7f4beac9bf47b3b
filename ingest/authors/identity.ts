// Author identity: which source ids or name key decide who a person is, and which near-identical names only get suggested.
import type { AuthorRecord } from '../record.js';

/** Folds for Unicode (NFKD, no combining marks), case, spacing and punctuation; given names are kept. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[ØøŁłĐđÆæŒœ]/g, (c) => ({ Ø: 'o', ø: 'o', Ł: 'l', ł: 'l', Đ: 'd', đ: 'd', Æ: 'ae', æ: 'ae', Œ: 'oe', œ: 'oe' })[c]!)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The exact identity key of a name: the full folded name. `Keno K. Bressem` and `K. Bressem` differ, and so do
 * `Li X` and `Li Xin`: merging those is a human decision (see looseNameKey).
 */
export function nameKey(name: string): string {
  return foldName(name);
}

/** Splits a display name into given names and family name (last token; particles like "van der" join the family). */
export function splitName(name: string): { given: string[]; family: string } {
  // Split on white space first so hyphenated and apostrophe family names stay one token (Müller-Franzes, O'Neil).
  const tokens = name
    .split(/\s+/)
    .map((t) => foldName(t).replace(/ /g, ''))
    .filter(Boolean);
  if (tokens.length <= 1) return { given: [], family: tokens[0] ?? '' };
  const particles = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'del', 'di', 'la', 'le', 'du', 'dos', 'das', 'ter', 'ten', 'bin', 'al']);
  let i = tokens.length - 1;
  while (i > 1 && particles.has(tokens[i - 1]!)) i--;
  return { given: tokens.slice(0, i), family: tokens.slice(i).join(' ') };
}

/** German transliterations (ae/oe/ue for ä/ö/ü) fold to the plain vowel, so `Häntze` and `Haentze` meet. */
export function foldTransliteration(s: string): string {
  return s.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}

/**
 * A deliberately coarse key: family name (transliteration-folded) + first initial. Two different authors sharing it are
 * candidates for a merge suggestion (middle initials, diacritic spellings, initial vs. full given name), never merged.
 */
export function looseNameKey(name: string, given?: string, family?: string): string {
  const parts = family
    ? { given: foldName(given ?? '').split(' ').filter(Boolean), family: foldName(family).replace(/ /g, '') }
    : splitName(name);
  const initial = parts.given[0]?.[0] ?? '';
  return `${foldTransliteration(parts.family)} ${initial}`.trim();
}

/** Node id of an author: a source id decides when present (OpenAlex, then ORCID), else the exact name key. */
export function authorId(a: Pick<AuthorRecord, 'name' | 'orcid' | 'openalexId'>): string {
  if (a.openalexId) return `openalex:${a.openalexId}`;
  if (a.orcid) return `orcid:${a.orcid}`;
  return `name:${nameKey(a.name)}`;
}

/** Why two authors with one loose key might be one person, from their names alone. */
export function suggestionReason(a: string, b: string): string {
  const fa = foldName(a);
  const fb = foldName(b);
  if (fa === fb) return 'same name, different source ids';
  if (foldTransliteration(fa) === foldTransliteration(fb)) return 'spelling variant (umlaut transliteration)';
  const sa = splitName(a);
  const sb = splitName(b);
  const initials = (g: string[]) => g.map((x) => x[0]).join('');
  if (sa.given[0] === sb.given[0]) return 'differ only by middle names or initials';
  if (initials(sa.given) === initials(sb.given) || sa.given[0]?.[0] === sb.given[0]?.[0]) return 'initial vs. full given name';
  return 'same family name and first initial';
}
