// Throughput of topic extraction: `npx tsx ingest/topics/bench.ts [arxiv.jsonl] [seconds]` (single thread).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { DocumentFrequencies, extractCandidates, selectTopics, type Candidate } from './index.js';

interface Doc {
  title: string;
  abstract: string;
}

function load(path: string): Doc[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as { title: string; abstract: string })
    .map((r) => ({ title: r.title.replace(/\s+/g, ' ').trim(), abstract: r.abstract.replace(/\s+/g, ' ').trim() }));
}

interface Rate {
  /** Papers per wall-clock second. */
  docsPerSec: number;
  wordsPerSec: number;
  /** Papers per second of this process's CPU time: the capacity of one core, robust to other load on the box. */
  docsPerCpuSec: number;
}

/** Runs `fn` over the docs round-robin for `seconds` after a warm-up. */
function measure(docs: Doc[], seconds: number, fn: (d: Doc) => void): Rate {
  // Warm-up: JIT and the word memo, so the number reflects the steady state of a long ingest.
  for (const d of docs.slice(0, 500)) fn(d);
  let n = 0;
  let words = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const limit = seconds * 1000;
  while (performance.now() - t0 < limit) {
    const d = docs[n % docs.length];
    if (d === undefined) throw new Error('Nothing to measure: the input file has no documents');
    fn(d);
    words += d.abstract.split(' ').length;
    n++;
  }
  const s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { docsPerSec: n / s, wordsPerSec: words / s, docsPerCpuSec: n / ((cpu.user + cpu.system) / 1e6) };
}

function main(): void {
  const file = process.argv[2] ?? 'test/fixtures/arxiv-jsonl/arxiv-sample-200.jsonl';
  const seconds = Number(process.argv[3] ?? 5);
  const docs = load(file);
  const avgWords = docs.reduce((a, d) => a + d.abstract.split(' ').length, 0) / docs.length;
  console.log(`${docs.length} docs from ${file}, ${avgWords.toFixed(0)} words/abstract on average`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, node ${process.version}`);

  console.log(`load average before: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const extract = measure(docs, seconds, (d) => void extractCandidates(d.title, d.abstract));
  const per150 = (r: number) => ((r * avgWords) / 150).toFixed(0);
  console.log(
    `extractCandidates: ${extract.docsPerSec.toFixed(0)} papers/s wall, ${extract.docsPerCpuSec.toFixed(0)} papers/CPU-s ` +
      `(≈ ${per150(extract.docsPerSec)} wall / ${per150(extract.docsPerCpuSec)} per CPU-s at 150 words)`,
  );

  const cands = new Map<Doc, Candidate[]>(docs.map((d) => [d, extractCandidates(d.title, d.abstract)]));
  const df = new DocumentFrequencies();
  for (const c of cands.values()) df.add(c);
  const select = measure(docs, seconds, (d) => {
    const c = cands.get(d);
    if (c === undefined) throw new Error(`Internal error: candidates of ${d.title} are missing`);
    df.add(c);
    selectTopics(c, df);
  });
  console.log(
    `df.add + selectTopics: ${select.docsPerSec.toFixed(0)} papers/s wall, ${select.docsPerCpuSec.toFixed(0)} papers/CPU-s`,
  );
  console.log(`load average after: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const mem = process.memoryUsage();
  console.log(`heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(mem.rss / 2 ** 20).toFixed(0)} MB`);
}

main();
