// Writes batches into Neo4j: one managed write transaction per batch (all-or-nothing, transient errors retried).
import neo4j from 'neo4j-driver';
import { cypher } from '../cypher/index.js';
import type { Graph } from '../db/graph.js';
import { suggestionReason } from './authors/identity.js';
import { buildBatch, type CategoryInfo, type WritablePaper } from './batch.js';

export interface CreatedMatched {
  created: number;
  matched: number;
}

export interface WriteCounts {
  papers: CreatedMatched;
  authors: CreatedMatched;
  categories: CreatedMatched;
  topics: CreatedMatched;
  authored: number;
  citations: number;
  stubs: number;
  /** MAYBE_SAME_AS pairs (re)written for the names in this batch. */
  suggestions: number;
}

export function emptyCounts(): WriteCounts {
  return {
    papers: { created: 0, matched: 0 },
    authors: { created: 0, matched: 0 },
    categories: { created: 0, matched: 0 },
    topics: { created: 0, matched: 0 },
    authored: 0,
    citations: 0,
    stubs: 0,
    suggestions: 0,
  };
}

/** Adds `b` into `a` in place. */
export function addCounts(a: WriteCounts, b: WriteCounts): WriteCounts {
  for (const k of ['papers', 'authors', 'categories', 'topics'] as const) {
    a[k].created += b[k].created;
    a[k].matched += b[k].matched;
  }
  a.authored += b.authored;
  a.citations += b.citations;
  a.stubs += b.stubs;
  a.suggestions += b.suggestions;
  return a;
}

/** Most authors one loose name key may have before pairwise merge suggestions stop being useful. */
export const MAX_SUGGESTION_GROUP = 25;
/** Papers with more authors than this are no evidence of who knows whom (hyperauthorship). */
export const MAX_EVIDENCE_AUTHORS = 50;

export class GraphWriter {
  constructor(
    private readonly graph: Graph,
    private readonly describeCategory: (code: string) => CategoryInfo,
  ) {}

  /** Writes one batch of whole papers in a single transaction and then refreshes merge suggestions for its names. */
  async writeBatch(batch: WritablePaper[]): Promise<WriteCounts> {
    const p = buildBatch(batch, this.describeCategory);
    const counts = emptyCounts();
    let newAuthorIds: string[] = [];
    await this.graph.transaction(neo4j.session.WRITE, async (tx) => {
      // The work function may be retried after a transient error: it recomputes every count from scratch.
      const c = emptyCounts();
      const created = async (name: string, params: Record<string, unknown>) =>
        (await tx.run(cypher(name), params)).summary.counters.updates();
      const papers = await created('ingest/merge-papers', { papers: p.papers });
      c.papers = { created: papers.nodesCreated, matched: p.papers.length - papers.nodesCreated };
      const authorsRun = await tx.run(cypher('ingest/merge-authors'), { authors: p.authors });
      newAuthorIds = (authorsRun.records[0]?.get('newIds') as string[] | undefined) ?? [];
      const createdAuthors = authorsRun.summary.counters.updates().nodesCreated;
      c.authors = { created: createdAuthors, matched: p.authors.length - createdAuthors };
      c.authored = (await created('ingest/link-authors', { authored: p.authored })).relationshipsCreated;
      const cats = await created('ingest/merge-categories', { categories: p.categories, inCategory: p.inCategory });
      c.categories = { created: cats.nodesCreated, matched: p.categories.length - cats.nodesCreated };
      const topics = await created('ingest/merge-topics', { topics: p.topics, hasTopic: p.hasTopic });
      c.topics = { created: topics.nodesCreated, matched: p.topics.length - topics.nodesCreated };
      if (p.openalexPapers.length > 0) await created('ingest/absorb-stubs', { papers: p.openalexPapers });
      if (p.cites.length > 0) {
        const cites = await created('ingest/link-citations', { cites: p.cites });
        c.citations = cites.relationshipsCreated;
        c.stubs = cites.nodesCreated;
      }
      Object.assign(counts, c);
    });
    counts.suggestions = await this.refreshSuggestions(newAuthorIds);
    return counts;
  }

  /**
   * Finds authors sharing a loose name key with the given new authors and stores each pair as a MAYBE_SAME_AS
   * suggestion with its evidence. Pairs of two authors already in the graph were checked when the later one arrived.
   */
  async refreshSuggestions(newAuthorIds: string[]): Promise<number> {
    if (newAuthorIds.length === 0) return 0;
    const rows = await this.graph.read('ingest/suggestion-candidates', {
      newIds: newAuthorIds,
      maxGroup: neo4j.int(MAX_SUGGESTION_GROUP),
      maxAuthorsPerPaper: neo4j.int(MAX_EVIDENCE_AUTHORS),
    });
    if (rows.length === 0) return 0;
    // Stored once per pair, from the smaller id to the larger (two new authors of one batch find each other twice).
    const byPair = new Map<string, Record<string, unknown>>();
    for (const r of rows) {
      const [a, b] = String(r.a) < String(r.b) ? [String(r.a), String(r.b)] : [String(r.b), String(r.a)];
      byPair.set(`${a}|${b}`, {
        a,
        b,
        reason: suggestionReason(String(r.aName), String(r.bName)),
        sharedCoauthors: r.sharedCoauthors,
        sharedCategories: r.sharedCategories,
      });
    }
    const pairs = [...byPair.values()];
    await this.graph.write('ingest/merge-suggestions', { pairs });
    return pairs.length;
  }
}
