// Keeps the stored counts (the `counts` part: node and relationship counts, papers per year and per category) exact
// through transactional ingest, in the batch's own transaction and from the batch itself: what its papers were before
// (year, categories) and after, plus the count store. No scan: the cost follows the batch, not the graph. The other
// parts are left behind (stale) for the refresh that follows the ingest.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../../cypher/index.js';
import { rows } from '../graph.js';
import { countStoreCounts } from './compute.js';
import { CountsPart, SUMMARY_FORMAT } from './parts.js';
import { storeParts } from './refresh.js';
import type { GraphVersion } from './version.js';

/** The ingested papers a batch is about to replace, as the counts know them. */
export interface BatchBefore {
  ids: string[];
  papers: { year: number | null; codes: string[] }[];
}

/** Nothing replaced: for a write that touches no paper's year or categories (merge suggestions). */
export const NO_PAPERS: BatchBefore = { ids: [], papers: [] };

/**
 * Call first in a batch's transaction, with the ids of the papers it writes: takes the graph version's lock (so no
 * other write commits between this read and the batch's version bump) and reads what those papers are now.
 */
export async function beforeBatch(tx: ManagedTransaction, ids: string[]): Promise<BatchBefore> {
  await tx.run(cypher('summary/lock-version'));
  return { ids, papers: await rows(tx, 'summary/batch-papers', { ids }) };
}

/**
 * Call last in the batch's transaction, after bumpGraphVersion returned `version`: when the stored counts describe
 * the version just before it, moves them by what the batch changed and stores them for `version`. Otherwise (no
 * counts stored, or already behind) leaves them for the refresh. Returns whether the counts were moved.
 */
export async function afterBatch(tx: ManagedTransaction, before: BatchBefore, version: GraphVersion): Promise<boolean> {
  const started = performance.now();
  const [stored] = await rows(tx, 'summary/read', {
    key: 'counts',
    haveVersion: neo4j.int(-1),
    haveEpoch: '',
    format: neo4j.int(SUMMARY_FORMAT),
  });
  if (!stored?.json || stored.version !== version.version - 1 || stored.epoch !== version.epoch) return false;
  const old = CountsPart.parse(JSON.parse(stored.json));
  // Categories can be moved only when all of them are stored (a category outside a cut list could climb into it).
  if (old.categories.length !== old.nodes.Category) return false;

  const after = before.ids.length > 0 ? await rows(tx, 'summary/batch-papers', { ids: before.ids }) : [];
  const years = new Map(old.papersPerYear.map((y) => [y.year, y.papers]));
  let withoutYear = old.papersWithoutYear;
  const move = (year: number | null, by: number) => {
    if (year === null) withoutYear += by;
    else years.set(year, (years.get(year) ?? 0) + by);
  };
  for (const p of before.papers) move(p.year, -1);
  for (const p of after) move(p.year, +1);

  const counts = await countStoreCounts(tx);
  const touched = [...new Set([...before.papers, ...after].flatMap((p) => p.codes))];
  const categories = new Map(old.categories.map((c) => [c.code, c]));
  for (const c of touched.length > 0 ? await rows(tx, 'summary/category-counts', { codes: touched }) : []) {
    categories.set(c.code, c);
  }
  // A category node created or removed other than through these papers: the stored list cannot say which.
  if (categories.size !== counts.nodes.Category) return false;

  const next: CountsPart = {
    ...counts,
    papersPerYear: [...years]
      .filter(([, n]) => n !== 0)
      .sort(([a], [b]) => a - b)
      .map(([year, papers]) => ({ year, papers })),
    papersWithoutYear: withoutYear,
    categories: [...categories.values()].sort((a, b) => b.papers - a.papers || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  };
  await storeParts(tx, version, { counts: next }, performance.now() - started);
  return true;
}
