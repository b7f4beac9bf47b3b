// The Cypher console: guard, then one read transaction in a READ session with a server-side timeout, a streamed row cap,
// and a summary (timings, plan, notifications).
import neo4j, { Neo4jError, type ResultSummary, type Session } from 'neo4j-driver';
import type { Graph } from '../../../db/graph.js';
import { plainRow, toPlain } from '../../../db/plain.js';
import type { CypherRequest, CypherResponse } from '../../../schema/cypher.js';
import { AppError, CypherError, ForbiddenQueryError, QueryTimeoutError, userQueryError, ValidationError } from '../../errors.js';
import { abandonConnection, connectionOf } from './abandon-connection.js';
import { checkQuery, lineColumn, type QueryMode } from './cypher-guard.js';
import { consoleGraph } from './console-elements.js';
import { type ConsoleLimiter, jsonBytesWithin, MAX_RESULT_BYTES, ResultTooLargeError } from './console-limits.js';

/**
 * How long past its own timeout a query may take before the HTTP answer stops waiting for Neo4j. Neo4j checks
 * transaction timeouts periodically (about every 2 s by default), so its own error usually arrives well within this.
 */
export const TIMEOUT_GRACE_MS = 5_000;
/** After the HTTP answer gave up, how long a session may still wait for Neo4j before its connection is dropped. */
export const ABANDON_AFTER_MS = 5_000;
/** Rows pulled from Neo4j per batch. */
export const FETCH_SIZE = 100;
/** The connectivity probe that tells a dropped query connection from a database that is gone. */
const PROBE_TIMEOUT_MS = 1_500;
const MAX_PLAN_OPERATORS = 500;

/** JSON numbers that are whole become Cypher integers (so `LIMIT $n` works); others stay floats. */
export function toDriverParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toDriverParams);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDriverParams(v)]));
  }
  return value;
}

const num = (v: unknown): number | null => {
  const n = toPlain(v);
  return typeof n === 'number' && n >= 0 ? n : null;
};

interface RawPlan {
  operatorType: string;
  identifiers?: string[];
  arguments?: Record<string, unknown>;
  children?: RawPlan[];
  dbHits?: number;
  rows?: number;
}

/** The plan tree flattened in pre-order (root first) with each operator's depth. */
export function flattenPlan(root: RawPlan | false | undefined, profiled: boolean): CypherResponse['summary']['plan'] {
  const out: CypherResponse['summary']['plan'] = [];
  const walk = (p: RawPlan, depth: number) => {
    if (out.length >= MAX_PLAN_OPERATORS) return;
    const details = p.arguments?.Details;
    out.push({
      operator: p.operatorType.replace(/@.*$/, ''),
      depth,
      ...(typeof details === 'string' ? { details } : {}),
      identifiers: p.identifiers ?? [],
      ...(profiled ? { rows: num(p.rows) ?? 0, dbHits: num(p.dbHits) ?? 0 } : {}),
    });
    for (const c of p.children ?? []) walk(c, depth + 1);
  };
  if (root) walk(root, 0);
  return out;
}

/** Notifications (deprecations, cartesian products, unknown labels…) from the summary, GQL status objects as fallback. */
export function notificationsOf(summary: ResultSummary): CypherResponse['summary']['notifications'] {
  const position = (p: unknown) => {
    const q = p as { offset?: unknown; line?: unknown; column?: unknown } | undefined;
    return typeof q?.offset === 'number' && typeof q.line === 'number' && typeof q.column === 'number'
      ? { position: { offset: q.offset, line: q.line, column: q.column } }
      : {};
  };
  if (summary.notifications.length > 0) {
    return summary.notifications.map((n) => ({
      code: n.code,
      title: n.title,
      description: n.description,
      severity: String(n.rawSeverityLevel ?? n.severityLevel),
      ...(n.rawCategory ? { category: String(n.rawCategory) } : {}),
      ...position(n.position),
    }));
  }
  return (summary.gqlStatusObjects ?? [])
    .filter((g) => g.isNotification)
    .map((g) => ({
      code: g.gqlStatus,
      title: g.statusDescription,
      description: g.statusDescription,
      severity: String(g.rawSeverity ?? g.severity),
      ...(g.rawClassification ? { category: String(g.rawClassification) } : {}),
      ...position(g.position),
    }));
}

