// Candidate topic phrases of one paper: POS-tagged noun phrases, normalized, with acronyms resolved per document.
import {
  ADVERB_AS_ADJECTIVE,
  VERBAL_ING,
  BREAK_WORDS,
  BROAD_NOUNS,
  FILLER_NOUNS,
  HEAD_FILLER_NOUNS,
  NOMINALIZING_SUFFIXES,
  NORMAL_OVERRIDES,
  SOLID_PREFIXES,
  WEAK_MODIFIERS,
} from './lexicon.js';
import { nounLemma, tagText, wordInfo, type TaggedText } from './nlp.js';

/** One normalized phrase of a paper with its counts; the input of DocumentFrequencies and selectTopics. */
export interface Candidate {
  /** Normalized phrase: lower case, singular head, acronyms expanded, hyphen/space variants unified. */
  key: string;
  /** Mentions in title + abstract (including mentions as a sub-phrase of a longer noun phrase). */
  tf: number;
  /** Mentions in the title. */
  titleTf: number;
  /**
   * Mentions where the phrase is complete, i.e. not the front part of a longer noun phrase ("large language" in
   * "large language model" is not). A phrase never used on its own is only kept when other papers use it so.
   */
  standaloneTf: number;
  inTitle: boolean;
  /** Number of words in `key`. */
  words: number;
  /** Made only of broad nouns and weak modifiers ("training data"): allowed, scored down. */
  broad: boolean;
  /** Acronyms the text defined for this phrase, e.g. ["LLM"] for "large language model". */
  aliases?: string[];
  /** Set when the candidate is an acronym the text used without defining it, e.g. "DP-SGD". */
  acronym?: string;
}

/** Maximum units (words or hyphen compounds) of an extracted phrase; the issue asks for 1–4 tokens. */
export const MAX_PHRASE_UNITS = 4;
/** Acronym expansions and hyphen compounds can make a 4-unit phrase longer in words; cap that too. */
const MAX_PHRASE_WORDS = 7;

type UnitClass =
  | 'N' // noun: may head a phrase
  | 'G' // verb-form "-ing" word: heads a phrase only as a gerund noun ("transfer learning"), never starts one
  | 'A' // modifier: adjective or adjectival compound
  | 'P' // participle modifier ("randomized controlled trial"): starts a phrase only at the start of a chunk
  | 'X'; // anything else: ends a chunk

