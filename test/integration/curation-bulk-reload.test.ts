// Identity decisions survive a bulk reload: a merge and a rejection decided through the curation API, then the store
// rebuilt from the same file, and both still hold (one person with all the papers and the retired id redirecting; the
// rejected suggestion rejected). Locally `ingest --bulk --replace --yes` rebuilds the store offline; with a remote
// NEO4J_URI, `--bulk` carries the decisions into the export folder and `--bulk-finish` restores them after the import.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testTarget } from '../support/neo4j-target.js';
import { must } from '../../core/must.js';
import type { Graph } from '../../db/graph.js';
import { applySchema } from '../../db/schema.js';
import { ingest } from '../../ingest/pipeline.js';
import { DecisionFile, DecisionResult } from '../../schema/curation.js';
import { listSuggestions } from '../../server/api/curation/curation.service.js';
import { createApp } from '../../server/app.js';
import { adminTokens } from '../../server/http/admin-token.js';
import { resetDatabase, testGraph } from '../support/graph.js';
import { serve } from '../support/http.js';
import { localEnv, q, runCli, withLocalGraph } from './bulk-helpers.js';
import { HAENTZE, HAENTZE2, K, KENO, variantsFile } from './curation-fixture.js';

const TOKEN = 'dora-token-0123456789abcdef';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'papergraph-bulk-decisions-'));
const dataDir = path.join(tmp, 'data');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Loads `file` into `g` and decides a merge (K into KENO) and a rejection (the Häntze pair) through the API. */
async function loadAndDecide(g: Graph, file: string): Promise<void> {
  await ingest([{ path: file }], g);
  const api = await serve(createApp({ graph: g, admin: adminTokens(`dora:${TOKEN}`) }));
  try {
    const post = async (p: string, body: unknown) => {
      const res = await fetch(`${api.url}/api/curation/decisions/${p}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      return DecisionResult.parse(await res.json());
    };
    expect((await post('merge', { keep: KENO, retire: K, why: 'same radiologist' })).applied).toBe(true);
    expect((await post('reject', { a: HAENTZE, b: HAENTZE2, why: 'different people' })).applied).toBe(true);
  } finally {
    await api.close();
  }
}

/** Both decisions hold in `g`, and are data there. */
async function expectDecisionsHold(g: Graph): Promise<void> {
  // The merge: one person with all three papers, the retired id redirecting to it.
  const papers = await q(g, 'MATCH (:Author {id: $id})-[:AUTHORED]->(p:Paper) RETURN p.id AS id ORDER BY id', { id: KENO });
  expect(papers.map((r) => r.id)).toEqual(['2101.00001', '2101.00002', '2101.00005']);
  expect(await q(g, 'MATCH (a:Author {id: $id}) RETURN a.id AS id', { id: K })).toEqual([]);
  expect(await q(g, 'MATCH (r:AuthorRedirect {id: $id}) RETURN r.redirectTo AS to', { id: K })).toEqual([{ to: KENO }]);
  // The rejection: the suggestion is there and stays rejected, out of the open queue.
  const status = await q(g, 'MATCH (:Author {id: $a})-[s:MAYBE_SAME_AS]-(:Author {id: $b}) RETURN s.status AS status', { a: HAENTZE, b: HAENTZE2 });
  expect(status).toEqual([{ status: 'rejected' }]);
  expect((await listSuggestions(g, { status: 'open', offset: 0, limit: 10 })).total).toBe(0);
  // Both decisions are data in the new store, with who decided and why.
  const decisions = await q(g, 'MATCH (d:IdentityDecision) RETURN d.kind AS kind, d.by AS by, d.why AS why, d.status AS status ORDER BY d.seq');
  expect(decisions).toEqual([
    { kind: 'merge', by: 'dora', why: 'same radiologist', status: 'active' },
    { kind: 'reject', by: 'dora', why: 'different people', status: 'active' },
  ]);
}

describe('identity decisions across a bulk reload', () => {
  it('a merge and a rejection made through the API still hold after ingest --bulk --replace --yes', async () => {
    const file = variantsFile();
    await withLocalGraph(dataDir, async (g) => {
      await applySchema(g);
      await loadAndDecide(g, file);
    });

    const res = await runCli(['--bulk', '--replace', '--yes', file], localEnv(dataDir));
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/replaced the previous database/);

    await withLocalGraph(dataDir, expectDecisionsHold);
  }, 900_000);

  it('with a remote NEO4J_URI: --bulk carries them into the export folder and --bulk-finish restores them', async () => {
    const file = variantsFile();
    const graph = testGraph();
    try {
      await resetDatabase(graph);
      await loadAndDecide(graph, file);
      // The test database stands in for the remote one.
      const t = testTarget();
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(tmp, 'remote'), NEO4J_URI: t.uri, NEO4J_USER: t.user, NEO4J_PASSWORD: t.password };
      if (t.database) env.NEO4J_DATABASE = t.database;
      else delete env.NEO4J_DATABASE;
      const exported = await runCli(['--bulk', file], env);
      expect(exported.code, exported.stderr).toBe(0);
      const [name] = readdirSync(path.join(tmp, 'remote')).filter((d) => d.startsWith('bulk-export-'));
      const dir = path.join(tmp, 'remote', must(name, 'the bulk-export folder'));
      expect(exported.stderr).toContain(`Carried the 2 identity decisions`);
      expect(existsSync(path.join(dir, 'decisions.json'))).toBe(true);
      expect(DecisionFile.parse(JSON.parse(readFileSync(path.join(dir, 'decisions.json'), 'utf8'))).decisions.map((d) => d.kind)).toEqual(['merge', 'reject']);

      // What import.sh does to that database: replaces it with the same file's graph, without the decisions.
      await resetDatabase(graph);
      await ingest([{ path: file }], graph);
      expect(await q(graph, 'MATCH (d:IdentityDecision) RETURN d.id AS id')).toEqual([]);

      const finished = await runCli(['--bulk-finish', dir], env);
      expect(finished.code, finished.stderr).toBe(0);
      expect(finished.stderr).toContain('restored 2 identity decisions');
      await expectDecisionsHold(graph);
    } finally {
      await resetDatabase(graph);
      await graph.close();
    }
  }, 900_000);
});
