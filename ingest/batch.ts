// Pure: a batch of validated papers (with their topics) → the parameter lists of the ingest Cypher queries.
import neo4j from 'neo4j-driver';
import { authorId, looseNameKey, nameKey } from './authors/identity.js';
import type { PaperRecord } from './record.js';

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
}

export interface CategoryInfo {
  name: string | null;
  archive: string | null;
}

export interface BatchParams {
  papers: { id: string; props: Record<string, unknown> }[];
  authors: { id: string; name: string; key: string; looseKey: string; orcid: string | null; openalexId: string | null }[];
  authored: { paper: string; author: string; position: ReturnType<typeof neo4j.int>; asWritten: string }[];
  categories: { code: string; name: string | null; archive: string | null }[];
  inCategory: { paper: string; code: string; primary: boolean }[];
  topics: { id: string; name: string }[];
  hasTopic: { paper: string; topic: string; score: number; source: string }[];
  cites: { from: string; to: string; openalexId: string | null }[];
  /** Papers that carry an OpenAlex id, for absorbing citation stubs. */
  openalexPapers: { id: string; openalexId: string }[];
}

/** Paper properties as stored: integers as Neo4j integers, absent optionals as null (so a re-ingest clears them). */
function paperProps(r: PaperRecord): Record<string, unknown> {
  return {
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
  };
}

/**
 * Builds the query parameters for one batch. Authors and categories are de-duplicated within the batch; a paper that
 * appears twice in one batch keeps its last version (the upsert semantics of a re-ingest).
 */
export function buildBatch(batch: WritablePaper[], describeCategory: (code: string) => CategoryInfo): BatchParams {
  const lastById = new Map<string, WritablePaper>();
  for (const p of batch) lastById.set(p.record.id, p);

  const out: BatchParams = {
    papers: [],
    authors: [],
    authored: [],
    categories: [],
    inCategory: [],
    topics: [],
    hasTopic: [],
    cites: [],
    openalexPapers: [],
  };
  const authors = new Map<string, BatchParams['authors'][number]>();
  const categories = new Map<string, BatchParams['categories'][number]>();
  const topics = new Map<string, BatchParams['topics'][number]>();

  for (const { record: r, topics: paperTopics } of lastById.values()) {
    out.papers.push({ id: r.id, props: paperProps(r) });
    if (r.openalexId) out.openalexPapers.push({ id: r.id, openalexId: r.openalexId });

    r.authors.forEach((a, i) => {
      const id = authorId(a);
      if (!authors.has(id)) {
        authors.set(id, {
          id,
          name: a.name,
          key: nameKey(a.name),
          looseKey: looseNameKey(a.name, a.given, a.family),
          orcid: a.orcid ?? null,
          openalexId: a.openalexId ?? null,
        });
      }
      out.authored.push({ paper: r.id, author: id, position: neo4j.int(i + 1), asWritten: a.asWritten });
    });

    const seenCodes = new Set<string>();
    r.categories.forEach((code, i) => {
      if (seenCodes.has(code)) return;
      seenCodes.add(code);
      if (!categories.has(code)) {
        const info = describeCategory(code);
        categories.set(code, { code, name: info.name, archive: info.archive });
      }
      out.inCategory.push({ paper: r.id, code, primary: i === 0 });
    });

    const seenTopics = new Set<string>();
    for (const t of paperTopics) {
      if (seenTopics.has(t.id)) continue;
      seenTopics.add(t.id);
      if (!topics.has(t.id)) topics.set(t.id, { id: t.id, name: t.name });
      out.hasTopic.push({ paper: r.id, topic: t.id, score: t.score, source: t.source });
    }

    for (const to of new Set(r.cites)) {
      if (to === r.id) continue;
      const w = /^openalex:(W\d+)$/.exec(to);
      out.cites.push({ from: r.id, to, openalexId: w ? w[1]! : null });
    }
  }
  out.authors = [...authors.values()];
  out.categories = [...categories.values()];
  out.topics = [...topics.values()];
  return out;
}
