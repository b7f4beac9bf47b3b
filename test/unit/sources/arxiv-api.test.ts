// The live arXiv API client with an injected fetch and a fake clock: paging, the 3-second gap, errors. No network.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';
import { arxivApiUrl, fetchArxivApi, fetchArxivToFile, type FetchLike } from '../../../ingest/sources/arxiv-api.js';
import { parseFile } from '../../../ingest/sources/index.js';
import { collect, fixture, run } from './helpers.js';

/** An Atom page with `n` synthetic entries numbered from `start`, claiming `total` results. */
function page(start: number, n: number, total: number): string {
  const entries = Array.from({ length: n }, (_, i) => {
    const k = String(start + i + 1).padStart(5, '0');
    return `  <entry>
    <id>http://arxiv.org/abs/2101.${k}v1</id>
    <published>2021-01-04T00:00:00Z</published>
    <title>Paper ${start + i + 1}</title>
    <summary>Abstract.</summary>
    <author><name>Ann Lee</name></author>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CV"/>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${total}</opensearch:totalResults>
${entries.join('\n')}
</feed>
`;
}

/** A fake API over `total` results plus a fake clock; records each request's URL and start time. */
function fakeApi(total: number) {
  let clock = 1_000_000;
  const calls: { url: string; at: number }[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push({ url, at: clock });
    clock += 120; // the request itself takes time
    const q = new URL(url).searchParams;
    const start = Number(q.get('start'));
    const max = Number(q.get('max_results'));
    return { ok: true, status: 200, text: async () => page(start, Math.max(0, Math.min(max, total - start)), total) };
  };
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    clock += ms;
  };
  return { fetch, sleep, now: () => clock, calls, sleeps };
}

describe('fetchArxivApi', () => {
  it('pages until max and keeps requests at least 3 s apart', async () => {
    const api = fakeApi(1000);
    const r = await run(fetchArxivApi({ query: 'cat:cs.CV', max: 250, pageSize: 100, fetch: api.fetch, sleep: api.sleep, now: api.now }));
    expect(r.records).toHaveLength(250);
    expect(new Set(r.records.map((p) => p.id)).size).toBe(250);
    expect(api.calls.map((c) => new URL(c.url).searchParams.get('start'))).toEqual(['0', '100', '200']);
    expect(api.calls.map((c) => new URL(c.url).searchParams.get('max_results'))).toEqual(['100', '100', '50']);
    for (let i = 1; i < api.calls.length; i++) expect(must(api.calls[i], 'api.calls[i]').at - must(api.calls[i - 1], 'api.calls[i - 1]').at).toBeGreaterThanOrEqual(3000);
    expect(api.sleeps).toEqual([2880, 2880]); // 3000 minus the 120 ms the previous request took
    expect(must(r.recordEvents[0], 'r.recordEvents[0]').at.file).toContain('search_query=cat%3Acs.CV');
  });

  it('stops at the API total even if max is larger', async () => {
    const api = fakeApi(130);
    const r = await run(fetchArxivApi({ query: 'all:x', max: 1000, pageSize: 100, fetch: api.fetch, sleep: api.sleep, now: api.now }));
    expect(r.records).toHaveLength(130);
    expect(api.calls).toHaveLength(2);
  });

  it('stops on an empty page', async () => {
    const api = fakeApi(0);
    const r = await run(fetchArxivApi({ query: 'all:nothing', max: 50, fetch: api.fetch, sleep: api.sleep, now: api.now }));
    expect(r.records).toEqual([]);
    expect(api.calls).toHaveLength(1);
    expect(api.sleeps).toEqual([]);
  });

  it('uses the real delay option (tiny) without a fake clock', async () => {
    const api = fakeApi(30);
    const t0 = Date.now();
    const r = await run(fetchArxivApi({ query: 'all:x', max: 30, pageSize: 10, delayMs: 20, fetch: api.fetch }));
    expect(r.records).toHaveLength(30);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(35);
  });

  it('yields the API error as one reject and stops', async () => {
    const body = await readFile(fixture('arxiv-atom/api-error.xml'), 'utf8');
    let n = 0;
    const fetch: FetchLike = async () => {
      n++;
      return { ok: true, status: 200, text: async () => body };
    };
    const r = await run(fetchArxivApi({ query: 'id:bad', max: 500, pageSize: 10, fetch, sleep: async () => {} }));
    expect(r.records).toEqual([]);
    expect(r.rejects.map((e) => e.reason)).toEqual(['arXiv API error: incorrect id format for 1234.12345']);
    expect(n).toBe(1);
  });

  it('offline: a clear "cannot reach the arXiv API" error', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND export.arxiv.org' } });
    };
    await expect(collect(fetchArxivApi({ query: 'all:x', max: 5, fetch }))).rejects.toThrow('cannot reach the arXiv API (ENOTFOUND): check the network');
  });

  it('HTTP errors name the status', async () => {
    const fetch: FetchLike = async () => ({ ok: false, status: 503, statusText: 'Service Unavailable', text: async () => '' });
    await expect(collect(fetchArxivApi({ query: 'all:x', max: 5, fetch }))).rejects.toThrow(/HTTP 503 Service Unavailable/);
  });

  it('validates its arguments', async () => {
    await expect(collect(fetchArxivApi({ query: ' ', max: 5 }))).rejects.toThrow(/empty search query/);
    await expect(collect(fetchArxivApi({ query: 'all:x', max: 0 }))).rejects.toThrow(/max must be a positive integer/);
  });

  it('builds API URLs', () => {
    expect(arxivApiUrl('http://export.arxiv.org/api/query', 'au:Truhn AND cat:cs.CV', 100, 50)).toBe(
      'http://export.arxiv.org/api/query?search_query=au%3ATruhn+AND+cat%3Acs.CV&start=100&max_results=50',
    );
  });
});

describe('fetchArxivToFile', () => {
  it('merges all pages into one Atom file that parses back to the same records', async () => {
    const api = fakeApi(25);
    const logs: string[] = [];
    const file = await fetchArxivToFile('all:x', 25, (m) => logs.push(m), { pageSize: 10, fetch: api.fetch, sleep: api.sleep, now: api.now });
    const r = await run(parseFile(file));
    await rm(path.dirname(file), { recursive: true, force: true });
    expect(r.rejects).toEqual([]);
    expect(r.records).toHaveLength(25);
    expect(r.records.every((p) => p.source === 'arxiv-atom' && p.categories[0] === 'cs.CV')).toBe(true);
    expect(logs.at(-1)).toMatch(/saved 25 entries to .*arxiv-query\.xml/);
  });

  it('throws the API error instead of writing a file', async () => {
    const body = await readFile(fixture('arxiv-atom/api-error.xml'), 'utf8');
    const fetch: FetchLike = async () => ({ ok: true, status: 200, text: async () => body });
    await expect(fetchArxivToFile('id:bad', 5, () => {}, { fetch })).rejects.toThrow('arXiv API error: incorrect id format');
  });
});
