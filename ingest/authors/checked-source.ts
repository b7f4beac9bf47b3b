// The identity inputs of a batch, read from the graph before its write transaction and checked again inside it: the
// model's CPU-bound work runs outside the transaction, so a second ingest writing the same names meanwhile could have
// committed persons the first one did not see. Inside the transaction (after the batch took the graph-version lock,
// which orders every writer) the reads are repeated; when they differ, the batch's identity is resolved again there.
import type { ManagedTransaction } from 'neo4j-driver';
import type { QueryName, RowOf } from '../../cypher/rows.js';
import { rows, type Graph, type Row } from '../../db/graph.js';
import type { PersonSummary } from '../identity/index.js';
import { parseSummary, type PersonLookup } from './persons.js';
import type { IdentitySource, StoredAuthorship } from './resolve.js';

/** Runs a named read query and returns its parsed rows (a Graph's own read transaction, or a running transaction). */
export type Reader = <N extends QueryName>(name: N, params: Row) => Promise<RowOf<N>[]>;

export const graphReader =
  (graph: Graph): Reader =>
  (name, params) =>
    graph.read(name, params);

export const txReader =
  (tx: ManagedTransaction): Reader =>
  (name, params) =>
    rows(tx, name, params);

/** The identity model's inputs, read with `read` (cypher/identity; rows parsed with their schemas in cypher/rows.ts). */
export function identitySource(read: Reader): IdentitySource {
  return {
    async authorship(paperIds) {
      const out = new Map<string, StoredAuthorship>();
      for (const r of await read('identity/paper-authorship', { ids: paperIds })) {
        out.set(`${r.paper}#${r.position - 1}`, { author: r.author, asWritten: r.asWritten });
      }
      return out;
    },
    async persons(lookup: PersonLookup) {
      const found = await read('identity/block-persons', { blocks: lookup.blocks, orcids: lookup.orcids, openalexIds: lookup.openalexIds });
      return found.map((r) => parseSummary(r.id, r.summary));
    },
    async takenIds(lookup: PersonLookup) {
      const [row] = await read('identity/taken-ids', { blocks: lookup.blocks, ids: lookup.candidateIds });
      return row?.ids ?? [];
    },
  };
}

/** A read and its answer, kept as returned (the model only reads them); compared only if another writer committed. */
type Read =
  | { kind: 'authorship'; paperIds: string[]; answer: Map<string, StoredAuthorship> }
  | { kind: 'persons'; lookup: PersonLookup; answer: PersonSummary[] }
  | { kind: 'takenIds'; lookup: PersonLookup; answer: string[] };

/** An answer in a form two reads can be compared by (order-free where the query's order is not guaranteed). */
const canonical = {
  authorship: (m: Map<string, StoredAuthorship>) => JSON.stringify([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  persons: (p: unknown[]) => JSON.stringify(p),
  takenIds: (ids: string[]) => JSON.stringify([...ids].sort()),
};

/**
 * An IdentitySource that keeps what it read, so the same reads can be repeated and compared later. The answers are
 * put in comparable form only when compared: with one writer that never happens, and a batch's persons can be megabytes.
 */
export class RecordingSource implements IdentitySource {
  private readonly reads: Read[] = [];

  constructor(private readonly inner: IdentitySource) {}

  async authorship(paperIds: string[]): Promise<Map<string, StoredAuthorship>> {
    const answer = await this.inner.authorship(paperIds);
    this.reads.push({ kind: 'authorship', paperIds, answer });
    return answer;
  }

  async persons(lookup: PersonLookup): Promise<PersonSummary[]> {
    const answer = await this.inner.persons(lookup);
    this.reads.push({ kind: 'persons', lookup, answer });
    return answer;
  }

  async takenIds(lookup: PersonLookup): Promise<string[]> {
    const answer = await this.inner.takenIds(lookup);
    this.reads.push({ kind: 'takenIds', lookup, answer });
    return answer;
  }

  /** True when `source` answers every read made so far as it was answered then. */
  async sameFrom(source: IdentitySource): Promise<boolean> {
    for (const r of this.reads) {
      const same =
        r.kind === 'authorship'
          ? canonical.authorship(await source.authorship(r.paperIds)) === canonical.authorship(r.answer)
          : r.kind === 'persons'
            ? canonical.persons(await source.persons(r.lookup)) === canonical.persons(r.answer)
            : canonical.takenIds(await source.takenIds(r.lookup)) === canonical.takenIds(r.answer);
      if (!same) return false;
    }
    return true;
  }
}
