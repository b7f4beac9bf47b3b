// The test database of the running file: the integration project starts one Neo4j per worker (global-neo4j.ts), and
// Vitest numbers the workers running at the same time 1..maxWorkers (VITEST_POOL_ID), so two files that run side by
// side never share (or reset) one database.
import { inject } from 'vitest';
import type { Neo4jTestTarget } from './test-database.js';

export function testTarget(): Neo4jTestTarget {
  const targets = inject('neo4jTargets');
  if (targets.length === 1 && targets[0]) return targets[0];
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  const t = targets[worker - 1];
  if (!t) throw new Error(`Test worker ${worker} has no database of its own (${targets.length} started): maxWorkers of the integration project and the databases started for it differ`);
  return t;
}
