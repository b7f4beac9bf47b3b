// Fault: the tests must never empty a database that was not made for them. The run's own database stands in for an
// external one by losing its test marker; a reset then has to refuse and leave every node in place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetDatabase, testGraph } from '../../support/graph.js';
import { TEST_MARKER_LABEL, TestDatabaseRefusedError, chooseTestTarget } from '../../support/test-database.js';

describe('the test-database guard', () => {
  const graph = testGraph();
  const count = async (cypher: string) =>
    graph.transaction('READ', async (tx) => Number((await tx.run(cypher)).records[0]!.get(0)));
  const unmark = () => graph.runAutoCommit(`MATCH (m:${TEST_MARKER_LABEL}) DELETE m`);
  const mark = () => graph.runAutoCommit(`MERGE (:${TEST_MARKER_LABEL})`);

  beforeAll(() => resetDatabase(graph));
  afterAll(async () => {
    await mark();
    await resetDatabase(graph);
    await graph.close();
  });

  it('refuses to reset a database that holds data and carries no marker, and deletes nothing', async () => {
    await graph.runAutoCommit(
      "CREATE (:Paper {id: 'precious-1', title: 'Real data'})-[:AUTHORED_BY]->(:Author {id: 'precious-a'}), (:Other {x: 1})",
    );
    await unmark();
    const before = await count('MATCH (n) RETURN count(n)');
    expect(before).toBeGreaterThanOrEqual(3);

    const err = await resetDatabase(graph).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TestDatabaseRefusedError);
    const message = (err as Error).message;
    expect(message).toContain(graph.target.uri);
    expect(message).toMatch(/not marked as a PaperGraph test database/);
    expect(message).toContain('TEST_NEO4J_URI');
    expect(message).toContain(`CREATE (:${TEST_MARKER_LABEL}`);

    expect(await count('MATCH (n) RETURN count(n)')).toBe(before);
    expect(await count('MATCH ()-[r]->() RETURN count(r)')).toBe(1);
    expect(await count("MATCH (p:Paper {id: 'precious-1', title: 'Real data'}) RETURN count(p)")).toBe(1);
    expect(await count(`MATCH (m:${TEST_MARKER_LABEL}) RETURN count(m)`)).toBe(0);
  });

  it('resets a database marked on purpose, keeping only the marker', async () => {
    await mark();
    await resetDatabase(graph);
    // The schema step (re)writes its migration record; nothing else may remain.
    expect(await count(`MATCH (n) WHERE NOT n:${TEST_MARKER_LABEL} AND NOT n:PaperGraphMigration RETURN count(n)`)).toBe(0);
    expect(await count(`MATCH (m:${TEST_MARKER_LABEL}) RETURN count(m)`)).toBe(1);
  });

  it('claims an empty database by marking it', async () => {
    await graph.runAutoCommit('MATCH (n) DETACH DELETE n');
    expect(await count('MATCH (n) RETURN count(n)')).toBe(0);
    await resetDatabase(graph);
    expect(await count(`MATCH (m:${TEST_MARKER_LABEL}) RETURN count(m)`)).toBe(1);
  });

  it('never takes NEO4J_URI as the test database; TEST_NEO4J_URI is the only way to name one', () => {
    const app = { NEO4J_URI: 'neo4j+s://prod.example:7687', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'neo4j' };
    const local = chooseTestTarget(app);
    expect(local.kind).toBe('local');
    expect(local.kind === 'local' && local.ignored).toMatch(/NEO4J_URI .* is not used by the tests.*TEST_NEO4J_URI/);
    expect(chooseTestTarget({})).toEqual({ kind: 'local' });
    expect(chooseTestTarget({ ...app, TEST_NEO4J_URI: 'bolt://127.0.0.1:7688', TEST_NEO4J_PASSWORD: 'tpw' })).toEqual({
      kind: 'remote',
      uri: 'bolt://127.0.0.1:7688',
      user: 'neo4j',
      password: 'tpw',
      database: undefined,
    });
    expect(() => chooseTestTarget({ TEST_NEO4J_URI: 'bolt://127.0.0.1:7688' })).toThrow(/TEST_NEO4J_PASSWORD/);
  });
});