const CONNECTION_LOST_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * Maps driver errors to AppErrors: memory exhaustion of the query → 413, any other client error of the user's query →
 * 400 naming Neo4j's code. A dropped connection is "unreachable" (503) only when Neo4j also fails a fresh probe; when
 * it answers, the query lost its own connection (Neo4j closes it, e.g., when it cannot allocate network buffers) → 502.
 * Whatever else Neo4j reports about the query is a 422 with its code, never a bare 500.
 */
async function consoleError(err: unknown, graph: Graph, timeoutMs: number, answered: boolean): Promise<unknown> {
  // Once the HTTP answer went out (the deadline passed), nobody reads this error: no probe for it.
  if (err instanceof Neo4jError && CONNECTION_LOST_CODES.has(err.code) && !answered && (await databaseAnswers(graph))) {
    return new AppError(
      502,
      'query_connection_lost',
      'Neo4j closed the connection while running this query; the database itself is up. The query probably needed ' +
        'more memory or network buffer than the server allows: return fewer or smaller rows.',
      { neo4jCode: err.code },
    );
  }
  if (err instanceof Neo4jError && err.code === 'Neo.TransientError.General.OutOfMemoryError') {
    return new AppError(
      413,
      'query_too_large',
      'The query ran out of database memory and was stopped (the database keeps serving); build smaller values or ' +
        'return fewer rows',
      { neo4jCode: err.code },
    );
  }
  const mapped = userQueryError(err, graph.target.uri, timeoutMs);
  if (mapped instanceof Neo4jError && mapped.code.startsWith('Neo.ClientError.')) {
    return new CypherError(mapped.message, { neo4jCode: mapped.code });
  }
  if (mapped instanceof Neo4jError) {
    return new AppError(422, 'query_failed', `Neo4j could not run the query: ${mapped.message}`, { neo4jCode: mapped.code });
  }
  return mapped;
}

