// Whole-graph views (stats, the topic map) cost hundreds of ms each: identical requests share one query while it runs
// (and, with a TTL, its result for a while), so 16 concurrent visitors cost one query instead of 16 competing ones.

export interface SharedResultOptions {
  /** How long a finished result is reused (ms); 0 = only requests arriving while it runs share it. */
  ttlMs: number;
  /** Most distinct parameter sets kept; the oldest is dropped first. */
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * Wraps `compute(params)` so that calls with equal params (compared as JSON) share one in-flight promise and, once
 * it succeeds, its result for `ttlMs`. Failures are not kept: the next call tries again.
 */
export function sharedResult<P, R>(compute: (params: P) => Promise<R>, opts: SharedResultOptions): (params: P) => Promise<R> {
  const now = opts.now ?? Date.now;
  const max = opts.maxEntries ?? 100;
  const entries = new Map<string, { promise: Promise<R>; expires: number }>();
  return (params: P) => {
    const key = JSON.stringify(params);
    const hit = entries.get(key);
    if (hit && hit.expires > now()) return hit.promise;
    const promise = compute(params);
    // Until it settles the entry never expires (in-flight sharing); then it lives ttlMs.
    const entry = { promise, expires: Infinity };
    entries.delete(key);
    entries.set(key, entry);
    const oldest = entries.keys().next();
    if (entries.size > max && !oldest.done) entries.delete(oldest.value);
    promise.then(
      () => {
        entry.expires = now() + opts.ttlMs;
      },
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return promise;
  };
}
