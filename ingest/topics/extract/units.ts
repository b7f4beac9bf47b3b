// Tokens → units: words and hyphen compounds with a coarse phrase class (noun, modifier, gerund, participle, other).
import { must } from '../../../core/must.js';
import {
  ADVERB_AS_ADJECTIVE,
  BREAK_WORDS,
  BROAD_NOUNS,
  FILLER_NOUNS,
  NORMAL_OVERRIDES,
  SOLID_PREFIXES,
  WEAK_MODIFIERS,
} from '../lexicon.js';
import { nounLemma, wordInfo, type TaggedText } from '../nlp.js';

/** Maximum units (words or hyphen compounds) of an extracted phrase (1–4). */
export const MAX_PHRASE_UNITS = 4;
/** Acronym expansions and hyphen compounds can make a 4-unit phrase longer in words; cap that too. */
export const MAX_PHRASE_WORDS = 7;

export type UnitClass =
  | 'N' // noun: may head a phrase
  | 'G' // verb-form "-ing" word: heads a phrase only as a gerund noun ("transfer learning"), never starts one
  | 'A' // modifier: adjective or adjectival compound
  | 'P' // participle modifier ("randomized controlled trial"): starts a phrase only at the start of a chunk
  | 'X'; // anything else: ends a chunk

export interface Unit {
  surface: string;
  cls: UnitClass;
  /** Key words (nouns singular). */
  words: string[];
  /** `words` joined by spaces (precomputed: phrase keys are built from it). */
  text: string;
  /** Noun written in the plural here (a following "-ing" word is then a verb: "clinicians expressing"). */
  plural?: boolean;
  /** Lemma/normal form used for the filler/broad/weak lists. */
  lex: string;
  /** Cannot start a phrase (weak modifier, or the adjective of an "ADV-ly ADJ" pair). */
  noStart: boolean;
  /** Singular acronym when the unit looks like one ("LLMs" → "LLM"). */
  acronym?: string;
  /** Set when the unit is a mention of an acronym defined in this paper. */
  expansion?: Definition;
  /** Acronym inside its own definition's parentheses: not counted again. */
  definitionSite?: boolean;
}

export interface Definition {
  acronym: string;
  words: string[];
  key: string;
  broad: boolean;
  /** The long form is not a noun phrase emitChunk produces (adverb inside, too long, weak start): count it here. */
  countExplicitly: boolean;
}

export const FUNCTION_POS = new Set(['ADP', 'DET', 'PART', 'CCONJ', 'SCONJ', 'PRON', 'AUX']);
export const FUNCTION_WORDS = new Set(['of', 'the', 'to', 'in', 'a', 'an', 'and', 'or', 'on', 'for', 'by', 'with', 'at', 'from']);
export const HAS_LETTER_RE = /\p{L}/u;

export function isWordish(t: TaggedText, i: number): boolean {
  const ty = t.types[i];
  return ty === 'word' || ty === 'number';
}

export function toUnits(t: TaggedText, isTitle = false): Unit[] {
  const units: Unit[] = [];
  const n = t.values.length;
  let i = 0;
  while (i < n) {
    // Noun phrases never span sentences (the model's sentence boundaries; most also end in punctuation).
    if (i > 0 && t.sentenceStarts.has(i)) units.push(breakUnit(''));
    // Glue "fine - tuning", "state - of - the - art", "3 D": the tokenizer splits some hyphenated words and digit
    // + letter runs; without spaces around, they are one word for us.
    let j = i;
    if (isWordish(t, i)) {
      for (;;) {
        if (j + 2 < n && t.values[j + 1] === '-' && !t.spaced[j + 1] && !t.spaced[j + 2] && isWordish(t, j + 2)) {
          j += 2;
          continue;
        }
        if (j + 1 < n && t.types[j] === 'number' && !t.spaced[j + 1] && t.types[j + 1] === 'word' &&
          /^[A-Za-z]{1,2}$/.test(must(t.values[j + 1], 't.values[j + 1]'))) {
          j += 1;
          continue;
        }
        break;
      }
    }
    let unit = j === i ? simpleUnit(t, i) : compoundUnit(t, i, j);
    // A title opening with an -ing word opens with a verb ("Computing genus 2 ...", "Tuning correlation effects").
    if (isTitle && i === 0 && unit.cls === 'N' && unit.lex.endsWith('ing') && unit.words.length === 1) unit = { ...unit, cls: 'G' };
    units.push(unit);
    i = j + 1;
  }
  for (let k = 1; k < units.length; k++) {
    // "differentially private": the adjective after an -ly adverb belongs to an adverbial modifier; it must not start
    // a phrase ("private training" is not a topic). emitNominalizations turns the pair into "differential privacy".
    const prev = must(units[k - 1], 'units[k - 1]');
    if (prev.cls === 'X' && /^\p{L}+ly$/u.test(prev.lex) && must(units[k], 'units[k]').cls === 'A') must(units[k], 'units[k]').noStart = true;
  }
  return units;
}

