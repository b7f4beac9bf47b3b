// The default page cache of the built-in Neo4j: sized from the store on disk and the machine's free memory.
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MB = 1024 * 1024;
/** Never less than this (a new, empty store still needs room for what the first ingest writes). */
export const MIN_PAGE_CACHE_MB = 256;
/** Room for the store to grow before the next start resizes the cache. */
const GROWTH_SHARE = 0.25;
/** Share of the machine's free memory the page cache may take (the JVM heap and Node need the rest). */
const FREE_MEMORY_SHARE = 0.5;

/** Bytes under `dir` (0 when it does not exist). */
export function directorySize(dir: string): number {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) total += directorySize(full);
    else if (e.isFile()) total += statSync(full).size;
  }
  return total;
}

/**
 * A page cache (e.g. '700m') holding the whole store plus a quarter for growth, capped at half of the free memory and
 * at least MIN_PAGE_CACHE_MB: the store of `dataDir` is data/databases (the graph and system databases, not the
 * transaction logs, which the page cache does not hold).
 */
export function defaultPageCache(dataDir: string, freeBytes = os.freemem()): string {
  const store = directorySize(path.join(dataDir, 'data', 'databases'));
  const wantMb = Math.ceil((store * (1 + GROWTH_SHARE)) / MB);
  const capMb = Math.floor((freeBytes * FREE_MEMORY_SHARE) / MB);
  return `${Math.max(MIN_PAGE_CACHE_MB, Math.min(wantMb, capMb))}m`;
}
