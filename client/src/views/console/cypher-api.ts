// POST /api/cypher from the console: a typed result, or the server's error with Neo4j's message and position.
import { ErrorBody } from '../../../../schema/api.js';
import { type CypherRequest, CypherResponse } from '../../../../schema/cypher.js';
import type { GraphSchema } from './completion.js';
import { lineColumn } from './params.js';

/** Where in the query Neo4j located a syntax error (1-based line/column, 0-based offset), when it said. */
export interface QueryPosition {
  offset?: number;
  line: number;
  column: number;
}

export type CypherOutcome =
  | { ok: true; result: CypherResponse; ms: number }
  | { ok: false; status: number; code: string; message: string; position: QueryPosition | null; neo4jCode?: string };

/**
 * Where an error is in the query: Neo4j's {offset, line, column} in the details, a bare offset (the console's own
 * refusals) turned into line and column against `query`, or — when the details carry neither — the
 * "(line L, column C (offset: O))" that Neo4j writes into its syntax error messages.
 */
export function errorPosition(details: unknown, query: string, message = ''): QueryPosition | null {
  const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
  if (details && typeof details === 'object') {
    const d = details as Record<string, unknown>;
    const p = (d.position && typeof d.position === 'object' ? d.position : d) as Record<string, unknown>;
    const offset = num(p.offset);
    const line = num(p.line);
    const column = num(p.column);
    if (line !== undefined && column !== undefined && line >= 1 && column >= 1) {
      return offset === undefined ? { line, column } : { offset, line, column };
    }
    if (offset !== undefined && offset <= query.length) return { offset, ...lineColumn(query, offset) };
  }
  const m = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/.exec(message);
  if (m) return { offset: Number(m[3]), line: Number(m[1]), column: Number(m[2]) };
  return null;
}

/** Runs `query` with `params`; never throws (network failures become an outcome too, so the console can show them). */
export async function runCypher(
  query: string,
  params: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<CypherOutcome> {
  const started = performance.now();
  let res: Response;
  try {
    const body: Pick<CypherRequest, 'query' | 'params'> = { query, params };
    res = await fetch('/api/cypher', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    return { ok: false, status: 0, code: 'network_error', message: `Could not reach the API: ${(err as Error).message}`, position: null };
  }
  const json: unknown = await res.json().catch(() => null);
  const ms = performance.now() - started;
  if (!res.ok) {
    const err = ErrorBody.safeParse(json);
    if (!err.success) return { ok: false, status: res.status, code: 'http_error', message: `${res.status} ${res.statusText}`, position: null };
    const { code, message, details } = err.data.error;
    const neo4jCode = details && typeof details === 'object' ? (details as Record<string, unknown>).neo4jCode : undefined;
    return {
      ok: false,
      status: res.status,
      code,
      message,
      position: errorPosition(details, query, message),
      ...(typeof neo4jCode === 'string' ? { neo4jCode } : {}),
    };
  }
  const parsed = CypherResponse.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, status: res.status, code: 'bad_response', message: `Unexpected response (${first?.path.join('.')}: ${first?.message})`, position: null };
  }
  return { ok: true, result: parsed.data, ms };
}

/** One query for the whole schema: labels, relationship types and property keys, for completion. */
export const SCHEMA_QUERY = [
  'CALL db.labels() YIELD label WITH collect(label) AS labels',
  'CALL db.relationshipTypes() YIELD relationshipType WITH labels, collect(relationshipType) AS types',
  'CALL db.propertyKeys() YIELD propertyKey RETURN labels, types, collect(propertyKey) AS keys',
].join('\n');

/** The live schema for completion, or null when it could not be read (completion then offers keywords only). */
export async function fetchGraphSchema(signal?: AbortSignal): Promise<GraphSchema | null> {
  const out = await runCypher(SCHEMA_QUERY, {}, signal);
  if (!out.ok) return null;
  const row = out.result.rows[0];
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  if (!row) return null;
  return { labels: strings(row.labels), relationshipTypes: strings(row.types), propertyKeys: strings(row.keys) };
}
