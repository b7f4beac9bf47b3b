// Test helpers for the API suites: the app served on the sample listing, and the app served on an unreachable Neo4j.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, expect } from 'vitest';
import { Graph } from '../../db/graph.js';
import { plainRow } from '../../db/plain.js';
import { ErrorBody } from '../../schema/api.js';
import { createApp } from '../../server/app.js';
import { resetDatabase, testGraph } from './graph.js';
import { serve } from './http.js';
import { loadSampleListing } from './sample.js';

export type QueryParams = Record<string, string | number | undefined>;

export interface SampleApi {
  /** The Graph on the test database (open from the call on; closed in afterAll). */
  readonly graph: Graph;
  /** Base URL of the served app (valid once beforeAll has run). */
  url(): string;
  /** GET `path` (plus `?params` when given; undefined values are left out) and its JSON body. */
  get(path: string, params?: QueryParams): Promise<{ status: number; body: unknown }>;
  /** Cypher run by the test itself in a READ transaction, rows as plain objects (independent of the code under test). */
  query(text: string, params?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
}

/**
 * Registers beforeAll (empty the database, ingest the sample listing, serve `createApp({ graph })`) and afterAll
 * (close the server, optionally empty the database, close the Graph) in the calling scope.
 */
export function useSampleApi(options: { resetAfter?: boolean } = {}): SampleApi {
  const graph = testGraph();
  let api: Awaited<ReturnType<typeof serve>> | undefined;
  const url = () => {
    if (!api) throw new Error('useSampleApi: the app is not served yet (used outside a test or hook?)');
    return api.url;
  };

  beforeAll(async () => {
    await loadSampleListing(graph);
    api = await serve(createApp({ graph }));
  });
  afterAll(async () => {
    await api?.close();
    if (options.resetAfter) await resetDatabase(graph);
    await graph.close();
  });

  return {
    graph,
    url,
    async get(path, params) {
      const qs = params
        ? `?${new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])))}`
        : '';
      const res = await fetch(`${url()}${path}${qs}`);
      return { status: res.status, body: (await res.json()) as unknown };
    },
    query: (text, params = {}) =>
      graph.transaction('READ', async (tx) =>
        (await tx.run(text, params)).records.map(plainRow),
      ),
  };
}

/** Where the "down" app looks for Neo4j (nothing listens there) and the password it must never reveal. */
export const UNREACHABLE_URI = 'bolt://127.0.0.1:1';
export const UNREACHABLE_PASSWORD = 'secret-password';

/**
 * Serves the app on a Graph whose Neo4j is unreachable, requests each path (with `init`, e.g. a POST), and checks
 * the answer: 503, no password in it, the error envelope with code database_unavailable. Returns the bodies as text
 * for further checks.
 */
export async function expectUnavailable503(paths: string | string[], init?: RequestInit): Promise<string[]> {
  const driver = neo4j.driver(UNREACHABLE_URI, neo4j.auth.basic('neo4j', UNREACHABLE_PASSWORD), {
    connectionTimeout: 2_000,
    maxTransactionRetryTime: 1_000,
  });
  const down = await serve(createApp({ graph: new Graph(driver, { uri: UNREACHABLE_URI, kind: 'remote' }) }));
  try {
    const texts: string[] = [];
    for (const path of typeof paths === 'string' ? [paths] : paths) {
      const res = await fetch(`${down.url}${path}`, init);
      const text = await res.text();
      expect(res.status, path).toBe(503);
      expect(text).not.toContain(UNREACHABLE_PASSWORD);
      expect(ErrorBody.parse(JSON.parse(text)).error).toMatchObject({ code: 'database_unavailable' });
      texts.push(text);
    }
    return texts;
  } finally {
    await down.close();
    await driver.close();
  }
}
