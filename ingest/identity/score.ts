// Scoring: how strongly the evidence says two profiles (mention or person) are one person, as log-odds with its parts.
import type { Evidence } from './model.js';
import { commonFamilyPrior, givenInitials, hasFullGiven, matchGiven, type GivenMatch, type ParsedName } from './names.js';
import { coauthorRarity, type Profile } from './profile.js';

/**
 * Weights of the log-odds score. Co-authorship is the strongest signal; fields separate namesakes across disciplines;
 * the prior says how many people could carry the name (a rare name starts positive, a common one negative).
 */
export const WEIGHTS = {
  /** Join at or above this score (when no name-form rule asks for more). */
  joinAt: 0,
  /** Prior log-odds of a name carried by one person only. */
  priorBase: 4.5,
  /** Log-odds lost per e-fold of estimated namesakes. */
  priorPerNamesake: 1.6,
  /** How many namesakes one distinct given name of the block stands for (people per given name, roughly). */
  namesakeSpread: 3,
  /** Per doubling of the shared co-author mass (1 + S). */
  coauthors: 4,
  /** Both have co-authors but share none. */
  noSharedCoauthors: -0.5,
  /** Sharing a large collaboration (at least `collaborationMin` of its members). */
  collaboration: 2,
  collaborationMin: 3,
  /** Category cosine (codes) and archive cosine. */
  categories: 1.5,
  archives: 1,
  /** Same broad field but no archive in common. */
  otherArchive: -1,
  /** No broad field in common (physics vs. computing). */
  otherField: -1.5,
  topics: 1.5,
  noSharedTopics: -0.5,
  /** Years between the two careers beyond which the gap counts against, and the cost per year (capped). */
  yearGrace: 6,
  perYear: -0.2,
  yearCap: -2,
  nameSame: 0.5,
  nameInitial: -1,
  /** Shared co-authors an initial-only spelling needs to join a full given name, and a transliterated family name. */
  initialMinShared: 2,
  transliterationMinShared: 1,
  /** Estimated namesakes up to which a shared large collaboration counts as two units for a name-form rule. */
  collaborationRareNamesakes: 5,
  /**
   * An initial is resolved by its block when at least this many mentions spell a full given name with that initial
   * and one first name holds at least `initialResolvedShare` of them (a unit for the initial-only rule).
   */
  initialResolvedMin: 3,
  initialResolvedShare: 0.9,
};


/** Broad field of an archive: namesakes in different broad fields are very likely different people. */
function broadField(archive: string): string {
  if (['cs', 'eess', 'stat'].includes(archive)) return 'computing';
  if (archive === 'math' || archive === 'math-ph') return 'math';
  if (archive.startsWith('q-bio')) return 'bio';
  if (archive === 'q-fin' || archive === 'econ') return 'economics';
  if (/^(physics|hep|astro|cond-mat|gr-qc|nucl|quant-ph|nlin)/.test(archive)) return 'physics';
  return archive;
}

function archiveOf(code: string): string {
  const dot = code.indexOf('.');
  return dot > 0 ? code.slice(0, dot) : code;
}

/** Euclidean norm of a count vector. */
function norm(m: Map<string, number>): number {
  let n = 0;
  for (const x of m.values()) n += x * x;
  return Math.sqrt(n);
}

/** Cosine of two count vectors with their norms (0 when either is empty). */
function cosine(a: Map<string, number>, na: number, b: Map<string, number>, nb: number): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small) {
    const y = large.get(k);
    if (y !== undefined) dot += x * y;
  }
  return dot / (na * nb);
}

function rollUp(m: Map<string, number>, f: (k: string) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, n] of m) {
    const key = f(k);
    out.set(key, (out.get(key) ?? 0) + n);
  }
  return out;
}

const fieldOfCode = (c: string) => broadField(archiveOf(c));

/** What the scorer derives from one profile, kept on it until the profile changes (Profile.derived). */
interface Derived {
  archives: Map<string, number>;
  fields: Map<string, number>;
  norms: { categories: number; archives: number; fields: number; topics: number };
  /** Estimated namesakes under `stats` (the block statistics of the current run). */
  stats: BlockStats | null;
  namesakes: number;
}

