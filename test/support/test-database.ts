// Which Neo4j the tests may use, and the guard that keeps them from emptying a database that was not made for them.
//
// Tests run against a throw-away local Neo4j (a temp dir per run) unless TEST_NEO4J_URI names another one; NEO4J_URI
// (the app's database) never points tests anywhere. A database is a test database when it carries the marker node
// (:PaperGraphTestDatabase); a run marks a database only when it finds it empty. Every reset checks the marker first
// and refuses, leaving the data as it is, when the database holds anything and is not marked.
import type { Driver } from 'neo4j-driver';
import { must } from '../../core/must.js';

/** The label of the one node that marks a database as a test database; resets keep it. */
export const TEST_MARKER_LABEL = 'PaperGraphTestDatabase';

/** Where the tests connect: the run's local Neo4j, or the database TEST_NEO4J_URI names. */
export interface Neo4jTestTarget {
  uri: string;
  user: string;
  password: string;
  database?: string;
  kind: 'local' | 'remote';
}

/** What the environment asks for: a remote test database, or none (the run starts a local one). */
export type TestTargetChoice = { kind: 'local'; ignored?: string } | ({ kind: 'remote' } & Omit<Neo4jTestTarget, 'kind'>);

/** The database TEST_NEO4J_URI names for the tests, if any (the run then uses it instead of its own local ones). */
export function namedTestDatabase(env: NodeJS.ProcessEnv): string | undefined {
  return env.TEST_NEO4J_URI?.trim() || undefined;
}

/**
 * Reads TEST_NEO4J_URI / TEST_NEO4J_USER / TEST_NEO4J_PASSWORD / TEST_NEO4J_DATABASE. NEO4J_URI is never used: when
 * it is set without TEST_NEO4J_URI, `ignored` says so (the run then starts its own local Neo4j).
 */
export function chooseTestTarget(env: NodeJS.ProcessEnv): TestTargetChoice {
  const uri = namedTestDatabase(env);
  if (!uri) {
    return env.NEO4J_URI
      ? {
          kind: 'local',
          ignored:
            `NEO4J_URI (${env.NEO4J_URI}) is not used by the tests, which empty the database they run on; ` +
            'they start their own local Neo4j. To run them on another Neo4j, set TEST_NEO4J_URI (and TEST_NEO4J_PASSWORD).',
        }
      : { kind: 'local' };
  }
  if (!env.TEST_NEO4J_PASSWORD) throw new Error('TEST_NEO4J_URI is set for the tests but TEST_NEO4J_PASSWORD is not');
  return {
    kind: 'remote',
    uri,
    user: env.TEST_NEO4J_USER || 'neo4j',
    password: env.TEST_NEO4J_PASSWORD,
    database: env.TEST_NEO4J_DATABASE || undefined,
  };
}

/** The database holds data and is not marked as a test database: nothing was deleted. */
export class TestDatabaseRefusedError extends Error {
  override name = 'TestDatabaseRefusedError';
  constructor(readonly target: string) {
    super(
      `Refusing to empty the Neo4j database ${target} for the tests: it holds data and is not marked as a PaperGraph ` +
        `test database (no (:${TEST_MARKER_LABEL}) node), so it may be someone's real data. Nothing was deleted.\n` +
        'Tests only empty a database they found empty (they mark it then) or one marked on purpose. To opt in:\n' +
        '  - point TEST_NEO4J_URI at an empty database made for the tests (leave TEST_NEO4J_URI unset to use a ' +
        'throw-away local Neo4j), or\n' +
        `  - if everything in this database may be deleted, mark it: CREATE (:${TEST_MARKER_LABEL} {markedAt: datetime()})`,
    );
  }
}

function describeTarget(uri: string, database: string | undefined): string {
  return database ? `'${database}' at ${uri}` : `at ${uri} (default database)`;
}

/**
 * Makes sure the database is a test database: marked already, or empty (then it is marked now). Throws
 * {@link TestDatabaseRefusedError} otherwise, without writing anything.
 */
export async function claimTestDatabase(driver: Driver, uri: string, database?: string): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    await session.executeWrite(async (tx) => {
      const probe = await tx.run(
        `OPTIONAL MATCH (m:${TEST_MARKER_LABEL}) WITH count(m) AS markers
         OPTIONAL MATCH (n) WHERE NOT n:${TEST_MARKER_LABEL} WITH markers, n LIMIT 1
         RETURN markers, n IS NOT NULL AS hasData`,
      );
      const row = must(probe.records[0], 'probe.records[0]');
      const markers = Number(row.get('markers'));
      if (markers > 0) return;
      if (row.get('hasData') === true) throw new TestDatabaseRefusedError(describeTarget(uri, database));
      await tx.run(`CREATE (:${TEST_MARKER_LABEL} {markedAt: datetime()})`);
    });
  } finally {
    await session.close();
  }
}

/**
 * Deletes every node and relationship except the marker, after {@link claimTestDatabase} has confirmed (or made) the
 * database a test database. A refused database is left exactly as it was.
 */
export async function emptyTestDatabase(driver: Driver, uri: string, database?: string): Promise<void> {
  await claimTestDatabase(driver, uri, database);
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    await session.run(
      `MATCH (n) WHERE NOT n:${TEST_MARKER_LABEL} CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
    );
  } finally {
    await session.close();
  }
}
