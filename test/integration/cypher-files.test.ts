// Every .cypher file compiles against the real Neo4j (EXPLAIN) with the columns its row schema names, is used by some
// code, and the schema applies twice.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryNames } from '../../cypher/index.js';
import { isQueryName, ROWS } from '../../cypher/rows.js';
import { applySchema } from '../../db/schema.js';
import { resetDatabase, testGraph } from '../support/graph.js';
import { must } from '../../core/must.js';

const CODE_DIRS = ['server', 'ingest', 'db', 'client', 'bench'];

function sourceFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return sourceFiles(full);
      return /\.(ts|js)$/.test(e.name) ? [full] : [];
    });
  } catch {
    return [];
  }
}

describe('cypher/ files', () => {
  const graph = testGraph();
  beforeAll(() => resetDatabase(graph));
  afterAll(() => graph.close());

  it('has queries to check', () => {
    expect(queryNames().length).toBeGreaterThan(5);
  });

  it.each(queryNames())('%s compiles (EXPLAIN) and returns the columns of its row schema', async (name) => {
    const text = readFileSync(path.join('cypher', `${name}.cypher`), 'utf8');
    // WRITE mode: EXPLAIN does not run the query, but a read session would refuse to plan the ingest writes.
    const columns = await graph.transaction('WRITE', (tx) => tx.run(`EXPLAIN ${text}`).keys());
    if (!isQueryName(name)) throw new Error(`cypher/${name}.cypher has no row schema in cypher/rows.ts`);
    expect([...columns].map(String).sort(), `columns of cypher/${name}.cypher`).toEqual(Object.keys(ROWS[name].shape).sort());
  });

  it('every query file is used by application code (not only by tests)', () => {
    const code = CODE_DIRS.flatMap(sourceFiles)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = queryNames().filter((n) => !code.includes(`'${n}'`) && !code.includes(`"${n}"`) && !code.includes(`\`${n}\``));
    expect(unused).toEqual([]);
  });

  it('applies the schema idempotently, with the constraints and full-text indexes of the model', async () => {
    await applySchema(graph);
    await applySchema(graph);
    const constraints = await graph.transaction('READ', async (tx) =>
      must((await tx.run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names')).records[0], 'constraint names row').get('names') as string[],
    );
    expect(constraints).toEqual(expect.arrayContaining(['paper_id', 'author_id', 'category_code', 'topic_id']));
    const fulltext = await graph.transaction('READ', async (tx) =>
      must((await tx.run("SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN collect(name) AS names")).records[0], 'full-text index names row').get(
        'names',
      ) as string[],
    );
    expect(fulltext).toEqual(expect.arrayContaining(['paper_text', 'author_name', 'topic_name']));
  });

  it('backfills primaryCategory once on a database that predates it, and leaves other papers alone', async () => {
    // A database from before the migration: papers without the property, no record of the migration.
    await graph.transaction('WRITE', async (tx) => {
      await tx.run('MATCH (m:PaperGraphMigration) DETACH DELETE m');
      await tx.run(
        `CREATE (old:Paper {id: 'bf-old'})-[:IN_CATEGORY {primary: true}]->(:Category {code: 'bf.A'}),
                (old)-[:IN_CATEGORY {primary: false}]->(:Category {code: 'bf.B'}),
                (:Paper {id: 'bf-none'}),
                (kept:Paper {id: 'bf-kept', primaryCategory: 'bf.C'})-[:IN_CATEGORY {primary: true}]->(:Category {code: 'bf.D'})`,
      );
    });
    const categories = () =>
      graph.transaction('READ', async (tx) =>
        (await tx.run("MATCH (p:Paper) WHERE p.id STARTS WITH 'bf-' RETURN p.id AS id, p.primaryCategory AS c ORDER BY id")).records.map(
          (r) => [r.get('id'), r.get('c')],
        ),
      );
    await applySchema(graph);
    expect(await categories()).toEqual([
      ['bf-kept', 'bf.C'],
      ['bf-none', null],
      ['bf-old', 'bf.A'],
    ]);
    // Recorded: the next start does not scan again (a paper missing the property stays as it is).
    await graph.transaction('WRITE', (tx) =>
      tx.run("CREATE (:Paper {id: 'bf-later'})-[:IN_CATEGORY {primary: true}]->(:Category {code: 'bf.E'})"),
    );
    await applySchema(graph);
    expect((await categories()).find(([id]) => id === 'bf-later')).toEqual(['bf-later', null]);
  });
});
