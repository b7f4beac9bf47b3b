// Phrases: every 1–4 unit noun phrase of a chunk and its sub-phrases ending in a noun, counted into an accumulator.
import { must } from '../../../core/must.js';
import {
  BROAD_NOUNS,
  FILLER_NOUNS,
  HEAD_FILLER_NOUNS,
  NOMINALIZING_SUFFIXES,
  SOLID_PREFIXES,
  VERBAL_ING,
  WEAK_MODIFIERS,
} from '../lexicon.js';
import { wordInfo } from '../nlp.js';
import {
  HAS_LETTER_RE,
  isBroadUnit,
  isFillerUnit,
  MAX_PHRASE_UNITS,
  MAX_PHRASE_WORDS,
  type Unit,
} from './units.js';

export interface Acc {
  tf: number;
  titleTf: number;
  standaloneTf: number;
  words: number;
  broad: boolean;
  aliases?: Set<string>;
  acronym?: string;
}

export function addMention(
  acc: Map<string, Acc>,
  key: string,
  words: number,
  broad: boolean,
  inTitle: boolean,
  standalone: boolean,
  acronym?: string,
): void {
  let a = acc.get(key);
  if (!a) {
    a = { tf: 0, titleTf: 0, standaloneTf: 0, words, broad };
    if (acronym !== undefined) a.acronym = acronym;
    acc.set(key, a);
  }
  a.tf += 1;
  if (inTitle) a.titleTf += 1;
  if (standalone) a.standaloneTf += 1;
}

export function emitPhrases(units: Unit[], inTitle: boolean, acc: Map<string, Acc>): void {
  let k = 0;
  while (k < units.length) {
    if (must(units[k], 'units[k]').cls === 'X' || must(units[k], 'units[k]').definitionSite) {
      k++;
      continue;
    }
    let end = k;
    while (end + 1 < units.length && must(units[end + 1], 'units[end + 1]').cls !== 'X' && !must(units[end + 1], 'units[end + 1]').definitionSite) end++;
    emitChunk(units.slice(k, end + 1), inTitle, acc);
    k = end + 1;
  }
  emitNominalizations(units, inTitle, acc);
}

/**
 * Whether unit `e` of a chunk can end a phrase. Nouns can; an "-ing" word only as a gerund noun after a singular
 * noun or adjective ("transfer learning", "gradient clipping"), not as a verb ("clinicians expressing trust",
 * "validation using NAKO data").
 */
function canHead(chunk: Unit[], e: number): boolean {
  const u = must(chunk[e], 'chunk[e]');
  if (u.cls === 'N') return true;
  if (u.cls !== 'G' || e === 0) return false;
  const prev = must(chunk[e - 1], 'chunk[e - 1]');
  return (prev.cls === 'N' || prev.cls === 'A') && !prev.plural && !VERBAL_ING.has(u.lex);
}

