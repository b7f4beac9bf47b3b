// Fault: a remote Neo4j (NEO4J_URI) goes away under the real server: a TCP proxy in front of the run's database is cut.
// Requests answer 503 with Retry-After within about a second instead of waiting out the driver's retries, and the
// server recovers by itself when the proxy is back.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testTarget } from '../../support/neo4j-target.js';
import { ErrorBody, HealthResponse } from '../../../schema/api.js';
import { tcpProxy } from '../../support/http.js';
import { killServers, startServer, timedGet, waitFor } from '../../support/server-process.js';

afterAll(killServers);

describe('a remote Neo4j that went away', () => {
  it('answers 503 with Retry-After within a second while it is unreachable, and recovers', { timeout: 300_000 }, async () => {
    const t = testTarget();
    const target = new URL(t.uri.replace(/^[a-z0-9+]+:/, 'http:'));
    const proxy = await tcpProxy(target.hostname, Number(target.port));
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pg-fault-remote-'));
    try {
      const server = await startServer(
        {
          NEO4J_URI: `bolt://127.0.0.1:${proxy.port}`,
          NEO4J_USER: t.user,
          NEO4J_PASSWORD: t.password,
          ...(t.database ? { NEO4J_DATABASE: t.database } : {}),
          LOAD_SAMPLE: 'false',
          DATA_DIR: dataDir,
        },
        200,
      );
      const health = () => timedGet(`${server.url}/api/health`);
      const search = () => timedGet(`${server.url}/api/search?q=anything`);
      // The first searches on a loaded machine may time out while Neo4j plans them; wait until one answers.
      expect(await waitFor(async () => (await search()).status === 200, 60_000)).toBe(true);
      expect(HealthResponse.parse((await health()).body).neo4j.state).toBe('up');

      await proxy.down();
      const expectFastUnavailable = (r: Awaited<ReturnType<typeof timedGet>>, what: string) => {
        expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBe(503);
        expect(r.ms, what).toBeLessThan(1_200);
        expect(Number(r.retryAfter), what).toBeGreaterThan(0);
      };
      // The first request finds out; the ones after it know.
      const first = await search();
      expectFastUnavailable(first, 'first /api/search after the cut');
      expect(ErrorBody.parse(first.body).error.code).toBe('database_unavailable');
      for (let i = 0; i < 3; i++) {
        const [s, h] = await Promise.all([search(), health()]);
        expectFastUnavailable(s, '/api/search while cut');
        expect(s.ms, 'known down: no waiting').toBeLessThan(500);
        expectFastUnavailable(h, '/api/health while cut');
        const body = HealthResponse.parse(h.body);
        expect(body.neo4j).toMatchObject({ connected: false, state: 'down' });
        expect(body.neo4j.message).toContain(`127.0.0.1:${proxy.port}`);
      }

      await proxy.up();
      expect(await waitFor(async () => (await health()).status === 200, 30_000), server.log()).toBe(true);
      const after = await health();
      expect(after.status).toBe(200);
      expect(after.ms).toBeLessThan(1_000);
      expect((await search()).status).toBe(200);
      expect(await server.stop()).toBe(0);
    } finally {
      await proxy.down();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
