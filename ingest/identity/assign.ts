// Assignment: places mentions on persons block by block (incremental appends and bulk clustering share the scoring).
import { must } from '../../core/must.js';
import type { Assignment, Evidence, IdentityInput, IdentityResult, Mention, MentionRef, PersonSummary, Suggestion } from './model.js';
import { newPersonId } from './ids.js';
import { givenIndexKeys, mentionName } from './names.js';
import { mentionProfile, mergeInto, summaryProfile, toSummary, type Profile } from './profile.js';
import { blockStats, compare, joins, namesCompatible, WEIGHTS, type BlockStats } from './score.js';

/** A merge of two clusters scoring below WEIGHTS.joinAt + this is reported as a split proposal. */
export const SPLIT_MARGIN = 1;
/** Passes of the merge step (each merges the best-scoring pairs found; later passes see the merged evidence). */
const MERGE_PASSES = 6;
/**
 * Candidates a cluster is compared with in the merge step before the list is narrowed to those sharing a co-author
 * or collaborator with it (a very common name's block would otherwise cost a comparison per pair of its clusters).
 */
const MAX_MERGE_CANDIDATES = 64;

interface Cluster {
  /** Serial number in its block run (pair keys). */
  n: number;
  /** Existing id, or null until the end of the run. */
  id: string | null;
  profile: Profile;
  /** An existing person (its id is stable). */
  existing: boolean;
  /** First mention placed in it in this run (founds the id of a new person). */
  founder: Mention | null;
  touched: boolean;
  /** Set when merged into another cluster. */
  mergedInto: Cluster | null;
  /** Existing ids merged into this one (retired, redirect here). */
  absorbed: { id: string; reason: string }[];
}

interface Pending {
  a: Cluster;
  b: Cluster;
  kind: 'variant' | 'split';
  part?: MentionRef[];
  reason: string;
  evidence?: Evidence;
}

function live(c: Cluster): Cluster {
  while (c.mergedInto) c = c.mergedInto;
  return c;
}

function idKeys(p: Profile): string[] {
  return [...[...p.orcids].map((o) => `orcid:${o}`), ...[...p.openalexIds].map((o) => `openalex:${o}`)];
}

/** Union-find over block keys: blocks that share a source id are resolved together. */
class BlockUnion {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

interface Group {
  mentions: Mention[];
  persons: PersonSummary[];
  blocks: Set<string>;
}

function groupBlocks(input: IdentityInput): Map<string, Group> {
  const union = new BlockUnion();
  const byId = new Map<string, string>();
  const link = (block: string, ids: string[]) => {
    union.find(block);
    for (const id of ids) {
      const other = byId.get(id);
      if (other === undefined) byId.set(id, block);
      else union.union(block, other);
    }
  };
  const mentionBlocks = input.mentions.map((m) => ({ m, block: mentionName(m).block }));
  for (const { m, block } of mentionBlocks) {
    link(block, [...(m.orcid ? [`orcid:${m.orcid}`] : []), ...(m.openalexId ? [`openalex:${m.openalexId}`] : [])]);
  }
  // The schema gives every stored person at least one block; the first is where the person is grouped.
  const homeBlock = (p: IdentityInput['persons'][number]) => must(p.blocks[0], `name block of person ${p.id}`);
  for (const p of input.persons) {
    link(homeBlock(p), [...p.orcids.map((o) => `orcid:${o}`), ...p.openalexIds.map((o) => `openalex:${o}`)]);
    // A person known under two family names (joined by a source id) ties their blocks together.
    for (const b of p.blocks.slice(1)) union.union(homeBlock(p), b);
  }
  const groups = new Map<string, Group>();
  const group = (block: string) => {
    const root = union.find(block);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { mentions: [], persons: [], blocks: new Set() }));
    g.blocks.add(block);
    return g;
  };
  for (const { m, block } of mentionBlocks) group(block).mentions.push(m);
  for (const p of input.persons) group(homeBlock(p)).persons.push(p);
  return groups;
}

/** The state of one block group while its mentions are placed. */
class BlockRun {
  readonly clusters: Cluster[] = [];
  private readonly byInitial = new Map<string, Cluster[]>();
  /** Clusters by full first given name ("wei"), and by initial-only first given name under "w.". */
  private readonly byFirst = new Map<string, Cluster[]>();
  private readonly byId = new Map<string, Cluster>();
  readonly pending: Pending[] = [];
  readonly placed = new Map<Mention, { cluster: Cluster; basis: Assignment['basis']; score: number | null }>();

  constructor(readonly stats: BlockStats) {}

  add(c: Cluster): void {
    this.clusters.push(c);
    this.index(c);
  }

  /** A serial number for a new cluster. */
  next(): number {
    return this.clusters.length;
  }

