// Topic extraction from title + abstract: NLP candidates (wink-nlp), corpus document frequencies, per-paper selection.
//
// Design note — how a streaming ingest uses these primitives
// ----------------------------------------------------------
// 1. extractCandidates(title, abstract) is the only NLP step (wink-nlp tokenizer + sentence boundaries + POS tagger +
//    lemmatizer of the English lite model). It is pure and corpus-independent, so it runs exactly once per paper, in
//    any order, in any worker. Its cost dominates ingest CPU (wink's readDoc is about half of it), so a pipeline
//    that must keep up with the writes runs this step in worker_threads (see pool.ts). Figures: docs/benchmarks.md.
// 2. DocumentFrequencies.add(candidates) per paper counts, per phrase, the papers using it as a complete noun phrase.
//    Memory is bounded by `maxEntries` (default 1M entries) through lossy counting: rare phrases are pruned, shared
//    ones never are. toJSON()/fromJSON() persist it; merge() combines per-worker tables. It also keeps acronym →
//    expansion votes, so a paper that writes "DP-SGD" without spelling it out is linked to the papers that did.
// 3. selectTopics(candidates, df) scores one paper against the corpus (see SCORING): BM25-saturated tf (a title
//    mention counts 3×, a mention inside a longer phrase ½) × BM25 idf; phrases no other paper uses get 0.7× (they
//    link nothing), and a shared sub-phrase inherits 0.8× the score of an unshared phrase containing it ("thyroid
//    segmentation" → "segmentation"), which is what connects related papers. Broad-only phrases, short undefined
//    acronyms, metrics and long one-off phrases are scored down; overlapping sub/super-phrases are penalized
//    greedily (MMR-like) unless they add links; at most `topicsPerPaper`, none below 0.35 of the paper's best.
//    Cheap next to extraction.
//
// Pipelines:
//  - Two passes (what ingest/pipeline.ts does): pass 1 extracts candidates, adds them to the DF and spools
//    {record, candidates} to disk; pass 2 reads the spool and calls selectTopics with the complete DF. NLP runs once;
//    the extra cost is the spool (a few KB of JSON per abstract; compactCandidates(c, 20) after df.add halves it,
//    at the price of never selecting the weakest candidates) and one sequential re-read. Memory stays flat: only
//    the DF is held.
//  - One pass with a seeded DF: load a DF persisted from an earlier run or a sample (fromJSON), then per paper
//    extractCandidates → df.add → selectTopics. No spool; early papers are scored against the seed only. Scores
//    drift as the DF grows, so the same paper can get different topics in different runs; fine for incremental
//    updates, not for the reproducible bulk load.
//  - Appends into a graph (what the pipeline does when it writes): the DF of pass 2 is the graph's stored counts for
//    the phrases the input uses, minus the stored contributions (contributionOf) of input papers already in the
//    graph, plus the input's own DF (ingest/topic-frequencies.ts). That is the DF a one-shot load of everything the
//    graph will hold would use, so a paper's topics do not depend on the run or batch that brings it.
//  - Small inputs, dry runs and tests: extractTopicsForCorpus() does both passes in memory.
// Determinism: candidates are sorted by key and ties in selection break by key, so equal input (and an equal DF)
// always gives equal topics. The DF itself is order-independent until it prunes; after pruning, which rare phrases
// survive depends on arrival order (shared phrases are unaffected).
import { extractCandidates, type Candidate } from './extract.js';
import { DocumentFrequencies, type DocumentFrequenciesOptions } from './frequencies.js';
import { selectTopics, type SelectOptions, type Topic } from './select.js';

export { extractCandidates, MAX_PHRASE_UNITS, nominalize, type Candidate } from './extract.js';
export {
  contributionOf,
  DEFAULT_MAX_ENTRIES,
  DocumentFrequencies,
  type DfContribution,
  type DocumentFrequenciesJSON,
  type DocumentFrequenciesOptions,
} from './frequencies.js';
export { DEFAULT_TOPICS_PER_PAPER, scoreCandidate, SCORING, selectTopics, topicId, type SelectOptions, type Topic } from './select.js';

export interface CorpusDoc {
  id: string;
  title: string;
  abstract: string;
}

export type CorpusOptions = SelectOptions & DocumentFrequenciesOptions;

/**
 * Topics of every document of a small corpus, two passes in memory: extract and count all, then select per paper.
 * Holds every paper's candidates at once, so use it for up to ~100k papers (dry runs, tests); stream larger inputs
 * as described at the top of this module. The map follows input order; per-paper results do not depend on it.
 */
export function extractTopicsForCorpus(docs: readonly CorpusDoc[], opts: CorpusOptions = {}): Map<string, Topic[]> {
  const df = new DocumentFrequencies(opts.maxEntries !== undefined ? { maxEntries: opts.maxEntries } : {});
  const candidates = docs.map((d) => extractCandidates(d.title, d.abstract));
  for (const c of candidates) df.add(c);
  const out = new Map<string, Topic[]>();
  docs.forEach((d, i) => out.set(d.id, selectTopics(candidates[i]!, df, opts)));
  return out;
}

/**
 * The `max` candidates most likely to be selected, judged without the corpus (tf with title boost, multi-word and
 * complete phrases first, then key): to keep a spool small. Call after df.add() so the DF still sees them all.
 */
export function compactCandidates(candidates: readonly Candidate[], max: number): Candidate[] {
  if (candidates.length <= max) return [...candidates];
  const weight = (c: Candidate) =>
    (c.tf + 2 * c.titleTf) * (c.words > 1 ? 1.25 : 1) * (c.standaloneTf > 0 ? 1 : 0.5) * (c.broad ? 0.5 : 1);
  return [...candidates]
    .sort((a, b) => weight(b) - weight(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, max)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
