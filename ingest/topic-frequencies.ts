// Topic document frequencies kept in the graph, so an append scores its papers against every paper already stored.
//
// Stored (all maintained by the ingest, in the same transaction as the papers they count):
//   (:Paper {topicTerms: [key], topicAcronyms: ["ACRONYM\tkey"]})  what this paper adds (DfContribution)
//   (:TopicTerm {key, papers})          papers of the graph using the phrase as a complete noun phrase
//   (:TopicAcronym {key, acronym, expansion, papers})   papers that defined the acronym as that phrase
//   (:TopicCorpus {id: 'papers', papers})               papers counted (every paper that has topicTerms)
// So the graph holds exactly the sums a one-shot DocumentFrequencies over all stored papers' inputs would hold (without
// pruning). An ingest scores against: graph − the stored contributions of the input's papers already in the graph +
// the input's own counts (loadScoringFrequencies); each batch then moves the graph by the difference between the old and
// new contributions of its papers (frequencyDeltas). A paper therefore gets the same topics whichever run or batch it
// arrives in, as long as the set of papers (graph ∪ input) is the same.
import type { RowOf } from '../cypher/rows.js';
import type { Graph } from '../db/graph.js';
import { DEFAULT_MAX_ENTRIES, DocumentFrequencies, type DfContribution, type DocumentFrequenciesJSON } from './topics/frequencies.js';

/** Separator of acronym and phrase in Paper.topicAcronyms and TopicAcronym.key (phrases never hold a tab). */
const SEP = '\t';
/** Keys and ids per look-up query. */
const CHUNK = 10_000;

/** The properties a paper's contribution is stored as. */
export function contributionProps(c: DfContribution | null): { topicTerms: string[] | null; topicAcronyms: string[] | null } {
  if (!c) return { topicTerms: null, topicAcronyms: null };
  return { topicTerms: c.terms, topicAcronyms: c.acronyms.map(([a, key]) => `${a}${SEP}${key}`) };
}

/** A contribution read back from a paper's properties, or null when the paper has none (not counted). */
export function contributionFromProps(terms: unknown, acronyms: unknown): DfContribution | null {
  if (!Array.isArray(terms)) return null;
  const pairs: [string, string][] = [];
  if (Array.isArray(acronyms)) {
    for (const s of acronyms) {
      const i = String(s).indexOf(SEP);
      if (i > 0) pairs.push([String(s).slice(0, i), String(s).slice(i + 1)]);
    }
  }
  return { terms: terms.map(String), acronyms: pairs };
}

export interface FrequencyDeltas {
  terms: { key: string; delta: number }[];
  acronyms: { key: string; acronym: string; expansion: string; delta: number }[];
  /** Change of the number of counted papers. */
  papers: number;
}

/**
 * What writing a batch changes in the stored frequencies: for every paper, its contribution before (null: not in the
 * graph or not counted) is taken out and its contribution after (null: not counted) is put in. Pure; zero deltas are
 * left out, keys sorted.
 */
export function frequencyDeltas(changes: Iterable<{ before: DfContribution | null; after: DfContribution | null }>): FrequencyDeltas {
  const terms = new Map<string, number>();
  const acronyms = new Map<string, number>();
  let papers = 0;
  const apply = (c: DfContribution | null, sign: 1 | -1) => {
    if (!c) return;
    papers += sign;
    for (const key of c.terms) terms.set(key, (terms.get(key) ?? 0) + sign);
    for (const [a, key] of c.acronyms) acronyms.set(`${a}${SEP}${key}`, (acronyms.get(`${a}${SEP}${key}`) ?? 0) + sign);
  };
  for (const { before, after } of changes) {
    apply(before, -1);
    apply(after, 1);
  }
  const sorted = <T>(m: Map<string, T>) => [...m].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    terms: sorted(terms).map(([key, delta]) => ({ key, delta: delta as number })),
    acronyms: sorted(acronyms).map(([key, delta]) => {
      const i = key.indexOf(SEP);
      return { key, acronym: key.slice(0, i), expansion: key.slice(i + 1), delta: delta as number };
    }),
    papers,
  };
}

/** What the graph stores about the given papers: their counted contribution and the topics they link to. */
export interface StoredPaperTopics {
  contribution: DfContribution | null;
  topics: string[];
}

/** Rows of cypher/ingest/paper-topic-state: papers (not stubs) of `ids` that exist. */
export function storedPaperTopics(rows: readonly RowOf<'ingest/paper-topic-state'>[]): Map<string, StoredPaperTopics> {
  const out = new Map<string, StoredPaperTopics>();
  for (const r of rows) out.set(r.id, { contribution: contributionFromProps(r.terms, r.acronyms), topics: r.topics });
  return out;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** What an ingest needs from its input to score against the graph. */
export interface InputTerms {
  /** Document frequencies of the input alone (pass 1). */
  df: DocumentFrequencies;
  /** Every phrase key the input's candidates use (standalone or not). */
  keys: ReadonlySet<string>;
  /** Every acronym the input uses or defines. */
  acronyms: ReadonlySet<string>;
  /** Ids of the input's papers. */
  paperIds: ReadonlySet<string>;
}

/**
 * The document frequencies an ingest scores with: the graph's stored counts (for the phrases and acronyms the input
 * uses), minus the stored contributions of input papers already in the graph (they are being replaced), plus the
 * input's own counts. Equal to a DocumentFrequencies over every paper the graph will hold after the run, for every key
 * the input's scoring looks at.
 */
export async function loadScoringFrequencies(graph: Graph, input: InputTerms): Promise<DocumentFrequencies> {
  const [corpus] = await graph.read('ingest/topic-corpus');
  const graphPapers = corpus?.papers ?? 0;

  const acronymRows: RowOf<'ingest/topic-acronyms'>[] = [];
  for (const part of chunks([...input.acronyms])) acronymRows.push(...(await graph.read('ingest/topic-acronyms', { acronyms: part })));
  // Expansions other papers gave an acronym of the input are looked up too (resolveAcronyms scores them).
  const keys = new Set(input.keys);
  for (const r of acronymRows) keys.add(r.expansion);
  const entries: [string, number, number][] = [];
  for (const part of chunks([...keys])) {
    for (const r of await graph.read('ingest/topic-terms', { keys: part })) entries.push([r.key, r.papers, 0]);
  }
  const votes = new Map<string, [string, number][]>();
  for (const r of acronymRows) {
    votes.set(r.acronym, [...(votes.get(r.acronym) ?? []), [r.expansion, r.papers]]);
  }
  const replaced: DfContribution[] = [];
  for (const part of chunks([...input.paperIds])) {
    for (const stored of storedPaperTopics(await graph.read('ingest/paper-topic-state', { ids: part })).values()) {
      if (stored.contribution) replaced.push(stored.contribution);
    }
  }

  const maxEntries = Math.max(DEFAULT_MAX_ENTRIES, 2 * (entries.length + input.df.size));
  const json: DocumentFrequenciesJSON = {
    version: 1,
    docCount: graphPapers,
    maxEntries,
    pruneFloor: 0,
    prunes: 0,
    entries: entries.filter((e) => e[1] > 0).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    acronyms: [...votes].filter(([, v]) => v.length > 0),
  };
  const df = DocumentFrequencies.fromJSON(json, { maxEntries });
  for (const c of replaced) df.removeContribution(c);
  df.merge(input.df);
  return df;
}
