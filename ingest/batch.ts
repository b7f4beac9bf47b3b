// Pure: a batch of validated papers (with their topics) → the parameter lists of the ingest Cypher queries.
import neo4j from 'neo4j-driver';
import { authorId } from './authors/identity.js';
import { mentionKey } from './authors/persons.js';
import type { PaperRecord } from './record.js';
import { contributionProps } from './topic-frequencies.js';
import type { DfContribution } from './topics/frequencies.js';

export interface TopicAssignment {
  id: string;
  name: string;
  /** 0..1 */
  score: number;
  source: 'extracted' | 'openalex';
}

export interface WritablePaper {
  record: PaperRecord;
  topics: TopicAssignment[];
  /**
   * What the paper adds to the graph's topic document frequencies (its extracted candidates); null or absent: the
   * paper is not counted (a count it had before is taken out).
   */
  contribution?: DfContribution | null;
}

export interface CategoryInfo {
  name: string | null;
  archive: string | null;
}

/**
 * One paper row of the write query: its properties and all of its links, so the paper is looked up once and its
 * relationships are created next to it (no second lookup of the paper per link).
 */
export interface PaperRow {
  id: string;
  props: Record<string, unknown>;
  authored: { author: string; position: ReturnType<typeof neo4j.int>; asWritten: string }[];
  inCategory: { code: string; primary: boolean }[];
  hasTopic: { topic: string; score: number; source: string }[];
}

export interface BatchParams {
  papers: PaperRow[];
  categories: { code: string; name: string | null; archive: string | null }[];
  topics: { id: string; name: string }[];
  /** Relationship counts of the batch (what the write query creates). */
  links: { authored: number; inCategory: number; hasTopic: number };
  cites: { from: string; to: string; openalexId: string | null }[];
  /** Papers that carry an OpenAlex id, for absorbing citation stubs. */
  openalexPapers: { id: string; openalexId: string }[];
  /** Each paper's topic document-frequency contribution (null: not counted), for the frequency deltas. */
  contributions: Map<string, DfContribution | null>;
}

/** Paper properties as stored: integers as Neo4j integers, absent optionals as null (so a re-ingest clears them). */
function paperProps(r: PaperRecord, contribution: DfContribution | null): Record<string, unknown> {
  return {
    ...contributionProps(contribution),
    title: r.title,
    abstract: r.abstract,
    published: r.published,
    year: r.year === null ? null : neo4j.int(r.year),
    datePrecision: r.datePrecision,
    hasCode: r.hasCode,
    url: r.url ?? null,
    doi: r.doi ?? null,
    arxivId: r.arxivId ?? null,
    openalexId: r.openalexId ?? null,
    source: r.source,
    authorsTruncated: r.authorsTruncated,
    authorCount: neo4j.int(r.authors.length),
    // Also stored as the IN_CATEGORY {primary: true} edge; kept on the paper so graph queries read one property
    // instead of expanding the edge for every paper they touch.
    primaryCategory: r.categories[0] ?? null,
  };
}

/**
 * Builds the query parameters for one batch. Categories and topics are de-duplicated within the batch; a paper that
 * appears twice in one batch keeps its last version (the upsert semantics of a re-ingest). `authorOf` names the person
 * of each mention (by mentionKey, from the identity model); without it, authors are keyed by source id or name
 * (authorId), which only the bulk stage's first pass uses before identities are resolved.
 */
export function buildBatch(
  batch: WritablePaper[],
  describeCategory: (code: string) => CategoryInfo,
  authorOf?: ReadonlyMap<string, string>,
): BatchParams {
  const lastById = new Map<string, WritablePaper>();
  for (const p of batch) lastById.set(p.record.id, p);

  const out: BatchParams = {
    papers: [],
    categories: [],
    topics: [],
    links: { authored: 0, inCategory: 0, hasTopic: 0 },
    cites: [],
    openalexPapers: [],
    contributions: new Map(),
  };
  const categories = new Map<string, BatchParams['categories'][number]>();
  const topics = new Map<string, BatchParams['topics'][number]>();

  for (const { record: r, topics: paperTopics, contribution } of lastById.values()) {
    const row: PaperRow = { id: r.id, props: paperProps(r, contribution ?? null), authored: [], inCategory: [], hasTopic: [] };
    out.contributions.set(r.id, contribution ?? null);
    out.papers.push(row);
    if (r.openalexId) out.openalexPapers.push({ id: r.id, openalexId: r.openalexId });

    r.authors.forEach((a, i) => {
      const id = authorOf ? authorOf.get(mentionKey(r.id, i)) : authorId(a);
      if (id === undefined) throw new Error(`Internal error: no person for author ${i + 1} of paper ${r.id}`);
      row.authored.push({ author: id, position: neo4j.int(i + 1), asWritten: a.asWritten });
    });

    const seenCodes = new Set<string>();
    r.categories.forEach((code, i) => {
      if (seenCodes.has(code)) return;
      seenCodes.add(code);
      if (!categories.has(code)) {
        const info = describeCategory(code);
        categories.set(code, { code, name: info.name, archive: info.archive });
      }
      row.inCategory.push({ code, primary: i === 0 });
    });

    const seenTopics = new Set<string>();
    for (const t of paperTopics) {
      if (seenTopics.has(t.id)) continue;
      seenTopics.add(t.id);
      if (!topics.has(t.id)) topics.set(t.id, { id: t.id, name: t.name });
      row.hasTopic.push({ topic: t.id, score: t.score, source: t.source });
    }
    out.links.authored += row.authored.length;
    out.links.inCategory += row.inCategory.length;
    out.links.hasTopic += row.hasTopic.length;

    for (const to of new Set(r.cites)) {
      if (to === r.id) continue;
      const w = /^openalex:(W\d+)$/.exec(to);
      out.cites.push({ from: r.id, to, openalexId: w?.[1] ?? null });
    }
  }
  out.categories = [...categories.values()];
  out.topics = [...topics.values()];
  return out;
}
