// Shared by the UI bench and screenshot scripts: serve the built client, launch headless Chromium (playwright-core).
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { clientBuildIsStale } from '../../server/client-build.js';
import { launchChromium } from '../../test/support/browser.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const clientDir = path.join(root, 'dist', 'client');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Builds the client when missing or stale (the same staleness check `npm start` uses). */
export async function buildClient(): Promise<void> {
  if (!clientBuildIsStale(root, clientDir)) return;
  console.log('[bench:ui] Building the client…');
  const { build } = await import('vite');
  // Vite's root is client/ (as in vite.config.ts); passing the project root instead would not find index.html.
  await build({ root: path.join(root, 'client'), configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

/**
 * Serves dist/client on 127.0.0.1 (random port); `/api/*` is proxied to `apiOrigin` when given, else 404 (the
 * synthetic bench needs no API). Returns the origin and a close function.
 */
export async function serveClient(apiOrigin?: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/api/')) {
      if (!apiOrigin) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"not_found","message":"no API in the bench"}}');
        return;
      }
      const up = http.request(new URL(req.url ?? '/', apiOrigin), { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', (e) => res.writeHead(502).end(e.message));
      req.pipe(up);
      return;
    }
    let file = path.join(clientDir, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(clientDir) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(clientDir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Headless Chromium with a fresh profile in a temp dir (deleted by the returned close). */
export function launch(opts: { colorScheme?: 'light' | 'dark' } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  return launchChromium({ ...opts, profilePrefix: 'pg-ui-chromium-' });
}

/** Median, 95th percentile and max of `xs`. */
export function summarize(xs: readonly number[]): { n: number; median: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { n: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN };
}
