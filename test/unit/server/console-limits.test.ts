// The console's concurrency limiter and result-size estimate.
import { describe, expect, it } from 'vitest';
import { ConsoleBusyError, ConsoleLimiter, jsonBytesWithin } from '../../../server/api/cypher/console-limits.js';

describe('ConsoleLimiter', () => {
  it('runs up to maxConcurrent at once and hands a released slot to the next in line', async () => {
    const limiter = new ConsoleLimiter(2, 1, 1_000);
    const a = await limiter.acquire();
    const b = await limiter.acquire();
    expect(limiter.active).toBe(2);
    let granted = false;
    const c = limiter.acquire().then((release) => {
      granted = true;
      return release;
    });
    await Promise.resolve();
    expect(granted).toBe(false);
    a();
    a(); // releasing twice frees one slot only
    const releaseC = await c;
    expect(limiter.active).toBe(2);
    b();
    releaseC();
    expect(limiter.active).toBe(0);
  });

  it('answers 429 console_busy when the queue is full or the wait too long', async () => {
    const limiter = new ConsoleLimiter(1, 1, 50);
    const a = await limiter.acquire();
    const waiting = limiter.acquire();
    const err = await limiter.acquire().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConsoleBusyError);
    expect(err).toMatchObject({ status: 429, code: 'console_busy' });
    await expect(waiting).rejects.toBeInstanceOf(ConsoleBusyError);
    a();
    expect(limiter.active).toBe(0);
  });
});

describe('jsonBytesWithin', () => {
  it.each([[{ a: 'xyz', b: [1, 22, null, true], c: { d: 'e' } }], [[]], ['plain'], [{ nested: [[[['deep']]]] }]])(
    'is at least the JSON length of %j',
    (value) => {
      const size = jsonBytesWithin(value, 1e9);
      expect(size).toBeGreaterThanOrEqual(JSON.stringify(value).length);
      expect(size).toBeLessThan(JSON.stringify(value).length * 2 + 8);
    },
  );

  it('stops at the budget without building the JSON, whatever the depth', () => {
    expect(jsonBytesWithin({ big: 'x'.repeat(1_000_000) }, 1_000)).toBe(Infinity);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonBytesWithin(deep, 1e9)).toBeGreaterThan(100_000);
  });
});
