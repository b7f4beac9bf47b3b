// Pure: a small Cypher tokenizer for the console's guard (cypher-guard.ts checks its rules on the token stream, never on
// raw substrings).
//
// Why a tokenizer: a read-only session already makes Neo4j refuse writes, but LOAD CSV, DBMS procedures and admin
// commands still run in READ mode. Substring checks both over-refuse (a comment or string that mentions LOAD CSV) and
// under-refuse (`LoAd /*x*/ CsV`). The lexer mirrors what Neo4j 5.26 does, verified against the real server:
//   - `\uXXXX` escapes are decoded in the WHOLE text before lexing (`\u004cOAD CSV` is LOAD CSV, `/* \u002a/` closes a
//     comment); `\\` is an escaped backslash and does not start an escape; `\u` without 4 hex digits is a syntax error;
//   - `//` comments end at a line break; `/* */` comments do not nest;
//   - strings ('…' or "…") use backslash escapes; `` `…` `` identifiers escape a backtick by doubling it.
// Where Neo4j and this lexer could disagree, the lexer errs towards refusing: any character that is neither part of
// an identifier, a number, a literal nor known punctuation is a separator (so `LOAD<odd space>CSV` is still LOAD CSV).

import { must } from '../../../core/must.js';

/** `word` = unquoted identifier or keyword, `quoted` = `backtick` identifier, `param` = $name. */
export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Words and numbers as written; quoted identifiers, strings and parameter names unescaped; punctuation the character. */
  value: string;
  /** Offset of the token's first character in the original query text. */
  offset: number;
}

/** The query is not lexically valid Cypher (unterminated string or comment, bad `\u` escape). */
export class CypherLexError extends Error {
  override name = 'CypherLexError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Decodes `\uXXXX` escapes the way Neo4j does before lexing. Returns the text and, for every decoded character, its
 * offset in the original (so errors point at what the user typed).
 */
export function decodeUnicodeEscapes(raw: string): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw.charAt(i);
    if (c === '\\' && raw[i + 1] === '\\') {
      // An escaped backslash: neither of the two starts a unicode escape (`'a\\u0027'` is the text a\u0027).
      text += '\\\\';
      offsets.push(i, i + 1);
      i += 2;
    } else if (c === '\\' && raw[i + 1] === 'u') {
      const hex = raw.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        throw new CypherLexError('A \\u escape needs four hexadecimal digits (Neo4j decodes \\u everywhere, even in comments)', i);
      }
      text += String.fromCharCode(parseInt(hex, 16));
      offsets.push(i);
      i += 6;
    } else {
      text += c;
      offsets.push(i);
      i++;
    }
  }
  offsets.push(raw.length);
  return { text, offsets };
}

/** Punctuation Cypher uses; any other non-identifier character is treated as a separator (see the header). */
const PUNCTUATION = new Set([...'()[]{},.;:|&!=<>+-*/%^$?~']);
const IDENT_START = /[\p{ID_Start}\p{Pc}]/u;
const IDENT_PART = /[\p{ID_Continue}\p{Sc}\p{Pc}]/u;
// Ends `//` comments. Neo4j stops at \n and \r; the other line separators end them here too so that text after them is
// checked rather than hidden (a false refusal at worst).
const LINE_END = new Set(['\n', '\r', '\u2028', '\u2029', '\u0085']);
const NUMBER = /0[xX][0-9a-fA-F_]+|0o[0-7_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?/y;

/** Splits a query into tokens, dropping whitespace and comments. Throws CypherLexError on an unterminated literal. */
export function tokenize(query: string): Token[] {
  const { text, offsets } = decodeUnicodeEscapes(query);
  const tokens: Token[] = [];
  const push = (kind: TokenKind, value: string, start: number) => tokens.push({ kind, value, offset: offsetAt(offsets, start) });
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      i += 2;
      while (i < text.length && !LINE_END.has(text.charAt(i))) i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new CypherLexError('Unterminated /* comment', offsetAt(offsets, i));
      i = end + 2;
    } else if (c === "'" || c === '"') {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new CypherLexError('Unterminated string literal', offsetAt(offsets, start));
        const ch = text.charAt(i);
        if (ch === '\\') {
          value += text.slice(i, i + 2);
          i += 2;
        } else if (ch === c) {
          i++;
          break;
        } else {
          value += ch;
          i++;
        }
      }
      push('string', value, start);
    } else if (c === '`') {
      const start = i;
      const name = readQuoted(text, i, offsets);
      i = name.end;
      push('quoted', name.value, start);
    } else if (c === '$') {
      const start = i;
      if (next === '`') {
        const name = readQuoted(text, i + 1, offsets);
        i = name.end;
        push('param', name.value, start);
      } else if (next !== undefined && (IDENT_PART.test(next) || /\d/.test(next))) {
        i++;
        while (i < text.length && IDENT_PART.test(text.charAt(i))) i++;
        push('param', text.slice(start + 1, i), start);
      } else {
        push('punct', '$', start);
        i++;
      }
    } else if (/\d/.test(c)) {
      NUMBER.lastIndex = i;
      const m = must(NUMBER.exec(text), 'number literal at a digit');
      push('number', m[0], i);
      i += m[0].length;
    } else if (IDENT_START.test(c)) {
      const start = i;
      while (i < text.length && IDENT_PART.test(text.charAt(i))) i++;
      push('word', text.slice(start, i), start);
    } else if (PUNCTUATION.has(c)) {
      push('punct', c, i);
      i++;
    } else {
      // Whitespace, or a character Cypher has no use for: a separator either way.
      i++;
    }
  }
  return tokens;
}

/** Where the decoded character `i` was in the original text (every index up to text.length has one). */
function offsetAt(offsets: number[], i: number): number {
  const offset = offsets[i];
  if (offset === undefined) throw new Error(`Internal error: offset of character ${i} is missing`);
  return offset;
}

function readQuoted(text: string, at: number, offsets: number[]): { value: string; end: number } {
  let value = '';
  let i = at + 1;
  for (;;) {
    if (i >= text.length) throw new CypherLexError('Unterminated `quoted` identifier', offsetAt(offsets, at));
    if (text[i] === '`') {
      if (text[i + 1] === '`') {
        value += '`';
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += text[i];
    i++;
  }
}
