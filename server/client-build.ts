// Builds the client with Vite when dist/client is missing or older than its sources (npm start does this by itself).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when the built index.html is missing or any client/schema source file is newer than it. */
export function clientBuildIsStale(root: string, outDir: string): boolean {
  const index = path.join(outDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(newestMtime(path.join(root, 'client')), newestMtime(path.join(root, 'schema')));
  return sources > built;
}

/** Runs `vite build` in-process when stale. */
export async function ensureClientBuilt(root: string, outDir: string, log: (msg: string) => void): Promise<void> {
  if (!clientBuildIsStale(root, outDir)) return;
  log('Building the client (missing or stale)…');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  log(`Client built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
