// Loads every `.cypher` file under cypher/ once, by name (`area/name` without the extension); code asks for queries by that name.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Directory that holds the query files (this module's own folder). */
export const CYPHER_DIR = path.dirname(fileURLToPath(import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(full);
    return e.name.endsWith('.cypher') ? [full] : [];
  });
}

/** Reads all query files; `schema.cypher` (many statements) is excluded from the single-query map. */
export function loadQueryFiles(dir = CYPHER_DIR): Map<string, string> {
  const map = new Map<string, string>();
  for (const file of walk(dir).sort()) {
    const name = path.relative(dir, file).replace(/\\/g, '/').replace(/\.cypher$/, '');
    if (name === 'schema') continue;
    map.set(name, readFileSync(file, 'utf8').trim());
  }
  return map;
}

const queries = loadQueryFiles();

/** The text of the named query; throws at once for a name with no file, so a typo fails the first test that touches it. */
export function cypher(name: string): string {
  const text = queries.get(name);
  if (text === undefined) throw new Error(`No Cypher file cypher/${name}.cypher`);
  return text;
}

/** Every loaded query name (for the EXPLAIN-all test). */
export function queryNames(): string[] {
  return [...queries.keys()];
}

/**
 * The schema statements of cypher/schema.cypher, split on `;` at line ends; `//` comment lines are dropped.
 * Each statement is idempotent (IF NOT EXISTS).
 */
export function schemaStatements(dir = CYPHER_DIR): string[] {
  const text = readFileSync(path.join(dir, 'schema.cypher'), 'utf8');
  return text
    .split(/;\s*(?:\n|$)/)
    .map((s) =>
      s
        .split('\n')
        .filter((l) => !l.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter((s) => s.length > 0);
}
