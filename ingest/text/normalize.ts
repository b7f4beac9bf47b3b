// Text clean-up shared by all source parsers: Unicode NFC, whitespace collapse, HTML/XML entities and inline tags.

/** Any run of whitespace, including NBSP, line/paragraph separators and zero-width spaces that sources paste in. */
const WHITESPACE_RUN = /[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/gu;
/** C0/C1 control characters other than tab/newline/CR: never meaningful in metadata, and they break JSON/CSV exports later. */
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

/**
 * NFC-normalize, drop control characters and collapse every whitespace run to one space, trimmed.
 * NFC matters because the same name arrives precomposed from one source and decomposed from another.
 */
export function normalizeSpace(s: string): string {
  return s.normalize('NFC').replace(CONTROL_CHARS, '').replace(WHITESPACE_RUN, ' ').trim();
}

/** Like normalizeSpace but keeps paragraph breaks (blank lines) as a single "\n\n"; for multi-paragraph abstracts. */
export function normalizeParagraphs(s: string): string {
  return s
    .normalize('NFC')
    .replace(CONTROL_CHARS, '')
    .split(/\n[ \t]*\n\s*/u)
    .map((p) => p.replace(WHITESPACE_RUN, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
};

/**
 * Decode XML/HTML character references (`&amp;`, `&#233;`, `&#xE9;`) in one pass, so `&amp;#233;` stays `&#233;`
 * (a two-pass decode would wrongly turn it into `é`). Unknown named entities are left untouched.
 */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Reject surrogates and out-of-range code points rather than throwing from String.fromCodePoint.
      if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** Inline markup that publishers put into titles (`<i>`, `<sub>`, `<scp>`, MathML-free); content is kept. */
const INLINE_TAG = /<\/?(?:i|b|em|strong|u|sup|sub|sc|scp|span|small|tt|nc|mml:[a-z]+)(?:\s[^<>]*)?\/?>/giu;

/** Remove inline formatting tags but keep their text: `<i>E. coli</i>` → `E. coli`. Other `<…>` text is kept as is. */
export function stripInlineTags(s: string): string {
  return s.includes('<') ? s.replace(INLINE_TAG, '') : s;
}

/** Title/abstract clean-up for sources that ship HTML-ish text (OpenAlex, Crossref-derived data). */
export function cleanHtmlText(s: string): string {
  return normalizeSpace(decodeEntities(stripInlineTags(s)));
}

/** Join hyphenated initials that sources print with a stray space: `C. -P.` → `C.-P.`, `H. -J.` → `H.-J.`. */
export function tidyInitials(s: string): string {
  return s.replace(/(\p{Lu}\.)\s+-\s*(?=\p{Lu}\.)/gu, '$1-');
}
