// Incremental counts against the real Neo4j: a transactional batch moves the stored counts (nodes, relationships,
// papers per year and per category) in its own transaction, to exactly what a full computation gives, with no refresh.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeParts } from '../../db/summary/compute.js';
import { readStoredPart } from '../../db/summary/read.js';
import { bumpGraphVersion, readGraphVersion } from '../../db/summary/version.js';
import { describeCategory } from '../../ingest/pipeline.js';
import { GraphWriter } from '../../ingest/writer.js';
import { must } from '../../core/must.js';
import { testGraph } from '../support/graph.js';
import { paperRecord } from '../support/records.js';
import { loadSampleListing } from '../support/sample.js';

describe('incremental counts', () => {
  const graph = testGraph();
  const writer = new GraphWriter(graph, describeCategory);
  const computed = () => graph.transaction(neo4j.session.READ, (tx) => computeParts(tx));
  const stored = async () => {
    const s = await readStoredPart(graph, 'counts');
    return { version: must(s.version, 'a stored counts version'), data: must(s.data, 'stored counts') };
  };

  beforeAll(async () => {
    await loadSampleListing(graph);
  }, 240_000);
  afterAll(async () => {
    await graph.close();
  });

  it('moves the stored counts with each batch, in its transaction, to what a full computation gives', async () => {
    const start = await stored();
    expect(start.version).toEqual(await readGraphVersion(graph));
    const [existing] = await graph.transaction(neo4j.session.READ, async (tx) =>
      (await tx.run('MATCH (p:Paper) WHERE NOT p:Stub AND p.year IS NOT NULL RETURN p.id AS id, p.year AS year ORDER BY p.id LIMIT 1')).records.map((r) => ({
        id: String(r.get('id')),
        year: Number(r.get('year')),
      })),
    );
    const replaced = must(existing, 'a sample paper with a year');
    // A new paper in a year and category the graph has not seen, another without a year, and a sample paper written
    // again with another year and category (its old year and category lose it).
    await writer.writeBatch([
      { record: paperRecord('inc-1', ['Incra Mentala'], { year: 1987, published: '1987-01-02', categories: ['q-bio.PE'] }), topics: [] },
      { record: paperRecord('inc-2', ['Incra Mentala', 'Seco Ndus'], { year: null, published: null, datePrecision: null, categories: ['cs.CV'] }), topics: [] },
      { record: paperRecord(replaced.id, ['Third Auth'], { year: 1990, published: '1990-03-04', categories: ['astro-ph.GA'] }), topics: [] },
    ]);
    const after = await stored();
    const now = await readGraphVersion(graph);
    // No refresh ran: the counts were moved by the batch (and by its merge-suggestion write, if it made one).
    expect(after.version).toEqual(now);
    const full = await computed();
    expect(after.data).toEqual(full.counts);
    expect(full.counts.nodes.Paper).toBe(start.data.nodes.Paper + 2);
    expect(full.counts.papersPerYear).toContainEqual({ year: 1987, papers: 1 });
    expect(full.counts.categories.map((c) => c.code)).toEqual(expect.arrayContaining(['q-bio.PE', 'astro-ph.GA']));
    // The other parts are left for the refresh.
    expect((await readStoredPart(graph, 'tops')).version?.version).toBeLessThan(now.version);
  });

  it('leaves counts that were already behind for the refresh', async () => {
    await graph.transaction(neo4j.session.WRITE, (tx) => bumpGraphVersion(tx));
    const behind = await stored();
    await writer.writeBatch([{ record: paperRecord('inc-3', ['Late Writer']), topics: [] }]);
    const after = await stored();
    expect(after.version).toEqual(behind.version);
    expect((await readGraphVersion(graph)).version).toBeGreaterThan(behind.version.version);
  });
});
