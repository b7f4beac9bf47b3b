// npm run bench:ingest -- --papers 10000,100000 [--paths transactional,bulk] : parse+topics alone, end to end into a
// fresh local Neo4j through the transactional path, and end to end through the bulk path (ingest --bulk) into a fresh
// DATA_DIR. Each path writes its own section of docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalNeo4j } from '../db/local-neo4j.js';
import { cpuMs, machine, writeBenchSection } from './report.js';
import { writeSyntheticArxiv } from './synthetic.js';
import { must } from '../core/must.js';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '10000,100000' },
    paths: { type: 'string', default: 'transactional,bulk' },
    keep: { type: 'boolean' },
  },
});
const paths = new Set(values.paths.split(',').map((s) => s.trim()));
if ([...paths].some((p) => p !== 'transactional' && p !== 'bulk')) throw new Error(`--paths takes transactional,bulk; got ${values.paths}`);
const sizes = values.papers.split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--papers takes whole numbers, got ${values.papers}`);

interface Run {
  papers: number;
  ms: number;
  papersPerSec: number;
  peakRssMB: number;
  rejected: number;
  timings: Record<string, number>;
  cpuMs: number;
}

function runChild(mode: 'dry' | 'e2e' | 'bulk', file: string, env: NodeJS.ProcessEnv = {}): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/ingest-run.ts', mode, file], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(must(out.trim().split('\n').pop(), 'the JSON line the run prints')) as Run;
}

interface BulkRun extends Run {
  importerPeakRssMB: number | null;
  neo4jPeakRssMB: number;
  stagingMB: number;
  storeMB: number;
  importerCpuMs: number | null;
  neo4jCpuMs: number;
}
const bulkRows: string[] = [];
const bulkCpuRows: string[] = [];
const rows: string[] = [];
const breakdown: string[] = [];
const perPaper = (ms: number, n: number) => `${(ms / n).toFixed(2)} ms`;
const sec = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
const cacheDir = path.join(os.tmpdir(), 'papergraph-bench');
for (const n of sizes) {
  const file = path.join(cacheDir, `synthetic-arxiv-${n}.jsonl`);
  if (!existsSync(file)) {
    execFileSync('mkdir', ['-p', cacheDir]);
    const t = Date.now();
    await writeSyntheticArxiv(file, { papers: n, seed: 42 });
    console.error(`generated ${n} papers (${(statSync(file).size / 1e6).toFixed(1)} MB) in ${Date.now() - t} ms`);
  }
  if (paths.has('bulk')) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-bench-bulk-'));
    let bulk: BulkRun;
    try {
      bulk = runChild('bulk', file, { DATA_DIR: dataDir }) as BulkRun;
    } finally {
      if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
    }
    console.error(`bulk ${n}: ${JSON.stringify(bulk)}`);
    const t = bulk.timings;
    bulkRows.push(
      `| ${n.toLocaleString('en-US')} | ${bulk.papersPerSec.toLocaleString('en-US')} | ${sec(bulk.ms)} | ${sec(t['pass 1'])} | ${sec(t['parse/topics + csv'] === undefined || t['pass 1'] === undefined ? undefined : t['parse/topics + csv'] - t['pass 1'])} | ${sec(t.import)} | ${sec(t['start neo4j'])} | ${sec(t.indexes)} | ${sec(t['post-ingest steps'])} | ${sec(t.summaries)} | ${sec(t.swap)} | ${bulk.peakRssMB} | ${bulk.importerPeakRssMB ?? '–'} | ${bulk.neo4jPeakRssMB} | ${bulk.stagingMB} | ${bulk.storeMB} |`,
    );
    const ms = (cpu: number | null) => (cpu === null ? '–' : perPaper(cpu, n));
    bulkCpuRows.push(`| ${n.toLocaleString('en-US')} | ${ms(bulk.cpuMs)} | ${ms(bulk.importerCpuMs)} | ${ms(bulk.neo4jCpuMs)} | ${ms(bulk.cpuMs + (bulk.importerCpuMs ?? 0) + bulk.neo4jCpuMs)} |`);
  }
  if (!paths.has('transactional')) continue;
  const dry = runChild('dry', file);
  console.error(`dry ${n}: ${JSON.stringify(dry)}`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-bench-neo4j-'));
  const neo = await startLocalNeo4j({ dataDir, port: 0, heap: '2g', pageCache: '2g' });
  let e2e: Run;
  let neo4jCpu: number | null = null;
  try {
    const before = cpuMs(neo.pid);
    e2e = runChild('e2e', file, { NEO4J_URI: neo.uri, NEO4J_PASSWORD: neo.password });
    const after = cpuMs(neo.pid);
    neo4jCpu = before === null || after === null ? null : after - before;
  } finally {
    await neo.stop();
    if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
  }
  console.error(`e2e ${n}: ${JSON.stringify(e2e)}`);
  const mb = (statSync(file).size / 1e6).toFixed(0);
  const t = e2e.timings;
  const queries = Object.entries(t).filter(([k]) => k.startsWith('ingest/'));
  breakdown.push(
    `| ${n.toLocaleString('en-US')} | ${sec(t['pass 1'])} | ${sec(t['pass 2'])} | ${queries.map(([k, v]) => `${k.slice(7)} ${sec(v)}`).join(', ')} | ${sec(t.commit)} | ${sec(t.suggestions)} | ${perPaper(dry.cpuMs, n)} | ${perPaper(e2e.cpuMs, n)} | ${neo4jCpu === null ? '–' : perPaper(neo4jCpu, n)} |`,
  );
  rows.push(
    `| ${n.toLocaleString('en-US')} (${mb} MB) | ${dry.papersPerSec.toLocaleString('en-US')} | ${dry.peakRssMB} | ${e2e.papersPerSec.toLocaleString('en-US')} | ${(e2e.ms / 1000).toFixed(1)} s | ${e2e.peakRssMB} |`,
  );
}

const section = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()} with \`npm run bench:ingest -- --papers ${values.papers}\`.`,
  'Synthetic arXiv-snapshot JSON lines (bench/synthetic.ts, seed 42). "parse+topics" is `--dry-run` (parse, validate, NLP',
  'candidates, corpus scoring); "end to end" adds the batched writes into a fresh local Neo4j 5.26 (heap 2g, page cache 2g).',
  'Peak RSS is the ingest process alone (Neo4j runs in its own JVM).',
  '',
  '| papers | parse+topics papers/s | peak RSS MB | end to end papers/s | end to end time | peak RSS MB |',
  '|---|---|---|---|---|---|',
  ...rows,
  '',
  'Where the end-to-end time went (summed over the batches; write queries and commit are parts of pass 2, merge',
  'suggestions follow each commit), and CPU time per paper (user + system, all threads) of the ingest process and of',
  'the Neo4j JVM during the run. 2 cores give at most 1 ms of CPU per paper at 2,000 papers/s.',
  '',
  '| papers | pass 1: parse, NLP, frequencies, spool | pass 2: score + write | write queries | commit | merge suggestions | CPU per paper, dry run | CPU per paper, ingest process | CPU per paper, Neo4j |',
  '|---|---|---|---|---|---|---|---|---|',
  ...breakdown,
];
if (paths.has('transactional')) {
  writeBenchSection('Ingest', section.join('\n'));
  console.log(section.join('\n'));
}
if (paths.has('bulk')) {
  const bulkSection = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()} with \`npm run bench:ingest -- --papers ${values.papers} --paths ${values.paths}\`.`,
    'The same synthetic files loaded by `ingest --bulk` into an empty DATA_DIR: stage CSVs through the ingest pipeline,',
    '`neo4j-admin database import full` (importer JVM heap 1g, off-heap 2g), start Neo4j on the staged store (heap 2g,',
    'page cache 2g), schema + indexes, post-ingest steps (curation decisions), summaries, swap. Peak RSS: the ingest process, the importer JVM and',
    'the Neo4j JVM (VmHWM sampled every 0.5 s). Disk: the staged CSVs and the finished store.',
    '',
    '| papers | papers/s end to end | time | pass 1: parse, NLP | pass 2: topics, CSV | import | start Neo4j | indexes | post-ingest steps | summaries | swap | RSS ingest MB | RSS importer MB | RSS Neo4j MB | CSVs MB | store MB |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...bulkRows,
    '',
    'CPU time per paper (user + system, all threads) of each process over the whole load; 2 cores give 1 ms per paper at 2,000 papers/s.',
    '',
    '| papers | ingest process | importer JVM | Neo4j JVM | all |',
    '|---|---|---|---|---|',
    ...bulkCpuRows,
  ];
  writeBenchSection('Ingest: bulk load', bulkSection.join('\n'));
  console.log(bulkSection.join('\n'));
}
