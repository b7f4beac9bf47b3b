// Live arXiv API client: pages through export.arxiv.org/api/query with the required 3 s gap, parsing each Atom page.
import type { ParseEvent } from '../record.js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAtomFeed, type AtomFeed } from './arxiv-atom.js';

/** The subset of `fetch` we use, so tests can inject a fake without touching the network. */
export type FetchLike = (url: string, init?: { headers?: Record<string, string>; signal?: AbortSignal }) => Promise<{
  ok: boolean;
  status: number;
  statusText?: string;
  text(): Promise<string>;
}>;

export interface ArxivApiOptions {
  /** arXiv search_query, e.g. `all:Einstein` or `cat:cs.CV AND ti:segmentation`. */
  query: string;
  /** Maximum number of entries to fetch in total. */
  max: number;
  /** Entries per request (the API allows up to 2000; smaller pages fail less). Default 100. */
  pageSize?: number;
  /** Minimum gap between request starts, in ms. arXiv's terms of use require 3 s. Default 3000. */
  delayMs?: number;
  /** Base URL; default http://export.arxiv.org/api/query. */
  baseUrl?: string;
  /** Injected for tests; default global fetch. */
  fetch?: FetchLike;
  /** Injected for tests (fake clock); default setTimeout-based. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected for tests (fake clock); default Date.now. */
  now?: () => number;
  /** Per-request timeout in ms. Default 30000. */
  timeoutMs?: number;
}

export const ARXIV_API_URL = 'http://export.arxiv.org/api/query';

/** Build one page URL. */
export function arxivApiUrl(base: string, query: string, start: number, maxResults: number): string {
  const q = new URLSearchParams({ search_query: query, start: String(start), max_results: String(maxResults) });
  return `${base}?${q.toString()}`;
}

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One fetched API page: its URL, raw body, and parsed feed. */
export interface ArxivApiPage {
  url: string;
  body: string;
  feed: AtomFeed;
}

/**
 * Fetch the API pages for `query`, up to `max` entries, yielding each raw page with its parsed feed. Consecutive
 * requests start at least `delayMs` apart (arXiv asks for 3 s). Stops after the API's total, an empty page, or an
 * API error page (which is still yielded). Throws "cannot reach the arXiv API (…): check the network" when the
 * request itself fails, and an HTTP error naming the status otherwise.
 */
export async function* fetchArxivPages(opts: ArxivApiOptions): AsyncGenerator<ArxivApiPage> {
  const doFetch: FetchLike = opts.fetch ?? ((url, init) => fetch(url, init));
  const sleep = opts.sleep ?? realSleep;
  const now = opts.now ?? Date.now;
  const delayMs = opts.delayMs ?? 3000;
  const pageSize = Math.max(1, Math.min(opts.pageSize ?? 100, 2000));
  const base = opts.baseUrl ?? ARXIV_API_URL;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  if (!opts.query.trim()) throw new Error('arXiv API: empty search query');
  if (!Number.isInteger(opts.max) || opts.max < 1) throw new Error(`arXiv API: max must be a positive integer, got ${opts.max}`);

  let start = 0;
  let lastRequestAt: number | null = null;
  while (start < opts.max) {
    const want = Math.min(pageSize, opts.max - start);
    const url = arxivApiUrl(base, opts.query, start, want);
    if (lastRequestAt !== null) {
      const wait = lastRequestAt + delayMs - now();
      if (wait > 0) await sleep(wait);
    }
    lastRequestAt = now();
    let body: string;
    try {
      const res = await doFetch(url, { headers: { 'User-Agent': 'PaperGraph ingest (arXiv API client)' }, signal: AbortSignal.timeout(timeoutMs) });
      if (!res.ok) throw new HttpError(`arXiv API answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''} for ${url}`);
      body = await res.text();
    } catch (e) {
      if (e instanceof HttpError) throw e;
      const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
      const detail = cause?.code ?? cause?.message ?? (e as Error).message;
      throw new Error(`cannot reach the arXiv API (${detail}): check the network`, { cause: e });
    }
    const feed = parseAtomFeed(body, { file: url });
    yield { url, body, feed };
    if (feed.apiError || feed.entryCount === 0) return;
    start += feed.entryCount;
    if (feed.totalResults !== null && start >= feed.totalResults) return;
  }
}

/**
 * Fetch up to `max` entries for `query` from the arXiv API and yield ParseEvents from the Atom parser (located at
 * the page URL and the line of each `<entry>`). See fetchArxivPages for paging, delay and errors; an API query
 * error arrives as one reject event.
 */
export async function* fetchArxivApi(opts: ArxivApiOptions): AsyncGenerator<ParseEvent> {
  for await (const page of fetchArxivPages(opts)) yield* page.feed.events;
}

/**
 * Fetch up to `max` entries for `query` and save them as ONE Atom feed file (entries of all pages merged) in a
 * fresh temporary directory, returning its path — for the CLI, which then ingests it like any arxiv-atom file.
 * `log` receives one line per page. An API query error or an unparsable page throws with the API's message.
 */
export async function fetchArxivToFile(
  query: string,
  max: number,
  log: (msg: string) => void = () => {},
  opts: Omit<ArxivApiOptions, 'query' | 'max'> = {},
): Promise<string> {
  const entries: string[] = [];
  for await (const page of fetchArxivPages({ ...opts, query, max })) {
    if (page.feed.apiError || (page.feed.entryCount === 0 && page.feed.events.length > 0)) {
      const first = page.feed.events[0];
      throw new Error(first && first.kind === 'reject' ? first.reason : `arXiv API returned an unusable page for ${page.url}`);
    }
    const found = page.body.match(/<entry\b[\s\S]*?<\/entry>/g) ?? [];
    entries.push(...found);
    const total = page.feed.totalResults === null ? '' : ` of ${page.feed.totalResults} matching`;
    log(`arXiv API: ${entries.length} entries fetched${total} (${page.url})`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'papergraph-arxiv-'));
  const file = join(dir, 'arxiv-query.xml');
  // Namespaces declared once on the root so entries keep their arxiv:/opensearch: prefixes valid after merging.
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">',
    `  <title>arXiv query: ${escapeXml(query)}</title>`,
    ...entries.map((e) => `  ${e}`),
    '</feed>',
    '',
  ].join('\n');
  await writeFile(file, xml, 'utf8');
  log(`arXiv API: saved ${entries.length} entries to ${file}`);
  return file;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

class HttpError extends Error {}
