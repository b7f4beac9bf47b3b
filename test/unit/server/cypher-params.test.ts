// Console parameters: nesting depth and value count are bounded at validation, without recursion.
import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import { CypherRequest, MAX_PARAM_DEPTH, MAX_PARAM_VALUES, paramProblem } from '../../../schema/cypher.js';
import { toDriverParams } from '../../../server/api/cypher/cypher.service.js';

/** `depth` lists nested in each other around 1: depth 1 is `[1]`. */
const nestedList = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};
const nestedMap = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = { k: v };
  return v;
};

describe('paramProblem', () => {
  it('accepts lists and maps nested up to MAX_PARAM_DEPTH', () => {
    expect(paramProblem({ a: nestedList(MAX_PARAM_DEPTH), b: nestedMap(MAX_PARAM_DEPTH), c: 'x', d: null })).toBeNull();
  });

  it.each([MAX_PARAM_DEPTH + 1, 3_000, 20_000])('names the parameter and where it is %i deep', (depth) => {
    const problem = must(paramProblem({ ok: 1, deep: nestedList(depth) }), 'paramProblem({ ok: 1, deep: nestedList(depth) })');
    expect(problem.message).toContain(`deeper than ${MAX_PARAM_DEPTH}`);
    expect(problem.path[0]).toBe('deep');
    expect(problem.path).toHaveLength(MAX_PARAM_DEPTH + 1);
  });

  it('refuses more than MAX_PARAM_VALUES values in total', () => {
    const problem = must(paramProblem({ a: [1, 2, 3], big: Array.from({ length: MAX_PARAM_VALUES }, (_, i) => i) }), 'paramProblem({ a: [1, 2, 3], big: Array.from({ length: MAX_PARAM_VALUES }, (_, i) => i) })');
    expect(problem.message).toContain(`more than ${MAX_PARAM_VALUES} values`);
    expect(problem.path[0]).toBe('big');
    expect(paramProblem({ big: Array.from({ length: MAX_PARAM_VALUES - 1 }, (_, i) => i) })).toBeNull();
  });
});

describe('CypherRequest params', () => {
  it('fails validation at the parameter, never deeper in the stack', () => {
    const r = CypherRequest.safeParse({ query: 'RETURN $deep', params: { deep: nestedMap(20_000) } });
    expect(r.success).toBe(false);
    const issue = must(must(r.error, 'the validation error').issues[0], 'r.error.issues[0]');
    expect(issue.path.slice(0, 3)).toEqual(['params', 'deep', 'k']);
    expect(issue.message).toContain(`deeper than ${MAX_PARAM_DEPTH}`);
  });

  it('valid parameters convert to driver values (whole numbers become integers)', () => {
    const r = CypherRequest.parse({ query: 'RETURN $p', params: { p: nestedList(MAX_PARAM_DEPTH) } });
    let v = toDriverParams(r.params) as { p: unknown };
    let inner: unknown = v.p;
    for (let i = 0; i < MAX_PARAM_DEPTH; i++) inner = (inner as unknown[])[0];
    expect(String(inner)).toBe('1');
    v = toDriverParams({ f: 1.5 }) as { p: unknown };
    expect(v).toEqual({ f: 1.5 });
  });
});
