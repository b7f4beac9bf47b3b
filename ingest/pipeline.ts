// The ingest pipeline: sources → validated records → topics (corpus-scored) → batched graph writes.
//
// Two passes over a spool file keep memory flat for inputs of any size:
//   pass 1 parses every input once, runs the NLP candidate extraction once per paper, counts document frequencies and
//          appends {record, candidates} to a temporary JSON-lines spool;
//   pass 2 reads the spool, scores each paper's candidates against the whole corpus's document frequencies (when
//          writing: the graph's stored ones plus the input's, see topic-frequencies.ts), and writes batches; preparing
//          the next batch overlaps with the write of the current one (one write in flight).
// Before anything is written, the ingest's data migrations run (migrations.ts); the spool lives in spool.ts.
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import readline from 'node:readline';
import { must } from '../core/must.js';
import type { Graph } from '../db/graph.js';
import { refreshSummaries } from '../db/summary/refresh.js';
import type { CategoryInfo, TopicAssignment, WritablePaper } from './batch.js';
import type { PaperRecord, ParseEvent, SourceFormat, SourceLocation } from './record.js';
import { arxivCategory } from './text/categories.js';
import { parseFile, parseStream } from './sources/index.js';
import { contributionOf, DocumentFrequencies, selectTopics, type Candidate } from './topics/index.js';
import { applyIngestMigrations } from './migrations.js';
import { runPostIngestSteps } from './post-ingest.js';
import { loadScoringFrequencies } from './topic-frequencies.js';
import { CandidatePool } from './topics/pool.js';
import { createSpool, sweepStaleSpools } from './spool.js';
import { addCounts, emptyCounts, GraphWriter, type WriteCounts } from './writer.js';

export interface IngestInput {
  /** A file path, or '-' for standard input. */
  path: string;
}

export interface IngestOptions {
  format?: SourceFormat;
  /** Reference date for listing dates without a year (default: today). */
  listingDate?: string;
  batchSize?: number;
  topicsPerPaper?: number;
  /** Parse, validate and extract topics, write nothing. */
  dryRun?: boolean;
  /** Stop at the first rejected record. */
  strict?: boolean;
  /** Called for every rejected record and warning, as it happens. */
  onIssue?: (issue: IngestIssue) => void;
  /** Called for every finished paper in dry-run mode (the CLI prints it as JSON). */
  onPaper?: (paper: WritablePaper) => void;
  /** Progress: records parsed/written so far, bytes read of `bytesTotal` (when the input sizes are known). */
  onProgress?: (p: IngestProgress) => void;
  /**
   * Where the spool folder is made (default os.tmpdir(), i.e. $TMPDIR or /tmp): `papergraph-ingest-<pid>-<random>/`.
   * It is removed when the ingest ends, fails or is stopped by a signal; spools of killed ingests are removed by the
   * next ingest that uses the same place.
   */
  tmpDir?: string;
  /** NLP worker threads (default: one per core; 0 = on the main thread). */
  nlpWorkers?: number;
  /** Log lines (e.g. the NLP workers falling back to the main thread). */
  log?: (line: string) => void;
}

export interface IngestIssue {
  kind: 'reject' | 'warning';
  at: SourceLocation;
  message: string;
}

export interface IngestProgress {
  phase: 'parse' | 'write';
  records: number;
  written: number;
  bytesRead: number;
  bytesTotal: number | null;
}

export interface IngestSummary {
  records: number;
  rejected: number;
  warnings: number;
  written: WriteCounts;
  elapsedMs: number;
  dryRun: boolean;
  /** Where the time went, in ms: `pass 1` (parse, NLP, frequencies, spool), `pass 2` (score, write), write steps. */
  timings: Record<string, number>;
}

/** The database failed during the write pass: whole batches before it are in the graph; a re-run completes the job. */
export class IngestAbortedError extends Error {
  override name = 'IngestAbortedError';
  constructor(
    readonly cause: unknown,
    readonly writtenPapers: number,
  ) {
    super(
      `${(cause as Error)?.message ?? cause} — ${writtenPapers} papers were written in whole batches before this; ` +
        're-run the same command to complete the ingest (nothing is duplicated)',
    );
  }
}

/** Thrown in strict mode at the first rejected record; carries its location. */
export class StrictModeError extends Error {
  override name = 'StrictModeError';
  constructor(readonly issue: IngestIssue) {
    super(`${issue.at.file}:${issue.at.line}: ${issue.message}`);
  }
}

export const DEFAULT_BATCH_SIZE = 2_000;
/**
 * Relationships one write transaction creates at most, whatever the batch size: keeps a transaction well inside the
 * local Neo4j's per-transaction memory cap (256 MiB; a 2,000-paper batch of arXiv-like papers makes ≈ 40k). A batch that
 * still exceeds a server's cap is split in halves by the writer.
 */