function derived(p: Profile): Derived {
  const d = p.derived as Derived | undefined;
  if (d !== undefined) return d;
  const archives = rollUp(p.categories, archiveOf);
  const fields = rollUp(p.categories, fieldOfCode);
  const out: Derived = {
    archives,
    fields,
    norms: { categories: norm(p.categories), archives: norm(archives), fields: norm(fields), topics: norm(p.topics) },
    stats: null,
    namesakes: 0,
  };
  p.derived = out;
  return out;
}

function namesakesOf(stats: BlockStats, p: Profile): number {
  const d = derived(p);
  if (d.stats !== stats) {
    d.stats = stats;
    d.namesakes = namesakes(stats, p);
  }
  return d.namesakes;
}

/** Given-name statistics of one block, for estimating how many people carry a name. */
export interface BlockStats {
  block: string;
  /** Mentions per full first given name, and their total. */
  firstCounts: Map<string, number>;
  totalFull: number;
  /** Mentions per first initial (full names included), and their total. */
  initialCounts: Map<string, number>;
  total: number;
  /** Distinct full first given names, at least the prior of a known common family name. */
  distinctGiven: number;
}

/** Block statistics from the profiles (persons and mentions) of one block. */
export function blockStats(block: string, profiles: Profile[]): BlockStats {
  const firstCounts = new Map<string, number>();
  const initialCounts = new Map<string, number>();
  let totalFull = 0;
  let total = 0;
  for (const p of profiles) {
    const w = p.mentions / Math.max(1, p.forms.length);
    for (const f of p.forms) {
      const g = f.given[0] ?? '';
      if (g.length > 1) {
        firstCounts.set(g, (firstCounts.get(g) ?? 0) + w);
        totalFull += w;
      }
      initialCounts.set(g.slice(0, 1), (initialCounts.get(g.slice(0, 1)) ?? 0) + w);
      total += w;
    }
  }
  return { block, firstCounts, totalFull, initialCounts, total, distinctGiven: Math.max(firstCounts.size, commonFamilyPrior(block), 1) };
}

/** Estimated number of people a profile's most specific spelling could be (1 = a rare name). */
export function namesakes(stats: BlockStats, p: Profile): number {
  const full = p.forms.find((f) => hasFullGiven(f));
  let share: number;
  // Shares are smoothed over the block's expected given names, so a small corpus with one "Hugh Anderson" does not
  // conclude that every Anderson is called Hugh.
  if (full) share = ((stats.firstCounts.get(full.given[0] ?? '') ?? 0) + 1) / (stats.totalFull + stats.distinctGiven);
  else share = ((stats.initialCounts.get(p.forms[0]?.given[0]?.slice(0, 1) ?? '') ?? 0) + 1) / (stats.total + Math.min(26, stats.distinctGiven));
  return 1 + (stats.distinctGiven - 1) * Math.min(1, share) * WEIGHTS.namesakeSpread;
}

/** The verdict on two profiles: bound by hard evidence either way, or a score with its evidence. */
export type Verdict =
  | { kind: 'must'; reason: string; evidence: Evidence }
  | { kind: 'cannot'; reason: string }
  | { kind: 'score'; evidence: Evidence; /** A name-form rule that asks for more than the score before a join. */ rule: NameRule | null };

/**
 * Spellings that need evidence beyond the score before a join: an initial-only spelling against a full given name
 * ("K. Bressem" / "Keno K. Bressem": the initial fits every K. Bressem) needs two units, a transliterated family
 * name ("Haentze" / "Häntze") one. A unit is a shared co-author, a shared large collaboration, or (initial-only) a
 * second initial that agrees too ("L. T. Zimmermann" / "Lukas T. Zimmermann" is more specific than "L.").
 */
export interface NameRule {
  name: 'initial-only' | 'transliteration';
  minSharedCoauthors: number;
  /** The initial-only spelling's two or more initials all agree with the full spelling's. */
  initialsAgree: boolean;
  /**
   * The block resolves the initial to the full spelling's first name: enough of the block's mentions spell a full
   * given name with that initial, nearly all of them this one, and the family name is not a known common one.
   */
  initialResolved: boolean;
}

/**
 * True when the block's full spellings with the initial of `initialOnly` are (nearly) all `full`'s first given name,
 * over enough mentions that an unseen namesake with the same initial is unlikely.
 */
