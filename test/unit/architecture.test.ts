// Dependencies point down: a file may import its own top-level folder and the folders below it, never one above.
//   core  <-  schema, shared  <-  cypher  <-  db  <-  ingest  <-  server
// client imports only schema/ and shared/ (its internal layering has its own check); bench/ and test/ may import anything.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Rank of each layered folder: a file may import folders of equal or lower rank. */
const RANK: Record<string, number> = { core: 0, schema: 1, shared: 1, cypher: 2, db: 3, ingest: 4, server: 5 };
/** Folders with a fixed list of what they may import besides themselves. */
const ONLY: Record<string, string[]> = { client: ['schema', 'shared'] };
/** Folders that may import anything. */
const FREE = new Set(['bench', 'test']);

const SOURCE = /\.(ts|mts|mjs|js)$/;

/** Relative module specifiers of a source text: static and dynamic imports, re-exports, and worker URLs. */
function specifiers(source: string): { spec: string; line: number }[] {
  const out: { spec: string; line: number }[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bnew\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
  ];
  for (const re of patterns) {
    for (const m of source.matchAll(re)) {
      const spec = m[1] as string;
      if (!spec.startsWith('.')) continue;
      out.push({ spec, line: source.slice(0, m.index).split('\n').length });
    }
  }
  return out;
}

/** Why `from` (a repo-relative file) may not import the repo-relative `target`, or null when it may. */
function ruleBroken(from: string, target: string): string | null {
  const a = from.split('/')[0] as string;
  const b = target.split('/')[0] as string;
  // Files at the repository root (package.json) are metadata anyone may read.
  if (a === b || FREE.has(a) || !target.includes('/')) return null;
  if (a in ONLY) return (ONLY[a] as string[]).includes(b) ? null : `${a}/ may import only ${(ONLY[a] as string[]).join(', ')}`;
  if (!(a in RANK)) return null;
  if (!(b in RANK)) return `${a}/ may not import ${b}/`;
  return (RANK[b] as number) <= (RANK[a] as number) ? null : `${a}/ is below ${b}/`;
}

/** Every import in `files` (repo-relative path -> source) that runs back up, as "file:line imports 'spec' (reason)". */
function violations(files: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [file, source] of files) {
    for (const { spec, line } of specifiers(source)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      const broken = ruleBroken(file, target);
      if (broken) out.push(`${file}:${line} imports '${spec}' (${broken})`);
    }
  }
  return out;
}

function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (SOURCE.test(e.name) && !e.name.endsWith('.d.ts')) files.set(rel, readFileSync(path.join(ROOT, rel), 'utf8'));
    }
  };
  for (const dir of [...Object.keys(RANK), ...Object.keys(ONLY)]) walk(dir);
  return files;
}

describe('import direction', () => {
  it('no import runs back up the layers', () => {
    const files = sourceFiles();
    expect(files.size).toBeGreaterThan(100);
    expect(violations(files)).toEqual([]);
  });

  it('names the file, the line and the import of an upward import', () => {
    const files = new Map([
      ['db/graph.ts', "// x\nimport { fromNeo4jError } from '../server/errors.js';\n"],
      ['ingest/writer.ts', "export { x } from '../ingest/a.js';\nconst m = await import('../server/app.js');\n"],
      ['client/api.ts', "import type { X } from '../db/plain.js';\nimport { y } from '../schema/api.js';\n"],
      ['core/errors.ts', "new Worker(new URL('../db/w.mjs', import.meta.url));\n"],
      ['test/x.test.ts', "import { a } from '../server/app.js';\n"],
      ['server/app.ts', "import '../core/config.js';\nimport { b } from '../ingest/sample.js';\nimport p from '../package.json';\n"],
    ]);
    expect(violations(files).sort()).toEqual([
      "client/api.ts:1 imports '../db/plain.js' (client/ may import only schema, shared)",
      "core/errors.ts:1 imports '../db/w.mjs' (core/ is below db/)",
      "db/graph.ts:2 imports '../server/errors.js' (db/ is below server/)",
      "ingest/writer.ts:2 imports '../server/app.js' (ingest/ is below server/)",
    ]);
  });
});
