// The built-in Neo4j's default page cache: the store plus a quarter, within [256m, half the free memory].
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPageCache, directorySize } from '../../../db/page-cache.js';

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('defaultPageCache', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'page-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the minimum for a new data directory', () => {
    expect(defaultPageCache(path.join(dir, 'none'), 16 * GB)).toBe('256m');
  });

  it('holds the store plus a quarter when memory allows, and only counts data/databases', () => {
    const db = path.join(dir, 'data', 'databases', 'neo4j');
    mkdirSync(db, { recursive: true });
    mkdirSync(path.join(dir, 'data', 'transactions'), { recursive: true });
    // Sparse files: sizes without writing the bytes.
    writeFileSync(path.join(db, 'neostore.nodestore.db'), '');
    truncateSync(path.join(db, 'neostore.nodestore.db'), 800 * MB);
    writeFileSync(path.join(dir, 'data', 'transactions', 'log'), '');
    truncateSync(path.join(dir, 'data', 'transactions', 'log'), 900 * MB);
    expect(directorySize(path.join(dir, 'data', 'databases'))).toBe(800 * MB);
    expect(defaultPageCache(dir, 16 * GB)).toBe('1000m');
    // Capped at half of the free memory.
    expect(defaultPageCache(dir, 1 * GB)).toBe('512m');
    // Never below the minimum, even when memory is short.
    expect(defaultPageCache(dir, 200 * MB)).toBe('256m');
  });
});