function breakUnit(surface: string, acronym?: string): Unit {
  const u: Unit = { surface, cls: 'X', words: [], text: '', lex: surface.toLowerCase(), noStart: true };
  if (acronym !== undefined) u.acronym = acronym;
  return u;
}

function acronymOf(surface: string): string | undefined {
  if (surface.length < 2 || surface.length > 14) return undefined;
  // Fast exit for the common case (called for every token): fewer than two ASCII capitals.
  let caps = 0;
  for (let k = 0; k < surface.length && caps < 2; k++) {
    const ch = surface.charCodeAt(k);
    if (ch >= 65 && ch <= 90) caps++;
  }
  if (caps < 2) return undefined;
  if (!/^[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]$/.test(surface)) return undefined;
  let s = surface;
  // Plural acronyms ("LLMs", "CTs"): drop the lower-case s when what remains ends in a capital or digit.
  if (/[A-Z0-9]s$/.test(s) && s.length >= 3) s = s.slice(0, -1);
  const upper = (s.match(/[A-Z]/g) ?? []).length;
  if (upper < 2) return undefined;
  // Words with long lower-case runs are names ("NeuralDP", "MRSegmentator"), not acronyms.
  if (/[a-z]{3,}/.test(s)) return undefined;
  return s;
}

function simpleUnit(t: TaggedText, i: number): Unit {
  const value = must(t.values[i], 't.values[i]');
  const normal = NORMAL_OVERRIDES.get(must(t.normals[i], 't.normals[i]')) ?? must(t.normals[i], 't.normals[i]');
  const pos = must(t.pos[i], 't.pos[i]');
  const acronym = acronymOf(value);
  if (t.types[i] !== 'word' || !HAS_LETTER_RE.test(value) || BREAK_WORDS.has(normal) || value.endsWith('.'))
    return breakUnit(value);
  // Roman numerals ("Substructures II") look like acronyms but number parts of a series; 40+ letter "words" are
  // sequences, hashes or garbage.
  if (/^[IVX]+$/.test(value) || value.length > 40) return breakUnit(value);
  if (value.includes('-')) return hyphenatedToken(t, i, acronym);
  // One- and two-letter lower-case words are units ("ml", "mm") or residue, never topics; acronyms ("AI") pass.
  if (acronym === undefined && (value.length < 2 || (value.length === 2 && value === normal))) return breakUnit(value);
  // Possessive residue ("YSOs'") and stray quotes are not words.
  if (/['’]/.test(value)) return breakUnit(value);
  let cls: UnitClass = 'X';
  switch (pos) {
    case 'NOUN':
    case 'PROPN':
      cls = 'N';
      if (acronym !== undefined) break;
      if (afterSubjectOrModal(t, i)) {
        cls = 'X';
        break;
      }
      // Capitalized adjectives (sentence starts, names: "Traditional transparency ...") come out as PROPN.
      if (pos === 'PROPN' && wordInfo(normal).known && wordInfo(normal).pos === 'ADJ') {
        cls = 'A';
        break;
      }
      // "-ing" nouns the model derives from a verb ("generating" → "generate") or only knows as a verb are gerunds.
      if (normal.endsWith('ing') && ((pos === 'NOUN' && t.lemmas[i] !== normal) || wordInfo(normal).pos === 'VERB')) cls = 'G';
      // "calibrated" tagged NOUN: an "-ed" form of a known verb is a participle.
      else if (normal.endsWith('ed') && isPastOfVerb(normal)) cls = verbalContext(t, i) ? 'X' : 'P';
      break;
    case 'ADJ':
      cls = 'A';
      break;
    case 'VERB':
      if (normal.endsWith('ing')) cls = 'G';
      // A participle after a subject, auxiliary or verb is the predicate ("who received", "was employed").
      else if (normal.endsWith('ed') || normal.endsWith('en')) cls = verbalContext(t, i) ? 'X' : 'P';
      // "transfer learning", "machine learning": the tagger reads the modifier as a verb before a gerund. Only
      // when nothing verbal precedes it (a subject pronoun, auxiliary or "to" would make it a real verb).
      else if (i + 1 < t.values.length && (t.pos[i + 1] === 'VERB' || t.pos[i + 1] === 'NOUN') &&
        must(t.normals[i + 1], 't.normals[i + 1]').endsWith('ing') && t.spaced[i + 1] && (i === 0 || !['PRON', 'AUX', 'PART', 'NOUN', 'PROPN'].includes(must(t.pos[i - 1], 't.pos[i - 1]'))))
        cls = 'N';
      break;
    case 'ADV':
      // Tagger slips on adjectives in titles ("deep neural network"): keep them when a noun or adjective follows.
      if (ADVERB_AS_ADJECTIVE.has(normal) && i + 1 < t.pos.length && ['ADJ', 'NOUN', 'PROPN'].includes(must(t.pos[i + 1], 't.pos[i + 1]')))
        cls = 'A';
      break;
    default:
      // Acronyms are sometimes tagged X or NUM; they are nouns for us.
      if (acronym !== undefined) cls = 'N';
  }
  if (cls === 'X') return breakUnit(value, acronym);
  if (acronym !== undefined && (cls === 'N' || cls === 'A')) {
    const w = acronym.toLowerCase();
    return { surface: value, cls: 'N', words: [w], text: w, lex: w, noStart: false, acronym };
  }
  if (cls === 'N') {
    // The model lemmatizes NOUN tokens; PROPN plurals ("Networks" in a capitalized name) go through nounLemma when
    // the model knows the word; unknown proper nouns are names ("Serpens", "Langlands") and stay as written.
    const lemma = pos === 'PROPN' && !wordInfo(normal).known ? normal : nounLemma(normal, pos === 'NOUN' ? (NORMAL_OVERRIDES.get(must(t.lemmas[i], 't.lemmas[i]')) ?? t.lemmas[i]) : undefined);
    const unit: Unit = { surface: value, cls, words: [lemma], text: lemma, lex: lemma, noStart: false };
    if (lemma !== normal) unit.plural = true;
    return unit;
  }
  return { surface: value, cls, words: [normal], text: normal, lex: normal, noStart: cls !== 'G' && WEAK_MODIFIERS.has(normal) };
}

/** "calibrated", "annotated": an -ed word whose stem is a verb the model knows (length guard keeps "seed", "need"). */
function isPastOfVerb(word: string): boolean {
  if (word.length < 6) return false;
  for (const stem of [word.slice(0, -1), word.slice(0, -2)]) {
    const info = wordInfo(stem);
    if (info.known && info.pos === 'VERB') return true;
  }
  return false;
}

/** Token `i` follows (adverbs skipped) a pronoun, auxiliary, noun or verb: a participle there is a verb. */
function verbalContext(t: TaggedText, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && t.pos[k] === 'ADV') k--;
  return k >= 0 && ['PRON', 'AUX', 'NOUN', 'PROPN', 'VERB', 'PART'].includes(must(t.pos[k], 't.pos[k]'));
}

const SUBJECT_PRONOUNS = new Set(['we', 'i', 'they', 'you', 'he', 'she']);
const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would', 'to']);

/** After "we", a modal or "to", a word tagged noun is a verb ("we fine-tune", "can segment"). */
function afterSubjectOrModal(t: TaggedText, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && t.pos[k] === 'ADV') k--;
  if (k < 0) return false;
  const w = must(t.normals[k], 't.normals[k]');
  // "to" only as the infinitive marker ("to segment"), not the preposition ("compared to DP-SGD").
  return SUBJECT_PRONOUNS.has(w) || (MODALS.has(w) && (w !== 'to' || t.pos[k] === 'PART'));
}

