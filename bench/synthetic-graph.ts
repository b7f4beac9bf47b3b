// Loads the synthetic arXiv-shaped corpus of a given size into a benchmark's graph once; later runs reuse the store.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Graph } from '../db/graph.js';
import { ingest } from '../ingest/pipeline.js';
import { writeSyntheticArxiv } from './synthetic.js';

/**
 * Ingests `papers` synthetic papers (seed 42, file cached in `dir`) into `graph` unless `dataDir` is marked as loaded
 * by an earlier run; marks it afterwards.
 */
export async function loadSyntheticOnce(graph: Graph, opts: { dir: string; dataDir: string; papers: number }): Promise<void> {
  const loadedMarker = path.join(opts.dataDir, 'bench-loaded');
  if (existsSync(loadedMarker)) return;
  const file = path.join(opts.dir, `synthetic-arxiv-${opts.papers}.jsonl`);
  if (!existsSync(file)) await writeSyntheticArxiv(file, { papers: opts.papers, seed: 42 });
  console.error(`loading ${opts.papers} synthetic papers…`);
  const s = await ingest([{ path: file }], graph, {});
  console.error(`loaded in ${(s.elapsedMs / 1000).toFixed(0)} s`);
  writeFileSync(loadedMarker, new Date().toISOString());
}
