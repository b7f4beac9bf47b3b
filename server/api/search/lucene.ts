// Turns what a person typed into a Lucene query string for the full-text indexes; nothing typed is ever interpreted.

/**
 * Characters with a meaning in Lucene's classic query syntax. `&` and `|` are escaped one by one, which covers the
 * `&&` and `||` operators; `/` starts a regular expression.
 */
const SPECIAL_CHARS = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * The classic parser's operator words. They are operators only in upper case and only as whole words, so exactly
 * those are escaped (`\AND` is the plain term "and" after analysis).
 */
const OPERATOR_WORDS = /(?<![\p{L}\p{N}_])(AND|OR|NOT)(?![\p{L}\p{N}_])/gu;

/** A word the standard analyzer can turn into at least one token (it drops pure punctuation). */
const SEARCHABLE = /[\p{L}\p{N}]/u;

/**
 * A word that can take a trailing `*`: a prefix query is not analyzed, so it only matches plain letters/digits; and at
 * least two of them, because a one-letter prefix matches most of a large index and is slow to rank for no use.
 */
const PREFIXABLE = /^[\p{L}\p{N}]{2,}$/u;

/**
 * Escapes `text` so that Lucene reads it as literal terms: every special character
 * (`+ - && || ! ( ) { } [ ] ^ " ~ * ? : \ /`) gets a backslash, and the operator words AND/OR/NOT are escaped too.
 */
export function escapeLucene(text: string): string {
  return text.replace(SPECIAL_CHARS, (c) => `\\${c}`).replace(OPERATOR_WORDS, (w) => `\\${w}`);
}

/**
 * Builds the query for autocomplete-style search: every word is required (`+`), and the last word also matches as a
 * prefix (`+(word word*)`, the exact form first so a whole-word hit scores above a mere prefix hit). Words with no
 * letter or digit are dropped (the analyzer would drop them anyway); words containing punctuation or of one character
 * get no prefix (see PREFIXABLE). Returns '' when nothing searchable is left.
 */
export function buildSearchQuery(input: string): string {
  const words = input.split(/\s+/).filter((w) => SEARCHABLE.test(w));
  return words
    .map((word, i) => {
      const escaped = escapeLucene(word);
      const isLast = i === words.length - 1;
      return isLast && PREFIXABLE.test(word) ? `+(${escaped} ${escaped}*)` : `+${escaped}`;
    })
    .join(' ');
}
