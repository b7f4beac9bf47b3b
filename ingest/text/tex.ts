// TeX → Unicode for metadata text: accents (`Bal\'azs` → `Balázs`), special letters (`\ss`, `\o`), case-protection braces.

/** Accent commands written with a symbol (`\'a`, `\"{o}`) → combining mark. */
const SYMBOL_ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
};

/** Accent commands written with a letter (`\c{c}`, `\v s`) → combining mark. */
const LETTER_ACCENTS: Record<string, string> = {
  c: '\u0327',
  v: '\u030c',
  u: '\u0306',
  H: '\u030b',
  k: '\u0328',
  r: '\u030a',
  d: '\u0323',
  b: '\u0331',
  t: '\u0361',
};

/** Control words that stand for a letter or symbol. */
const SYMBOLS: Record<string, string> = {
  ss: 'ß',
  SS: 'SS',
  o: 'ø',
  O: 'Ø',
  aa: 'å',
  AA: 'Å',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  dh: 'ð',
  DH: 'Ð',
  th: 'þ',
  TH: 'Þ',
  ng: 'ŋ',
  NG: 'Ŋ',
  dj: 'đ',
  DJ: 'Đ',
  copyright: '©',
  textendash: '–',
  textemdash: '—',
  textquoteright: '’',
  textquoteleft: '‘',
  textasciitilde: '~',
  ldots: '…',
  dots: '…',
};

/** Formatting commands whose single argument is kept as plain text (`\emph{Ext}` → `Ext`). */
const TEXT_WRAPPERS = new Set([
  'emph',
  'textit',
  'textbf',
  'textsc',
  'textrm',
  'textsf',
  'texttt',
  'textup',
  'textsl',
  'textmd',
  'textnormal',
  'mbox',
  'text',
  'it',
  'bf',
  'sc',
  'rm',
  'sf',
  'tt',
  'em',
  'sl',
  'protect',
  'relax',
]);

/** Escaped characters that mean themselves outside math. */
const ESCAPED = new Set(['&', '%', '_', '#', '$', '{', '}', ' ']);

export interface DecodeTexOptions {
  /** Remove unescaped `{` `}` outside math (BibTeX case protection). Default true. */
  stripBraces?: boolean;
  /** `~` → space (TeX's tie, as in BibTeX names `A.~B. Smith`). Default true. arXiv titles/abstracts pass false:
   * arXiv shows them as plain text, where `~5 ms` means "about 5 ms". */
  ties?: boolean;
  /** `---` → em dash and `--` → en dash outside math. Default false: in author names `--` is far more often a typo
   * for a hyphen or part of a name written verbatim than an intended dash, so names keep it as written. */
  dashes?: boolean;
}

/**
 * Decode the TeX that metadata sources leave in names and titles: accent commands in all their spellings
 * (`\'a`, `\'{a}`, `{\'a}`, `\' a`, `\v{s}`, `\v s`, `\'{\i}`), special letters (`\ss`, `\o`, `\aa`, `\l`), escaped
 * characters (`\&`) and formatting wrappers (`\emph{x}`), and strips case-protection braces. Math (`$…$`, `\(…\)`)
 * is copied verbatim because `\"` or braces mean something else there. Unknown commands are left as written so
 * nothing is silently lost. The result is NFC-normalized; whitespace is not collapsed (see normalizeSpace).
 */
export function decodeTex(input: string, opts: DecodeTexOptions = {}): string {
  // Fast path: most metadata has no TeX at all, and this runs on every author of a 4 GB snapshot.
  if (!/[\\{}~]/.test(input) && !(opts.dashes && input.includes('--'))) return input.normalize('NFC');
  const stripBraces = opts.stripBraces ?? true;
  const out: string[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    const ch = input.charAt(i);
    // Math regions are copied untouched.
    if (ch === '$') {
      const double = input[i + 1] === '$';
      const close = findMathEnd(input, i + (double ? 2 : 1), double ? '$$' : '$');
      if (close < 0) {
        out.push(input.slice(i));
        break;
      }
      out.push(input.slice(i, close));
      i = close;
      continue;
    }
    if (ch === '\\' && (input[i + 1] === '(' || input[i + 1] === '[')) {
      const closer = input[i + 1] === '(' ? '\\)' : '\\]';
      const close = input.indexOf(closer, i + 2);
      const end = close < 0 ? n : close + 2;
      out.push(input.slice(i, end));
      i = end;
      continue;
    }
    if (ch === '\\') {
      const r = readCommand(input, i);
      out.push(r.text);
      i = r.end;
      continue;
    }
    if ((ch === '{' || ch === '}') && stripBraces) {
      i++;
      continue;
    }
    if (ch === '~' && opts.ties !== false) {
      // TeX's unbreakable space: `A.~B. Smith`.
      out.push(' ');
      i++;
      continue;
    }
    if (opts.dashes && ch === '-' && input[i + 1] === '-') {
      if (input[i + 2] === '-') {
        out.push('\u2014');
        i += 3;
      } else {
        out.push('\u2013');
        i += 2;
      }
      continue;
    }
    out.push(ch);
    i++;
  }
  return out.join('').normalize('NFC');
}