interface Unit {
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

interface Definition {
  acronym: string;
  words: string[];
  key: string;
  broad: boolean;
  /** The long form is not a noun phrase emitChunk produces (adverb inside, too long, weak start): count it here. */
  countExplicitly: boolean;
}

interface Acc {
  tf: number;
  titleTf: number;
  standaloneTf: number;
  words: number;
  broad: boolean;
  aliases?: Set<string>;
  acronym?: string;
}

const FUNCTION_POS = new Set(['ADP', 'DET', 'PART', 'CCONJ', 'SCONJ', 'PRON', 'AUX']);
const FUNCTION_WORDS = new Set(['of', 'the', 'to', 'in', 'a', 'an', 'and', 'or', 'on', 'for', 'by', 'with', 'at', 'from']);
const HAS_LETTER_RE = /\p{L}/u;

/**
 * Normalized noun-phrase candidates of one paper (title + abstract), deterministic and independent of any corpus.
 * Phrases are 1–4 units (adjectives/nouns ending in a noun) tagged by wink-nlp; every sub-phrase ending in a noun is
 * counted too ("differential privacy guarantee" also counts "differential privacy" and "privacy guarantee"), so
 * papers that share only part of a phrase still meet. Acronyms defined as "long form (ACR)" or "ACR (long form)"
 * are counted under the long form wherever they occur in the paper; the acronym is kept as an alias.
 * Returns candidates sorted by key.
 */
export function extractCandidates(title: string, abstract: string): Candidate[] {
  const titleTagged = tagText(prepareTitle(title, abstract));
  const abstractTagged = tagText(prepareText(abstract));
  // The model is English; text in another language would only yield its words as junk "nouns".
  const titleUnits = looksEnglish(titleTagged, 4) ? toUnits(titleTagged, true) : [];
  const abstractUnits = looksEnglish(abstractTagged, 12) ? toUnits(abstractTagged) : [];

  // Definitions first (title, then abstract, left to right; first wins) so a mention before the definition (often
  // in the title) still counts under the long form.
  const defs = new Map<string, Definition>();
  findDefinitions(titleUnits, defs);
  findDefinitions(abstractUnits, defs);

  const acc = new Map<string, Acc>();
  for (const [units, inTitle] of [
    [titleUnits, true],
    [abstractUnits, false],
  ] as const) {
    for (const u of units) if (u.acronym !== undefined && !u.definitionSite) {
      const def = defs.get(u.acronym);
      if (def) u.expansion = def;
    }
    emitPhrases(units, inTitle, acc);
  }
  for (const def of defs.values()) {
    // The long form at the definition site may not be a plain noun phrase ("differentially private stochastic
    // gradient descent"): then count it here, once. Record the alias either way.
    if (def.countExplicitly) addMention(acc, def.key, def.words.length, def.broad, false, true);
    const a = acc.get(def.key);
    if (a) (a.aliases ??= new Set()).add(def.acronym);
  }

  const out: Candidate[] = [];
  for (const [key, a] of acc) {
    const c: Candidate = {
      key,
      tf: a.tf,
      titleTf: a.titleTf,
      standaloneTf: a.standaloneTf,
      inTitle: a.titleTf > 0,
      words: a.words,
      broad: a.broad,
    };
    if (a.aliases && a.aliases.size > 0) c.aliases = [...a.aliases].sort();
    if (a.acronym !== undefined && !a.aliases) c.acronym = a.acronym;
    out.push(c);
  }
  out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Text preparation

/**
 * Share of word tokens the English lexicon knows: ≥ 0.66 for every abstract of the 200-paper arXiv sample (median
 * 0.91), 0.15–0.30 for French, German or Spanish abstracts. Short texts are given the benefit of the doubt.
 */
const MIN_KNOWN_SHARE = 0.45;

function looksEnglish(t: TaggedText, minWords: number): boolean {
  return t.wordCount < minWords || t.knownWords >= MIN_KNOWN_SHARE * t.wordCount;
}

function stripMarkup(text: string): string {
  // TeX math ($\pm$, $\sim{5}$) and commands carry no topic; replace them by a comma so they end a noun phrase.
  return text
    .replace(/\$[^$]{0,200}\$/g, ' , ')
    .replace(/\\[a-zA-Z]+/g, ' , ')
    .replace(/[{}]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function lowerCaseWords(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu) ?? []);
}

/** Abstracts keep their casing: the tagger uses it, and mid-sentence capitals mark names. */
function prepareText(text: string): string {
  return stripMarkup(text);
}

/**
 * Titles are often Title Case (or ALL CAPS), which makes the tagger call most words proper nouns; lower-casing the
 * capitalized words that are ordinary words (known to the model, or written in lower case in the abstract) gives it
 * ordinary sentence text. Acronyms and system names ("MRI", "NeuralDP") and unknown names stay as written, so
 * acronym detection still sees them.
 */
function prepareTitle(title: string, abstract: string): string {
  let abstractWords: Set<string> | undefined;
  const stripped = stripMarkup(title);
  const letters = stripped.match(/\p{L}/gu)?.length ?? 0;
  const upper = stripped.match(/\p{Lu}/gu)?.length ?? 0;
  if (letters >= 12 && upper >= 0.7 * letters) {
    // AN ALL-CAPS TITLE: every word would look like an acronym. Lower-case the words the model knows or the abstract
    // writes in lower case; what is left ("MRI", "BERT") are the real acronyms and names.
    abstractWords ??= lowerCaseWords(abstract);
    const known = abstractWords;
    return stripped.replace(/(?<![\p{L}\p{N}])\p{Lu}+(?![\p{L}\p{N}])/gu, (m) => {
      const lower = m.toLowerCase();
      return wordInfo(lower).known || known.has(lower) ? lower : m;
    });
  }
  return stripped.replace(/(?<![\p{L}\p{N}])(\p{Lu})(\p{Ll}+)(?![\p{L}\p{N}])/gu, (m, a: string, b: string) => {
    const lower = `${a.toLowerCase()}${b}`;
    if (wordInfo(lower).known) return lower;
    // A word the model does not know is a common word if the abstract writes it in lower case ("Pfaffians" →
    // "pfaffians"), else a name ("Langevin", "Serpens", "Callias") that stays a proper noun, which also keeps it
    // from being "singularized".
    abstractWords ??= lowerCaseWords(abstract);
    return abstractWords.has(lower) || abstractWords.has(lower.replace(/e?s$/, '')) ? lower : m;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens → units (hyphen compounds merged, coarse phrase classes)

function isWordish(t: TaggedText, i: number): boolean {
  const ty = t.types[i];
  return ty === 'word' || ty === 'number';
}

function toUnits(t: TaggedText, isTitle = false): Unit[] {
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
          /^[A-Za-z]{1,2}$/.test(t.values[j + 1]!)) {
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
    const prev = units[k - 1]!;
    if (prev.cls === 'X' && /^\p{L}+ly$/u.test(prev.lex) && units[k]!.cls === 'A') units[k]!.noStart = true;
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
  const value = t.values[i]!;
  const normal = NORMAL_OVERRIDES.get(t.normals[i]!) ?? t.normals[i]!;
  const pos = t.pos[i]!;
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
        t.normals[i + 1]!.endsWith('ing') && t.spaced[i + 1] && (i === 0 || !['PRON', 'AUX', 'PART', 'NOUN', 'PROPN'].includes(t.pos[i - 1]!)))
        cls = 'N';
      break;
    case 'ADV':
      // Tagger slips on adjectives in titles ("deep neural network"): keep them when a noun or adjective follows.
      if (ADVERB_AS_ADJECTIVE.has(normal) && i + 1 < t.pos.length && ['ADJ', 'NOUN', 'PROPN'].includes(t.pos[i + 1]!))
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
    const lemma = pos === 'PROPN' && !wordInfo(normal).known ? normal : nounLemma(normal, pos === 'NOUN' ? (NORMAL_OVERRIDES.get(t.lemmas[i]!) ?? t.lemmas[i]) : undefined);
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
  return k >= 0 && ['PRON', 'AUX', 'NOUN', 'PROPN', 'VERB', 'PART'].includes(t.pos[k]!);
}

const SUBJECT_PRONOUNS = new Set(['we', 'i', 'they', 'you', 'he', 'she']);
const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would', 'to']);

/** After "we", a modal or "to", a word tagged noun is a verb ("we fine-tune", "can segment"). */
function afterSubjectOrModal(t: TaggedText, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && t.pos[k] === 'ADV') k--;
  if (k < 0) return false;
  const w = t.normals[k]!;
  // "to" only as the infinitive marker ("to segment"), not the preposition ("compared to DP-SGD").
  return SUBJECT_PRONOUNS.has(w) || (MODALS.has(w) && (w !== 'to' || t.pos[k] === 'PART'));
}

/** Key words of a hyphenated surface: solid prefixes glued, acronym/letter/digit parts keep the hyphen, rest spaced. */
function compoundWords(parts: string[]): string[] {
  const words: string[] = [];
  let cur = parts[0]!.toLowerCase();
  for (let k = 1; k < parts.length; k++) {
    const prev = parts[k - 1]!;
    const next = parts[k]!;
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
  if (t.types[i] === 'number' && tokenIdx.length === 2 && /^[A-Za-z]{1,2}$/.test(t.values[j]!)) {
    // "3D", "2D": a modifier ("3D ultrasound").
    const w = surface.toLowerCase();
    return { surface, cls: 'A', words: [w], text: w, lex: w, noStart: false };
  }
  const parts = surface.split('-').filter((p) => p.length > 0);
  // "18-layer", "5-fold": measurements, not topics.
  if (parts.length === 0 || LEADING_NUMBER_RE.test(parts[0]!)) return breakUnit(surface);
  const last = tokenIdx[tokenIdx.length - 1]!;
  const fw = tokenIdx.some((k) => FUNCTION_POS.has(t.pos[k]!) || FUNCTION_WORDS.has(t.normals[k]!));
  if (afterSubjectOrModal(t, i)) return breakUnit(surface);
  return compoundFrom(surface, parts, compoundClass(t.normals[last]!, t.pos[last]!, fw));
}

/** A hyphenated word the tokenizer kept whole ("pre-trained", "co-morbidities", "X-ray", "COVID-19"). */
function hyphenatedToken(t: TaggedText, i: number, acronym: string | undefined): Unit {
  const value = t.values[i]!;
  const parts = value.split('-').filter((p) => p.length > 0);
  if (parts.length === 0 || LEADING_NUMBER_RE.test(parts[0]!)) return breakUnit(value);
  const pos = t.pos[i]!;
  if (!['NOUN', 'PROPN', 'ADJ', 'VERB', 'X'].includes(pos) && acronym === undefined) return breakUnit(value);
  const lastPart = parts[parts.length - 1]!.toLowerCase();
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
    const lastWord = words[words.length - 1]!;
    const dash = lastWord.lastIndexOf('-');
    const lastPart = dash >= 0 ? lastWord.slice(dash + 1) : lastWord;
    // A capitalized part the model does not know is a name ("Jacquet-Langlands"): keep it as written.
    const isName = /^\p{Lu}/u.test(parts[parts.length - 1]!) && !wordInfo(lastPart).known;
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

// ---------------------------------------------------------------------------------------------------------------
// Acronym definitions

/**
 * Schwartz & Hearst (2003) long-form matching: every letter/digit of the short form must appear in order in the
 * candidate long form, the first one at the start of a word. Returns the number of trailing words used, or 0.
 */
function longFormWords(shortForm: string, words: string[]): number {
  const longForm = words.join(' ').toLowerCase();
  const sf = shortForm.toLowerCase();
  let l = longForm.length - 1;
  for (let s = sf.length - 1; s >= 0; s--) {
    const c = sf[s]!;
    if (!/[a-z0-9]/.test(c)) continue;
    while (l >= 0 && (longForm[l] !== c || (s === 0 && l > 0 && /[a-z0-9]/.test(longForm[l - 1]!)))) l--;
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
  const last = units[units.length - 1]!;
  if (last.cls !== 'N' && last.cls !== 'G') return undefined;
  const words: string[] = [];
  let broad = true;
  for (const u of units) {
    words.push(...(u.cls === 'X' ? [u.lex] : u.words));
    if (!isBroadUnit(u)) broad = false;
  }
  return { words: glueSolidPrefixes(words), broad };
}

function findDefinitions(units: Unit[], defs: Map<string, Definition>): void {
  for (let k = 1; k + 2 < units.length; k++) {
    if (!isPunct(units[k]!, '(')) continue;
    const inner = units[k + 1]!;
    // "long form (ACR)"
    if (inner.acronym !== undefined && isPunct(units[k + 2]!, ')')) {
      const letters = inner.acronym.replace(/[^A-Za-z0-9]/g, '').length;
      const maxWords = Math.min(letters + 5, letters * 2);
      const window: Unit[] = [];
      for (let m = k - 1; m >= 0 && window.length < maxWords; m--) {
        const u = units[m]!;
        if (u.cls === 'X' && !/^\p{L}[\p{L}\p{N}-]*$/u.test(u.surface)) break; // punctuation, numbers
        window.unshift(u);
      }
      const used = longFormWords(inner.acronym, window.map((u) => u.surface));
      if (used > 0 && used <= window.length) {
        const lf = window.slice(window.length - used);
        // The long form must not begin with a function word ("the", "of") and must not be the acronym itself.
        const first = lf[0]!;
        if (!(first.cls === 'X' && FUNCTION_WORDS.has(first.lex)) && !(lf.length === 1 && first.acronym !== undefined)) {
          if (addDefinition(defs, inner.acronym, lf)) inner.definitionSite = true;
        }
      }
      continue;
    }
    // "ACR (long form)"
    const before = units[k - 1]!;
    if (before.acronym !== undefined) {
      let close = -1;
      for (let m = k + 1; m < units.length && m <= k + 11; m++) if (isPunct(units[m]!, ')')) { close = m; break; }
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
  const first = lf[0]!;
  const plain = lf.length <= MAX_PHRASE_UNITS && lf.every((u) => u.cls === 'N' || u.cls === 'A') && !first.noStart &&
    !lf.some(isFillerUnit);
  defs.set(acronym, { acronym, words: w.words, key: w.words.join(' '), broad: w.broad, countExplicitly: !plain });
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Phrases

function isBroadUnit(u: Unit): boolean {
  if (u.expansion) return u.expansion.broad;
  if (u.cls === 'N' || u.cls === 'G') return BROAD_NOUNS.has(u.lex) || FILLER_NOUNS.has(u.lex);
  return WEAK_MODIFIERS.has(u.lex);
}

function isFillerUnit(u: Unit): boolean {
  return !u.expansion && (u.cls === 'N' || u.cls === 'G') && FILLER_NOUNS.has(u.lex);
}

function glueSolidPrefixes(words: string[]): string[] {
  // "multi organ" written with a space meets "multi-organ" and "multiorgan".
  const out: string[] = [];
  let carry = '';
  for (let k = 0; k < words.length; k++) {
    const w = carry + words[k]!;
    carry = '';
    if (SOLID_PREFIXES.has(w) && k + 1 < words.length) {
      carry = w;
      continue;
    }
    out.push(w);
  }
  return out;
}

function addMention(
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

function emitPhrases(units: Unit[], inTitle: boolean, acc: Map<string, Acc>): void {
  let k = 0;
  while (k < units.length) {
    if (units[k]!.cls === 'X' || units[k]!.definitionSite) {
      k++;
      continue;
    }
    let end = k;
    while (end + 1 < units.length && units[end + 1]!.cls !== 'X' && !units[end + 1]!.definitionSite) end++;
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
  const u = chunk[e]!;
  if (u.cls === 'N') return true;
  if (u.cls !== 'G' || e === 0) return false;
  const prev = chunk[e - 1]!;
  return (prev.cls === 'N' || prev.cls === 'A') && !prev.plural && !VERBAL_ING.has(u.lex);
}

function emitChunk(chunk: Unit[], inTitle: boolean, acc: Map<string, Acc>): void {
  // A participle right after a noun is a verb ("MRSegmentator demonstrated ...", "t-tests showed ..."): it ends the
  // phrase before it and starts nothing.
  for (let k = 1; k < chunk.length; k++) {
    const u = chunk[k]!;
    if (u.cls === 'P' && chunk[k - 1]!.cls !== 'A' && chunk[k - 1]!.cls !== 'P') {
      emitChunk(chunk.slice(0, k), inTitle, acc);
      emitChunk(chunk.slice(k + 1), inTitle, acc);
      return;
    }
  }
  // A plural noun, then a bare singular noun that ends the run, is noun + mis-tagged verb ("results show improved
  // ..."): the plural ends the phrase and the verb is dropped. Not when more nouns follow: "(fact-checking)
  // increases clinician trust" has the verb first.
  for (let k = 0; k + 1 < chunk.length; k++) {
    const u = chunk[k]!;
    const v = chunk[k + 1]!;
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
  while (first < chunk.length && (chunk[first]!.noStart || chunk[first]!.cls === 'G')) first++;
  const heads = chunk.map((_u, e) => e >= first && canHead(chunk, e));
  const filler = chunk.map(isFillerUnit);
  const broadUnit = chunk.map(isBroadUnit);
  for (let e = first; e < chunk.length; e++) {
    if (!heads[e]) continue;
    const head = chunk[e]!;
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
      const start = chunk[s]!;
      // A verbal -ing inside the span ends it ("using transfer learning" yields "transfer learning" only); a filler
      // noun poisons every longer span.
      if ((s < e && start.cls === 'G') || filler[s]) break;
      const text = start.expansion ? start.expansion.key : start.text;
      if (s === e) key = text;
      else if (SOLID_PREFIXES.has(start.lex)) key = text + key; // "multi" + "organ segmentation"
      else key = `${text} ${key}`;
      if (!(s < e && SOLID_PREFIXES.has(start.lex))) words += start.expansion ? start.expansion.words.length : start.words.length;
      broad &&= broadUnit[s]!;
      if (words > MAX_PHRASE_WORDS) break;
      if (start.noStart || (start.cls === 'P' && s !== first)) continue;
      if (s > 0 && SOLID_PREFIXES.has(chunk[s - 1]!.lex)) continue;
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
    const adv = units[k]!;
    const adj = units[k + 1]!;
    if (adv.cls !== 'X' || !/^\p{L}+ly$/u.test(adv.lex) || adj.cls !== 'A' || adj.words.length !== 1) continue;
    const key = nominalize(adv.lex, adj.lex);
    if (key !== undefined) addMention(acc, key, 2, false, inTitle, true);
  }
}
