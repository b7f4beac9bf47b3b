// Cypher console request and response schemas (POST /api/cypher), shared by server and client.
import { z } from 'zod';
import { GraphResponse } from './graph.js';

export const MAX_QUERY_LENGTH = 20_000;
export const DEFAULT_TIMEOUT_MS = 5_000;
export const MAX_TIMEOUT_MS = 30_000;
export const MAX_ROWS = 1_000;
/** Deepest nesting of lists and maps inside one parameter (a parameter itself is depth 1). */
export const MAX_PARAM_DEPTH = 32;
/** Most values (scalars, lists and maps, counted together) in all parameters of one request. */
export const MAX_PARAM_VALUES = 10_000;

/**
 * The first parameter that is nested too deeply or makes the parameters too many values: its path (parameter name
 * first) and why. Iterative, so that no nesting depth can overflow the stack while checking.
 */
export function paramProblem(params: Record<string, unknown>): { path: (string | number)[]; message: string } | null {
  interface Item {
    value: unknown;
    key: string | number;
    parent: Item | null;
    depth: number;
  }
  const pathOf = (item: Item) => {
    const out: (string | number)[] = [];
    for (let it: Item | null = item; it; it = it.parent) out.unshift(it.key);
    return out;
  };
  const stack: Item[] = Object.entries(params).map(([key, value]) => ({ value, key, parent: null, depth: 1 }));
  stack.reverse();
  let count = 0;
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (++count > MAX_PARAM_VALUES) {
      return { path: pathOf(item), message: `The parameters hold more than ${MAX_PARAM_VALUES} values` };
    }
    const { value } = item;
    if (value === null || typeof value !== 'object') continue;
    if (item.depth > MAX_PARAM_DEPTH) {
      return { path: pathOf(item), message: `Parameter nested deeper than ${MAX_PARAM_DEPTH} levels of lists and maps` };
    }
    const children: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of children.reverse()) {
      stack.push({ value: child, key, parent: item, depth: item.depth + 1 });
    }
  }
  return null;
}

export const CypherRequest = z.object({
  query: z.string().min(1).max(MAX_QUERY_LENGTH),
  /** Query parameters ($name). Whole JSON numbers are sent as Cypher integers, others as floats. */
  params: z
    .record(z.string(), z.unknown())
    .superRefine((params, ctx) => {
      const problem = paramProblem(params);
      if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    })
    .default({}),
  timeoutMs: z.number().int().min(100).max(MAX_TIMEOUT_MS).default(DEFAULT_TIMEOUT_MS),
  /** Most rows returned (the query stops being consumed after that). */
  maxRows: z.number().int().min(1).max(MAX_ROWS).default(MAX_ROWS),
});
export type CypherRequest = z.infer<typeof CypherRequest>;

export const CypherNotification = z.object({
  code: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.string(),
  category: z.string().optional(),
  position: z.object({ offset: z.number(), line: z.number(), column: z.number() }).optional(),
});

/** One operator of the plan, flattened in pre-order; `depth` 0 is the root. */
export const PlanOperator = z.object({
  operator: z.string(),
  depth: z.number().int(),
  details: z.string().optional(),
  identifiers: z.array(z.string()),
  /** PROFILE only. */
  rows: z.number().optional(),
  dbHits: z.number().optional(),
});

export const CypherSummary = z.object({
  /** Wall time in the server process, from sending the query to the last consumed row. */
  timeMs: z.number(),
  /** Neo4j's own timings (ms), when it reported them. */
  availableAfterMs: z.number().nullable(),
  consumedAfterMs: z.number().nullable(),
  /** r (read), w, rw, s (schema), or null when unknown. */
  queryType: z.string().nullable(),
  /** `EXPLAIN`/`PROFILE` prefix, if any. */
  mode: z.enum(['run', 'explain', 'profile']),
  /** Root operator of the plan (EXPLAIN/PROFILE only), e.g. `ProduceResults`. */
  rootOperator: z.string().nullable(),
  plan: z.array(PlanOperator),
  notifications: z.array(CypherNotification),
});

/** A node in a console row, as the server's toPlain writes it (db/plain.ts). */
export const PlainNode = z.object({
  kind: z.literal('node'),
  elementId: z.string(),
  labels: z.array(z.string()),
  properties: z.record(z.string(), z.unknown()),
});
export type PlainNode = z.infer<typeof PlainNode>;

/** A relationship in a console row. */
export const PlainRelationship = z.object({
  kind: z.literal('relationship'),
  elementId: z.string(),
  type: z.string(),
  startElementId: z.string(),
  endElementId: z.string(),
  properties: z.record(z.string(), z.unknown()),
});
export type PlainRelationship = z.infer<typeof PlainRelationship>;

/** A path in a console row: its nodes in order and the relationship between each pair (in either direction). */
export const PlainPath = z.object({
  kind: z.literal('path'),
  nodes: z.array(PlainNode),
  relationships: z.array(PlainRelationship),
});
export type PlainPath = z.infer<typeof PlainPath>;

export const CypherResponse = z.object({
  columns: z.array(z.string()),
  /** Rows as plain JSON (driver types converted by toPlain: nodes/relationships/paths are tagged objects). */
  rows: z.array(z.record(z.string(), z.unknown())),
  /** Every node, relationship and path found anywhere in the rows, as Cytoscape elements. */
  graph: GraphResponse,
  summary: CypherSummary,
  /** True when the query had more rows than maxRows and the rest was discarded. */
  truncated: z.boolean(),
});
export type CypherResponse = z.infer<typeof CypherResponse>;
