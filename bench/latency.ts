// Latency percentiles from every recorded response time (autocannon's own summary has p97.5, not p95).

import { must } from '../core/must.js';

/**
 * The `p`-th percentile (0 < p ≤ 100) of `values` by the nearest-rank method: the smallest value with at least p % of
 * the values at or below it. `sorted` must be in ascending order. NaN for no values.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? NaN;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** p50/p95/p99/max of the given response times (any order; not modified). */
export function summarize(times: readonly number[]): LatencySummary {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** Milliseconds for a table: whole numbers from 10 ms up, one decimal below. */
export function ms(v: number): string {
  if (!Number.isFinite(v)) return '?';
  return v >= 10 ? String(Math.round(v)) : v.toFixed(1);
}

/** Cycles through `items` in order, one per call, shared by all callers (all connections of a cell). */
export function rotation<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('rotation of nothing');
  let i = 0;
  return () => must(items[i++ % items.length], 'a rotation item');
}
