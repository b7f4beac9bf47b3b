// The client's import direction: every import in client/src goes down the layers (or stays in its own), never up.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { must } from '../../../core/must.js';

const ROOT = path.resolve('.');
const SRC = path.join(ROOT, 'client', 'src');

/**
 * Which folders each layer may import from, lowest first. core/ holds pure state (URL, theme, test hooks); api/ talks
 * to the server; graph/ draws; components/ are reusable widgets; views/ compose them into pages; app/ wires the shell.
 * Outside client/src only schema/ and shared/ (and npm packages) may be imported.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: ['core'],
  api: ['core', 'api'],
  graph: ['core', 'graph'],
  components: ['core', 'graph', 'components'],
  views: ['core', 'api', 'graph', 'components', 'views'],
  app: ['core', 'api', 'graph', 'components', 'views', 'app'],
  // The entry point wires everything.
  'main.ts': ['core', 'api', 'graph', 'components', 'views', 'app'],
};
const OUTSIDE_ALLOWED = ['schema', 'shared'];

function layerOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return must(rel[0], 'rel[0]');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Module specifiers of static imports, re-exports, side-effect imports and dynamic import() calls, with their line. */
function importsOf(text: string): { spec: string; line: number }[] {
  const out: { spec: string; line: number }[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      // Type-level `typeof import('pkg')` counts too: a type import is still a dependency of the module.
      out.push({ spec: must(m[1], 'm[1]'), line: text.slice(0, m.index).split('\n').length });
    }
  }
  return out;
}

/** Every import that runs against the layers, as "file:line imports 'spec' (layer → layer)". */
function layerViolations(files: readonly string[], read: (f: string) => string = (f) => readFileSync(f, 'utf8')): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    const allowed = ALLOWED[from];
    const where = path.relative(ROOT, file);
    if (!allowed) {
      problems.push(`${where}: not in a known layer (put it under ${Object.keys(ALLOWED).join(', ')})`);
      continue;
    }
    for (const { spec, line } of importsOf(read(file))) {
      if (!spec.startsWith('.')) continue; // npm packages
      const target = path.resolve(path.dirname(file), spec);
      const rel = path.relative(SRC, target);
      if (rel.startsWith('..')) {
        const top = must(path.relative(ROOT, target).split(path.sep)[0], 'path.relative(ROOT, target).split(path.sep)[0]');
        if (!OUTSIDE_ALLOWED.includes(top)) problems.push(`${where}:${line} imports '${spec}' (client → ${top}/; only ${OUTSIDE_ALLOWED.join('/, ')}/ may be imported)`);
        continue;
      }
      const to = layerOf(target);
      if (!allowed.includes(to)) problems.push(`${where}:${line} imports '${spec}' (${from} → ${to}: ${from} may import only ${allowed.join(', ')})`);
    }
  }
  return problems;
}

describe('client layers', () => {
  it('no module in client/src imports a higher layer', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(20);
    expect(layerViolations(files)).toEqual([]);
  });

  it('names the file, line and import of an upward import', () => {
    const fake = new Map([
      [path.join(SRC, 'graph', 'x.ts'), "import { a } from '../core/a.js';\nimport { b } from '../app/b.js';\n"],
      [path.join(SRC, 'components', 'y.ts'), "import type { Q } from '../api/api.js';\nimport './y.css';\n"],
      [path.join(SRC, 'views', 'z.ts'), "import { s } from '../../../server/app.js';\nconst m = import('../app/shell.js');\n"],
    ]);
    expect(layerViolations([...fake.keys()], (f) => must(fake.get(f), 'fake.get(f)'))).toEqual([
      "client/src/graph/x.ts:2 imports '../app/b.js' (graph → app: graph may import only core, graph)",
      "client/src/components/y.ts:1 imports '../api/api.js' (components → api: components may import only core, graph, components)",
      "client/src/views/z.ts:1 imports '../../../server/app.js' (client → server/; only schema/, shared/ may be imported)",
      "client/src/views/z.ts:2 imports '../app/shell.js' (views → app: views may import only core, api, graph, components, views)",
    ]);
  });
});
