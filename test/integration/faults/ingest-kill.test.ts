// Fault: an ingest killed mid-run (SIGKILL, and SIGTERM/SIGINT) and run again. The graph ends complete with no
// duplicate papers or authors, whole papers only in between, and no spool is left behind.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testTarget } from '../../support/neo4j-target.js';
import { writeSyntheticArxiv } from '../../../bench/synthetic.js';
import { resetDatabase, testGraph } from '../../support/graph.js';
import { must } from '../../../core/must.js';

const PAPERS = 2_000;
const graph = testGraph();
let work: string;
let input: string;

async function q(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  return graph.transaction('READ', async (tx) =>
    (await tx.run(cypher, params)).records.map((r) =>
      Object.fromEntries(Object.entries(r.toObject()).map(([k, v]) => [k, neo4j.isInt(v) ? v.toNumber() : v])),
    ),
  );
}

async function graphState() {
  const [row] = await q(`
    CALL () { MATCH (p:Paper) WHERE NOT p:Stub RETURN count(p) AS papers, count(DISTINCT p.id) AS paperIds }
    CALL () { MATCH (a:Author) RETURN count(a) AS authors, count(DISTINCT a.id) AS authorIds }
    CALL () { MATCH ()-[r:AUTHORED]->() RETURN count(r) AS authored }
    CALL () { MATCH (p:Paper) WHERE NOT p:Stub AND COUNT { (p)<-[:AUTHORED]-() } <> p.authorCount RETURN count(p) AS partial }
    CALL () { MATCH (t:Topic) WHERE NOT (t)<-[:HAS_TOPIC]-() RETURN count(t) AS orphanTopics }
    CALL () { OPTIONAL MATCH (c:TopicCorpus {id: 'papers'}) RETURN coalesce(c.papers, 0) AS countedForTopics }
    CALL () { MATCH (p:Paper) WHERE p.topicTerms IS NOT NULL RETURN count(p) AS withTopicTerms }
    RETURN *`);
  return must(row, 'the row of graph counts');
}

function childEnv(tmp: string): NodeJS.ProcessEnv {
  const t = testTarget();
  return { ...process.env, TMPDIR: tmp, NEO4J_URI: t.uri, NEO4J_USER: t.user, NEO4J_PASSWORD: t.password, NEO4J_DATABASE: t.database ?? '' };
}

function spoolsIn(tmp: string): string[] {
  return readdirSync(tmp).filter((n) => n.startsWith('papergraph-ingest-'));
}

/** Runs the ingest CLI to completion with its spool folder under `tmp`. */
function runCli(tmp: string, args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', ...args], {
    encoding: 'utf8',
    env: childEnv(tmp),
    timeout: 300_000,
  });
  return { code: res.status, stderr: res.stderr };
}

/**
 * Starts the ingest CLI, waits until `ready()` holds (polled), sends `signal`, and resolves with how the child ended.
 */
async function killMidRun(tmp: string, args: string[], signal: NodeJS.Signals, ready: () => Promise<boolean>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', ...args], { env: childEnv(tmp), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, sig) => resolve({ code, signal: sig })),
  );
  const deadline = Date.now() + 240_000;
  let exited = false;
  void ended.then(() => (exited = true));
  while (!exited && Date.now() < deadline && !(await ready())) await new Promise((r) => setTimeout(r, 100));
  if (exited) throw new Error(`the ingest ended before it could be killed:\n${stderr}`);
  child.kill(signal);
  return { ...(await ended), stderr };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'pg-fault-ingest-'));
  input = path.join(work, 'synthetic.jsonl');
  await writeSyntheticArxiv(input, { papers: PAPERS, seed: 7 });
});

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await resetDatabase(graph);
  await graph.close();
});

describe('fault: an ingest killed mid-run', () => {
  beforeEach(() => resetDatabase(graph));

  it('SIGKILL during the writes, then a re-run: the stale spool is removed, the graph is complete, nothing is duplicated', async () => {
    const tmp = path.join(work, 'kill9');
    mkdirSync(tmp);
    const papers = async () => Number((await graphState()).papers);
    const killed = await killMidRun(tmp, ['--batch-size', '250', input], 'SIGKILL', async () => (await papers()) >= 500);
    expect(killed.signal).toBe('SIGKILL');

    // Killed between batches or inside one: whole papers only, fewer than all.
    const partial = await graphState();
    expect(partial.papers).toBeGreaterThanOrEqual(500);
    expect(partial.papers).toBeLessThan(PAPERS);
    expect(partial.partial).toBe(0);
    // The stored topic frequencies count exactly the papers of the committed batches.
    expect(partial.countedForTopics).toBe(partial.papers);
    expect(partial.withTopicTerms).toBe(partial.papers);
    // A SIGKILL cannot clean up: its spool (records.jsonl and the owner's pid) is still there.
    const stale = spoolsIn(tmp);
    expect(stale).toHaveLength(1);
    expect(existsSync(path.join(tmp, must(stale[0], 'stale[0]'), 'records.jsonl'))).toBe(true);
    expect(stale[0]).toMatch(/^papergraph-ingest-\d+-/);

    const rerun = runCli(tmp, ['--batch-size', '250', input]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(spoolsIn(tmp)).toEqual([]);
    const done = await graphState();
    expect(done).toMatchObject({ papers: PAPERS, paperIds: PAPERS, partial: 0, orphanTopics: 0, countedForTopics: PAPERS });
    expect(done.authorIds).toBe(done.authors);

    // The same input once more changes no count: the re-run did not write anything twice.
    expect(runCli(tmp, ['--batch-size', '1000', input]).code).toBe(0);
    expect(await graphState()).toEqual(done);
  }, 600_000);

  it('SIGTERM and SIGINT: the ingest removes its own spool on the way out', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const tmp = path.join(work, signal);
      mkdirSync(tmp);
      // Stopped during pass 1, while the spool is being written.
      const ended = await killMidRun(tmp, ['--batch-size', '250', input], signal, async () => spoolsIn(tmp).length > 0);
      expect(ended.signal, ended.stderr).toBe(signal);
      expect(spoolsIn(tmp)).toEqual([]);
    }
  }, 300_000);

  it('a spool whose owner is alive is left alone; an unowned one is removed only once it is an hour old', () => {
    const tmp = path.join(work, 'sweep');
    mkdirSync(tmp);
    const alive = path.join(tmp, `papergraph-ingest-${process.pid}-x`);
    mkdirSync(alive);
    writeFileSync(path.join(alive, 'owner.json'), JSON.stringify({ pid: process.pid }));
    const fresh = path.join(tmp, 'papergraph-ingest-AbC123');
    mkdirSync(fresh);
    const res = runCli(tmp, ['--dry-run', path.resolve('data/samples/group-listing.txt')]);
    expect(res.code, res.stderr).toBe(0);
    expect(spoolsIn(tmp).sort()).toEqual([path.basename(fresh), path.basename(alive)].sort());
  }, 120_000);
});