export const MAX_LINKS_PER_BATCH = 50_000;

function linksOf(p: WritablePaper): number {
  return p.record.authors.length + p.record.categories.length + p.topics.length + p.record.cites.length;
}

/** Papers per NLP job sent to a worker: large enough to amortize messaging, small enough to keep memory flat. */
const NLP_CHUNK = 250;

/** Name and archive of a category code from arXiv's taxonomy; unknown codes (kept as printed) have neither. */
export function describeCategory(code: string): CategoryInfo {
  const c = arxivCategory(code);
  return { name: c?.name ?? null, archive: c?.archive ?? null };
}

interface SpoolLine {
  record: PaperRecord;
  candidates: Candidate[];
}

async function* eventsOf(input: IngestInput, opts: IngestOptions, onBytes: (n: number) => void): AsyncGenerator<ParseEvent> {
  const parseOpts = { format: opts.format, listingDate: opts.listingDate, onBytes };
  if (input.path === '-') yield* parseStream(process.stdin, '<stdin>', parseOpts);
  else yield* parseFile(input.path, parseOpts);
}

/** Total size of the input files, or null when one is standard input (or cannot be read: parseFile reports that). */
function totalSize(inputs: IngestInput[]): number | null {
  let total = 0;
  for (const input of inputs) {
    if (input.path === '-') return null;
    try {
      total += statSync(input.path).size;
    } catch {
      return null;
    }
  }
  return total;
}

/** The topics a paper gets: the source's own (OpenAlex) plus extracted ones scored against the corpus. */
function topicsFor(line: SpoolLine, df: DocumentFrequencies, topicsPerPaper: number): TopicAssignment[] {
  const fromSource: TopicAssignment[] = line.record.sourceTopics.map((t) => ({
    id: t.sourceId ? `openalex:${t.sourceId}` : `openalex:${t.name.toLowerCase()}`,
    name: t.name,
    score: t.score,
    source: 'openalex',
  }));
  const extracted: TopicAssignment[] = selectTopics(line.candidates, df, { topicsPerPaper }).map((t) => ({
    ...t,
    source: 'extracted',
  }));
  return [...fromSource, ...extracted];
}

/**
 * Ingests the inputs. Rejected records are reported through onIssue and counted; in strict mode the first one stops the
 * run with a StrictModeError before anything is written. Without a graph (or with dryRun) nothing is written.
 */
