// Vitest global setup: builds the client once, before any test file runs. Files run side by side (vitest.config.ts),
// and the browser tests and the started servers each build a missing or stale client themselves; two builds of one
// output folder at the same time would empty it under each other.
import path from 'node:path';
import { ensureClientBuilt } from '../../server/client-build.js';

export default async function setup(): Promise<void> {
  const root = path.resolve('.');
  await ensureClientBuilt(root, path.join(root, 'dist', 'client'), (l) => process.stderr.write(`[test] ${l}\n`));
}
