// One batch through the identity model, the same steps on both write paths: keep the mentions a re-ingest repeats,
// read the persons of the other mentions' blocks, resolve, and say which person each mention of the batch belongs to.
// Where the persons come from is the caller's: the graph (ingest/writer.ts) or the bulk stage's memory
// (ingest/bulk/identity.ts).
import { resolveIdentities, type IdentityResult, type PersonSummary, type ResolveOptions } from '../identity/index.js';
import { mentionKey, personLookup, type BatchMention, type PersonLookup } from './persons.js';

/** An AUTHORED edge the graph holds for one of the batch's papers: who, and the name as written. */
export interface StoredAuthorship {
  author: string;
  asWritten: string;
}

/** Where a batch's identity inputs are read from. */
export interface IdentitySource {
  /** The authorship edges the graph holds now for these papers, by mentionKey (0-based position). */
  authorship(paperIds: string[]): Promise<Map<string, StoredAuthorship>>;
  /** The persons a lookup matches (see personMatches). */
  persons(lookup: PersonLookup): Promise<PersonSummary[]>;
  /** Ids no new person may take: retired ids of the lookup's blocks, and any node's id among its candidate ids. */
  takenIds(lookup: PersonLookup): Promise<string[]>;
  /** A cached profile of a person it returned (see ResolveOptions.profileOf); absent: built from the summary. */
  profileOf?: ResolveOptions['profileOf'];
}

export interface ResolvedBatch {
  /** The person of every mention of the batch, by mentionKey. */
  authorOf: Map<string, string>;
  /** Null when every mention repeated a stored one (nothing was resolved). */
  result: IdentityResult | null;
  /** Mentions that repeated a stored one (same paper, position and name as written) and kept their person. */
  kept: number;
}

/**
 * Places a batch's mentions. A mention whose paper already has an AUTHORED edge at its position with the same name as
 * written keeps that edge's person (re-ingesting a file changes nothing); the others are resolved in one
 * incremental call with the persons of their blocks. A kept mention whose person is retired in this batch follows
 * the redirect.
 */
export async function resolveBatch(mentions: BatchMention[], source: IdentitySource): Promise<ResolvedBatch> {
  const authorOf = new Map<string, string>();
  if (mentions.length === 0) return { authorOf, result: null, kept: 0 };
  const stored = await source.authorship([...new Set(mentions.map((m) => m.mention.paperId))]);
  const toPlace = [];
  let kept = 0;
  for (const m of mentions) {
    const key = mentionKey(m.mention.paperId, m.mention.position);
    const s = stored.get(key);
    if (s !== undefined && s.asWritten === m.asWritten) {
      authorOf.set(key, s.author);
      kept++;
    } else {
      toPlace.push(m.mention);
    }
  }
  if (toPlace.length === 0) return { authorOf, result: null, kept };
  const lookup = personLookup(toPlace);
  const [persons, taken] = await Promise.all([source.persons(lookup), source.takenIds(lookup)]);
  const result = resolveIdentities({ mentions: toPlace, persons, retiredIds: taken, mode: 'incremental' }, { profileOf: source.profileOf });
  const redirect = new Map(result.retired.map((r) => [r.id, r.redirectTo]));
  for (const [key, author] of authorOf) {
    const to = redirect.get(author);
    if (to !== undefined) authorOf.set(key, to);
  }
  for (const a of result.assignments) authorOf.set(mentionKey(a.paperId, a.position), a.personId);
  return { authorOf, result, kept };
}
