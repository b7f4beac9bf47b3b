// Profiles: the evidence of one mention or one person (a cluster of mentions) in a form the scorer compares.
import { must } from '../../core/must.js';
import type { Mention, MentionRef, PersonSummary } from './model.js';
import { coauthorKey, commonFamilyPrior, mentionName, type ParsedName } from './names.js';

export interface Profile {
  /** Distinct spellings (by folded given + family). */
  forms: ParsedName[];
  orcids: Set<string>;
  openalexIds: Set<string>;
  /** Co-author key → strongest weight seen. */
  coauthors: Map<string, number>;
  /** Co-author key → a display name, for evidence. */
  coauthorNames: Map<string, string>;
  /** Co-author keys from papers above LARGE_TEAM authors. */
  collaborators: Set<string>;
  categories: Map<string, number>;
  topics: Map<string, number>;
  yearMin: number | null;
  yearMax: number | null;
  mentions: number;
  /** Papers of the mentions placed in this run (one paper never has one person twice). */
  papers: Set<string>;
  /** Mentions placed in this run, or carried in from a summary's mentionRefs. */
  refs: MentionRef[];
  /** What the scorer derives from the maps above (field roll-ups, norms), computed once; cleared by every change. */
  derived: unknown;
  /**
   * True while `coauthors` iterates in summary order (weight descending, then key) apart from the keys in
   * `coauthorsRaised` (added or raised since): toSummary then sorts only those and merges them in.
   */
  coauthorsRanked: boolean;
  coauthorsRaised: Set<string>;
  /** True while `collaborators` iterates in key order. */
  collaboratorsSorted: boolean;
}

/** Authors per paper up to which every co-author counts fully; beyond, a paper's co-authors share a fixed weight. */
const TEAM_SIZE = 8;
/**
 * Papers with more authors than this are a collaboration's: two namesakes in one collaboration share every co-author,
 * so its members count as one weak signal (collaborators), never as co-authors.
 */
export const LARGE_TEAM = 50;

/** Weight of one co-author on a paper with `authorCount` authors: the more authors, the less each says. */
export function coauthorWeight(authorCount: number): number {
  return Math.min(1, TEAM_SIZE / Math.max(1, authorCount - 1));
}

/** Co-authors with a very common family name are weaker evidence (many different people carry their key). */
export function coauthorRarity(key: string): number {
  const family = key.slice(0, key.lastIndexOf(' ') > 0 ? key.lastIndexOf(' ') : key.length);
  return commonFamilyPrior(family) > 0 ? 0.5 : 1;
}

function sameForm(a: ParsedName, b: ParsedName): boolean {
  if (a === b) return true;
  if (a.family !== b.family || a.given.length !== b.given.length) return false;
  for (let i = 0; i < a.given.length; i++) if (a.given[i] !== b.given[i]) return false;
  return true;
}

function addForm(p: Profile, n: ParsedName): void {
  if (!p.forms.some((f) => sameForm(f, n))) p.forms.push(n);
}

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export function emptyProfile(): Profile {
  return {
    forms: [],
    orcids: new Set(),
    openalexIds: new Set(),
    coauthors: new Map(),
    coauthorNames: new Map(),
    collaborators: new Set(),
    categories: new Map(),
    topics: new Map(),
    yearMin: null,
    yearMax: null,
    mentions: 0,
    papers: new Set(),
    refs: [],
    derived: undefined,
    coauthorsRanked: true,
    coauthorsRaised: new Set(),
    collaboratorsSorted: true,
  };
}

/** Summary order of co-authors: strongest first, then by key. */
function rankOrder(x: [string, number], y: [string, number]): number {
  return y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
}

/** The profile of one mention (a large team's mention carries a bounded sample of co-authors, see mentions.ts). */
export function mentionProfile(m: Mention): Profile {
  const p = emptyProfile();
  const name = mentionName(m);
  addForm(p, name);
  if (m.orcid) p.orcids.add(m.orcid);
  if (m.openalexId) p.openalexIds.add(m.openalexId);
  const own = coauthorKey(`${name.display.given} ${name.display.family}`);
  if (m.authorCount > LARGE_TEAM) {
    for (const c of m.coauthors) {
      const k = coauthorKey(c);
      if (k !== '' && k !== own) p.collaborators.add(k);
    }
    p.collaboratorsSorted = p.collaborators.size <= 1;
  } else {
    const w = coauthorWeight(m.authorCount);
    for (const c of m.coauthors) {
      const k = coauthorKey(c);
      if (k === '' || k === own) continue;
      if ((p.coauthors.get(k) ?? 0) < w) p.coauthors.set(k, w);
      if (!p.coauthorNames.has(k)) p.coauthorNames.set(k, c);
    }
    // One weight for all: ranked means sorted by key.
    p.coauthorsRanked = p.coauthors.size <= 1;
  }
  for (const c of new Set(m.categories)) bump(p.categories, c, 1);
  for (const t of new Set(m.topics)) bump(p.topics, t, 1);
  p.yearMin = p.yearMax = m.year;
  p.mentions = 1;
  p.papers.add(m.paperId);
  p.refs.push({ paperId: m.paperId, position: m.position });
  return p;
}

