// Text preparation before tagging: markup stripped, English detected, a shouted title brought to the abstract's case.
import { wordInfo, type TaggedText } from '../nlp.js';

/**
 * Share of word tokens the English lexicon knows: ≥ 0.66 for every abstract of the 200-paper arXiv sample (median
 * 0.91), 0.15–0.30 for French, German or Spanish abstracts. Short texts are given the benefit of the doubt.
 */
const MIN_KNOWN_SHARE = 0.45;

export function looksEnglish(t: TaggedText, minWords: number): boolean {
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
export function prepareText(text: string): string {
  return stripMarkup(text);
}

/**
 * Titles are often Title Case (or ALL CAPS), which makes the tagger call most words proper nouns; lower-casing the
 * capitalized words that are ordinary words (known to the model, or written in lower case in the abstract) gives it
 * ordinary sentence text. Acronyms and system names ("MRI", "NeuralDP") and unknown names stay as written, so
 * acronym detection still sees them.
 */
export function prepareTitle(title: string, abstract: string): string {
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