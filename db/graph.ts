// Graph access for server and ingest: named Cypher queries through managed transactions, results as plain JSON.
import neo4j, {
  bookmarkManager,
  type BookmarkManager,
  type Driver,
  type ManagedTransaction,
  type QueryStatistics,
  type SessionMode,
} from 'neo4j-driver';
import { RowShapeError } from '../core/errors.js';
import { cypher } from '../cypher/index.js';
import { ROWS, type QueryName, type RowOf } from '../cypher/rows.js';
import { gateOf } from './driver-gate.js';
import { fromNeo4jError } from './neo4j-errors.js';
import { plainRow } from './plain.js';

export type Row = Record<string, unknown>;

export interface QueryOptions {
  /** Per-transaction timeout enforced by the server. */
  timeoutMs?: number;
  /**
   * Fail at once instead of retrying transient errors (managed transactions retry for up to maxTransactionRetryTime,
   * 30 s by default): for health checks, which must answer quickly whether the database is there.
   */
  noRetry?: boolean;
}

/** Where a Graph points: shown in health and error messages; never contains credentials. */
export interface GraphTarget {
  uri: string;
  database?: string;
  /** 'local' when PaperGraph started the Neo4j itself. */
  kind: 'local' | 'remote';
}

/** Parses row `i` (plain JSON) of the named query with its schema (cypher/rows.ts); a mismatch names the file and column. */
export function parseRow<N extends QueryName>(name: N, plain: unknown, i = 0): RowOf<N> {
  const parsed = ROWS[name].safeParse(plain);
  if (parsed.success) return parsed.data as RowOf<N>;
  const issue = parsed.error.issues[0];
  // A column the schema does not have (a query of NO_ROWS that returns one) is named by the key itself.
  const column = (issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue?.path.map(String).join('.')) || '(row)';
  throw new RowShapeError(name, `cypher/${name}.cypher row ${i}: column '${column}': ${issue?.message ?? 'invalid'}`, {
    query: name,
    row: i,
    column,
  });
}

/** What a write did: nodes and relationships created and deleted, properties set (the driver's counters). */
export type Updates = ReturnType<QueryStatistics['updates']>;

/** The parsed rows of a query and what it changed. */
export interface QueryOutcome<N extends QueryName> {
  rows: RowOf<N>[];
  updates: Updates;
}

/**
 * Runs `cypher/<name>.cypher` (or `text` when given: a whitelisted variant of it) in `tx` and returns its rows, parsed
 * with the query's row schema, with the write counters: for writes that report what they created.
 */
export async function runQuery<N extends QueryName>(
  tx: ManagedTransaction,
  name: N,
  params: Row = {},
  text: string = cypher(name),
): Promise<QueryOutcome<N>> {
  const result = await tx.run(text, params);
  return {
    rows: result.records.map((record, i) => parseRow(name, plainRow(record), i)),
    updates: result.summary.counters.updates(),
  };
}

/**
 * Runs `cypher/<name>.cypher` (or `text`) in `tx` and returns its rows, parsed with the query's row schema. The one
 * helper every multi-query transaction uses.
 */
export async function rows<N extends QueryName>(
  tx: ManagedTransaction,
  name: N,
  params: Row = {},
  text: string = cypher(name),
): Promise<RowOf<N>[]> {
  return (await runQuery(tx, name, params, text)).rows;
}

/** A driver plus the database name, with reads and writes always going through executeRead/executeWrite. */
export class Graph {
  /**
   * Shared by every session of this Graph: each transaction starts after the writes this process committed (causal
   * consistency), so behind a routing driver (neo4j://, a cluster) a view that follows an ingest sees its writes.
   */
  readonly bookmarks: BookmarkManager = bookmarkManager();

  /**
   * `queries` looks up the text of a named query: the cypher/ files, unless a test substitutes one (for example a
   * deliberately broken query, to check how our own query bugs are reported).
   */
  constructor(
    readonly driver: Driver,
    readonly target: GraphTarget,
    readonly queries: (name: string) => string = cypher,
  ) {}

  /** Runs work in a managed transaction of the given mode; the session is closed whatever happens. */
  async transaction<T>(
    mode: SessionMode,
    work: (tx: ManagedTransaction) => Promise<T>,
    opts: QueryOptions = {},
    query?: string,
  ): Promise<T> {
    const session = this.driver.session({ database: this.target.database, defaultAccessMode: mode, bookmarkManager: this.bookmarks });
    const txConfig = opts.timeoutMs ? { timeout: opts.timeoutMs } : undefined;
    try {
      if (opts.noRetry) {
        const once = async () => {
          const tx = session.beginTransaction(txConfig);
          try {
            // A Transaction offers everything a work function uses (run); the type differs only in internals.
            const out = await work(tx as unknown as ManagedTransaction);
            await tx.commit();
            return out;
          } finally {
            if (tx.isOpen()) await tx.rollback();
          }
        };
        // The gate guards managed transactions itself; an explicit one goes through it here, so it too fails at once
        // while the database is known down instead of waiting for the driver's connection timeout.
        const gate = gateOf(this.driver);
        return gate ? await gate.guard(once) : await once();
      }
      return mode === neo4j.session.READ
        ? await session.executeRead(work, txConfig)
        : await session.executeWrite(work, txConfig);
    } catch (err) {
      throw fromNeo4jError(err, { target: this.target.uri, timeoutMs: opts.timeoutMs, origin: { kind: 'own', query } });
    } finally {
      await session.close();
    }
  }

  /** The text of the named query as this Graph runs it. */
  text(name: QueryName): string {
    return this.queries(name);
  }

  /** Runs the named read query (cypher/<name>.cypher) and returns its parsed rows. */
  read<N extends QueryName>(name: N, params: Row = {}, opts: QueryOptions = {}): Promise<RowOf<N>[]> {
    const text = this.queries(name);
    return this.transaction(neo4j.session.READ, (tx) => rows(tx, name, params, text), opts, name);
  }

  /** Runs the named write query in one transaction and returns its parsed rows. */
  write<N extends QueryName>(name: N, params: Row = {}, opts: QueryOptions = {}): Promise<RowOf<N>[]> {
    const text = this.queries(name);
    return this.transaction(neo4j.session.WRITE, (tx) => rows(tx, name, params, text), opts, name);
  }

  /**
   * Runs one statement in an auto-commit transaction: for schema commands and `CALL {…} IN TRANSACTIONS`, which cannot
   * run inside a managed transaction. Not retried.
   */
  async runAutoCommit(statement: string, params: Row = {}): Promise<void> {
    const session = this.driver.session({
      database: this.target.database,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    try {
      await session.run(statement, params);
    } catch (err) {
      throw fromNeo4jError(err, { target: this.target.uri, origin: { kind: 'own' } });
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