  private static push(map: Map<string, Cluster[]>, key: string, c: Cluster): void {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    // Clusters are indexed again after each growth; the last entry is the usual repeat.
    if (list[list.length - 1] !== c && !list.includes(c)) list.push(c);
  }

  private index(c: Cluster): void {
    for (const f of c.profile.forms) {
      BlockRun.push(this.byInitial, (f.given[0] ?? '').slice(0, 1), c);
      for (const key of givenIndexKeys(f)) BlockRun.push(this.byFirst, key, c);
    }
    for (const k of idKeys(c.profile)) if (!this.byId.has(k)) this.byId.set(k, c);
  }

  /**
   * Clusters whose given names can match the profile's: a full name meets the same first name, its run-together
   * form ("Haona" / "Hao-Na") and initial-only spellings of its initial; an initial meets every name it begins.
   */
  private candidates(p: Profile): Cluster[] {
    const out = new Set<Cluster>(this.byInitial.get('') ?? []);
    for (const f of p.forms) {
      const first = f.given[0] ?? '';
      if (first === '') return this.clusters.filter((c) => !c.mergedInto);
      const lists = first.length > 1 ? [...givenIndexKeys(f).map((k) => this.byFirst.get(k)), this.byFirst.get(`${first[0]}.`)] : [this.byInitial.get(first)];
      for (const list of lists) for (const c of list ?? []) if (!c.mergedInto) out.add(c);
    }
    return [...out];
  }

  /** Merges `from` into `into`; an existing id merged away is retired with a redirect. */
  merge(into: Cluster, from: Cluster, reason: string): void {
    mergeInto(into.profile, from.profile);
    from.mergedInto = into;
    into.touched = true;
    if (from.existing && from.id) into.absorbed.push({ id: from.id, reason });
    into.absorbed.push(...from.absorbed);
    if (!into.founder) into.founder = from.founder;
    into.existing ||= from.existing;
    if (!into.id) into.id = from.id;
    this.index(into);
    for (const [k, c] of this.byId) if (c === from) this.byId.set(k, into);
  }

  /** Places one mention: a source id decides; else the best-scoring compatible person joins, or a new person starts. */
  place(m: Mention, p: Profile): void {
    const hits = [...new Set(idKeys(p).map((k) => this.byId.get(k)).filter((c): c is Cluster => c !== undefined).map(live))];
    const [target] = hits;
    if (target !== undefined) {
      const v = compare(target.profile, p, this.stats);
      if (v.kind !== 'cannot') {
        if (!namesCompatible(target.profile, p)) {
          // One source id, names that cannot be one person: the id decides, and the pair is offered for review.
          this.pending.push({ a: target, b: target, kind: 'split', part: [...p.refs], reason: `${v.kind === 'must' ? v.reason : 'same source id'} but incompatible given names`, evidence: v.evidence });
        }
        this.join(target, p, m, 'source-id', null);
        for (const other of hits.slice(1)) {
          const o = live(other);
          if (o !== live(target) && compare(live(target).profile, o.profile, this.stats).kind !== 'cannot') this.merge(live(target), o, 'same source id');
        }
        return;
      }
    }
    let best: { c: Cluster; v: Extract<ReturnType<typeof compare>, { kind: 'score' }> } | null = null;
    for (const c of this.candidates(p)) {
      const v = compare(c.profile, p, this.stats, false);
      if (v.kind === 'cannot') continue;
      if (v.kind === 'must') {
        this.join(c, p, m, 'source-id', v.evidence.score);
        return;
      }
      if (!best || v.evidence.score > best.v.evidence.score) best = { c, v };
    }
    if (best && joins(best.v)) {
      this.join(best.c, p, m, 'evidence', best.v.evidence.score);
      return;
    }
    const fresh = this.fresh(p, m);
    if (best && best.v.evidence.sharedCoauthors.length > 0) {
      const reason = best.v.rule ? `${best.v.rule.name} spelling` : 'shared co-authors, not enough to join';
      this.pending.push({ a: best.c, b: fresh, kind: 'variant', reason });
    }
  }

  private join(c: Cluster, p: Profile, m: Mention, basis: Assignment['basis'], score: number | null): void {
    mergeInto(c.profile, p);
    c.touched = true;
    if (!c.founder) c.founder = m;
    this.index(c);
    this.placed.set(m, { cluster: c, basis, score });
  }

  private fresh(p: Profile, m: Mention): Cluster {
    const c: Cluster = { n: this.next(), id: null, profile: p, existing: false, founder: m, touched: true, mergedInto: null, absorbed: [] };
    this.add(c);
    this.placed.set(m, { cluster: c, basis: 'new', score: null });
    return c;
  }

