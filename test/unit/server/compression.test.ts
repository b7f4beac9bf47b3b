// JSON responses are compressed when the client accepts it, and sent as they are when it does not.
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Graph } from '../../../db/graph.js';
import { createApp } from '../../../server/app.js';
import { serve } from '../../support/http.js';

/** GET with exactly the given headers (fetch would add Accept-Encoding itself); the raw body bytes. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('response compression', () => {
  // The OpenAPI document needs no database: a Graph pointing nowhere is enough.
  const driver = neo4j.driver('bolt://127.0.0.1:1');
  const graph = new Graph(driver, { uri: 'bolt://127.0.0.1:1', kind: 'remote' });
  let api: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    api = await serve(createApp({ graph }));
  });
  afterAll(async () => {
    await api.close();
    await driver.close();
  });

  it('gzips JSON for a client that accepts gzip', async () => {
    const plain = await rawGet(`${api.url}/api/openapi.json`, { 'Accept-Encoding': 'identity' });
    const zipped = await rawGet(`${api.url}/api/openapi.json`, { 'Accept-Encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
    const unzipped = gunzipSync(zipped.body);
    expect(unzipped.equals(plain.body)).toBe(true);
    expect(JSON.parse(unzipped.toString('utf8'))).toHaveProperty('openapi');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
  });

  it('sends JSON uncompressed to a client that does not accept compression', async () => {
    const res = await rawGet(`${api.url}/api/openapi.json`, {});
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body.toString('utf8'))).toHaveProperty('openapi');
  });
});
