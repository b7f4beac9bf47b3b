// Pure: what both write paths store for the identity model (ingest/identity): the mentions of a batch, which stored
// persons a batch reads, and the node, edge and proposal properties written from an IdentityResult.
//
// The transactional writer (ingest/writer.ts) and the bulk stage (ingest/bulk/identity.ts) call these same functions, so
// the two paths take the same decisions from the same inputs and store them in the same form.
import { createHash } from 'node:crypto';
import {
  blockOfMention,
  mentionsOfRecord,
  preferredId,
  type IdentityResult,
  type Mention,
  type PersonSummary,
  type Suggestion,
} from '../identity/index.js';
import type { WritablePaper } from '../batch.js';

export { mentionAt } from '../identity/index.js';
import { looseNameKey, nameKey } from './identity.js';

/** One mention of a batch with the block it falls into. */
export interface BatchMention {
  mention: Mention;
  block: string;
  /** The name exactly as the source wrote it (kept on the AUTHORED edge; decides whether a re-ingested mention is kept). */
  asWritten: string;
}

/**
 * The mentions of a batch of papers, in the order the writer places them: papers in batch order (a paper repeated in
 * the batch keeps its first place and its last version, as buildBatch writes it), authors in list order.
 */
export function batchMentions(batch: WritablePaper[]): BatchMention[] {
  const lastById = new Map<string, WritablePaper>();
  for (const p of batch) lastById.set(p.record.id, p);
  const out: BatchMention[] = [];
  for (const { record, topics } of lastById.values()) {
    const mentions = mentionsOfRecord(record, topics.map((t) => t.id));
    mentions.forEach((m, i) => out.push({ mention: m, block: blockOfMention(m), asWritten: record.authors[i]?.asWritten ?? m.name }));
  }
  return out;
}


/** `paperId#position` (0-based) of a mention. */
export function mentionKey(paperId: string, position: number): string {
  return `${paperId}#${position}`;
}

/** What a batch asks the graph for: the persons of its blocks and source ids, and the ids already taken. */
export interface PersonLookup {
  blocks: string[];
  orcids: string[];
  openalexIds: string[];
  /** The ids new persons of these mentions would take first (preferredId): taken when any node already has one. */
  candidateIds: string[];
}

export function personLookup(mentions: Mention[]): PersonLookup {
  const blocks = new Set<string>();
  const orcids = new Set<string>();
  const openalexIds = new Set<string>();
  const candidateIds = new Set<string>();
  for (const m of mentions) {
    blocks.add(blockOfMention(m));
    if (m.orcid) orcids.add(m.orcid);
    if (m.openalexId) openalexIds.add(m.openalexId);
    candidateIds.add(preferredId(m));
  }
  return { blocks: [...blocks].sort(), orcids: [...orcids].sort(), openalexIds: [...openalexIds].sort(), candidateIds: [...candidateIds].sort() };
}

/**
 * Whether a stored person is read for a lookup: its home block (blocks[0]) or, for a person known under several family
 * names, any of its blocks is one of the lookup's; or its first ORCID / OpenAlex id (the indexed ones) is. This is
 * exactly what cypher/identity/block-persons.cypher matches.
 */
export function personMatches(p: PersonSummary, lookup: { blocks: Set<string>; orcids: Set<string>; openalexIds: Set<string> }): boolean {
  if (p.blocks.some((b) => lookup.blocks.has(b))) return true;
  const orcid = p.orcids[0];
  if (orcid !== undefined && lookup.orcids.has(orcid)) return true;
  const oa = p.openalexIds[0];
  return oa !== undefined && lookup.openalexIds.has(oa);
}

/** The stored form of a person's summary (the `summary` property): everything but its id and mention list. */
export function summaryJson(p: PersonSummary): string {
  const { id: _id, mentionRefs: _refs, ...rest } = p;
  return JSON.stringify(rest);
}

/** A stored summary back into a PersonSummary. */
export function parseSummary(id: string, json: string): PersonSummary {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (err) {
    throw new Error(`Author ${id}: stored identity summary is not JSON (${(err as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as PersonSummary).blocks)) {
    throw new Error(`Author ${id}: stored identity summary has no blocks`);
  }
  return { ...(parsed as Omit<PersonSummary, 'id'>), id };
}

/** Properties of an Author node, all derived from its summary (so both paths store the same values). */
export interface AuthorProps {
  name: string;
  key: string;
  looseKey: string;
  orcid: string | null;
  openalexId: string | null;
  /** Home block (indexed): blocks[0]. */
  block: string;
  blocks: string[];
  mentions: number;
  summary: string;
}

export function authorProps(p: PersonSummary): AuthorProps {
  const first = p.names[0] ?? { given: '', family: p.id };
  const name = `${first.given} ${first.family}`.trim();
  return {
    name,
    key: nameKey(name),
    looseKey: looseNameKey(name, first.given, first.family),
    orcid: p.orcids[0] ?? null,
    openalexId: p.openalexIds[0] ?? null,
    block: p.blocks[0] ?? '',
    blocks: p.blocks,
    mentions: p.mentions,
    summary: summaryJson(p),
  };
}

/** A person known under several family names carries this extra label (found by any of its blocks). */
export const SPANS_BLOCKS_LABEL = 'SpansBlocks';

/** A suggestion's evidence as stored, on a variant edge and on a split proposal alike. */
interface EvidenceRow {
  reason: string;
  score: number;
  nameMatch: string;
  sharedCoauthors: string[];
  sharedCategories: string[];
  sharedTopics: string[];
}

/** Properties of a MAYBE_SAME_AS edge (a variant suggestion), stored from the lower id to the higher. */
export interface VariantRow extends EvidenceRow {
  a: string;
  b: string;
}

/** A split proposal: the mentions `part` of `person` may be someone else. */
export interface SplitRow extends EvidenceRow {
  id: string;
  person: string;
  /** `paperId#position` (0-based) of each mention. */
  part: string[];
}

function evidenceProps(s: Suggestion) {
  return {
    reason: s.reason,
    score: s.evidence.score,
    nameMatch: s.evidence.nameMatch,
    sharedCoauthors: [...s.evidence.sharedCoauthors],
    sharedCategories: [...s.evidence.sharedCategories],
    sharedTopics: [...s.evidence.sharedTopics],
  };
}

/** A split proposal's id: derived from the person and the mentions it would take away (a rerun gives the same id). */
export function splitId(person: string, part: string[]): string {
  return `split:${createHash('sha1').update(`${person}\u0000${[...part].sort().join('\u0000')}`).digest('hex').slice(0, 16)}`;
}

/** The suggestions of a result as rows, variants once per pair (lower id first; the last evidence wins). */
export function suggestionRows(suggestions: IdentityResult['suggestions']): { variants: VariantRow[]; splits: SplitRow[] } {
  const variants = new Map<string, VariantRow>();
  const splits = new Map<string, SplitRow>();
  for (const s of suggestions) {
    if (s.kind === 'variant') {
      const [a, b] = s.a < s.b ? [s.a, s.b] : [s.b, s.a];
      if (a === b) continue;
      variants.set(`${a}|${b}`, { a, b, ...evidenceProps(s) });
    } else {
      const part = s.part.map((r) => mentionKey(r.paperId, r.position));
      const id = splitId(s.person, part);
      splits.set(id, { id, person: s.person, part: [...part].sort(), ...evidenceProps(s) });
    }
  }
  return { variants: [...variants.values()], splits: [...splits.values()] };
}
