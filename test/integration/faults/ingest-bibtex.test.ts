// Fault: a BibTeX file with an entry the parser cannot read completely (an unclosed brace) between good ones. The broken
// entry is refused whole with file:line, the good ones go in; the corrected file then adds the fixed entry once.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTarget } from '../../support/neo4j-target.js';
import { resetDatabase, testGraph } from '../../support/graph.js';

const graph = testGraph();
let dir: string;

const entry = (key: string, title: string, doi: string, year: number, closeTitle = true) =>
  [`@article{${key},`, `  title = {${title}${closeTitle ? '}' : ''},`, '  author = {Kim, Bo and Lee, Ann},', `  doi = {${doi}},`, `  year = {${year}}`, '}', ''].join('\n');

const GOOD_1 = entry('good1', 'Graph neural networks for citation analysis', '10.1000/good.1', 2020);
const GOOD_2 = entry('good2', 'Topic models of research literature', '10.1000/good.2', 2022);

function cli(args: string[]) {
  const t = testTarget();
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: t.uri, NEO4J_USER: t.user, NEO4J_PASSWORD: t.password, NEO4J_DATABASE: t.database ?? '' },
    timeout: 180_000,
  });
  return { code: res.status, stderr: res.stderr };
}

async function papers() {
  return graph.transaction('READ', async (tx) =>
    (
      await tx.run(`MATCH (p:Paper) OPTIONAL MATCH (a:Author)-[:AUTHORED]->(p)
                    WITH p, a ORDER BY a.name
                    RETURN p.id AS id, p.title AS title, p.doi AS doi, collect(a.name) AS authors ORDER BY id`)
    ).records.map((r) => r.toObject()),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pg-fault-bib-'));
  await resetDatabase(graph);
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await resetDatabase(graph);
  await graph.close();
});

describe('fault: a BibTeX entry the parser cannot read completely', () => {
  it('is refused whole (file:line, exit 1), the rest goes in; the corrected file adds it once under its doi: id', async () => {
    const file = path.join(dir, 'u.bib');
    writeFileSync(file, [GOOD_1, entry('broken', 'Unclosed brace swallows the fields', '10.1000/broken', 2021, false), GOOD_2].join('\n'));
    const res = cli([file]);
    expect(res.code, res.stderr).toBe(1);
    // The broken entry starts on line 8 (seven lines per entry plus the blank line between).
    expect(res.stderr).toMatch(new RegExp(`${file}:8: entry broken: not read completely`));
    expect(await papers()).toEqual([
      { id: 'doi:10.1000/good.1', title: 'Graph neural networks for citation analysis', doi: '10.1000/good.1', authors: ['Ann Lee', 'Bo Kim'] },
      { id: 'doi:10.1000/good.2', title: 'Topic models of research literature', doi: '10.1000/good.2', authors: ['Ann Lee', 'Bo Kim'] },
    ]);

    writeFileSync(file, [GOOD_1, entry('broken', 'Unclosed brace swallows the fields', '10.1000/broken', 2021), GOOD_2].join('\n'));
    const fixed = cli([file]);
    expect(fixed.code, fixed.stderr).toBe(0);
    const after = await papers();
    expect(after.map((p) => p.id)).toEqual(['doi:10.1000/broken', 'doi:10.1000/good.1', 'doi:10.1000/good.2']);
    expect(after[0]).toMatchObject({ title: 'Unclosed brace swallows the fields', authors: ['Ann Lee', 'Bo Kim'] });
    const [n] = await graph.transaction('READ', async (tx) =>
      (await tx.run("MATCH (p:Paper) WHERE p.title CONTAINS 'Unclosed brace' RETURN count(p) AS n")).records.map((r) => r.get('n')),
    );
    expect(neo4j.integer.toNumber(n)).toBe(1);
  }, 300_000);
});
