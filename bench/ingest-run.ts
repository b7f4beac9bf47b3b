// One measured ingest run in its own process (so peak RSS is this run's alone); prints one JSON line.
// Usage: tsx bench/ingest-run.ts <dry|e2e> <file>   (e2e uses NEO4J_URI/NEO4J_PASSWORD from the environment)
import neo4j from 'neo4j-driver';
import { Graph } from '../db/graph.js';
import { applySchema } from '../db/schema.js';
import { ingest } from '../ingest/pipeline.js';

const [mode, file] = process.argv.slice(2);
if ((mode !== 'dry' && mode !== 'e2e') || !file) {
  console.error('usage: ingest-run.ts <dry|e2e> <file>');
  process.exit(3);
}
let graph: Graph | null = null;
if (mode === 'e2e') {
  const uri = process.env.NEO4J_URI!;
  graph = new Graph(neo4j.driver(uri, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD!)), { uri, kind: 'local' });
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