/** Key words of a hyphenated surface: solid prefixes glued, acronym/letter/digit parts keep the hyphen, rest spaced. */
function compoundWords(parts: string[]): string[] {
  const words: string[] = [];
  let cur = must(parts[0], 'parts[0]').toLowerCase();
  for (let k = 1; k < parts.length; k++) {
    const prev = must(parts[k - 1], 'parts[k - 1]');
    const next = must(parts[k], 'parts[k]');
    const p = prev.toLowerCase();
    if (SOLID_PREFIXES.has(p) && /^\p{L}/u.test(next)) {
      cur += next.toLowerCase();
    } else if (/^\p{L}\p{Ll}+$/u.test(prev) && /^\p{L}\p{Ll}+$/u.test(next)) {
      // Two ordinary words: "fine-tuning" ≡ "fine tuning", "anatomy-aware" ≡ "anatomy aware".
      words.push(cur);
      cur = next.toLowerCase();
    } else {
      // Letters, digits, acronyms: "x-ray", "covid-19", "u-net", "dp-sgd" read badly with a space.
      cur += `-${next.toLowerCase()}`;
    }
  }
  words.push(cur);
  return words;
}

const LEADING_NUMBER_RE = /^\d+(?:[.,]\d+)?$/;

/** Class of a hyphenated word from the tags of its last part (and whether any part is a function word). */
function compoundClass(lastNormal: string, lastPos: string, hasFunctionWord: boolean): UnitClass {
  if (hasFunctionWord) return 'A'; // "state-of-the-art", "human-in-the-loop", "text-to-image"
  if (lastNormal.endsWith('ing')) return 'N'; // "fact-checking", "fine-tuning", "decision-making"
  if (lastNormal.endsWith('ed') || lastNormal.endsWith('en')) return 'A'; // "pre-trained", "network-based"
  if (lastPos === 'ADJ' || lastPos === 'ADV') return 'A'; // "anatomy-aware", "domain-specific"
  if (lastPos === 'VERB') return 'X';
  return 'N';
}

