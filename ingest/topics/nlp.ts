// wink-nlp (English lite model) wrapper: tokenization + sentence boundaries + POS tags + lemmas as flat arrays.
import winkNLP from 'wink-nlp';
import type { Document, ItsFunction, WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { LEMMA_OVERRIDES } from './lexicon.js';

/** One tagged text: parallel arrays indexed by token. */
export interface TaggedText {
  values: string[];
  normals: string[];
  pos: string[];
  lemmas: string[];
  types: string[];
  /** True when the token is preceded by whitespace (hyphen compounds are glued tokens without it). */
  spaced: boolean[];
  /** Token indexes where a sentence starts (from the model's sentence boundary detection). */
  sentenceStarts: Set<number>;
  /** Word tokens, and how many of them the English model's lexicon knows (a cheap "is this English?" signal). */
  wordCount: number;
  knownWords: number;
}

// Only the annotations we read: sbd + pos. NER, negation and sentiment cost ~40% of the time and are unused.
const PIPE = ['sbd', 'pos'];

let instance: WinkMethods | undefined;

function wink(): WinkMethods {
  // Loading the model takes ~0.2 s; do it once per process, on first use, so importing this module stays cheap.
  instance ??= winkNLP(model, PIPE);
  return instance;
}

// The d.ts types `its.lemma` with a ModelAddons parameter that its own ItsFunction union does not admit; at run
// time every its.* token helper is accepted by out(), so widen through unknown.
function outStrings(doc: Document, f: unknown): string[] {
  return doc.tokens().out(f as ItsFunction<string>) as string[];
}

/** Tokenize, split sentences and POS-tag `text` with wink-nlp; pure apart from the shared model instance. */
export function tagText(text: string): TaggedText {
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = outStrings(doc, its.value);
  const spaces = outStrings(doc, its.precedingSpaces);
  const sentenceStarts = new Set<number>();
  // its.span gives each sentence's [first, last] token index; cheaper than walking sentence items.
  for (const span of doc.sentences().out(its.span) as unknown as [number, number][]) sentenceStarts.add(span[0]);
  const types = outStrings(doc, its.type);
  const normals = outStrings(doc, its.normal);
  let wordCount = 0;
  let knownWords = 0;
  for (let i = 0; i < values.length; i++) {
    if (types[i] !== 'word') continue;
    wordCount++;
    // The lexicon is lower case: look up the normal form ("Participants" is OOV, "participants" is not).
    const normal = normals[i];
    if (normal === undefined) throw new Error(`Internal error: normal form of term ${i} is missing`);
    if (!doc.isOOV(normal)) knownWords++;
  }
  return {
    values,
    normals,
    pos: outStrings(doc, its.pos),
    lemmas: outStrings(doc, its.lemma),
    types,
    spaced: spaces.map((s, i) => i === 0 || s.length > 0),
    sentenceStarts,
    wordCount,
    knownWords,
  };
}

interface WordInfo {
  pos: string;
  lemma: string;
  known: boolean;
}

// Memo of single-word look-ups. The vocabulary of heads is large but bounded in practice; clearing the table when it
// is full keeps memory constant and cannot change results (the memo only caches a pure function).
const WORD_MEMO_CAP = 100_000;
const wordMemo = new Map<string, WordInfo>();

/** POS, lemma and lexicon membership of a lower-case word read on its own (memoized). */
export function wordInfo(word: string): WordInfo {
  let info = wordMemo.get(word);
  if (info) return info;
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(word);
  const tokens = doc.tokens();
  if (tokens.length() === 1) {
    const t = tokens.itemAt(0);
    const lemma = t.out(its.lemma as unknown as ItsFunction<string>);
    info = { pos: t.out(its.pos), lemma, known: !doc.isOOV(word) };
  } else {
    info = { pos: 'X', lemma: word, known: false };
  }
  if (wordMemo.size >= WORD_MEMO_CAP) wordMemo.clear();
  wordMemo.set(word, info);
  return info;
}

/**
 * Singular of a lower-case noun. Uses the model's lemma when the model knows the word; only for words outside its
 * lexicon (e.g. "datasets", "u-nets") falls back to removing a plural "s"/"es"/"ies", the one piece of hand-written
 * morphology here, because the model returns such words unchanged.
 */
export function nounLemma(word: string, taggedLemma?: string): string {
  const override = LEMMA_OVERRIDES.get(word);
  if (override !== undefined) return override;
  // "physics", "dynamics", "genomics": the lemmatizer strips the s ("dynamic"), which changes the meaning.
  if (word.endsWith('ics') && word.length > 5) return word;
  if (taggedLemma !== undefined && taggedLemma !== word && taggedLemma.length > 0) return taggedLemma;
  if (!word.endsWith('s') || word.length < 4) return word;
  const info = wordInfo(word);
  if (info.known) {
    // A known word the model does not reduce is singular already ("bias", "consensus") unless it was tagged as a
    // non-noun in isolation, in which case ask the lemmatizer about it as a noun via the plural suffix rules below.
    if (info.lemma !== word && info.pos === 'NOUN') return info.lemma;
    if (info.pos === 'NOUN' || info.pos === 'PROPN') return word;
  }
  return singularizeUnknown(word);
}

function singularizeUnknown(word: string): string {
  if (/(ss|us|is|os|ous)$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes|zzes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}
