// Persons held in memory, found the way cypher/identity/block-persons.cypher finds them in the graph (personMatches),
// each with the profile the model builds from its summary kept until the summary is replaced. The transactional
// writer's cache (person-cache.ts) and the bulk load's per-group replay (ingest/bulk/identity.ts) both hold theirs here.
import { summaryProfile, type PersonSummary, type Profile } from '../identity/index.js';
import { personMatches, type PersonLookup } from './persons.js';

function add(index: Map<string, Set<string>>, key: string, id: string): void {
  let ids = index.get(key);
  if (!ids) index.set(key, (ids = new Set()));
  ids.add(id);
}

export class PersonIndex {
  private readonly persons = new Map<string, PersonSummary>();
  /** Person ids by each of their blocks, and by their first ORCID / OpenAlex id (what block-persons.cypher matches). */
  private readonly byBlock = new Map<string, Set<string>>();
  private readonly byOrcid = new Map<string, Set<string>>();
  private readonly byOpenalexId = new Map<string, Set<string>>();
  /** Profiles of held summaries; a replaced summary is a new object, so its old profile is never used again. */
  private profiles = new WeakMap<PersonSummary, Profile>();

  get size(): number {
    return this.persons.size;
  }

  get(id: string): PersonSummary | undefined {
    return this.persons.get(id);
  }

  has(id: string): boolean {
    return this.persons.has(id);
  }

  /** Persons in the order their ids were first put. */
  entries(): IterableIterator<[string, PersonSummary]> {
    return this.persons.entries();
  }

  /** Holds `p`, in place of the person with its id (which keeps its place in `entries`). */
  put(p: PersonSummary): void {
    this.unindex(p.id);
    this.persons.set(p.id, p);
    for (const b of p.blocks) add(this.byBlock, b, p.id);
    const orcid = p.orcids[0];
    if (orcid !== undefined) add(this.byOrcid, orcid, p.id);
    const oa = p.openalexIds[0];
    if (oa !== undefined) add(this.byOpenalexId, oa, p.id);
  }

  remove(id: string): void {
    this.unindex(id);
    this.persons.delete(id);
  }

  private unindex(id: string): void {
    const old = this.persons.get(id);
    if (!old) return;
    for (const b of old.blocks) this.byBlock.get(b)?.delete(id);
    const orcid = old.orcids[0];
    if (orcid !== undefined) this.byOrcid.get(orcid)?.delete(id);
    const oa = old.openalexIds[0];
    if (oa !== undefined) this.byOpenalexId.get(oa)?.delete(id);
  }

  clear(): void {
    this.persons.clear();
    this.byBlock.clear();
    this.byOrcid.clear();
    this.byOpenalexId.clear();
    this.profiles = new WeakMap();
  }

  /** The held persons a lookup matches (personMatches), by id: what block-persons.cypher returns for them. */
  matching(lookup: Pick<PersonLookup, 'blocks' | 'orcids' | 'openalexIds'>): PersonSummary[] {
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
  }

  /** The profile of a held summary, built once (ResolveOptions.profileOf). */
  readonly profileOf = (s: PersonSummary): Profile => {
    let p = this.profiles.get(s);
    if (p === undefined) this.profiles.set(s, (p = summaryProfile(s)));
    return p;
  };
}
