// Measures local Neo4j start/stop times (numbers recorded in db/NOTES.md): `npx tsx db/measure-local-neo4j.ts [runs]`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveNeo4jJars, startLocalNeo4j } from './local-neo4j.js';

const runs = Number(process.argv[2] ?? 3);
const quiet = () => {};

/** Starts and stops Neo4j on `dataDir`, returning [ms to ready, ms to stop]. */
async function once(dataDir: string, password?: string): Promise<[number, number]> {
  const t0 = performance.now();
  const db = await startLocalNeo4j({ dataDir, log: quiet, ...(password ? { password } : {}) });
  const t1 = performance.now();
  await db.stop();
  return [t1 - t0, performance.now() - t1];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (middle === undefined) throw new Error('median of no measurements');
  return middle;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

await resolveNeo4jJars({ log: (l) => console.log(l) });
const cold: number[] = [];
const warm: number[] = [];
const stops: number[] = [];
const changed: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-measure-'));
  try {
    const [c, s1] = await once(dir); // new store: created, password set from auth.ini
    const [w, s2] = await once(dir); // existing store, stored password
    const [p] = await once(dir, `changed-password-${i}`); // existing store, new password: Bolt-off pass first
    cold.push(c);
    warm.push(w);
    stops.push(s1, s2);
    changed.push(p);
    console.log(`run ${i + 1}: new store ${fmt(c)}, existing store ${fmt(w)}, password change ${fmt(p)}, stops ${fmt(s1)}/${fmt(s2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(
  `median of ${runs}: new store ${fmt(median(cold))}, existing store ${fmt(median(warm))}, ` +
    `password change ${fmt(median(changed))}, stop ${fmt(median(stops))}`,
);
