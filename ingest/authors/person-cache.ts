// The persons one writer has read or written, kept from one batch to the next while the graph stays at the version
// that writer committed last: consecutive batches of one ingest touch the same name blocks, and reading every person of
// those blocks again (summaries of kilobytes each) would cost more than the batch's own writes.
import { summaryProfile, type PersonSummary, type Profile } from '../identity/index.js';
import type { GraphVersion } from '../../db/summary/version.js';
import { personMatches, type PersonLookup } from './persons.js';
import type { IdentitySource, ResolvedBatch } from './resolve.js';

/**
 * Persons held at most; past it the cache starts over empty (the next batches read what they need again). Bounds the
 * writer's memory: a person's parsed summary and profile take a few kilobytes.
 */
export const MAX_CACHED_PERSONS = 60_000;

function add(index: Map<string, Set<string>>, key: string, id: string): void {
  let ids = index.get(key);
  if (!ids) index.set(key, (ids = new Set()));
  ids.add(id);
}

/**
 * Valid only for one graph version: `at` drops everything when the graph is at another version than the cache was
 * last brought to (another writer, a curation decision or a failed batch changed or may have changed the persons).
 */
export class PersonCache {
  private version: GraphVersion | null = null;
  private readonly persons = new Map<string, PersonSummary>();
  /** Person ids by each of their blocks, and by their first ORCID / OpenAlex id (what block-persons.cypher matches). */
  private readonly byBlock = new Map<string, Set<string>>();
  private readonly byOrcid = new Map<string, Set<string>>();
  private readonly byOpenalexId = new Map<string, Set<string>>();
  /** Keys whose persons are all held (read from the graph at this version, then kept up to date by `committed`). */
  private readonly loaded = { blocks: new Set<string>(), orcids: new Set<string>(), openalexIds: new Set<string>() };
  /** Profiles of held summaries; a summary replaced by `committed` is a new object, so its old profile is never used. */
  private profiles = new WeakMap<PersonSummary, Profile>();

  /** Persons held now. */
  get size(): number {
    return this.persons.size;
  }

  /** Keeps what is held when the graph is at `v`, the version it was last brought to; otherwise starts over at `v`. */
  at(v: GraphVersion): void {
    if (this.version === null || this.version.version !== v.version || this.version.epoch !== v.epoch) this.clear();
    this.version = v;
  }

  clear(): void {
    this.version = null;
    this.persons.clear();
    this.byBlock.clear();
    this.byOrcid.clear();
    this.byOpenalexId.clear();
    for (const s of Object.values(this.loaded)) s.clear();
    this.profiles = new WeakMap();
  }

  private put(p: PersonSummary): void {
    this.remove(p.id);
    this.persons.set(p.id, p);
    for (const b of p.blocks) add(this.byBlock, b, p.id);
    const orcid = p.orcids[0];
    if (orcid !== undefined) add(this.byOrcid, orcid, p.id);
    const oa = p.openalexIds[0];
    if (oa !== undefined) add(this.byOpenalexId, oa, p.id);
  }

  private remove(id: string): void {
    const old = this.persons.get(id);
    if (!old) return;
    this.persons.delete(id);
    for (const b of old.blocks) this.byBlock.get(b)?.delete(id);
    const orcid = old.orcids[0];
    if (orcid !== undefined) this.byOrcid.get(orcid)?.delete(id);
    const oa = old.openalexIds[0];
    if (oa !== undefined) this.byOpenalexId.get(oa)?.delete(id);
  }

  /**
   * `inner` with its persons answered from the cache: only blocks and source ids not held yet are read from `inner`.
   * The answer is what `inner` would give for the whole lookup (block-persons.cypher: matching persons, by id).
   */
  source(inner: IdentitySource): IdentitySource {
    return {
      authorship: (paperIds) => inner.authorship(paperIds),
      takenIds: (lookup) => inner.takenIds(lookup),
      persons: async (lookup: PersonLookup) => {
        const missing: PersonLookup = {
          blocks: lookup.blocks.filter((b) => !this.loaded.blocks.has(b)),
          orcids: lookup.orcids.filter((o) => !this.loaded.orcids.has(o)),
          openalexIds: lookup.openalexIds.filter((o) => !this.loaded.openalexIds.has(o)),
          candidateIds: [],
        };
        if (missing.blocks.length + missing.orcids.length + missing.openalexIds.length > 0) {
          for (const p of await inner.persons(missing)) if (!this.persons.has(p.id)) this.put(p);
          for (const b of missing.blocks) this.loaded.blocks.add(b);
          for (const o of missing.orcids) this.loaded.orcids.add(o);
          for (const o of missing.openalexIds) this.loaded.openalexIds.add(o);
        }
        const ids = new Set<string>();
        for (const b of lookup.blocks) for (const id of this.byBlock.get(b) ?? []) ids.add(id);
        for (const o of lookup.orcids) for (const id of this.byOrcid.get(o) ?? []) ids.add(id);
        for (const o of lookup.openalexIds) for (const id of this.byOpenalexId.get(o) ?? []) ids.add(id);
        const sets = { blocks: new Set(lookup.blocks), orcids: new Set(lookup.orcids), openalexIds: new Set(lookup.openalexIds) };
        const out: PersonSummary[] = [];
        for (const id of [...ids].sort()) {
          const p = this.persons.get(id);
          if (p !== undefined && personMatches(p, sets)) out.push(p);
        }
        return out;
      },
      profileOf: (s) => {
        let p = this.profiles.get(s);
        if (p === undefined) this.profiles.set(s, (p = summaryProfile(s)));
        return p;
      },
    };
  }

  /**
   * The batch resolved from this cache's source committed and brought the graph to `v`: the persons it stored replace
   * theirs (the model changed the profiles of exactly those), the ids it retired are gone.
   */
  committed(v: GraphVersion, batch: ResolvedBatch): void {
    const result = batch.result;
    if (result) {
      for (const { mentionRefs: _refs, ...p } of result.persons) this.put(p);
      for (const r of result.retired) this.remove(r.id);
    }
    if (this.persons.size > MAX_CACHED_PERSONS) this.clear();
    this.version = v;
  }
}
