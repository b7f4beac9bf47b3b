// Acronym definitions: "long form (ACR)" and "ACR (long form)", matched as Schwartz & Hearst (2003) do.
import { must } from '../../../core/must.js';
import {
  FUNCTION_WORDS,
  glueSolidPrefixes,
  isBroadUnit,
  isFillerUnit,
  MAX_PHRASE_UNITS,
  MAX_PHRASE_WORDS,
  type Definition,
  type Unit,
} from './units.js';

/**
 * Schwartz & Hearst (2003) long-form matching: every letter/digit of the short form must appear in order in the
 * candidate long form, the first one at the start of a word. Returns the number of trailing words used, or 0.
 */
function longFormWords(shortForm: string, words: string[]): number {
  const longForm = words.join(' ').toLowerCase();
  const sf = shortForm.toLowerCase();
  let l = longForm.length - 1;
  for (let s = sf.length - 1; s >= 0; s--) {
    const c = must(sf[s], 'sf[s]');
    if (!/[a-z0-9]/.test(c)) continue;
    while (l >= 0 && (longForm[l] !== c || (s === 0 && l > 0 && /[a-z0-9]/.test(must(longForm[l - 1], 'longForm[l - 1]'))))) l--;
    if (l < 0) return 0;
    l--;
  }
  const start = longForm.lastIndexOf(' ', l) + 1;
  return longForm.slice(start).split(' ').length;
}

function isPunct(u: Unit, ch: string): boolean {
  return u.cls === 'X' && u.surface === ch;
}

function defWordsFor(units: Unit[]): { words: string[]; broad: boolean } | undefined {
  const last = must(units[units.length - 1], 'units[units.length - 1]');
  if (last.cls !== 'N' && last.cls !== 'G') return undefined;
  const words: string[] = [];
  let broad = true;
  for (const u of units) {
    words.push(...(u.cls === 'X' ? [u.lex] : u.words));
    if (!isBroadUnit(u)) broad = false;
  }
  return { words: glueSolidPrefixes(words), broad };
}

export function findDefinitions(units: Unit[], defs: Map<string, Definition>): void {
  for (let k = 1; k + 2 < units.length; k++) {
    if (!isPunct(must(units[k], 'units[k]'), '(')) continue;
    const inner = must(units[k + 1], 'units[k + 1]');
    // "long form (ACR)"
    if (inner.acronym !== undefined && isPunct(must(units[k + 2], 'units[k + 2]'), ')')) {
      const letters = inner.acronym.replace(/[^A-Za-z0-9]/g, '').length;
      const maxWords = Math.min(letters + 5, letters * 2);
      const window: Unit[] = [];
      for (let m = k - 1; m >= 0 && window.length < maxWords; m--) {
        const u = must(units[m], 'units[m]');
        if (u.cls === 'X' && !/^\p{L}[\p{L}\p{N}-]*$/u.test(u.surface)) break; // punctuation, numbers
        window.unshift(u);
      }
      const used = longFormWords(inner.acronym, window.map((u) => u.surface));
      if (used > 0 && used <= window.length) {
        const lf = window.slice(window.length - used);
        // The long form must not begin with a function word ("the", "of") and must not be the acronym itself.
        const first = must(lf[0], 'lf[0]');
        if (!(first.cls === 'X' && FUNCTION_WORDS.has(first.lex)) && !(lf.length === 1 && first.acronym !== undefined)) {
          if (addDefinition(defs, inner.acronym, lf)) inner.definitionSite = true;
        }
      }
      continue;
    }
    // "ACR (long form)"
    const before = must(units[k - 1], 'units[k - 1]');
    if (before.acronym !== undefined) {
      let close = -1;
      for (let m = k + 1; m < units.length && m <= k + 11; m++) if (isPunct(must(units[m], 'units[m]'), ')')) { close = m; break; }
      if (close > k + 2) {
        const lf = units.slice(k + 1, close);
        if (lf.every((u) => u.cls !== 'X' || /^\p{L}+$/u.test(u.surface)) &&
          longFormWords(before.acronym, lf.map((u) => u.surface)) === lf.length) {
          if (addDefinition(defs, before.acronym, lf)) before.definitionSite = true;
        }
      }
    }
  }
}

function addDefinition(defs: Map<string, Definition>, acronym: string, lf: Unit[]): boolean {
  if (defs.has(acronym)) return false;
  const w = defWordsFor(lf);
  if (!w || w.words.length === 0 || w.words.length > MAX_PHRASE_WORDS) return false;
  const first = must(lf[0], 'lf[0]');
  const plain = lf.length <= MAX_PHRASE_UNITS && lf.every((u) => u.cls === 'N' || u.cls === 'A') && !first.noStart &&
    !lf.some(isFillerUnit);
  defs.set(acronym, { acronym, words: w.words, key: w.words.join(' '), broad: w.broad, countExplicitly: !plain });
  return true;
}