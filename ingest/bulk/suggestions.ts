// Bulk load post-pass: the MAYBE_SAME_AS merge suggestions the transactional path computes after each batch.
//
// The transactional writer checks the authors new in each batch against the graph as it stands after that batch, so
// its suggestions depend on what came earlier. The import writes every batch at once; this pass replays the batches
// in order against the imported graph seen "as of" each batch (the `_b` marks of ingest/bulk/stage.ts), which gives
// the same pairs with the same evidence. Pairs are stored with the transactional path's own query.
import neo4j from 'neo4j-driver';
import type { Graph } from '../../db/graph.js';
import { suggestionReason } from '../authors/identity.js';
import { MAX_EVIDENCE_AUTHORS, MAX_SUGGESTION_GROUP } from '../writer.js';

/** Replays the merge-suggestion step batch by batch; returns the number of pairs written. */
export async function replaySuggestions(
  graph: Graph,
  newAuthorsPerBatch: string[][],
  onBatch?: (done: number, total: number) => void,
): Promise<number> {
  let written = 0;
  for (const [i, newIds] of newAuthorsPerBatch.entries()) {
    onBatch?.(i, newAuthorsPerBatch.length);
    if (newIds.length === 0) continue;
    const rows = await graph.read('bulk/suggestion-candidates-as-of', {
      newIds,
      asOf: neo4j.int(i + 1),
      maxGroup: neo4j.int(MAX_SUGGESTION_GROUP),
      maxAuthorsPerPaper: neo4j.int(MAX_EVIDENCE_AUTHORS),
    });
    if (rows.length === 0) continue;
    const byPair = new Map<string, Record<string, unknown>>();
    for (const r of rows) {
      const [a, b] = r.a < r.b ? [r.a, r.b] : [r.b, r.a];
      byPair.set(`${a}|${b}`, {
        a,
        b,
        reason: suggestionReason(r.aName, r.bName),
        sharedCoauthors: r.sharedCoauthors,
        sharedCategories: r.sharedCategories,
      });
    }
    const pairs = [...byPair.values()];
    await graph.write('ingest/merge-suggestions', { pairs });
    written += pairs.length;
  }
  onBatch?.(newAuthorsPerBatch.length, newAuthorsPerBatch.length);
  return written;
}
