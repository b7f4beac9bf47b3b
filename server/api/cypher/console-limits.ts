// Bounds on what the console may hold at once: queries running together, and the bytes of one result.
import { AppError } from '../../errors.js';

/** Console queries that may run on Neo4j at the same time (per app); more wait in line. */
export const MAX_CONCURRENT_QUERIES = 4;
/** Console queries that may wait for a free slot; beyond that a request is answered 429 at once. */
export const MAX_WAITING_QUERIES = 16;
/** How long a waiting query waits for a slot before it is answered 429. */
export const MAX_WAIT_MS = 10_000;
/** Most bytes of rows (as JSON) one console answer may carry. */
export const MAX_RESULT_BYTES = 32 * 1024 * 1024;

/** 429: the console already runs and queues as many queries as it may. */
export class ConsoleBusyError extends AppError {
  constructor(reason: string) {
    super(429, 'console_busy', `The console is busy (${reason}); try again in a few seconds`, {
      maxConcurrent: MAX_CONCURRENT_QUERIES,
      retryAfterSeconds: 2,
    });
  }
}

/** 413: the rows of the answer would exceed {@link MAX_RESULT_BYTES}. */
export class ResultTooLargeError extends AppError {
  constructor(rowsRead: number, limitBytes: number) {
    super(
      413,
      'result_too_large',
      `The result is larger than ${Math.round(limitBytes / 1024 / 1024)} MiB (reached after ${rowsRead} rows); return fewer ` +
        'rows (LIMIT, maxRows) or smaller values (e.g. substring(), size())',
      { rowsRead, limitBytes },
    );
  }
}

/** A counting semaphore with a bounded, time-limited queue. */
export class ConsoleLimiter {
  private running = 0;
  private readonly waiting: { grant: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    readonly maxConcurrent = MAX_CONCURRENT_QUERIES,
    readonly maxWaiting = MAX_WAITING_QUERIES,
    readonly maxWaitMs = MAX_WAIT_MS,
  ) {}

  /** Resolves with a release function once a slot is free; rejects with ConsoleBusyError when it cannot get one. */
  acquire(): Promise<() => void> {
    if (this.running < this.maxConcurrent) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.maxWaiting) {
      return Promise.reject(new ConsoleBusyError(`${this.running} queries running, ${this.waiting.length} waiting`));
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(entry.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(new ConsoleBusyError(`no query slot became free within ${this.maxWaitMs / 1000} s`));
        }, this.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  /** Queries running now (for tests and diagnostics). */
  get active(): number {
    return this.running;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `running` stays the same.
      if (next) next.grant();
      else this.running--;
    };
  }
}

/**
 * The size of `value` as JSON, counted without building the JSON (so a value too large for one string cannot throw),
 * stopping as soon as it exceeds `budget`: returns the size, or Infinity when over budget. Iterative: any depth.
 */
export function jsonBytesWithin(value: unknown, budget: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') total += v.length + 2;
    else if (v === null || v === undefined) total += 4;
    else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') total += String(v).length;
    else if (Array.isArray(v)) {
      total += 2 + v.length;
      for (const x of v) stack.push(x);
    } else if (typeof v === 'object') {
      const entries = Object.entries(v);
      total += 2 + entries.length;
      for (const [k, x] of entries) {
        total += k.length + 3;
        stack.push(x);
      }
    }
    if (total > budget) return Infinity;
  }
  return total;
}
