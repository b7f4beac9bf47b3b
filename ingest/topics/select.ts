// Scores a paper's candidates against corpus document frequencies and picks its topics (deterministic).
import { must } from '../../core/must.js';
import type { Candidate } from './extract.js';
import type { DocumentFrequencies } from './frequencies.js';

/** An extracted topic of one paper. */
export interface Topic {
  /** Stable slug of `name`, e.g. "large-language-model". */
  id: string;
  /** The normalized phrase, e.g. "large language model". */
  name: string;
  /** 0..1, relative to the paper's best topic (which scores 1). */
  score: number;
  /** Acronyms the paper defined for the phrase, e.g. ["LLM"]. */
  aliases?: string[];
}

export interface SelectOptions {
  /** At most this many topics per paper (default 8). */
  topicsPerPaper?: number;
  /** Drop candidates scoring below this fraction of the paper's best (default 0.35). */
  minRelativeScore?: number;
}

export const DEFAULT_TOPICS_PER_PAPER = 8;

/** Tuning constants of the score; exported so tests and callers can see what the numbers mean. */
export const SCORING = {
  /** A title mention counts this much extra (titles name the paper's subject). */
  titleBoost: 2,
  /** BM25 term-frequency saturation: the 10th mention adds little over the 3rd. */
  k1: 1.5,
  /** Weight of a mention as the front of a longer phrase ("medical domain" in "medical domain knowledge"). */
  innerMention: 0.5,
  /** Factor for a phrase no other paper of the corpus uses: it is specific but links nothing. */
  unshared: 0.7,
  /** Factor for phrases made only of broad nouns and weak modifiers ("training data"). */
  broad: 0.5,
  /** Factor for single words: less specific than a multi-word term. */
  singleWord: 0.8,
  /**
   * Factor for a short acronym (≤ 3 letters) the paper never spelled out ("AUC", "CI", "MD"): usually a metric or
   * abbreviation, not a topic; names like "DALL-E" or "MNIST" are not affected.
   */
  undefinedAcronym: 0.7,
  /** Factor per word beyond three: long one-off phrases ("klinikum rechts der isar") are rarely the topic. */
  longPhrase: 0.85,
  /** Factor for evaluation-metric phrases ("dice score", "auc score"): what a paper measures, not what it is about. */
  metric: 0.6,
  /**
   * A shared sub-phrase inherits this fraction of the score of an unshared phrase containing it, so a paper on
   * "thyroid segmentation" also gets "segmentation", which links it to the other segmentation papers.
   */
  inherit: 0.8,
} as const;

/** Heads of evaluation-metric phrases. */
const METRIC_HEADS: ReadonlySet<string> = new Set(['score', 'coefficient', 'ratio', 'curve', 'interval', 'auc']);

const DEFAULT_MIN_RELATIVE = 0.35;