/** Index just past the closing `$`/`$$` of a math region starting at `from`, or -1 when unclosed. */
function findMathEnd(s: string, from: number, closer: string): number {
  for (let j = from; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s.startsWith(closer, j)) return j + closer.length;
  }
  return -1;
}

/** Read a balanced `{…}` group starting at `open` (which must be `{`); returns inner text and index after `}`. */
function readGroup(s: string, open: number): { inner: string; end: number } {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return { inner: s.slice(open + 1, j), end: j + 1 };
    }
  }
  return { inner: s.slice(open + 1), end: s.length };
}

/** Apply a combining accent to the first character of a decoded argument (`\'{\i}` → í, `\t{oo}` → o͡o). */
function accent(arg: string, mark: string): string {
  // \i and \j are dotless only so the accent has room; with a combining mark the dotted letter composes under NFC.
  const decoded = decodeTex(arg).replace(/^ı/u, 'i').replace(/^ȷ/u, 'j');
  const code = decoded.codePointAt(0);
  if (code === undefined) return ''; // `\'{}` is a lone accent: nothing to attach it to
  const first = String.fromCodePoint(code);
  return (first + mark + decoded.slice(first.length)).normalize('NFC');
}

/** Read the argument of an accent command at `j`: `{x}`, `\i`, or a single character (after optional spaces). */
function readAccentArg(s: string, j: number, allowSpace: boolean): { arg: string; end: number } {
  let k = j;
  if (allowSpace) while (s[k] === ' ') k++;
  if (s[k] === '{') {
    const g = readGroup(s, k);
    return { arg: g.inner, end: g.end };
  }
  if (s[k] === '\\') {
    const m = /^\\([a-zA-Z]+)/.exec(s.slice(k, k + 20));
    if (m) {
      let end = k + m[0].length;
      if (s[end] === ' ') end++;
      return { arg: `\\${m[1]}`, end };
    }
  }
  const code = s.codePointAt(k);
  if (code !== undefined) {
    const cp = String.fromCodePoint(code);
    return { arg: cp, end: k + cp.length };
  }
  return { arg: '', end: k };
}

/** Decode one backslash command at index i. */
function readCommand(s: string, i: number): { text: string; end: number } {
  const next = s[i + 1];
  if (next === undefined) return { text: '\\', end: i + 1 };
  const symbolMark = SYMBOL_ACCENTS[next];
  if (symbolMark) {
    // `\'a`, `\' a` (old arXiv author strings), `\'{a}`, `\'{\i}`.
    const a = readAccentArg(s, i + 2, true);
    return { text: accent(a.arg, symbolMark), end: a.end };
  }
  if (ESCAPED.has(next)) return { text: next, end: i + 2 };
  if (next === '\\') return { text: ' ', end: i + 2 }; // forced line break
  const m = /^[a-zA-Z]+/.exec(s.slice(i + 1, i + 40));
  if (!m) return { text: s.slice(i, i + 2), end: i + 2 };
  const word = m[0];
  let end = i + 1 + word.length;
  const letterMark = LETTER_ACCENTS[word];
  if (letterMark) {
    // We only get here for the exact word (`\v`, `\c`); `\vs` reads as the unknown command `\vs`, as TeX would.
    const a = readAccentArg(s, end, true);
    return { text: accent(a.arg, letterMark), end: a.end };
  }
  const sym = SYMBOLS[word];
  if (sym !== undefined) {
    // TeX swallows one space after a control word (`Stra\ss e` → Straße); `{}` after it is an empty group.
    if (s[end] === ' ') end++;
    else if (s.startsWith('{}', end)) end += 2;
    return { text: sym, end };
  }
  if (TEXT_WRAPPERS.has(word)) {
    if (s[end] === ' ') end++;
    // Argument braces (if any) are dropped by the caller's brace stripping; we only need to drop the command.
    return { text: '', end };
  }
  // Unknown command: keep it verbatim so the information is not lost.
  return { text: `\\${word}`, end };
}