function initialResolved(stats: BlockStats, initialOnly: ParsedName[], full: ParsedName[]): boolean {
  if (commonFamilyPrior(stats.block) > 0) return false;
  const initial = initialOnly.find((f) => !hasFullGiven(f))?.given[0]?.slice(0, 1);
  const first = full.find(hasFullGiven)?.given[0];
  if (!initial || first === undefined || first[0] !== initial) return false;
  let all = 0;
  for (const [g, n] of stats.firstCounts) if (g[0] === initial) all += n;
  const own = stats.firstCounts.get(first) ?? 0;
  return own >= WEIGHTS.initialResolvedMin && own >= WEIGHTS.initialResolvedShare * all;
}

/** True when some initial-only spelling of `a` has at least two initials and they begin a full spelling's of `b`. */
function initialsAgree(a: ParsedName[], b: ParsedName[]): boolean {
  for (const x of a) {
    if (hasFullGiven(x) || x.given.length < 2) continue;
    const ix = givenInitials(x);
    for (const y of b) if (hasFullGiven(y) && givenInitials(y).startsWith(ix)) return true;
  }
  return false;
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

const RANK: Record<Exclude<GivenMatch, 'none'>, number> = { initial: 0, middle: 1, same: 2 };

function nameMatch(a: ParsedName[], b: ParsedName[]): { match: Exclude<GivenMatch, 'none'>; sameFamily: boolean } | null {
  let best: Exclude<GivenMatch, 'none'> = 'initial';
  let sameFamily = false;
  for (const x of a) {
    for (const y of b) {
      const m = matchGiven(x.given, y.given);
      if (m === 'none') return null;
      if (RANK[m] > RANK[best]) best = m;
      if (x.family === y.family) sameFamily = true;
    }
  }
  return { match: best, sameFamily };
}

/** True when every spelling of one can be every spelling of the other (given names compatible). */
export function namesCompatible(a: Profile, b: Profile): boolean {
  return nameMatch(a.forms, b.forms) !== null;
}

/**
 * Compares two profiles of one block. With `detail` false the evidence is for deciding only: score, parts, name
 * match, namesakes and the number of shared co-authors are right, but `sharedCoauthors` holds co-author keys, and
 * the shared categories and topics are left empty; evidence shown to a reviewer is computed with `detail` true.
 */
export function compare(a: Profile, b: Profile, stats: BlockStats, detail = true): Verdict {
  if (intersects(a.papers, b.papers)) return { kind: 'cannot', reason: 'on the same paper' };
  if (a.orcids.size > 0 && b.orcids.size > 0 && !intersects(a.orcids, b.orcids)) return { kind: 'cannot', reason: 'different ORCIDs' };
  const sameId = intersects(a.orcids, b.orcids) ? 'same ORCID' : intersects(a.openalexIds, b.openalexIds) ? 'same OpenAlex id' : null;
  if (!sameId && a.openalexIds.size > 0 && b.openalexIds.size > 0) return { kind: 'cannot', reason: 'different OpenAlex ids' };
  const names = nameMatch(a.forms, b.forms);
  if (!names && !sameId) return { kind: 'cannot', reason: 'incompatible given names' };
  const evidence = weigh(a, b, stats, names ?? { match: 'initial', sameFamily: true }, detail);
  if (sameId) return { kind: 'must', reason: sameId, evidence };
  const aFull = a.forms.some(hasFullGiven);
  const bFull = b.forms.some(hasFullGiven);
  let rule: NameRule | null = null;
  if (aFull !== bFull) {
    const [short, long] = aFull ? [b.forms, a.forms] : [a.forms, b.forms];
    rule = { name: 'initial-only', minSharedCoauthors: WEIGHTS.initialMinShared, initialsAgree: initialsAgree(short, long), initialResolved: initialResolved(stats, short, long) };
  } else if (names && !names.sameFamily) rule = { name: 'transliteration', minSharedCoauthors: WEIGHTS.transliterationMinShared, initialsAgree: false, initialResolved: false };
  return { kind: 'score', evidence, rule };
}

function weigh(a: Profile, b: Profile, stats: BlockStats, names: { match: Exclude<GivenMatch, 'none'>; sameFamily: boolean }, detail: boolean): Evidence {
  const parts: Record<string, number> = {};
  const k = Math.max(namesakesOf(stats, a), namesakesOf(stats, b));
  parts.prior = WEIGHTS.priorBase - WEIGHTS.priorPerNamesake * Math.log(k);
  parts.name = names.match === 'same' ? WEIGHTS.nameSame : names.match === 'initial' ? WEIGHTS.nameInitial : 0;

  const [small, large] = a.coauthors.size <= b.coauthors.size ? [a, b] : [b, a];
  let mass = 0;
  const shared: string[] = [];
  for (const [key, w] of small.coauthors) {
    const v = large.coauthors.get(key);
    if (v === undefined) continue;
    mass += Math.min(w, v) * coauthorRarity(key);
    shared.push(detail ? (small.coauthorNames.get(key) ?? large.coauthorNames.get(key) ?? key) : key);
  }
  if (mass > 0) parts.coauthors = WEIGHTS.coauthors * Math.log2(1 + mass);
  else if (a.coauthors.size > 0 && b.coauthors.size > 0) parts.coauthors = WEIGHTS.noSharedCoauthors;

  if (a.collaborators.size > 0 || b.collaborators.size > 0) {
    // A collaboration member met on a collaboration paper of one and a team paper of the other counts too.
    let n = 0;
    const count = (x: Set<string>, y: Profile) => {
      for (const k of x) if ((y.collaborators.has(k) || y.coauthors.has(k)) && ++n >= WEIGHTS.collaborationMin) return;
    };
    count(a.collaborators, b);
    if (n < WEIGHTS.collaborationMin) for (const k of b.collaborators) if (a.coauthors.has(k) && ++n >= WEIGHTS.collaborationMin) break;
    if (n >= WEIGHTS.collaborationMin) parts.collaboration = WEIGHTS.collaboration;
  }

  const da = derived(a);
  const db = derived(b);
  if (a.categories.size > 0 && b.categories.size > 0) {
    if (cosine(da.fields, da.norms.fields, db.fields, db.norms.fields) === 0) parts.fields = WEIGHTS.otherField;
    else {
      const arch = cosine(da.archives, da.norms.archives, db.archives, db.norms.archives);
      parts.fields = arch === 0 ? WEIGHTS.otherArchive : WEIGHTS.categories * cosine(a.categories, da.norms.categories, b.categories, db.norms.categories) + WEIGHTS.archives * arch;
    }
  }

  if (a.topics.size > 0 && b.topics.size > 0) {
    const c = cosine(a.topics, da.norms.topics, b.topics, db.norms.topics);
    parts.topics = c > 0 ? WEIGHTS.topics * c : WEIGHTS.noSharedTopics;
  }

  if (a.yearMin !== null && b.yearMin !== null && a.yearMax !== null && b.yearMax !== null) {
    const gap = Math.max(0, a.yearMin - b.yearMax, b.yearMin - a.yearMax);
    if (gap > WEIGHTS.yearGrace) parts.years = Math.max(WEIGHTS.yearCap, WEIGHTS.perYear * (gap - WEIGHTS.yearGrace));
  }

  let score = 0;
  for (const x of Object.values(parts)) score += x;
  return {
    score,
    nameMatch: names.match,
    spellingVariant: !names.sameFamily,
    namesakes: k,
    sharedCoauthors: detail ? shared.sort() : shared,
    sharedCategories: detail ? [...a.categories.keys()].filter((c) => b.categories.has(c)).sort() : [],
    sharedTopics: detail ? [...a.topics.keys()].filter((t) => b.topics.has(t)).sort() : [],
    years: [
      [a.yearMin, a.yearMax],
      [b.yearMin, b.yearMax],
    ],
    parts,
  };
}

/**
 * Units of evidence a name-form rule counts: shared co-authors, a shared collaboration (two units for a rare name:
 * two rare namesakes in one collaboration are unlikely), agreeing initials, an initial the block resolves.
 */
export function ruleSupport(v: Extract<Verdict, { kind: 'score' }>): number {
  const collaboration = (v.evidence.parts.collaboration ?? 0) > 0 ? (v.evidence.namesakes <= WEIGHTS.collaborationRareNamesakes ? 2 : 1) : 0;
  return v.evidence.sharedCoauthors.length + collaboration + (v.rule?.initialsAgree ? 1 : 0) + (v.rule?.initialResolved ? 1 : 0);
}

/** Whether a scored pair joins: the score reaches JOIN_AT and any name-form rule has its evidence. */
export function joins(v: Extract<Verdict, { kind: 'score' }>): boolean {
  if (v.evidence.score < WEIGHTS.joinAt) return false;
  return v.rule === null || ruleSupport(v) >= v.rule.minSharedCoauthors;
}