function compoundUnit(t: TaggedText, i: number, j: number): Unit {
  const surface = t.values.slice(i, j + 1).join('');
  const tokenIdx: number[] = [];
  for (let k = i; k <= j; k++) if (t.values[k] !== '-') tokenIdx.push(k);
  if (t.types[i] === 'number' && tokenIdx.length === 2 && /^[A-Za-z]{1,2}$/.test(must(t.values[j], 't.values[j]'))) {
    // "3D", "2D": a modifier ("3D ultrasound").
    const w = surface.toLowerCase();
    return { surface, cls: 'A', words: [w], text: w, lex: w, noStart: false };
  }
  const parts = surface.split('-').filter((p) => p.length > 0);
  // "18-layer", "5-fold": measurements, not topics.
  if (parts.length === 0 || LEADING_NUMBER_RE.test(must(parts[0], 'parts[0]'))) return breakUnit(surface);
  const last = must(tokenIdx[tokenIdx.length - 1], 'tokenIdx[tokenIdx.length - 1]');
  const fw = tokenIdx.some((k) => FUNCTION_POS.has(must(t.pos[k], 't.pos[k]')) || FUNCTION_WORDS.has(must(t.normals[k], 't.normals[k]')));
  if (afterSubjectOrModal(t, i)) return breakUnit(surface);
  return compoundFrom(surface, parts, compoundClass(must(t.normals[last], 't.normals[last]'), must(t.pos[last], 't.pos[last]'), fw));
}

