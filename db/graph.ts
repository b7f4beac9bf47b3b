// Graph access for server and ingest: named Cypher queries through managed transactions, results as plain JSON.
import neo4j, {
  bookmarkManager,
  type BookmarkManager,
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type SessionMode,
} from 'neo4j-driver';
import { cypher } from '../cypher/index.js';
import { fromNeo4jError } from '../server/errors.js';
import { toPlain } from './plain.js';

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

function rowsOf(result: QueryResult): Row[] {
  return result.records.map((r) => toPlain(r.toObject()) as Row);
}

/** A driver plus the database name, with reads and writes always going through executeRead/executeWrite. */
export class Graph {
  /**
   * Shared by every session of this Graph: each transaction starts after the writes this process committed (causal
   * consistency), so behind a routing driver (neo4j://, a cluster) a view that follows an ingest sees its writes.
   */
  readonly bookmarks: BookmarkManager = bookmarkManager();

  constructor(
    readonly driver: Driver,
    readonly target: GraphTarget,
  ) {}

  /** Runs work in a managed transaction of the given mode; the session is closed whatever happens. */
  async transaction<T>(mode: SessionMode, work: (tx: ManagedTransaction) => Promise<T>, opts: QueryOptions = {}): Promise<T> {
    const session = this.driver.session({ database: this.target.database, defaultAccessMode: mode, bookmarkManager: this.bookmarks });
    const txConfig = opts.timeoutMs ? { timeout: opts.timeoutMs } : undefined;
    try {
      if (opts.noRetry) {
        const tx = session.beginTransaction(txConfig);
        try {
          // A Transaction offers everything a work function uses (run); the type differs only in internals.
          const out = await work(tx as unknown as ManagedTransaction);
          await tx.commit();
          return out;
        } finally {
          if (tx.isOpen()) await tx.rollback();
        }
      }
      return mode === neo4j.session.READ
        ? await session.executeRead(work, txConfig)
        : await session.executeWrite(work, txConfig);
    } catch (err) {
      throw fromNeo4jError(err, this.target.uri, opts.timeoutMs);
    } finally {
      await session.close();
    }
  }

  /** Runs the named read query (cypher/<name>.cypher) and returns plain rows. */
  read(name: string, params: Row = {}, opts: QueryOptions = {}): Promise<Row[]> {
    const text = cypher(name);
    return this.transaction(neo4j.session.READ, async (tx) => rowsOf(await tx.run(text, params)), opts);
  }

  /** Runs the named write query in one transaction and returns plain rows. */
  write(name: string, params: Row = {}, opts: QueryOptions = {}): Promise<Row[]> {
    const text = cypher(name);
    return this.transaction(neo4j.session.WRITE, async (tx) => rowsOf(await tx.run(text, params)), opts);
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
      throw fromNeo4jError(err, this.target.uri);
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