  /**
   * Agglomerative step: scores every pair of name-compatible clusters where one changed (in this run, then in the
   * previous pass), merges the best-scoring joinable pairs first (each cluster once per pass), and repeats with the
   * merged evidence, so a later mention can bridge two earlier ones and a person's clusters gather through each
   * other. A cluster with many candidates is compared only with those sharing a co-author or collaborator with it.
   * Weak joins become split proposals.
   */
  mergePass(): void {
    let dirty = this.clusters.filter((c) => !c.mergedInto && c.touched);
    for (let pass = 0; pass < MERGE_PASSES && dirty.length > 0; pass++) {
      let byCoauthor: Map<string, Cluster[]> | null = null;
      const near = (a: Cluster): Set<Cluster> => {
        if (!byCoauthor) {
          byCoauthor = new Map();
          for (const c of this.clusters) {
            if (c.mergedInto) continue;
            for (const k of c.profile.coauthors.keys()) BlockRun.push(byCoauthor, k, c);
            for (const k of c.profile.collaborators) BlockRun.push(byCoauthor, k, c);
          }
        }
        const out = new Set<Cluster>();
        for (const k of a.profile.coauthors.keys()) for (const c of byCoauthor.get(k) ?? []) out.add(c);
        for (const k of a.profile.collaborators) for (const c of byCoauthor.get(k) ?? []) out.add(c);
        return out;
      };
      const seen = new Set<number>();
      const pairs: { a: Cluster; b: Cluster; score: number }[] = [];
      for (const a of dirty) {
        if (a.mergedInto) continue;
        let list = this.candidates(a.profile);
        if (list.length > MAX_MERGE_CANDIDATES) {
          const close = near(a);
          list = list.filter((c) => close.has(c));
        }
        for (const b of list) {
          if (b === a) continue;
          const key = a.n < b.n ? a.n * 4194304 + b.n : b.n * 4194304 + a.n;
          if (seen.has(key)) continue;
          seen.add(key);
          const v = compare(a.profile, b.profile, this.stats, false);
          if (v.kind === 'score' && joins(v)) pairs.push({ a, b, score: v.evidence.score });
        }
      }
      if (pairs.length === 0) return;
      pairs.sort((x, y) => y.score - x.score || Math.min(x.a.n, x.b.n) - Math.min(y.a.n, y.b.n) || Math.max(x.a.n, x.b.n) - Math.max(y.a.n, y.b.n));
      const used = new Set<Cluster>();
      const next: Cluster[] = [];
      for (const { a, b, score } of pairs) {
        if (used.has(a) || used.has(b)) continue;
        used.add(a).add(b);
        // The survivor: an existing person over a new one, then the one with more mentions.
        const [into, from] = (b.existing && !a.existing) || (b.existing === a.existing && b.profile.mentions > a.profile.mentions) ? [b, a] : [a, b];
        if (score < WEIGHTS.joinAt + SPLIT_MARGIN && into.profile.mentions >= 2 && from.profile.mentions >= 2) {
          const v = compare(into.profile, from.profile, this.stats);
          const evidence = must(v.kind === 'score' ? v.evidence : null, 'the evidence of a weak join');
          this.pending.push({ a: into, b: into, kind: 'split', part: [...from.profile.refs], reason: 'joined on weak evidence', evidence });
        }
        this.merge(into, from, 'joined by evidence');
        next.push(into);
      }
      dirty = next;
    }
  }
}

export interface ResolveOptions {
  /**
   * The profile of a stored person (default: built from its summary each call). A caller that keeps persons in memory
   * across calls may cache them; the run mutates the profiles of the persons it touches, so the caller must drop the
   * cached profile of every person in the result's `persons` and `retired` before the next call.
   */
  profileOf?: (s: PersonSummary) => Profile;
}

/**
 * Places authorship mentions on persons. Incremental mode: existing persons keep their ids; each new mention joins
 * the best-scoring compatible person of its block or starts a new one. Bulk mode: the block is clustered from its
 * mentions alone, and existing persons that list their mentions (mentionRefs) pass their ids on by overlap (an id
 * whose mentions all went to another person is retired with a redirect). Both modes use one scoring (score.ts).
 *
 * `persons` must hold every person of the mentions' blocks (blockOfMention) and every person carrying one of their
 * source ids. Pure and deterministic: the same input gives the same output.
 */
