// Steps that run once after every write into the graph: at the end of each transactional ingest run (pipeline.ts, after
// its last batch) and at the end of each bulk load's post-passes (bulk/run.ts finishLoad, on the loaded store).
// Each step gets the graph and must be idempotent (it runs again after every later ingest). Curation decisions recorded
// as data are re-applied here, so they survive a re-ingest and a bulk reload.
import type { Graph } from '../db/graph.js';
import { curationPostIngestStep } from './identity/decisions-apply.js';

export interface PostIngestStep {
  /** Shown in timings and errors. */
  name: string;
  run(graph: Graph): Promise<void>;
}

/** The steps, in order. */
export const POST_INGEST_STEPS: readonly PostIngestStep[] = [curationPostIngestStep];

/** Runs every post-ingest step in order; returns the milliseconds each took. */
export async function runPostIngestSteps(graph: Graph, steps: readonly PostIngestStep[] = POST_INGEST_STEPS): Promise<Record<string, number>> {
  const timings: Record<string, number> = {};
  for (const step of steps) {
    const t0 = performance.now();
    try {
      await step.run(graph);
    } catch (err) {
      throw new Error(`post-ingest step "${step.name}" failed: ${(err as Error).message}`, { cause: err });
    }
    timings[step.name] = Math.round(performance.now() - t0);
  }
  return timings;
}
