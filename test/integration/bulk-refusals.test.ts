// `ingest --bulk` refuses what it must not do, and leaves the previous database serving when it is stopped:
// non-empty database without --replace --yes, not enough disk, the explorer running, bad input with --strict, and
// SIGINT / SIGKILL in the middle of the import (no JVM left behind either).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticArxiv } from '../../bench/synthetic.js';
import { localNeo4jDir } from '../../db/connect.js';
import { Graph } from '../../db/graph.js';
import { startLocalNeo4j } from '../../db/local-neo4j.js';
import { applySchema } from '../../db/schema.js';
import { BulkRefusedError, bulkLoad } from '../../ingest/bulk/run.js';
import { ingest } from '../../ingest/pipeline.js';
import { fixture, localEnv, q, runCli, withLocalGraph } from './bulk-helpers.js';
import { must } from '../../core/must.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'papergraph-bulk-refuse-'));
const dataDir = path.join(tmp, 'data');
const BIB = fixture('bibtex/zbmath-47.bib');

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Processes (other than ours) whose command line mentions `needle`. */
function processesMentioning(needle: string): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    if (Number(pid) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(needle)) out.push(`${pid}: ${cmd.slice(0, 200)}`);
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

async function waitNoProcesses(needle: string, ms = 20_000): Promise<string[]> {
  const end = Date.now() + ms;
  let left = processesMentioning(needle);
  while (left.length > 0 && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 250));
    left = processesMentioning(needle);
  }
  return left;
}

async function paperCount(dir: string): Promise<number> {
  return withLocalGraph(dir, async (g) => Number(must((await q(g, 'MATCH (p:Paper) WHERE NOT p:Stub RETURN count(p) AS c'))[0], 'the paper count').c));
}

describe('ingest --bulk on a database that is in use or not empty', () => {
  beforeAll(async () => {
    // The previous database: the BibTeX sample written by the transactional path (47 papers).
    const local = await startLocalNeo4j({ dataDir: localNeo4jDir({ dataDir }), log: () => {}, startTimeoutMs: 600_000 });
    const graph = new Graph(neo4j.driver(local.uri, neo4j.auth.basic(local.user, local.password)), { uri: local.uri, kind: 'local' });
    try {
      await applySchema(graph);
      await ingest([{ path: BIB }], graph, {});
      // While it runs, as `npm start` would: the bulk CLI refuses and says what to run.
      const res = await runCli(['--bulk', BIB], localEnv(dataDir));
      expect(res.code, res.stderr).toBe(3);
      expect(res.stderr).toContain('refused: the explorer (npm start)');
      expect(res.stderr).toContain(`then run: npm run ingest -- --bulk ${BIB}`);
    } finally {
      await graph.close();
      await local.stop();
    }
  }, 600_000);

  it('refuses a non-empty database without --replace, and --replace without --yes, saying what would be lost', async () => {
    const plain = await runCli(['--bulk', fixture('arxiv-atom/query-einstein-2018.xml')], localEnv(dataDir));
    expect(plain.code, plain.stderr).toBe(3);
    expect(plain.stderr).toMatch(/is not empty \(47 papers, \d+ authors/);
    expect(plain.stderr).toContain('--replace --yes');
    const noYes = await runCli(['--bulk', '--replace', fixture('arxiv-atom/query-einstein-2018.xml')], localEnv(dataDir));
    expect(noYes.code, noYes.stderr).toBe(3);
    expect(noYes.stderr).toMatch(/--replace would delete 47 papers, \d+ authors .*add --yes/);
    expect(existsSync(path.join(dataDir, 'bulk-staging'))).toBe(false);
  }, 600_000);

  it('--strict stops at the first bad record with exit 2 and leaves the database unchanged', async () => {
    const bad = path.join(tmp, 'bad.jsonl');
    const good = readFileSync(fixture('arxiv-jsonl/arxiv-sample-200.jsonl'), 'utf8').split('\n').slice(0, 3);
    writeFileSync(bad, [...good, '{"id": "9999.0001", "title": ', ...good].join('\n'));
    const res = await runCli(['--bulk', '--replace', '--yes', '--strict', bad], localEnv(dataDir));
    expect(res.code, res.stderr).toBe(2);
    expect(res.stderr).toContain(`${bad}:4`);
    expect(res.stderr).toContain('the database is unchanged');
    expect(await paperCount(dataDir)).toBe(47);
  }, 600_000);

  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    it(`${signal} during the import leaves the previous database serving and no JVM behind`, async () => {
      // The signal goes out at the importer's first progress line, while its JVM is working; the input only has to
      // be big enough for the importer to report progress (staging it is the costly part: about 10 ms CPU per paper).
      const big = path.join(tmp, 'synthetic.jsonl');
      if (!existsSync(big)) await writeSyntheticArxiv(big, { papers: 500, seed: 3 });
      let killed = false;
      const res = await runCli(['--bulk', '--replace', '--yes', big], localEnv(dataDir), (text, child) => {
        if (!killed && /\nimport \(/.test(text)) {
          killed = true;
          child.kill(signal);
        }
      });
      expect(killed, res.stderr).toBe(true);
      if (signal === 'SIGINT') {
        expect(res.code, res.stderr).toBe(130);
        expect(res.stderr).toContain('the previous database is unchanged');
        expect(existsSync(path.join(dataDir, 'bulk-staging'))).toBe(false);
      } else {
        expect(res.signal).toBe('SIGKILL');
      }
      expect(await waitNoProcesses(path.join(dataDir, 'bulk-staging'))).toEqual([]);
      expect(await paperCount(dataDir)).toBe(47);
    }, 900_000);
  }
});

describe('ingest --bulk disk check', () => {
  it('refuses before writing anything when the free space is below the estimate', async () => {
    const empty = path.join(tmp, 'empty');
    const err = await bulkLoad([{ path: BIB }], { dataDir: empty, freeBytes: async () => 50 * 2 ** 20 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulkRefusedError);
    expect((err as BulkRefusedError).reason).toBe('disk');
    expect((err as Error).message).toMatch(/not enough free disk in .*needs about 1\.0 GiB.*50 MiB are free/);
    expect(existsSync(path.join(empty, 'bulk-staging'))).toBe(false);
    expect(existsSync(path.join(empty, 'neo4j'))).toBe(false);
  });
});
