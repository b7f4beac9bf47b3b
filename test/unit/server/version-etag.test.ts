// The version read behind ETags: shared between concurrent requests, but never older than the request.
import { describe, expect, it } from 'vitest';
import { etagMatches, freshShared } from '../../../server/http/version-etag.js';

describe('freshShared', () => {
  it('gives a caller arriving during a read the next read, shared with the others that arrived meanwhile', async () => {
    let started = 0;
    const releases: (() => void)[] = [];
    const read = freshShared(
      () =>
        new Promise<number>((resolve) => {
          const n = ++started;
          releases.push(() => resolve(n));
        }),
    );
    const first = read();
    const second = read();
    const third = read();
    expect(started).toBe(1);
    releases[0]!();
    expect(await first).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toBe(2);
    releases[1]!();
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    // Idle again: the next caller starts its own read.
    const fourth = read();
    expect(started).toBe(3);
    releases[2]!();
    expect(await fourth).toBe(3);
  });

  it('starts the next read even when the one in flight fails', async () => {
    let calls = 0;
    const read = freshShared(async () => {
      calls++;
      if (calls === 1) throw new Error('down');
      return calls;
    });
    const a = read();
    const b = read();
    await expect(a).rejects.toThrow('down');
    expect(await b).toBe(2);
  });
});

describe('etagMatches', () => {
  it('matches the tag in a list, weak or strong, and *', () => {
    expect(etagMatches('"x-1"', '"x-1"')).toBe(true);
    expect(etagMatches('W/"x-1"', '"x-1"')).toBe(true);
    expect(etagMatches('"a", "x-1"', '"x-1"')).toBe(true);
    expect(etagMatches('*', '"x-1"')).toBe(true);
    expect(etagMatches('"x-2"', '"x-1"')).toBe(false);
    expect(etagMatches(undefined, '"x-1"')).toBe(false);
  });
});
