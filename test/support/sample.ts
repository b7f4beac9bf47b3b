// Loads the bundled sample listing into the test database through the real ingest pipeline.
import path from 'node:path';
import type { Graph } from '../../db/graph.js';
import { ingest, type IngestSummary } from '../../ingest/pipeline.js';
import { resetDatabase } from './graph.js';

export const SAMPLE_LISTING = path.resolve('data/samples/group-listing.txt');
/** The sample listing has one date without a year ("May 5"); tests pin the reference date so the inferred year is fixed. */
export const SAMPLE_LISTING_DATE = '2025-06-01';

/** Empties the database and ingests the sample listing. */
export async function loadSampleListing(graph: Graph): Promise<IngestSummary> {
  await resetDatabase(graph);
  return ingest([{ path: SAMPLE_LISTING }], graph, { listingDate: SAMPLE_LISTING_DATE });
}