export function resolveIdentities(input: IdentityInput, options: ResolveOptions = {}): IdentityResult {
  const profileOf = options.profileOf ?? summaryProfile;
  const result: IdentityResult = { assignments: [], persons: [], created: [], retired: [], suggestions: [] };
  const taken = new Set<string>([...(input.retiredIds ?? []), ...input.persons.map((p) => p.id)]);
  const order = new Map(input.mentions.map((m, i) => [m, i]));
  const assignments: { i: number; a: Assignment }[] = [];

  for (const [root, group] of [...groupBlocks(input)].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const seeds = group.persons.map((s) => ({ s, profile: profileOf(s) }));
    const mentionProfiles = group.mentions.map((m) => ({ m, profile: mentionProfile(m) }));
    const profiles = [...seeds.map((x) => x.profile), ...mentionProfiles.map((x) => x.profile)];
    const run = new BlockRun(blockStats(root, profiles));
    const reclustered = input.mode === 'bulk' ? seeds.filter((x) => x.s.mentionRefs !== undefined) : [];
    for (const x of seeds) {
      if (reclustered.includes(x)) continue;
      run.add({ n: run.next(), id: x.s.id, profile: x.profile, existing: true, founder: null, touched: false, mergedInto: null, absorbed: [] });
    }
    for (const { m, profile } of mentionProfiles) run.place(m, profile);
    run.mergePass();

    const alive = run.clusters.filter((c) => !c.mergedInto);
    if (reclustered.length > 0) carryIds(alive, reclustered.map((x) => x.s));
    for (const c of alive) {
      if (c.id === null) {
        c.id = newPersonId(must(c.founder, 'the founding mention of a new person'), taken);
        result.created.push(c.id);
      }
      taken.add(c.id);
      for (const a of c.absorbed) if (a.id !== c.id) result.retired.push({ id: a.id, redirectTo: c.id, reason: a.reason });
      if (c.touched) result.persons.push(toSummary(c.id, c.profile, input.mode === 'bulk'));
    }
    for (const [m, placed] of run.placed) {
      const i = order.get(m);
      if (i === undefined) throw new Error(`Internal error: input position of mention ${m.paperId}#${m.position} is missing`);
      assignments.push({ i, a: { paperId: m.paperId, position: m.position, personId: must(live(placed.cluster).id, `the person id of mention ${m.paperId}#${m.position}`), basis: placed.basis, score: placed.score } });
    }
    result.suggestions.push(...finishSuggestions(run));
  }
  result.assignments = assignments.sort((x, y) => x.i - y.i).map((x) => x.a);
  return result;
}

/**
 * Bulk mode: hands existing ids to the new clusters by mention overlap (largest overlap first, one id per cluster);
 * an existing id that lost all its mentions to clusters holding other ids is retired, redirecting where most went.
 */
function carryIds(alive: Cluster[], persons: PersonSummary[]): void {
  const owner = new Map<string, Cluster>();
  for (const c of alive) for (const r of c.profile.refs) owner.set(`${r.paperId}#${r.position}`, c);
  const overlaps: { person: PersonSummary; cluster: Cluster; n: number }[] = [];
  for (const person of persons) {
    const counts = new Map<Cluster, number>();
    for (const r of person.mentionRefs ?? []) {
      const c = owner.get(`${r.paperId}#${r.position}`);
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    for (const [cluster, n] of counts) overlaps.push({ person, cluster, n });
  }
  overlaps.sort((x, y) => y.n - x.n || (x.person.id < y.person.id ? -1 : 1));
  const given = new Set<string>();
  for (const o of overlaps) {
    if (given.has(o.person.id) || o.cluster.id !== null) continue;
    o.cluster.id = o.person.id;
    o.cluster.existing = true;
    given.add(o.person.id);
  }
  for (const person of persons) {
    if (given.has(person.id)) continue;
    const best = overlaps.find((o) => o.person === person);
    if (best) best.cluster.absorbed.push({ id: person.id, reason: 'its mentions were clustered with another person' });
  }
}

function finishSuggestions(run: BlockRun): Suggestion[] {
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  for (const s of run.pending) {
    const a = live(s.a);
    if (s.kind === 'split') {
      out.push({
        kind: 'split',
        person: must(a.id, 'the id of a person to split'),
        part: must(s.part, 'the part of a split suggestion'),
        reason: s.reason,
        evidence: must(s.evidence, 'the evidence of a split suggestion'),
      });
      continue;
    }
    const b = live(s.b);
    if (a === b) continue;
    const ids = [must(a.id, 'a suggested person id'), must(b.id, 'a suggested person id')] as const;
    const [x, y] = ids[0] < ids[1] ? [a, b] : [b, a];
    const [xId, yId] = ids[0] < ids[1] ? ids : [ids[1], ids[0]];
    const key = `${xId}|${yId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const v = compare(x.profile, y.profile, run.stats);
    if (v.kind === 'cannot') continue;
    out.push({ kind: 'variant', a: xId, b: yId, reason: s.reason, evidence: v.evidence });
  }
  return out;
}
