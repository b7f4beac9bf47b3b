// Start-up step: on an empty database the bundled sample listing is ingested, so a fresh clone shows something real.
// The ingest pipeline (NLP model, worker pool) is imported only when the sample is actually loaded.
import path from 'node:path';
import type { Graph } from '../db/graph.js';

export const SAMPLE_FILES = ['data/samples/group-listing.txt'];
/**
 * The day the sample listing was captured: its one date printed without a year ("May 5") is read against it, so the
 * sample shows the same year whenever it is loaded.
 */
export const SAMPLE_LISTING_DATE = '2025-06-01';

/** Ingests the sample files when the graph has no papers; returns whether it did. */
export async function loadSampleIfEmpty(graph: Graph, root: string, log: (msg: string) => void): Promise<boolean> {
  const [counts] = await graph.read('health/counts');
  if ((counts?.papers ?? 0) > 0) return false;
  log('Empty database: loading the sample listing');
  const { ingest } = await import('./pipeline.js');
  const summary = await ingest(
    SAMPLE_FILES.map((f) => ({ path: path.join(root, f) })),
    graph,
    { listingDate: SAMPLE_LISTING_DATE, onIssue: (i) => log(`sample ${i.kind}: ${i.at.file}:${i.at.line}: ${i.message}`) },
  );
  log(`Sample loaded: ${summary.written.papers.created} papers, ${summary.written.authors.created} authors in ${summary.elapsedMs} ms`);
  return true;
}