export async function ingest(inputs: IngestInput[], graph: Graph | null, opts: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const topicsPerPaper = opts.topicsPerPaper ?? 8;
  const dryRun = opts.dryRun === true || graph === null;
  const writing = graph !== null && !dryRun;
  // Identities and stored frequencies in the form this code writes, before anything is written or scored.
  if (writing) for (const line of await applyIngestMigrations(graph, { nlpWorkers: opts.nlpWorkers })) opts.log?.(line);
  for (const dir of sweepStaleSpools(opts.tmpDir)) opts.log?.(`removed the spool of an ingest that was killed: ${dir}`);
  const spool = createSpool(opts.tmpDir);
  const spoolPath = spool.file;
  const summary: IngestSummary = { records: 0, rejected: 0, warnings: 0, written: emptyCounts(), elapsedMs: 0, dryRun, timings: {} };
  const progress: IngestProgress = { phase: 'parse', records: 0, written: 0, bytesRead: 0, bytesTotal: totalSize(inputs) };

  try {
    // Pass 1: parse, extract candidates (on worker threads, in chunks), count document frequencies, spool in order.
    // When writing, also note which phrases, acronyms and papers the input has: pass 2 scores against the graph's
    // stored frequencies of those plus the input's own (see topic-frequencies.ts).
    const inputDf = new DocumentFrequencies();
    const inputKeys = new Set<string>();
    const inputAcronyms = new Set<string>();
    const inputIds = new Set<string>();
    const spoolOut = createWriteStream(spoolPath, { encoding: 'utf8' });
    const { pool, fellBack } = await CandidatePool.start(opts.nlpWorkers ?? CandidatePool.defaultSize());
    if (fellBack) opts.log?.(`NLP runs on the main thread (workers unavailable: ${fellBack})`);
    const maxInFlight = Math.max(2, pool.size * 2);
    const queue: { records: PaperRecord[]; candidates: Promise<Candidate[][]> }[] = [];
    let chunk: PaperRecord[] = [];
    const drainOne = async () => {
      const head = must(queue.shift(), 'queued chunk');
      const candidates = await head.candidates;
      for (const [i, record] of head.records.entries()) {
        const recordCandidates = candidates[i];
        if (recordCandidates === undefined) throw new Error(`Internal error: candidates of paper ${record.id} are missing`);
        inputDf.add(recordCandidates);
        if (writing) {
          inputIds.add(record.id);
          for (const c of recordCandidates) {
            inputKeys.add(c.key);
            if (c.acronym !== undefined) inputAcronyms.add(c.acronym);
            if (c.aliases) for (const a of c.aliases) inputAcronyms.add(a);
          }
        }
        const ok = spoolOut.write(`${JSON.stringify({ record, candidates: recordCandidates } satisfies SpoolLine)}\n`);
        if (!ok) await once(spoolOut, 'drain');
      }
    };
    const submit = async () => {
      if (chunk.length === 0) return;
      queue.push({ records: chunk, candidates: pool.extract(chunk) });
      chunk = [];
      while (queue.length >= maxInFlight) await drainOne();
    };
    try {
      for (const input of inputs) {
        for await (const ev of eventsOf(input, opts, (n) => (progress.bytesRead += n))) {
          if (ev.kind === 'record') {
            chunk.push(ev.record);
            if (chunk.length >= NLP_CHUNK) await submit();
            summary.records++;
            progress.records++;
            if (progress.records % 1000 === 0) opts.onProgress?.({ ...progress });
            continue;
          }
          const issue: IngestIssue = { kind: ev.kind, at: ev.at, message: ev.kind === 'reject' ? ev.reason : ev.message };
          if (ev.kind === 'reject') {
            summary.rejected++;
            opts.onIssue?.(issue);
            if (opts.strict) throw new StrictModeError(issue);
          } else {
            summary.warnings++;
            opts.onIssue?.(issue);
          }
        }
      }
      await submit();
      while (queue.length > 0) await drainOne();
    } finally {
      await pool.close();
    }
    spoolOut.end();
    await once(spoolOut, 'close');
    opts.onProgress?.({ ...progress });
    const pass1Ms = Date.now() - started;
    summary.timings['pass 1'] = pass1Ms;

    // Pass 2: score topics against the whole corpus (the graph's papers and the input) and write, one batch in flight
    // while the next is prepared.
    progress.phase = 'write';
    const df = writing
      ? await loadScoringFrequencies(graph, { df: inputDf, keys: inputKeys, acronyms: inputAcronyms, paperIds: inputIds })
      : inputDf;
    const frequenciesMs = Date.now() - started - pass1Ms;
    summary.timings['graph frequencies'] = frequenciesMs;
    const writer = graph && !dryRun ? new GraphWriter(graph, describeCategory) : null;
    // The write in flight settles into `writeError` instead of rejecting, so a failure while the next batch is being
    // prepared is never an unhandled rejection; it is rethrown before the next write starts.
    let inFlight: Promise<void> | null = null;
    let writeError: unknown = null;
    const settle = async () => {
      if (inFlight) await inFlight;
      inFlight = null;
      if (writeError) throw new IngestAbortedError(writeError, progress.written);
    };
    const flush = async (batch: WritablePaper[]) => {
      await settle();
      if (!writer) return;
      inFlight = writer.writeBatch(batch).then(
        (c) => {
          addCounts(summary.written, c);
          progress.written += batch.length;
          opts.onProgress?.({ ...progress });
        },
        (err: unknown) => {
          writeError = err;
        },
      );
    };
    let batch: WritablePaper[] = [];
    let batchLinks = 0;
    const lines = readline.createInterface({ input: createReadStream(spoolPath, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const text of lines) {
      const line = JSON.parse(text) as SpoolLine;
      const paper: WritablePaper = {
        record: line.record,
        topics: topicsFor(line, df, topicsPerPaper),
        contribution: contributionOf(line.candidates),
      };
      if (dryRun) opts.onPaper?.(paper);
      batch.push(paper);
      batchLinks += linksOf(paper);
      if (batch.length >= batchSize || batchLinks >= MAX_LINKS_PER_BATCH) {
        await flush(batch);
        batch = [];
        batchLinks = 0;
      }
    }
    if (batch.length > 0) await flush(batch);
    await settle();
    summary.timings['pass 2'] = Date.now() - started - pass1Ms - frequenciesMs;
    if (writer) for (const [step, ms] of Object.entries(writer.timings)) summary.timings[step] = Math.round(ms);
    // Post-ingest steps (re-applied curation decisions) see the whole run's writes, before the summaries are rebuilt.
    if (writer && graph && progress.written > 0) {
      Object.assign(summary.timings, await runPostIngestSteps(graph));
      // The stored whole-graph summaries describe the new version before ingest returns (servers serve them from now on).
      summary.timings.summary = Math.round((await refreshSummaries(graph)).ms);
    }
  } finally {
    spool.remove();
  }
  summary.elapsedMs = Date.now() - started;
  return summary;
}
