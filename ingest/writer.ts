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

export class GraphWriter {
  constructor(
    private readonly graph: Graph,
    private readonly describeCategory: (code: string) => CategoryInfo,
  ) {}

  /** Writes one batch of whole papers in a single transaction and then refreshes merge suggestions for its names. */
  async writeBatch(batch: WritablePaper[]): Promise<WriteCounts> {
    const p = buildBatch(batch, this.describeCategory);
    const counts = emptyCounts();
    await this.graph.transaction(neo4j.session.WRITE, async (tx) => {
      // The work function may be retried after a transient error: it recomputes every count from scratch.
      const c = emptyCounts();
      const created = async (name: string, params: Record<string, unknown>) =>
        (await tx.run(cypher(name), params)).summary.counters.updates();
      const papers = await created('ingest/merge-papers', { papers: p.papers });
      c.papers = { created: papers.nodesCreated, matched: p.papers.length - papers.nodesCreated };
      const authors = await created('ingest/merge-authors', { authors: p.authors });
      c.authors = { created: authors.nodesCreated, matched: p.authors.length - authors.nodesCreated };
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
    counts.suggestions = await this.refreshSuggestions(p.looseKeys);
    return counts;
  }

  /** Finds same-loose-key author pairs for these keys and stores them as MAYBE_SAME_AS suggestions with evidence. */
  async refreshSuggestions(looseKeys: string[]): Promise<number> {
    if (looseKeys.length === 0) return 0;
    const rows = await this.graph.read('ingest/suggestion-candidates', {
      looseKeys,
      maxGroup: neo4j.int(MAX_SUGGESTION_GROUP),
    });
    if (rows.length === 0) return 0;
    const pairs = rows.map((r) => ({
      a: r.a,
      b: r.b,
      reason: suggestionReason(String(r.aName), String(r.bName)),
      sharedCoauthors: r.sharedCoauthors,
      sharedCategories: r.sharedCategories,
    }));
    await this.graph.write('ingest/merge-suggestions', { pairs });
    return pairs.length;
  }
}