/** True when Neo4j answers a trivial read within {@link PROBE_TIMEOUT_MS}. */
async function databaseAnswers(graph: Graph): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const probe = graph
    .transaction(neo4j.session.READ, async (tx) => (await tx.run('RETURN 1 AS ok')).records.length === 1, {
      noRetry: true,
      timeoutMs: PROBE_TIMEOUT_MS,
    })
    .catch(() => false);
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([probe, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the guard; throws ForbiddenQueryError (403) or ValidationError (400) with the rule and where it matched. */
export function assertAllowed(query: string): { mode: QueryMode } {
  const verdict = checkQuery(query);
  if (verdict.ok) return { mode: verdict.mode };
  const where = { rule: verdict.rule, offset: verdict.offset, ...lineColumn(query, verdict.offset) };
  if (verdict.status === 403) throw new ForbiddenQueryError(verdict.message, where);
  // The position also goes into the message in Neo4j's own words, which the console already knows how to read.
  const at = `(line ${where.line}, column ${where.column} (offset: ${where.offset}))`;
  throw new ValidationError(`Invalid body field 'query': ${verdict.message} ${at}`, [{ body: 'query', message: verdict.message, ...where }]);
}

export interface ConsoleRunOptions {
  /** Shared by the console's requests; bounds how many run on Neo4j at once. Default: no bound (one-off calls). */
  limiter?: ConsoleLimiter;
  /** Most bytes of rows in one answer (default {@link MAX_RESULT_BYTES}). */
  maxResultBytes?: number;
  /** How long past timeoutMs the HTTP answer waits for Neo4j (default {@link TIMEOUT_GRACE_MS}). */
  graceMs?: number;
  /** How long after that a session still waiting on Neo4j keeps its connection (default {@link ABANDON_AFTER_MS}). */
  abandonAfterMs?: number;
}

/**
 * Runs a console query read-only: READ session (Neo4j refuses writes with Neo.ClientError.Statement.AccessMode), the
 * guard before it (LOAD CSV, admin commands, procedures, unbounded growth), the timeout enforced by Neo4j on the
 * transaction, and rows streamed in small batches until `maxRows` or `maxResultBytes`, after which the rest is
 * discarded on the server. The session is always closed; if Neo4j stops answering, its connection is dropped.
 */
export async function runConsoleQuery(graph: Graph, req: CypherRequest, opts: ConsoleRunOptions = {}): Promise<CypherResponse> {
  const { mode } = assertAllowed(req.query);
  const params = toDriverParams(req.params) as Record<string, unknown>;
  const release = opts.limiter ? await opts.limiter.acquire() : () => undefined;
  const session = graph.driver.session({
    database: graph.target.database,
    defaultAccessMode: neo4j.session.READ,
    // Small batches: Neo4j holds a whole batch in network buffers, so 1,000 large rows at once can exhaust them.
    fetchSize: Math.min(req.maxRows + 1, FETCH_SIZE),
  });
  let connection: unknown = null;
  let settled = false;
  const state = { answered: false };
  const run = execute(graph, session, req, mode, params, opts.maxResultBytes ?? MAX_RESULT_BYTES, state, (c) => {
    connection = c;
  }).finally(() => {
    settled = true;
    release();
  });
  run.catch(() => undefined);
  // Neo4j ends the transaction at its timeout; this only guarantees an HTTP answer if the server were slow to do so.
  // The run carries on in the background until Neo4j answers; if it still has not after abandonAfterMs, its
  // connection is dropped, which fails the run, closes the session and frees the pool slot and the console slot.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      state.answered = true;
      reject(new QueryTimeoutError(req.timeoutMs));
      setTimeout(() => {
        if (!settled && connection) abandonConnection(connection);
      }, opts.abandonAfterMs ?? ABANDON_AFTER_MS).unref();
    }, req.timeoutMs + (opts.graceMs ?? TIMEOUT_GRACE_MS));
  });
  try {
    return await Promise.race([run, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function execute(
  graph: Graph,
  session: Session,
  req: CypherRequest,
  mode: QueryMode,
  params: Record<string, unknown>,
  maxResultBytes: number,
  state: { answered: boolean },
  onConnection: (connection: unknown) => void,
): Promise<CypherResponse> {
  const started = performance.now();
  let tx: Awaited<ReturnType<typeof session.beginTransaction>> | null = null;
  try {
    const begin = session.beginTransaction({ timeout: req.timeoutMs, metadata: { app: 'papergraph', source: 'console' } });
    // Taken as soon as the pool hands it out, before BEGIN is answered: a server that never answers BEGIN must not keep
    // the connection either.
    void connectionOf(session).then(onConnection);
    tx = await begin;
    const result = tx.run(req.query, params);
    const columns = await result.keys();
    const rows: Record<string, unknown>[] = [];
    const raw: unknown[] = [];
    const it = result[Symbol.asyncIterator]();
    let truncated = false;
    let summary: ResultSummary | undefined;
    let bytes = 0;
    for (;;) {
      const next = await it.next();
      if (next.done) {
        summary = next.value;
        break;
      }
      if (rows.length >= req.maxRows) {
        truncated = true;
        // Stops consuming: the driver tells Neo4j to discard the remaining records and hands back the summary.
        summary = (await it.return?.())?.value as ResultSummary | undefined;
        break;
      }
      const row = plainRow(next.value);
      bytes += jsonBytesWithin(row, maxResultBytes - bytes);
      if (bytes > maxResultBytes) {
        await it.return?.();
        throw new ResultTooLargeError(rows.length, maxResultBytes);
      }
      // Raw values (an iterator in driver 6, hence the spread) feed the graph; toPlain would lose Node/Relationship.
      raw.push([...next.value.values()]);
      rows.push(row);
    }
    const timeMs = Math.round((performance.now() - started) * 10) / 10;
    const profiled = mode === 'profile';
    const plan = summary ? flattenPlan((profiled ? summary.profile : summary.plan) as RawPlan | false, profiled) : [];
    return {
      columns,
      rows,
      graph: consoleGraph(raw),
      summary: {
        timeMs,
        availableAfterMs: summary ? num(summary.resultAvailableAfter) : null,
        consumedAfterMs: summary ? num(summary.resultConsumedAfter) : null,
        queryType: summary?.queryType ?? null,
        mode,
        rootOperator: plan[0]?.operator ?? null,
        plan,
        notifications: summary ? notificationsOf(summary) : [],
      },
      truncated,
    };
  } catch (err) {
    throw await consoleError(err, graph, req.timeoutMs, state.answered);
  } finally {
    // Read-only work: rolling back just releases the transaction (it is already gone after a timeout or error).
    if (tx?.isOpen()) await tx.rollback().catch(() => undefined);
    await session.close().catch(() => undefined);
  }
}
