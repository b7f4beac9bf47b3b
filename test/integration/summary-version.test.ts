// The graph version against the real Neo4j: every ingest batch bumps it in its own transaction, GET responses carry it
// as ETag, and If-None-Match answers 304 until the graph changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../db/graph.js';
import { GraphWriter } from '../../ingest/writer.js';
import { describeCategory } from '../../ingest/pipeline.js';
import { readGraphVersion, versionTag } from '../../db/summary/version.js';
import { createApp } from '../../server/app.js';
import { serve } from '../support/http.js';
import { loadSampleListing } from '../support/sample.js';
import { testGraph } from '../support/graph.js';
import { paperRecord } from '../support/records.js';
import { must } from '../../core/must.js';

describe('graph version and ETag', () => {
  const graph = testGraph();
  let api: Awaited<ReturnType<typeof serve>>;
  const writer = new GraphWriter(graph, describeCategory);

  beforeAll(async () => {
    await loadSampleListing(graph);
    api = await serve(createApp({ graph }));
  });
  afterAll(async () => {
    await api.close();
    await graph.close();
  });

  it('bumps the version once per ingest batch, in the batch transaction', async () => {
    const before = await readGraphVersion(graph);
    expect(before.version).toBeGreaterThan(0);
    expect(before.epoch).not.toBe('');
    await writer.writeBatch([{ record: paperRecord('version-1', ['Unique Person Qx1']), topics: [] }]);
    const after = await readGraphVersion(graph);
    expect(after).toEqual({ version: before.version + 1, epoch: before.epoch });
  });

  it('does not bump the version when the batch transaction rolls back', async () => {
    const before = await readGraphVersion(graph);
    // The same Graph, except that each transaction fails after its work ran: everything in it is rolled back.
    const failing = Object.create(graph) as Graph;
    failing.transaction = (mode, work, opts) =>
      graph.transaction(
        mode,
        async (tx) => {
          await work(tx);
          throw new Error('fail after the work');
        },
        { ...opts, noRetry: true },
      );
    await expect(
      new GraphWriter(failing, describeCategory).writeBatch([{ record: paperRecord('version-bad', ['Unique Person Qx2']), topics: [] }]),
    ).rejects.toThrow('fail after the work');
    expect(await readGraphVersion(graph)).toEqual(before);
    const found = await graph.transaction('READ', async (tx) => (await tx.run("MATCH (p:Paper {id: 'version-bad'}) RETURN p")).records);
    expect(found).toHaveLength(0);
  });

  it('tags GET responses with the version and answers If-None-Match with 304 until the graph changes', async () => {
    const path = `${api.url}/api/papers/${encodeURIComponent('version-1')}`;
    const first = await fetch(path);
    expect(first.status).toBe(200);
    const tag = first.headers.get('etag');
    expect(tag).toBe(versionTag(await readGraphVersion(graph)));
    expect(first.headers.get('cache-control')).toBe('no-cache');

    const again = await fetch(path, { headers: { 'If-None-Match': must(tag, 'the ETag of the first response') } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    await writer.writeBatch([{ record: paperRecord('version-2', ['Unique Person Qx3']), topics: [] }]);
    const changed = await fetch(path, { headers: { 'If-None-Match': must(tag, 'the ETag of the first response') } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
    expect(changed.headers.get('etag')).toBe(versionTag(await readGraphVersion(graph)));
  });

  it('leaves health and errors without the version tag', async () => {
    const tag = versionTag(await readGraphVersion(graph));
    const health = await fetch(`${api.url}/api/health`, { headers: { 'If-None-Match': tag } });
    expect(health.status).toBe(200);
    expect(health.headers.get('etag')).not.toBe(tag);
    const missing = await fetch(`${api.url}/api/papers/no-such-paper`);
    // 404 (or 408 when a loaded machine times the lookup out): an error either way, never tagged with the version.
    expect(missing.status).toBeGreaterThanOrEqual(400);
    expect(missing.headers.get('etag')).not.toBe(tag);
  });
});