/** Stable topic id: the normalized phrase as a URL-safe slug ("covid-19 pneumonia" → "covid-19-pneumonia"). */
export function topicId(key: string): string {
  return key
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

interface Scored {
  c: Candidate;
  score: number;
  /** Papers of the corpus that would carry this phrase, this one included. */
  shared: number;
  /** The key between spaces, and its word pairs the same way, computed once for the overlap tests below. */
  padded?: string;
  bigrams?: string[];
}

function paddedKey(s: Scored): string {
  return (s.padded ??= ` ${s.c.key} `);
}

function bigramsOf(s: Scored): string[] {
  if (s.bigrams) return s.bigrams;
  const w = s.c.key.split(' ');
  const out: string[] = [];
  for (let i = 0; i + 1 < w.length; i++) out.push(` ${w[i]} ${w[i + 1]} `);
  return (s.bigrams = out);
}

/**
 * Corpus-aware score of one candidate (unnormalized; 0 when it cannot be a topic): BM25-saturated tf with title
 * mentions boosted, times BM25 idf, favouring phrases shared with other papers over ones unique to this paper.
 * `countedInDf`: whether df already counts this paper for `c.key` (true when the paper was added to `df` and used
 * the phrase on its own).
 */
export function scoreCandidate(
  c: Candidate,
  df: DocumentFrequencies,
  countedInDf: boolean = c.standaloneTf > 0,
): { score: number; shared: number } {
  const counted = df.df(c.key);
  // A phrase only ever seen as the front of a longer phrase ("large language" + "model") is a topic only when some
  // paper of the corpus uses it on its own (then it links this paper to that one).
  if (c.standaloneTf === 0 && counted === 0) return { score: 0, shared: 0 };
  // The DF includes this paper only when it used the phrase on its own under this key; otherwise add it.
  const shared = countedInDf ? Math.max(1, counted) : counted + 1;
  const x = c.standaloneTf + SCORING.innerMention * (c.tf - c.standaloneTf) + SCORING.titleBoost * c.titleTf;
  let score = ((x * (SCORING.k1 + 1)) / (x + SCORING.k1)) * df.idfFor(shared + (df.dfUpper(c.key) - counted) / 2);
  if (df.docCount >= 2 && shared < 2) score *= SCORING.unshared;
  if (c.broad) score *= SCORING.broad;
  if (c.words === 1) score *= SCORING.singleWord;
  if (c.acronym !== undefined && c.acronym.replace(/[^A-Za-z]/g, '').length <= 3) score *= SCORING.undefinedAcronym;
  // Spelled-out acronyms are established terms whatever their length ("differentially private stochastic ...").
  if (c.words > 3 && !c.aliases) score *= SCORING.longPhrase ** (c.words - 3);
  if (METRIC_HEADS.has(c.key.slice(c.key.lastIndexOf(' ') + 1))) score *= SCORING.metric;
  return { score, shared };
}

function contains(longer: Scored, shorter: Scored): boolean {
  return longer.c.key.length > shorter.c.key.length && paddedKey(longer).includes(paddedKey(shorter));
}

/** Factor applied to a candidate per already picked topic it contains or is contained in (unless it adds links). */
const OVERLAP_PENALTY = 0.4;

/**
 * Whether `cand` overlaps `picked` (one phrase contains the other, or they share two consecutive words) without
 * adding anything. A shorter phrase is exempt when it links clearly more papers ("segmentation" next to "thyroid
 * segmentation") or this paper uses it clearly more on its own; a longer one never is ("graph attention network"
 * after "graph attention").
 */
function overlaps(cand: Scored, picked: Scored): boolean {
  if (contains(picked, cand)) {
    const linksMore = cand.shared >= 2 && cand.shared >= 2 * picked.shared;
    return !linksMore && cand.c.tf < 2 * picked.c.tf;
  }
  return contains(cand, picked) || sharesBigram(cand, picked);
}

/** "language model recommendation" vs "large language model": both say "language model". */
function sharesBigram(a: Scored, b: Scored): boolean {
  const pairs = bigramsOf(a);
  if (pairs.length === 0 || b.c.key.indexOf(' ') < 0) return false;
  const padded = paddedKey(b);
  for (const pair of pairs) if (padded.includes(pair)) return true;
  return false;
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Acronyms this paper used without defining them ("DP-SGD") are counted under the expansion other papers of the
 * corpus gave them (DocumentFrequencies.expansionOf), merged with the paper's own mentions of that phrase.
 */
function resolveAcronyms(
  candidates: readonly Candidate[],
  df: DocumentFrequencies,
  notInDf: Set<Candidate>,
): readonly Candidate[] {
  let resolved: Map<string, string> | undefined;
  for (const c of candidates) {
    if (c.acronym === undefined) continue;
    const exp = df.expansionOf(c.acronym);
    if (exp !== undefined && exp !== c.key) (resolved ??= new Map()).set(c.key, exp);
  }
  if (!resolved) return candidates;
  const byKeyMap = new Map<string, Candidate>();
  for (const c of candidates) if (!resolved.has(c.key)) byKeyMap.set(c.key, c);
  for (const c of candidates) {
    const exp = resolved.get(c.key);
    if (exp === undefined) continue;
    const into = byKeyMap.get(exp);
    const acronym = must(c.acronym, `the acronym of resolved candidate ${c.key}`);
    if (into) {
      const aliases = new Set(into.aliases ?? []);
      aliases.add(acronym);
      byKeyMap.set(exp, {
        ...into,
        tf: into.tf + c.tf,
        titleTf: into.titleTf + c.titleTf,
        standaloneTf: into.standaloneTf + c.standaloneTf,
        inTitle: into.inTitle || c.inTitle,
        aliases: [...aliases].sort(),
      });
    } else {
      const merged: Candidate = {
        key: exp,
        tf: c.tf,
        titleTf: c.titleTf,
        standaloneTf: c.standaloneTf,
        inTitle: c.inTitle,
        words: exp.split(' ').length,
        broad: false,
        aliases: [acronym],
      };
      // The DF counted this paper under the acronym, not under the expansion.
      notInDf.add(merged);
      byKeyMap.set(exp, merged);
    }
  }
  return [...byKeyMap.values()];
}

/** Raises shared sub-phrases of unshared phrases to SCORING.inherit of the containing phrase's score. */
function inheritScores(pool: Scored[]): void {
  const sharedByKey = new Map<string, Scored>();
  for (const s of pool) if (s.shared >= 2) sharedByKey.set(s.c.key, s);
  if (sharedByKey.size === 0) return;
  for (const s of pool) {
    if (s.shared >= 2 || s.c.words < 2) continue;
    const words = s.c.key.split(' ');
    // Every contiguous proper sub-phrase (at most 7 words, so at most 27 look-ups).
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j <= words.length; j++) {
        if (j - i === words.length) continue;
        const sub = sharedByKey.get(words.slice(i, j).join(' '));
        if (sub) sub.score = Math.max(sub.score, SCORING.inherit * s.score);
      }
    }
  }
}