/** The profile of an existing person from its stored summary. */
export function summaryProfile(s: PersonSummary): Profile {
  const p = emptyProfile();
  for (const n of s.names) addForm(p, mentionName({ name: `${n.given} ${n.family}`, given: n.given, family: n.family }));
  for (const o of s.orcids) p.orcids.add(o);
  for (const o of s.openalexIds) p.openalexIds.add(o);
  let previous: [string, number] | null = null;
  for (const e of Object.entries(s.coauthors)) {
    p.coauthors.set(e[0], e[1]);
    if (previous !== null && rankOrder(previous, e) > 0) p.coauthorsRanked = false;
    previous = e;
  }
  let last: string | null = null;
  for (const k of s.collaborators) {
    p.collaborators.add(k);
    if (last !== null && last >= k) p.collaboratorsSorted = false;
    last = k;
  }
  for (const [k, n] of Object.entries(s.categories)) p.categories.set(k, n);
  for (const [k, n] of Object.entries(s.topics)) p.topics.set(k, n);
  p.yearMin = s.yearMin;
  p.yearMax = s.yearMax;
  p.mentions = s.mentions;
  if (s.mentionRefs) {
    p.refs.push(...s.mentionRefs);
    for (const r of s.mentionRefs) p.papers.add(r.paperId);
  }
  return p;
}

/** Adds `b` into `a` in place. */
export function mergeInto(a: Profile, b: Profile): Profile {
  a.derived = undefined;
  for (const f of b.forms) addForm(a, f);
  for (const o of b.orcids) a.orcids.add(o);
  for (const o of b.openalexIds) a.openalexIds.add(o);
  for (const [k, w] of b.coauthors) {
    if ((a.coauthors.get(k) ?? 0) < w) {
      a.coauthors.set(k, w);
      if (a.coauthorsRanked) a.coauthorsRaised.add(k);
    }
  }
  // Past a quarter of the map, one sort of the whole is as cheap as sorting the raised keys and merging.
  if (a.coauthorsRanked && a.coauthorsRaised.size > 16 && a.coauthorsRaised.size * 4 > a.coauthors.size) {
    a.coauthorsRanked = false;
    a.coauthorsRaised.clear();
  }
  for (const [k, n] of b.coauthorNames) if (!a.coauthorNames.has(k)) a.coauthorNames.set(k, n);
  for (const k of b.collaborators) {
    if (!a.collaborators.has(k)) {
      a.collaborators.add(k);
      a.collaboratorsSorted = false;
    }
  }
  for (const [k, n] of b.categories) bump(a.categories, k, n);
  for (const [k, n] of b.topics) bump(a.topics, k, n);
  if (b.yearMin !== null) a.yearMin = a.yearMin === null ? b.yearMin : Math.min(a.yearMin, b.yearMin);
  if (b.yearMax !== null) a.yearMax = a.yearMax === null ? b.yearMax : Math.max(a.yearMax, b.yearMax);
  a.mentions += b.mentions;
  for (const x of b.papers) a.papers.add(x);
  a.refs.push(...b.refs);
  return a;
}

/** Most co-authors a stored summary keeps (the strongest); bounds the size of a person's stored evidence. */
export const MAX_SUMMARY_COAUTHORS = 500;

/**
 * Most topics a stored summary keeps (those on most of the person's papers): a prolific person's topic vector would
 * otherwise grow with every paper, and with it the cost of each comparison and of each batch that touches them.
 */
export const MAX_SUMMARY_TOPICS = 100;

/** The `n` heaviest entries of a count map, in summary order (rankOrder). */
function heaviest(map: Map<string, number>, n: number): [string, number][] {
  return [...map].sort(rankOrder).slice(0, n);
}

/** The co-authors of a profile in summary order (rankOrder). */
function rankedCoauthors(p: Profile): [string, number][] {
  if (!p.coauthorsRanked) return [...p.coauthors].sort(rankOrder);
  if (p.coauthorsRaised.size === 0) return [...p.coauthors];
  // The keys not raised keep their weights, so they still iterate in rank order: merge the raised ones in.
  const kept: [string, number][] = [];
  const raised: [string, number][] = [];
  for (const e of p.coauthors) (p.coauthorsRaised.has(e[0]) ? raised : kept).push(e);
  raised.sort(rankOrder);
  const out: [string, number][] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length || j < raised.length) {
    const x = kept[i];
    const y = raised[j];
    if (y === undefined || (x !== undefined && rankOrder(x, y) < 0)) {
      out.push(must(x, 'a kept co-author'));
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

/**
 * A co-author weight as stored: three decimals. The weights are shares like 8/15; their full float digits would be
 * half of a prolific person's summary, which every batch that touches the person writes again.
 */
function storedWeight(w: number): number {
  return Math.round(w * 1000) / 1000;
}

/** The stored summary of a profile. `withRefs` keeps the mention list (for later bulk re-clustering). */
export function toSummary(id: string, p: Profile, withRefs: boolean): PersonSummary {
  const ranked = rankedCoauthors(p);
  const coauthors = ranked.length > MAX_SUMMARY_COAUTHORS ? ranked.slice(0, MAX_SUMMARY_COAUTHORS) : ranked;
  const sorted = p.collaboratorsSorted ? [...p.collaborators] : [...p.collaborators].sort();
  const s: PersonSummary = {
    id,
    blocks: [...new Set(p.forms.map((f) => f.block))].sort(),
    names: p.forms.map((f) => ({ given: f.display.given, family: f.display.family })),
    orcids: [...p.orcids].sort(),
    openalexIds: [...p.openalexIds].sort(),
    coauthors: Object.fromEntries(coauthors.map(([k, w]) => [k, storedWeight(w)])),
    // The alphabetically first keys: members of one collaboration keep the same subset, so overlaps survive the cap.
    collaborators: sorted.length > MAX_SUMMARY_COAUTHORS ? sorted.slice(0, MAX_SUMMARY_COAUTHORS) : sorted,
    categories: Object.fromEntries(p.categories),
    topics: Object.fromEntries(p.topics.size > MAX_SUMMARY_TOPICS ? heaviest(p.topics, MAX_SUMMARY_TOPICS) : p.topics),
    yearMin: p.yearMin,
    yearMax: p.yearMax,
    mentions: p.mentions,
  };
  if (withRefs) s.mentionRefs = [...p.refs];
  return s;
}
