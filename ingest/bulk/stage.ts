// Stage a bulk load: stream the inputs through the ingest pipeline (parse → validate → identity → topics, the same code
// as the transactional path) and write the graph it would build as import CSVs (header file + data file per group).
//
// The transactional path writes batches (ingest/batch.ts buildBatch → the cypher/ingest queries); this module groups the
// papers into the same batches and applies each batch's parameters with the same semantics, so that the files describe
// the same final graph:
//   papers      upsert by id: the last version wins (properties and its AUTHORED/IN_CATEGORY/HAS_TOPIC links);
//   authors     persons of the identity model, replayed group by group with the writer's own steps
//               (ingest/bulk/identity.ts): persons, redirects of retired ids, variant suggestions, split proposals;
//   categories, topics   first-seen;
//   CITES       one edge per (paper, cited work), across every version of the paper; a cited OpenAlex work is the paper
//               carrying that OpenAlex id when there is one, else the cited id, a :Paper:Stub unless it was ingested.
import { closeSync, createReadStream, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import neo4j from 'neo4j-driver';
import { must } from '../../core/must.js';
import { SPANS_BLOCKS_LABEL, type SplitRow, type VariantRow } from '../authors/persons.js';
import { buildBatch, type PaperRow, type WritablePaper } from '../batch.js';
import {
  DEFAULT_BATCH_SIZE,
  describeCategory,
  ingest,
  MAX_LINKS_PER_BATCH,
  type IngestInput,
  type IngestOptions,
  type IngestSummary,
} from '../pipeline.js';
import { contributionFromProps } from '../topic-frequencies.js';
import { csvHeader, csvRow, hasLineBreak, type CsvColumn } from './csv.js';
import { BulkIdentity } from './identity.js';

/** Paper properties as ingest/batch.ts builds them, with their import types; a property missing here fails loudly. */
export const PAPER_COLUMNS: readonly CsvColumn[] = [
  { name: 'id', type: 'ID', idSpace: 'Paper' },
  { name: 'title', type: 'string' },
  { name: 'abstract', type: 'string' },
  { name: 'published', type: 'string' },
  { name: 'year', type: 'long' },
  { name: 'datePrecision', type: 'string' },
  { name: 'hasCode', type: 'boolean' },
  { name: 'url', type: 'string' },
  { name: 'doi', type: 'string' },
  { name: 'arxivId', type: 'string' },
  { name: 'openalexId', type: 'string' },
  { name: 'source', type: 'string' },
  { name: 'authorsTruncated', type: 'boolean' },
  { name: 'authorCount', type: 'long' },
  { name: 'primaryCategory', type: 'string' },
  { name: 'topicTerms', type: 'string[]' },
  { name: 'topicAcronyms', type: 'string[]' },
];
const STUB_COLUMNS: readonly CsvColumn[] = [
  { name: 'id', type: 'ID', idSpace: 'Paper' },
  { name: 'openalexId', type: 'string' },
];
const AUTHOR_COLUMNS: readonly CsvColumn[] = [
  { name: 'id', type: 'ID', idSpace: 'Author' },
  { name: 'name', type: 'string' },
  { name: 'key', type: 'string' },
  { name: 'looseKey', type: 'string' },
  { name: 'orcid', type: 'string' },
  { name: 'openalexId', type: 'string' },
  { name: 'block', type: 'string' },
  { name: 'blocks', type: 'string[]' },
  { name: 'mentions', type: 'long' },
  { name: 'summary', type: 'string' },
];
const AUTHOR_REDIRECT_COLUMNS: readonly CsvColumn[] = [
  { name: 'id', type: 'ID', idSpace: 'AuthorRedirect' },
  { name: 'redirectTo', type: 'string' },
  { name: 'reason', type: 'string' },
  { name: 'block', type: 'string' },
];
const EVIDENCE_COLUMNS: readonly CsvColumn[] = [
  { name: 'reason', type: 'string' },
  { name: 'score', type: 'double' },
  { name: 'nameMatch', type: 'string' },
  { name: 'sharedCoauthors', type: 'string[]' },
  { name: 'sharedCategories', type: 'string[]' },
  { name: 'sharedTopics', type: 'string[]' },
  { name: 'status', type: 'string' },
];
const SPLIT_PROPOSAL_COLUMNS: readonly CsvColumn[] = [
  { name: 'id', type: 'ID', idSpace: 'SplitProposal' },
  { name: 'person', type: 'string' },
  { name: 'part', type: 'string[]' },
  ...EVIDENCE_COLUMNS,
];
const MAYBE_SAME_AS_COLUMNS: readonly CsvColumn[] = [
  { name: '', type: 'START_ID', idSpace: 'Author' },
  { name: '', type: 'END_ID', idSpace: 'Author' },
  ...EVIDENCE_COLUMNS,
];
const CATEGORY_COLUMNS: readonly CsvColumn[] = [
  { name: 'code', type: 'ID', idSpace: 'Category' },
  { name: 'name', type: 'string' },
  { name: 'archive', type: 'string' },
];
const TOPIC_COLUMNS: readonly CsvColumn[] = [
  { name: 'id', type: 'ID', idSpace: 'Topic' },
  { name: 'name', type: 'string' },
];
const TOPIC_TERM_COLUMNS: readonly CsvColumn[] = [
  { name: 'key', type: 'ID', idSpace: 'TopicTerm' },
  { name: 'papers', type: 'long' },
];
const TOPIC_ACRONYM_COLUMNS: readonly CsvColumn[] = [
  { name: 'key', type: 'ID', idSpace: 'TopicAcronym' },
  { name: 'acronym', type: 'string' },
  { name: 'expansion', type: 'string' },
  { name: 'papers', type: 'long' },
];
const TOPIC_CORPUS_COLUMNS: readonly CsvColumn[] = [
  { name: 'id', type: 'ID', idSpace: 'TopicCorpus' },
  { name: 'papers', type: 'long' },
];
const AUTHORED_COLUMNS: readonly CsvColumn[] = [
  { name: '', type: 'START_ID', idSpace: 'Author' },
  { name: '', type: 'END_ID', idSpace: 'Paper' },
  { name: 'position', type: 'long' },
  { name: 'asWritten', type: 'string' },
];
const IN_CATEGORY_COLUMNS: readonly CsvColumn[] = [
  { name: '', type: 'START_ID', idSpace: 'Paper' },
  { name: '', type: 'END_ID', idSpace: 'Category' },
  { name: 'primary', type: 'boolean' },
];
const HAS_TOPIC_COLUMNS: readonly CsvColumn[] = [
  { name: '', type: 'START_ID', idSpace: 'Paper' },
  { name: '', type: 'END_ID', idSpace: 'Topic' },
  { name: 'score', type: 'double' },
  { name: 'source', type: 'string' },
];
const CITES_COLUMNS: readonly CsvColumn[] = [
  { name: '', type: 'START_ID', idSpace: 'Paper' },
  { name: '', type: 'END_ID', idSpace: 'Paper' },
];

/** One import group: a header file, a data file, and what the importer is told about them. */
export interface CsvGroup {
  kind: 'nodes' | 'relationships';
  /** Node labels (`Paper:Stub`) or the relationship type. */
  label: string;
  header: string;
  data: string;
  rows: number;
  /** Some value spans lines. */
  multiline: boolean;
}

export interface StagedImport {
  dir: string;
  groups: CsvGroup[];
  summary: IngestSummary;
  counts: StageCounts;
  bytes: number;
}

export interface StageCounts {
  papers: number;
  stubs: number;
  authors: number;
  categories: number;
  topics: number;
  authored: number;
  inCategory: number;
  hasTopic: number;
  cites: number;
  batches: number;
  /** Author ids retired by the identity model (redirects), variant suggestions and split proposals. */
  redirects: number;
  suggestions: number;
  /** Topic document-frequency totals: phrases and acronym expansions counted, papers counted. */
  topicTerms: number;
  topicAcronyms: number;
  topicPapers: number;
}

/** Buffered synchronous writer (the pipeline hands papers over synchronously; memory stays bounded). */
class CsvFile {
  private fd: number;
  private buf: string[] = [];
  private bufChars = 0;
  rows = 0;
  multiline = false;
  bytes = 0;
  constructor(
    readonly group: Omit<CsvGroup, 'rows' | 'multiline'>,
    private readonly columns: readonly CsvColumn[],
  ) {
    this.fd = openSync(group.data, 'w');
    const h = openSync(group.header, 'w');
    writeSync(h, `${csvHeader(columns)}\n`);
    closeSync(h);
  }
  row(values: readonly unknown[]): void {
    const line = csvRow(this.columns, values);
    if (!this.multiline && hasLineBreak(line)) this.multiline = true;
    this.buf.push(line);
    this.bufChars += line.length + 1;
    this.rows++;
    if (this.bufChars > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buf.length === 0) return;
    const text = `${this.buf.join('\n')}\n`;
    this.bytes += writeSync(this.fd, text);
    this.buf = [];
    this.bufChars = 0;
  }
  close(): CsvGroup {
    this.flush();
    closeSync(this.fd);
    return { ...this.group, rows: this.rows, multiline: this.multiline };
  }
}

/** The acronym and the phrase of a Paper.topicAcronyms element ("ACRONYM\tphrase", ingest/topic-frequencies.ts). */
function splitAcronymKey(key: string): [acronym: string, expansion: string] {
  const i = key.indexOf('\t');
  if (i <= 0) throw new Error(`topic acronym entry without a tab: ${JSON.stringify(key)}`);
  return [key.slice(0, i), key.slice(i + 1)];
}

function plain(v: unknown): unknown {
  return neo4j.isInt(v) ? (v as ReturnType<typeof neo4j.int>).toNumber() : v;
}

/** A paper row with plain numbers (for the spool, which is JSON). */
interface SpoolRow {
  seq: number;
  batch: number;
  id: string;
  props: Record<string, unknown>;
  inCategory: [string, boolean][];
  hasTopic: [string, number, string][];
}

function spoolRow(row: PaperRow, seq: number, batch: number): SpoolRow {
  // cypher/bulk/restore-empty-topic-lists.cypher relies on every staged paper having both lists.
  if (!Array.isArray(row.props.topicTerms) || !Array.isArray(row.props.topicAcronyms)) {
    throw new Error(`paper ${row.id}: no topic document-frequency contribution (topicTerms/topicAcronyms) to stage`);
  }
  const expected = PAPER_COLUMNS.filter((c) => c.type !== 'ID').map((c) => c.name);
  const keys = Object.keys(row.props);
  if (keys.length !== expected.length || !expected.every((k) => k in row.props)) {
    throw new Error(`paper properties changed (${keys.join(', ')}); update PAPER_COLUMNS in ingest/bulk/stage.ts`);
  }
  return {
    seq,
    batch,
    id: row.id,
    props: Object.fromEntries(Object.entries(row.props).map(([k, v]) => [k, plain(v)])),
    inCategory: row.inCategory.map((l) => [l.code, l.primary]),
    hasTopic: row.hasTopic.map((l) => [l.topic, l.score, l.source]),
  };
}

export interface StageOptions extends Omit<IngestOptions, 'dryRun' | 'onPaper' | 'tmpDir'> {
  /** Called after each batch is staged (papers so far). */
  onStaged?: (papers: number) => void;
}

/**
 * Writes the import CSVs for `inputs` into `dir` (created). Rejected records are reported and skipped as in the
 * transactional path; in strict mode the first one throws StrictModeError (from the pipeline) and nothing is imported.
 */
export async function stageImport(inputs: IngestInput[], dir: string, opts: StageOptions = {}): Promise<StagedImport> {
  mkdirSync(dir, { recursive: true });
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const spoolPath = path.join(dir, 'papers.spool.jsonl');
  const spoolFd = openSync(spoolPath, 'w');
  let spoolBuf: string[] = [];
  let spoolChars = 0;
  const flushSpool = () => {
    if (spoolBuf.length === 0) return;
    writeSync(spoolFd, `${spoolBuf.join('\n')}\n`);
    spoolBuf = [];
    spoolChars = 0;
  };

  const identity = new BulkIdentity(dir);
  const categories = new Map<string, { name: string | null; archive: string | null }>();
  const topics = new Map<string, string>();
  const lastSeq = new Map<string, number>();
  const cites: { from: string; to: string; openalexId: string | null }[] = [];
  let seq = 0;
  let batchNo = 0;
  let staged = 0;

  const apply = (batch: WritablePaper[]) => {
    batchNo++;
    // The batch as the writer sees it: a paper repeated in it keeps its first place and its last version.
    const lastById = new Map<string, WritablePaper>();
    for (const paper of batch) lastById.set(paper.record.id, paper);
    const papers = [...lastById.values()];
    // AUTHORED edges come from the identity replay (BulkIdentity), not from these rows.
    const p = buildBatch(papers, describeCategory);
    const versions: { paper: WritablePaper; seq: number; prevSeq: number | null }[] = [];
    for (const c of p.categories) if (!categories.has(c.code)) categories.set(c.code, { name: c.name, archive: c.archive });
    for (const t of p.topics) if (!topics.has(t.id)) topics.set(t.id, t.name);
    for (const [i, row] of p.papers.entries()) {
      seq++;
      versions.push({ paper: must(papers[i], `paper ${i} of batch ${batchNo}`), seq, prevSeq: lastSeq.get(row.id) ?? null });
      lastSeq.set(row.id, seq);
      const line = JSON.stringify(spoolRow(row, seq, batchNo));
      spoolBuf.push(line);
      spoolChars += line.length;
      if (spoolChars > 1 << 20) flushSpool();
    }
    identity.addBatch(batchNo, versions);
    cites.push(...p.cites);
    staged += p.papers.length;
    opts.onStaged?.(staged);
  };

  let batch: WritablePaper[] = [];
  let batchLinks = 0;
  let summary: IngestSummary;
  try {
    summary = await ingest(inputs, null, {
      ...opts,
      dryRun: true,
      tmpDir: dir,
      onPaper: (paper) => {
        const r = paper.record;
        batch.push(paper);
        batchLinks += r.authors.length + r.categories.length + paper.topics.length + r.cites.length;
        if (batch.length >= batchSize || batchLinks >= MAX_LINKS_PER_BATCH) {
          apply(batch);
          batch = [];
          batchLinks = 0;
        }
      },
    });
    if (batch.length > 0) apply(batch);
    flushSpool();
  } finally {
    closeSync(spoolFd);
  }

  const file = (name: string) => ({ header: path.join(dir, `${name}.header.csv`), data: path.join(dir, `${name}.csv`) });
  const papersCsv = new CsvFile({ kind: 'nodes', label: 'Paper', ...file('papers') }, PAPER_COLUMNS);
  const authoredCsv = new CsvFile({ kind: 'relationships', label: 'AUTHORED', ...file('authored') }, AUTHORED_COLUMNS);
  const inCategoryCsv = new CsvFile({ kind: 'relationships', label: 'IN_CATEGORY', ...file('in_category') }, IN_CATEGORY_COLUMNS);
  const hasTopicCsv = new CsvFile({ kind: 'relationships', label: 'HAS_TOPIC', ...file('has_topic') }, HAS_TOPIC_COLUMNS);
  const byOpenalex = new Map<string, string>();
  const paperIds = new Set<string>();
  // The graph's topic document frequencies (ingest/topic-frequencies.ts): the sums of the stored contributions of the
  // papers that end in the graph, as the transactional path's per-batch deltas leave them.
  const termPapers = new Map<string, number>();
  const acronymPapers = new Map<string, number>();
  let countedPapers = 0;
  // Topics some final paper links to: the transactional path removes a topic once the re-ingest of its papers leaves
  // it without any (cypher/ingest/remove-orphan-topics.cypher).
  const linkedTopics = new Set<string>();
  const lines = readline.createInterface({ input: createReadStream(spoolPath, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const text of lines) {
    if (!text) continue;
    const row = JSON.parse(text) as SpoolRow;
    if (lastSeq.get(row.id) !== row.seq) continue; // a later version of this paper follows
    paperIds.add(row.id);
    const oa = row.props.openalexId;
    if (typeof oa === 'string' && !byOpenalex.has(oa)) byOpenalex.set(oa, row.id);
    papersCsv.row([row.id, ...PAPER_COLUMNS.slice(1).map((c) => row.props[c.name])]);
    const contribution = contributionFromProps(row.props.topicTerms, row.props.topicAcronyms);
    if (contribution) {
      countedPapers++;
      for (const key of contribution.terms) termPapers.set(key, (termPapers.get(key) ?? 0) + 1);
      for (const a of row.props.topicAcronyms as string[]) acronymPapers.set(a, (acronymPapers.get(a) ?? 0) + 1);
    }
    for (const [code, primary] of row.inCategory) inCategoryCsv.row([row.id, code, primary]);
    for (const [topic, score, source] of row.hasTopic) {
      hasTopicCsv.row([row.id, topic, score, source]);
      linkedTopics.add(topic);
    }
  }

  const stubsCsv = new CsvFile({ kind: 'nodes', label: 'Paper:Stub', ...file('stubs') }, STUB_COLUMNS);
  const citesCsv = new CsvFile({ kind: 'relationships', label: 'CITES', ...file('cites') }, CITES_COLUMNS);
  const edges = new Set<string>();
  const stubs = new Set<string>();
  for (const c of cites) {
    const target = (c.openalexId !== null ? byOpenalex.get(c.openalexId) : undefined) ?? c.to;
    const key = `${c.from}\u0000${target}`;
    if (edges.has(key)) continue;
    edges.add(key);
    citesCsv.row([c.from, target]);
    if (!paperIds.has(target) && !stubs.has(target)) {
      stubs.add(target);
      stubsCsv.row([target, c.openalexId]);
    }
  }

  const authorsCsv = new CsvFile({ kind: 'nodes', label: 'Author', ...file('authors') }, AUTHOR_COLUMNS);
  const spansCsv = new CsvFile({ kind: 'nodes', label: `Author:${SPANS_BLOCKS_LABEL}`, ...file('authors_spans') }, AUTHOR_COLUMNS);
  const redirectsCsv = new CsvFile({ kind: 'nodes', label: 'AuthorRedirect', ...file('author_redirects') }, AUTHOR_REDIRECT_COLUMNS);
  const splitsCsv = new CsvFile({ kind: 'nodes', label: 'SplitProposal', ...file('split_proposals') }, SPLIT_PROPOSAL_COLUMNS);
  const variantsCsv = new CsvFile({ kind: 'relationships', label: 'MAYBE_SAME_AS', ...file('maybe_same_as') }, MAYBE_SAME_AS_COLUMNS);
  const evidence = (r: VariantRow | SplitRow) => [r.reason, r.score, r.nameMatch, r.sharedCoauthors, r.sharedCategories, r.sharedTopics, 'open'];
  await identity.resolve(lastSeq, {
    person: (id, a) =>
      (a.blocks.length > 1 ? spansCsv : authorsCsv).row([id, a.name, a.key, a.looseKey, a.orcid, a.openalexId, a.block, a.blocks, a.mentions, a.summary]),
    redirect: (id, to, reason, block) => redirectsCsv.row([id, to, reason, block]),
    variant: (v) => variantsCsv.row([v.a, v.b, ...evidence(v)]),
    split: (s) => splitsCsv.row([s.id, s.person, s.part, ...evidence(s)]),
    authored: (author, paperId, position, asWritten) => authoredCsv.row([author, paperId, position, asWritten]),
  });
  const categoriesCsv = new CsvFile({ kind: 'nodes', label: 'Category', ...file('categories') }, CATEGORY_COLUMNS);
  for (const [code, c] of categories) categoriesCsv.row([code, c.name, c.archive]);
  const topicsCsv = new CsvFile({ kind: 'nodes', label: 'Topic', ...file('topics') }, TOPIC_COLUMNS);
  for (const [id, name] of topics) if (linkedTopics.has(id)) topicsCsv.row([id, name]);

  const topicTermsCsv = new CsvFile({ kind: 'nodes', label: 'TopicTerm', ...file('topic_terms') }, TOPIC_TERM_COLUMNS);
  for (const [key, papers] of termPapers) topicTermsCsv.row([key, papers]);
  const topicAcronymsCsv = new CsvFile({ kind: 'nodes', label: 'TopicAcronym', ...file('topic_acronyms') }, TOPIC_ACRONYM_COLUMNS);
  for (const [key, papers] of acronymPapers) {
    const [acronym, expansion] = splitAcronymKey(key);
    topicAcronymsCsv.row([key, acronym, expansion, papers]);
  }
  // Every transactional batch merges the corpus node (even when it counts no paper), so it exists once a batch ran.
  const topicCorpusCsv = new CsvFile({ kind: 'nodes', label: 'TopicCorpus', ...file('topic_corpus') }, TOPIC_CORPUS_COLUMNS);
  if (batchNo > 0) topicCorpusCsv.row(['papers', countedPapers]);

  const all = [
    papersCsv,
    stubsCsv,
    authorsCsv,
    spansCsv,
    redirectsCsv,
    splitsCsv,
    categoriesCsv,
    topicsCsv,
    topicTermsCsv,
    topicAcronymsCsv,
    topicCorpusCsv,
    authoredCsv,
    inCategoryCsv,
    hasTopicCsv,
    citesCsv,
    variantsCsv,
  ];
  const groups = all.map((f) => f.close());
  const { rmSync } = await import('node:fs');
  rmSync(spoolPath, { force: true });
  const n = (label: string) => must(groups.find((g) => g.label === label), `the ${label} CSV group`).rows;
  return {
    dir,
    groups,
    summary,
    bytes: all.reduce((s, f) => s + f.bytes, 0),
    counts: {
      papers: n('Paper'),
      stubs: n('Paper:Stub'),
      authors: n('Author') + n(`Author:${SPANS_BLOCKS_LABEL}`),
      categories: n('Category'),
      topics: n('Topic'),
      authored: n('AUTHORED'),
      inCategory: n('IN_CATEGORY'),
      hasTopic: n('HAS_TOPIC'),
      cites: n('CITES'),
      batches: batchNo,
      redirects: n('AuthorRedirect'),
      suggestions: n('MAYBE_SAME_AS') + n('SplitProposal'),
      topicTerms: n('TopicTerm'),
      topicAcronyms: n('TopicAcronym'),
      topicPapers: countedPapers,
    },
  };
}
