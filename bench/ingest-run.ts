// One measured ingest run in its own process (so peak RSS is this run's alone); prints one JSON line.
// Usage: tsx bench/ingest-run.ts <dry|e2e|bulk> <file>   (e2e uses NEO4J_URI/NEO4J_PASSWORD from the environment;
// bulk loads into the built-in Neo4j of DATA_DIR, which must be empty)
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { Graph } from '../db/graph.js';
import { applySchema } from '../db/schema.js';
import { bulkLoad } from '../ingest/bulk/run.js';
import { ingest } from '../ingest/pipeline.js';
import { must } from '../core/must.js';

const [mode, file] = process.argv.slice(2);
if ((mode !== 'dry' && mode !== 'e2e' && mode !== 'bulk') || !file) {
  console.error('usage: ingest-run.ts <dry|e2e|bulk> <file>');
  process.exit(3);
}

/** Peak resident memory (VmHWM) of a process so far, MB; null once it is gone. */
function vmHwmMB(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) of a process so far, ms; null once it has exited. */
function cpuOfPidMs(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks (100/s).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

if (mode === 'bulk') {
  const jvms = new Map<string, { pid: number; peak: number; cpuMs: number }>();
  const jvmSampler = setInterval(() => {
    for (const j of jvms.values()) {
      j.peak = Math.max(j.peak, vmHwmMB(j.pid) ?? 0);
      j.cpuMs = Math.max(j.cpuMs, cpuOfPidMs(j.pid) ?? 0);
    }
  }, 500);
  const started = performance.now();
  const s = await bulkLoad([{ path: file }], {
    dataDir: must(process.env.DATA_DIR, 'DATA_DIR'),
    heap: '2g',
    pageCache: '2g',
    onSpawn: (what, pid) => jvms.set(what === 'importer' ? 'importer' : `neo4j-${pid}`, { pid, peak: 0, cpuMs: 0 }),
    onPhase: (p) => process.stderr.write(`${p.phase} ${p.done}${p.total ? `/${p.total}` : ''} ${p.unit}\r`),
  });
  const ms = performance.now() - started;
  clearInterval(jvmSampler);
  const neo4jPeak = Math.max(0, ...[...jvms.entries()].filter(([k]) => k.startsWith('neo4j')).map(([, v]) => v.peak));
  console.log(
    JSON.stringify({
      mode,
      papers: s.counts.papers,
      rejected: s.ingest.rejected,
      ms: Math.round(ms),
      papersPerSec: Math.round(s.counts.papers / (ms / 1000)),
      peakRssMB: s.peakRssMB,
      importerPeakRssMB: jvms.get('importer')?.peak ?? null,
      neo4jPeakRssMB: neo4jPeak,
      // Sampled every 0.5 s, so up to 0.5 s of a JVM's last CPU is missed.
      importerCpuMs: jvms.get('importer')?.cpuMs ?? null,
      neo4jCpuMs: [...jvms.entries()].filter(([k]) => k.startsWith('neo4j')).reduce((a, [, v]) => a + v.cpuMs, 0),
      stagingMB: Math.round(s.stagingBytes / 2 ** 20),
      storeMB: Math.round(s.storeBytes / 2 ** 20),
      timings: { ...s.ingest.timings, ...s.timings },
      counts: s.counts,
      cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
    }),
  );
  process.exit(0);
}
let graph: Graph | null = null;
if (mode === 'e2e') {
  const uri = must(process.env.NEO4J_URI, 'NEO4J_URI');
  graph = new Graph(neo4j.driver(uri, neo4j.auth.basic('neo4j', must(process.env.NEO4J_PASSWORD, 'NEO4J_PASSWORD'))), { uri, kind: 'local' });
  await applySchema(graph);
}
let sampledRss = 0;
const sampler = setInterval(() => (sampledRss = Math.max(sampledRss, process.memoryUsage().rss)), 200);
const started = performance.now();
const summary = await ingest([{ path: file }], graph, { dryRun: mode === 'dry' });
const ms = performance.now() - started;
clearInterval(sampler);
await graph?.close();
console.log(
  JSON.stringify({
    mode,
    papers: summary.records,
    rejected: summary.rejected,
    ms: Math.round(ms),
    papersPerSec: Math.round(summary.records / (ms / 1000)),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    written: summary.written,
    timings: summary.timings,
    // CPU of this whole process (main thread and NLP workers), user + system.
    cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
  }),
);
