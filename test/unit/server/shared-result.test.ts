import { describe, expect, it } from 'vitest';
import { sharedResult } from '../../../server/http/shared-result.js';

describe('sharedResult', () => {
  it('runs one computation for concurrent equal calls, separate ones for different params', async () => {
    let calls = 0;
    const f = sharedResult(async (p: { limit: number }) => {
      calls++;
      await new Promise((r) => setTimeout(r, 10));
      return p.limit * 2;
    }, { ttlMs: 1000 });
    const results = await Promise.all([f({ limit: 1 }), f({ limit: 1 }), f({ limit: 1 }), f({ limit: 2 })]);
    expect(results).toEqual([2, 2, 2, 4]);
    expect(calls).toBe(2);
  });

  it('reuses a result until the TTL passes, then computes again', async () => {
    let t = 0;
    let calls = 0;
    const f = sharedResult(async () => ++calls, { ttlMs: 100, now: () => t });
    expect(await f({})).toBe(1);
    t = 99;
    expect(await f({})).toBe(1);
    t = 200;
    expect(await f({})).toBe(2);
  });

  it('does not keep failures', async () => {
    let calls = 0;
    const f = sharedResult(async () => {
      calls++;
      if (calls === 1) throw new Error('down');
      return 'ok';
    }, { ttlMs: 1000 });
    await expect(f({})).rejects.toThrow('down');
    await new Promise((r) => setTimeout(r, 0));
    expect(await f({})).toBe('ok');
  });

  it('keeps at most maxEntries parameter sets', async () => {
    let calls = 0;
    const f = sharedResult(async (p: number) => {
      calls++;
      return p;
    }, { ttlMs: 1000, maxEntries: 2 });
    await f(1);
    await f(2);
    await f(3);
    await f(1); // 1 was dropped as the oldest
    expect(calls).toBe(4);
    await f(3);
    expect(calls).toBe(4);
  });
});

describe('sharedResult with ttlMs 0', () => {
  it('shares only while running: a call after it settled computes again', async () => {
    let calls = 0;
    const f = sharedResult(async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return calls;
    }, { ttlMs: 0 });
    expect(await Promise.all([f({}), f({})])).toEqual([1, 1]);
    expect(await f({})).toBe(2);
  });
});
