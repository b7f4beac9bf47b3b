// The persons one writer has read or written, kept from one batch to the next while the graph stays at the version
// that writer committed last: consecutive batches of one ingest touch the same name blocks, and reading every person of
// those blocks again (summaries of kilobytes each) would cost more than the batch's own writes.
import { sameVersion, type GraphVersion } from '../../db/summary/version.js';
import { PersonIndex } from './person-index.js';
import type { PersonLookup } from './persons.js';
import type { IdentitySource, ResolvedBatch } from './resolve.js';

/**
 * Persons held at most; past it the cache starts over empty (the next batches read what they need again). Bounds the
 * writer's memory: a person's parsed summary and profile take a few kilobytes.
 */
export const MAX_CACHED_PERSONS = 60_000;

/**
 * Valid only for one graph version: `at` drops everything when the graph is at another version than the cache was
 * last brought to (another writer, a curation decision or a failed batch changed or may have changed the persons).
 */
export class PersonCache {
  private version: GraphVersion | null = null;
  private readonly persons = new PersonIndex();
  /** Keys whose persons are all held (read from the graph at this version, then kept up to date by `committed`). */
  private readonly loaded = { blocks: new Set<string>(), orcids: new Set<string>(), openalexIds: new Set<string>() };

  /** Persons held now. */
  get size(): number {
    return this.persons.size;
  }

  /** Keeps what is held when the graph is at `v`, the version it was last brought to; otherwise starts over at `v`. */
  at(v: GraphVersion): void {
    if (!sameVersion(this.version, v)) this.clear();
    this.version = v;
  }

  clear(): void {
    this.version = null;
    this.persons.clear();
    for (const s of Object.values(this.loaded)) s.clear();
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
          for (const p of await inner.persons(missing)) if (!this.persons.has(p.id)) this.persons.put(p);
          for (const b of missing.blocks) this.loaded.blocks.add(b);
          for (const o of missing.orcids) this.loaded.orcids.add(o);
          for (const o of missing.openalexIds) this.loaded.openalexIds.add(o);
        }
        return this.persons.matching(lookup);
      },
      profileOf: this.persons.profileOf,
    };
  }

  /**
   * The batch resolved from this cache's source committed and brought the graph to `v`: the persons it stored replace
   * theirs (the model changed the profiles of exactly those), the ids it retired are gone.
   */
  committed(v: GraphVersion, batch: ResolvedBatch): void {
    const result = batch.result;
    if (result) {
      for (const { mentionRefs: _refs, ...p } of result.persons) this.persons.put(p);
      for (const r of result.retired) this.persons.remove(r.id);
    }
    if (this.persons.size > MAX_CACHED_PERSONS) this.clear();
    this.version = v;
  }
}