function emitChunk(chunk: Unit[], inTitle: boolean, acc: Map<string, Acc>): void {
  // A participle right after a noun is a verb ("MRSegmentator demonstrated ...", "t-tests showed ..."): it ends the
  // phrase before it and starts nothing.
  for (let k = 1; k < chunk.length; k++) {
    const u = must(chunk[k], 'chunk[k]');
    if (u.cls === 'P' && must(chunk[k - 1], 'chunk[k - 1]').cls !== 'A' && must(chunk[k - 1], 'chunk[k - 1]').cls !== 'P') {
      emitChunk(chunk.slice(0, k), inTitle, acc);
      emitChunk(chunk.slice(k + 1), inTitle, acc);
      return;
    }
  }
  // A plural noun, then a bare singular noun that ends the run, is noun + mis-tagged verb ("results show improved
  // ..."): the plural ends the phrase and the verb is dropped. Not when more nouns follow: "(fact-checking)
  // increases clinician trust" has the verb first.
  for (let k = 0; k + 1 < chunk.length; k++) {
    const u = must(chunk[k], 'chunk[k]');
    const v = must(chunk[k + 1], 'chunk[k + 1]');
    const after = chunk[k + 2];
    if (u.plural && v.cls === 'N' && !v.plural && v.acronym === undefined && !u.expansion &&
      (after === undefined || after.cls === 'A' || after.cls === 'P')) {
      emitChunk(chunk.slice(0, k + 1), inTitle, acc);
      emitChunk(chunk.slice(k + 2), inTitle, acc);
      return;
    }
  }
  // Leading weak modifiers and gerunds ("using", "leveraging") are not part of the phrase.
  let first = 0;
  while (first < chunk.length && (must(chunk[first], 'chunk[first]').noStart || must(chunk[first], 'chunk[first]').cls === 'G')) first++;
  const heads = chunk.map((_u, e) => e >= first && canHead(chunk, e));
  const filler = chunk.map(isFillerUnit);
  const broadUnit = chunk.map(isBroadUnit);
  for (let e = first; e < chunk.length; e++) {
    if (!heads[e]) continue;
    const head = must(chunk[e], 'chunk[e]');
    // "multi" of "multi organ" only exists glued to what follows; "clinical task" is filler whatever precedes.
    if (SOLID_PREFIXES.has(head.lex) || filler[e] || (!head.expansion && HEAD_FILLER_NOUNS.has(head.lex))) continue;
    // Complete unless more of the noun phrase follows ("large language" + "model", "receiver operating" +
    // "characteristic curve"); a verbal -ing ("validation using ...") does not continue it.
    const next = chunk[e + 1];
    const standalone = next === undefined || (next.cls === 'G' && !heads[e + 1]);
    // Grow the phrase leftwards from the head, building its key as we go (this loop is the hot path).
    let key = '';
    let words = 0;
    let broad = true;
    for (let s = e; s >= Math.max(first, e - MAX_PHRASE_UNITS + 1); s--) {
      const start = must(chunk[s], 'chunk[s]');
      // A verbal -ing inside the span ends it ("using transfer learning" yields "transfer learning" only); a filler
      // noun poisons every longer span.
      if ((s < e && start.cls === 'G') || filler[s]) break;
      const text = start.expansion ? start.expansion.key : start.text;
      if (s === e) key = text;
      else if (SOLID_PREFIXES.has(start.lex)) key = text + key; // "multi" + "organ segmentation"
      else key = `${text} ${key}`;
      if (!(s < e && SOLID_PREFIXES.has(start.lex))) words += start.expansion ? start.expansion.words.length : start.words.length;
      broad &&= must(broadUnit[s], 'broadUnit[s]');
      if (words > MAX_PHRASE_WORDS) break;
      if (start.noStart || (start.cls === 'P' && s !== first)) continue;
      if (s > 0 && SOLID_PREFIXES.has(must(chunk[s - 1], 'chunk[s - 1]').lex)) continue;
      if (s === e && !head.expansion && (head.cls !== 'N' || broad || isNonNounWord(head))) continue;
      if (key.length < 2 || !HAS_LETTER_RE.test(key)) continue;
      const acronym = s === e && head.acronym !== undefined && !head.expansion ? head.acronym : undefined;
      addMention(acc, key, words, broad, inTitle, standalone, acronym);
    }
  }
}

/**
 * A lone word the tagger called a noun in context but which, read alone, the model takes for an adjective or verb
 * ("clinical", "similar", "know", "extract"): too likely a tagging slip to be a topic on its own.
 */
function isNonNounWord(u: Unit): boolean {
  if (u.acronym !== undefined || u.words.length !== 1) return false;
  if (u.lex.endsWith('ly')) return true; // "weakly" in a lower-cased title
  const info = wordInfo(u.lex);
  return info.known && info.pos !== 'NOUN' && info.pos !== 'PROPN';
}

// Memo for adverb+adjective nominalizations; bounded like the word memo (pure function, clearing is safe).
const nominalMemo = new Map<string, string | null>();

/**
 * "differentially private" → "differential privacy": the adverb's adjective and the adjective's noun, each checked
 * against the model's lexicon, so made-up nouns never appear. Skips weak or broad results ("highly accurate" →
 * "high accuracy" is dropped because "high" is weak).
 */
export function nominalize(adverb: string, adjective: string): string | undefined {
  const memoKey = `${adverb} ${adjective}`;
  const hit = nominalMemo.get(memoKey);
  if (hit !== undefined) return hit ?? undefined;
  let result: string | null = null;
  if (adverb.endsWith('ly')) {
    // "statistically" → "statistical"; "automatically" → "automatic" (no "automatical").
    let base = adverb.slice(0, -2);
    if (adverb.endsWith('ally') && !wordInfo(base).known) base = adverb.slice(0, -4);
    if (base.length > 2 && wordInfo(base).known && !WEAK_MODIFIERS.has(base)) {
      for (const [from, to] of NOMINALIZING_SUFFIXES) {
        if (!adjective.endsWith(from)) continue;
        const noun = adjective.slice(0, -from.length) + to;
        const info = wordInfo(noun);
        if (info.known && info.pos === 'NOUN' && !FILLER_NOUNS.has(noun) && !BROAD_NOUNS.has(noun)) {
          result = `${base} ${noun}`;
          break;
        }
      }
    }
  }
  if (nominalMemo.size >= 10_000) nominalMemo.clear();
  nominalMemo.set(memoKey, result);
  return result ?? undefined;
}

function emitNominalizations(units: Unit[], inTitle: boolean, acc: Map<string, Acc>): void {
  for (let k = 0; k + 1 < units.length; k++) {
    const adv = must(units[k], 'units[k]');
    const adj = must(units[k + 1], 'units[k + 1]');
    if (adv.cls !== 'X' || !/^\p{L}+ly$/u.test(adv.lex) || adj.cls !== 'A' || adj.words.length !== 1) continue;
    const key = nominalize(adv.lex, adj.lex);
    if (key !== undefined) addMention(acc, key, 2, false, inTitle, true);
  }
}