/** A hyphenated word the tokenizer kept whole ("pre-trained", "co-morbidities", "X-ray", "COVID-19"). */
function hyphenatedToken(t: TaggedText, i: number, acronym: string | undefined): Unit {
  const value = must(t.values[i], 't.values[i]');
  const parts = value.split('-').filter((p) => p.length > 0);
  if (parts.length === 0 || LEADING_NUMBER_RE.test(must(parts[0], 'parts[0]'))) return breakUnit(value);
  const pos = must(t.pos[i], 't.pos[i]');
  if (!['NOUN', 'PROPN', 'ADJ', 'VERB', 'X'].includes(pos) && acronym === undefined) return breakUnit(value);
  const lastPart = must(parts[parts.length - 1], 'parts[parts.length - 1]').toLowerCase();
  const fw = parts.some((p) => FUNCTION_WORDS.has(p.toLowerCase()));
  if (afterSubjectOrModal(t, i)) return breakUnit(value);
  const cls = compoundClass(lastPart, pos === 'PROPN' || pos === 'X' ? 'NOUN' : pos, fw);
  return compoundFrom(value, parts, cls);
}

function compoundFrom(surface: string, parts: string[], cls: UnitClass): Unit {
  if (cls === 'X') return breakUnit(surface);
  const acronym = acronymOf(surface);
  let words = compoundWords(parts);
  let plural = false;
  if (acronym !== undefined && cls === 'N') {
    words = [acronym.toLowerCase()];
  } else if (cls === 'N') {
    // Only the last hyphen part inflects ("co-morbidities" → "comorbidity", "u-nets" → "u-net").
    const lastWord = must(words[words.length - 1], 'words[words.length - 1]');
    const dash = lastWord.lastIndexOf('-');
    const lastPart = dash >= 0 ? lastWord.slice(dash + 1) : lastWord;
    // A capitalized part the model does not know is a name ("Jacquet-Langlands"): keep it as written.
    const isName = /^\p{Lu}/u.test(must(parts[parts.length - 1], 'parts[parts.length - 1]')) && !wordInfo(lastPart).known;
    const lemma = isName ? lastWord : `${lastWord.slice(0, dash + 1)}${nounLemma(lastPart)}`;
    plural = lemma !== lastWord;
    words[words.length - 1] = lemma;
  }
  const lex = words.join(' ');
  // "learning-based", "image-based": a phrase starting there has lost its front ("deep learning-based ...").
  const noStart = WEAK_MODIFIERS.has(lex) || (cls !== 'N' && /(^|\s)based$/.test(lex));
  const unit: Unit = { surface, cls, words, text: lex, lex, noStart };
  if (acronym !== undefined) unit.acronym = acronym;
  if (plural) unit.plural = true;
  return unit;
}

/** Made of broad nouns or weak modifiers (or an acronym whose long form is): such phrases are scored down. */
export function isBroadUnit(u: Unit): boolean {
  if (u.expansion) return u.expansion.broad;
  if (u.cls === 'N' || u.cls === 'G') return BROAD_NOUNS.has(u.lex) || FILLER_NOUNS.has(u.lex);
  return WEAK_MODIFIERS.has(u.lex);
}

export function isFillerUnit(u: Unit): boolean {
  return !u.expansion && (u.cls === 'N' || u.cls === 'G') && FILLER_NOUNS.has(u.lex);
}

export function glueSolidPrefixes(words: string[]): string[] {
  // "multi organ" written with a space meets "multi-organ" and "multiorgan".
  const out: string[] = [];
  let carry = '';
  for (let k = 0; k < words.length; k++) {
    const w = carry + must(words[k], 'words[k]');
    carry = '';
    if (SOLID_PREFIXES.has(w) && k + 1 < words.length) {
      carry = w;
      continue;
    }
    out.push(w);
  }
  return out;
}
