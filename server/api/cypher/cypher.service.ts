// The Cypher console: guard, then one read transaction in a READ session with a server-side timeout, a streamed row cap,
// and a summary (timings, plan, notifications).
import neo4j, { Neo4jError, type ResultSummary } from 'neo4j-driver';
import type { Graph } from '../../../db/graph.js';
import { toPlain } from '../../../db/plain.js';
import type { CypherRequest, CypherResponse } from '../../../schema/cypher.js';
import { CypherError, ForbiddenQueryError, QueryTimeoutError, userQueryError, ValidationError } from '../../errors.js';
import { checkQuery, lineColumn, type QueryMode } from './cypher-guard.js';
import { consoleGraph } from './console-elements.js';

/**
 * How long past its own timeout a query may take before the HTTP answer stops waiting for Neo4j. Neo4j checks
 * transaction timeouts periodically (about every 2 s by default), so its own error usually arrives well within this.
 */
export const TIMEOUT_GRACE_MS = 5_000;
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

/** Maps driver errors to AppErrors; every other client error of the user's query is a 400 naming Neo4j's code. */
function consoleError(err: unknown, graph: Graph, timeoutMs: number): unknown {
  const mapped = userQueryError(err, graph.target.uri, timeoutMs);
  if (mapped instanceof Neo4jError && mapped.code.startsWith('Neo.ClientError.')) {
    return new CypherError(mapped.message, { neo4jCode: mapped.code });
  }
  return mapped;
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

/**
 * Runs a console query read-only: READ session (Neo4j refuses writes with Neo.ClientError.Statement.AccessMode), the
 * guard before it (LOAD CSV, admin commands, procedures), the timeout enforced by Neo4j on the transaction, and rows
 * streamed until `maxRows`, after which the rest is discarded on the server. The session is always closed.
 */
export async function runConsoleQuery(graph: Graph, req: CypherRequest): Promise<CypherResponse> {
  const { mode } = assertAllowed(req.query);
  const params = toDriverParams(req.params) as Record<string, unknown>;
  const run = execute(graph, req, mode, params);
  // Neo4j ends the transaction at its timeout; this only guarantees an HTTP answer if the server were slow to do so.
  // The run carries on in the background until Neo4j answers, and closes its session then.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueryTimeoutError(req.timeoutMs)), req.timeoutMs + TIMEOUT_GRACE_MS);
  });
  run.catch(() => undefined);
  try {
    return await Promise.race([run, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function execute(graph: Graph, req: CypherRequest, mode: QueryMode, params: Record<string, unknown>): Promise<CypherResponse> {
  const session = graph.driver.session({
    database: graph.target.database,
    defaultAccessMode: neo4j.session.READ,
    // One row past the cap tells whether there was more, without pulling more than that in one batch.
    fetchSize: req.maxRows + 1,
  });
  const started = performance.now();
  let tx: Awaited<ReturnType<typeof session.beginTransaction>> | null = null;
  try {
    tx = await session.beginTransaction({ timeout: req.timeoutMs, metadata: { app: 'papergraph', source: 'console' } });
    const result = tx.run(req.query, params);
    const columns = await result.keys();
    const rows: Record<string, unknown>[] = [];
    const raw: unknown[] = [];
    const it = result[Symbol.asyncIterator]();
    let truncated = false;
    let summary: ResultSummary | undefined;
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
      // Raw values (an iterator in driver 6, hence the spread) feed the graph; toPlain would lose Node/Relationship.
      raw.push([...next.value.values()]);
      rows.push(toPlain(next.value.toObject()) as Record<string, unknown>);
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
    throw consoleError(err, graph, req.timeoutMs);
  } finally {
    // Read-only work: rolling back just releases the transaction (it is already gone after a timeout or error).
    if (tx?.isOpen()) await tx.rollback().catch(() => undefined);
    await session.close().catch(() => undefined);
  }
}
