import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corsPolicy } from '../../../server/app.js';
import { serve } from '../../support/http.js';

describe('corsPolicy', () => {
  let open: Awaited<ReturnType<typeof serve>>;
  let closed: Awaited<ReturnType<typeof serve>>;
  const app = (origin?: string) => {
    const a = express();
    a.use(corsPolicy(origin));
    a.get('/x', (_req, res) => res.json({ ok: true }));
    return a;
  };
  beforeAll(async () => {
    open = await serve(app('http://allowed.example'));
    closed = await serve(app(undefined));
  });
  afterAll(async () => {
    await open.close();
    await closed.close();
  });

  it('adds no CORS headers without CORS_ORIGIN (same-origin only)', async () => {
    const res = await fetch(`${closed.url}/x`, { headers: { Origin: 'http://allowed.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows exactly the configured origin, and answers its preflight', async () => {
    const ok = await fetch(`${open.url}/x`, { headers: { Origin: 'http://allowed.example' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://allowed.example');
    const other = await fetch(`${open.url}/x`, { headers: { Origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await fetch(`${open.url}/x`, { method: 'OPTIONS', headers: { Origin: 'http://allowed.example' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
  });
});