/**
 * Picks at most `topicsPerPaper` topics from one paper's candidates; `df` is expected to include this paper (call
 * df.add(candidates) first, as both passes of a pipeline do). Greedy by score, where a candidate overlapping an
 * already picked topic (sub- or super-phrase adding no links) is scored down, so the topics cover different things.
 * Ties break by more words, then key, so equal input always gives equal output. Scores are normalized to the best
 * topic of the paper (1.0) and rounded to 4 decimals.
 */
export function selectTopics(
  candidates: readonly Candidate[],
  df: DocumentFrequencies,
  opts: SelectOptions = {},
): Topic[] {
  const cap = opts.topicsPerPaper ?? DEFAULT_TOPICS_PER_PAPER;
  const minRel = opts.minRelativeScore ?? DEFAULT_MIN_RELATIVE;
  if (cap <= 0) return [];
  const pool: Scored[] = [];
  const notInDf = new Set<Candidate>();
  for (const c of resolveAcronyms(candidates, df, notInDf)) {
    const { score, shared } = scoreCandidate(c, df, c.standaloneTf > 0 && !notInDf.has(c));
    if (score > 0) pool.push({ c, score, shared });
  }
  inheritScores(pool);
  pool.sort((a, b) => b.score - a.score || b.c.words - a.c.words || byKey(a.c.key, b.c.key));
  const best = pool[0]?.score ?? 0;
  const picked: { s: Scored; adjusted: number }[] = [];
  // Each pool entry with its penalty factor, updated against each new pick only (0 = taken).
  const entries: { s: Scored; factor: number }[] = pool.map((s) => ({ s, factor: 1 }));
  while (picked.length < cap) {
    let chosen: { s: Scored; factor: number } | undefined;
    let bestAdj = 0;
    for (const e of entries) {
      // The pool is sorted by raw score and penalties only lower it: nothing further down can beat bestAdj.
      if (e.s.score <= bestAdj) break;
      const adj = e.s.score * e.factor;
      if (adj > bestAdj) {
        bestAdj = adj;
        chosen = e;
      }
    }
    if (!chosen || bestAdj < minRel * best) break;
    chosen.factor = 0;
    picked.push({ s: chosen.s, adjusted: bestAdj });
    for (const e of entries) if (e.factor > 0 && overlaps(e.s, chosen.s)) e.factor *= OVERLAP_PENALTY;
  }
  return picked.map(({ s, adjusted }) => {
    const t: Topic = { id: topicId(s.c.key), name: s.c.key, score: Math.round((adjusted / best) * 10_000) / 10_000 };
    if (s.c.aliases) t.aliases = [...s.c.aliases];
    return t;
  });
}
