// Stored whole-graph summaries against the real Neo4j: an ingest is counted by the very next /api/stats, and under
// concurrent writes and reads a summary never describes data newer than the version it claims.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGraphVersion } from '../../db/summary/version.js';
import { describeCategory, ingest } from '../../ingest/pipeline.js';
import { GraphWriter } from '../../ingest/writer.js';
import { HealthResponse } from '../../schema/api.js';
import { StatsResponse } from '../../schema/stats.js';
import { warmUp } from '../../server/summary/warm.js';
import { GraphResponse } from '../../schema/graph.js';
import { createApp } from '../../server/app.js';
import { StartState } from '../../server/summary/readiness.js';
import { SummaryService } from '../../server/summary/summary.service.js';
import { testGraph } from '../support/graph.js';
import { serve } from '../support/http.js';
import { paperRecord } from '../support/records.js';
import { loadSampleListing } from '../support/sample.js';

describe('stored summaries', () => {
  const graph = testGraph();
  let api: Awaited<ReturnType<typeof serve>>;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'summary-freshness-'));
  // Background refreshes may start as soon as a stale summary is served (no rate limit), to provoke races.
  const start = new StartState(new SummaryService(graph, { minIntervalMs: 0 }));
  const stats = async () => {
    if (process.env.W10_DEBUG) console.log(new Date().toISOString(), 'GET stats');
    const res = await fetch(`${api.url}/api/stats?limit=100`);
    expect(res.status).toBe(200);
    return StatsResponse.parse(await res.json());
  };

  beforeAll(async () => {
    await loadSampleListing(graph);
    api = await serve(createApp({ graph, start }));
  });
  afterAll(async () => {
    await api.close();
    await graph.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('counts a paper ingested through the pipeline in the very next /api/stats, as a fresh summary', { timeout: 240_000 }, async () => {
    const before = await stats();
    expect(before.nodes.Paper).toBe(11);
    expect(before.stale).toBe(false);
    const line = readFileSync('test/fixtures/arxiv-jsonl/arxiv-sample-200.jsonl', 'utf8').split('\n')[1]!;
    const file = path.join(tmp, 'one.jsonl');
    writeFileSync(file, `${line}\n`);
    if (process.env.W10_DEBUG) console.log(new Date().toISOString(), 'ingest');
    await ingest([{ path: file }], graph);
    if (process.env.W10_DEBUG) console.log(new Date().toISOString(), 'ingested');

    const after = await stats();
    expect(after.nodes.Paper).toBe(12);
    expect(after.stale).toBe(false);
    expect(after.version).toBe((await readGraphVersion(graph)).version);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.papersPerYear.reduce((n, y) => n + y.papers, 0) + after.papersWithoutYear).toBe(12);
    expect(after.categories.map((c) => c.code)).toContain('math.CO');
    // The whole-network views are served from the same stored version.
    const coauthors = await fetch(`${api.url}/api/graph/coauthors?limit=1000`);
    expect(coauthors.headers.get('x-summary-version')).toBe(String(after.version));
    expect(coauthors.headers.get('x-summary-stale')).toBe('false');
    const names = GraphResponse.parse(await coauthors.json()).nodes.map((n) => n.data.label);
    expect(names).toEqual(expect.arrayContaining(['Ileana Streinu', 'Louis Theran']));
  });

  it('never serves a summary newer than the version it claims while writes and reads run concurrently', { timeout: 240_000 }, async () => {
    const writer = new GraphWriter(graph, describeCategory);
    const start = await readGraphVersion(graph);
    const [{ n: startPapers }] = (await graph.transaction('READ', async (tx) =>
      (await tx.run('MATCH (p:Paper) WHERE NOT p:Stub RETURN count(p) AS n')).records.map((r) => ({ n: Number(r.get('n')) })),
    )) as [{ n: number }];
    // Papers in the graph at each version, recorded by the one writer (a batch may bump twice: data, then suggestions).
    const papersAt = new Map<number, number>([[start.version, startPapers]]);
    let done = false;
    const writes = (async () => {
      let last = start.version;
      for (let i = 1; i <= 25; i++) {
        await writer.writeBatch([{ record: paperRecord(`fresh-${i}`, [`Writer${i} Zq${i}x`]), topics: [] }]);
        const v = (await readGraphVersion(graph)).version;
        for (let k = last + 1; k <= v; k++) papersAt.set(k, startPapers + i);
        last = v;
      }
      done = true;
    })();
    const seen: { version: number; papers: number; stale: boolean }[] = [];
    const reads = (async () => {
      while (!done) {
        const s = await stats();
        seen.push({ version: s.version, papers: s.nodes.Paper, stale: s.stale });
      }
    })();
    await Promise.all([writes, reads]);
    // Once writes stop, a refresh catches up and the summary is fresh again.
    let last = await stats();
    for (let i = 0; i < 50 && last.stale; i++) {
      await new Promise((r) => setTimeout(r, 200));
      last = await stats();
    }
    seen.push({ version: last.version, papers: last.nodes.Paper, stale: last.stale });

    expect(last.stale).toBe(false);
    expect(last.nodes.Paper).toBe(startPapers + 25);
    for (const s of seen) {
      expect(papersAt.has(s.version), `version ${s.version} was written by this test`).toBe(true);
      expect(s.papers, `papers in the summary of version ${s.version}`).toBe(papersAt.get(s.version));
    }
    // The reads saw summaries of versions built while writes were running, not only the first and the last.
    const versions = new Set(seen.map((s) => s.version));
    expect(versions.size).toBeGreaterThan(2);
    expect(seen.some((s) => s.stale)).toBe(true);
  });

  it('reports readiness in /api/health: not ready before a summary, then the summary version and the warm-up', { timeout: 240_000 }, async () => {
    const fresh = new StartState(new SummaryService(graph));
    expect(fresh.readiness().ready).toBe(false);
    await fresh.summaries.ensureBuilt();
    expect(fresh.readiness().summary.state).toBe('ready');
    expect(fresh.readiness().ready).toBe(true);

    await warmUp(api.url, graph, start);
    expect(start.warm.state).toBe('done');
    expect(start.warm.steps.filter((s) => s.error)).toEqual([]);
    expect(start.warm.steps.map((s) => s.step)).toEqual(expect.arrayContaining(['stores', 'GET /api/stats', 'GET /api/graph/topics']));
    const health = HealthResponse.parse(await (await fetch(`${api.url}/api/health`)).json());
    expect(health.ready).toBe(true);
    expect(health.summary?.version).toBe((await readGraphVersion(graph)).version);
    expect(health.warm?.state).toBe('done');
  });
});
