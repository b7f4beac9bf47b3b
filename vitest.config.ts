// Test projects: unit (no database), integration (real Neo4j started in global setup: one per worker, each file on
// the one of its worker, see test/support/neo4j-target.ts), integration-own-neo4j (files that start Neo4j JVMs of
// their own and never touch the integration project's databases).
//
// Scheduling: the three projects form one group (same sequence.groupOrder, same maxWorkers), WORKERS files at a time,
// so that one file's waits for its JVMs overlap with another file's work. With TEST_NEO4J_URI (one database named by
// the user) the integration files run one at a time instead, after the others (fileParallelism: false), as they
// reset that database.
import { configDefaults, defineConfig } from 'vitest/config';
import { testJvmEnv } from './test/support/jvm-options.js';
import { namedTestDatabase } from './test/support/test-database.js';

/** Files that start their own Neo4j (or none) and do not use the shared database of the integration project. */
const OWN_NEO4J = [
  'test/db/local-neo4j.test.ts',
  'test/db/local-neo4j-supervisor.test.ts',
  'test/integration/bulk-refusals.test.ts',
  'test/integration/bulk-remote.test.ts',
  'test/integration/main.test.ts',
  'test/integration/faults/neo4j-kill.test.ts',
];

/** Files run at a time; the integration project starts this many Neo4j (each ≈ 1.5 GB with its JVM). */
const WORKERS = 2;
const ONE_DATABASE = namedTestDatabase(process.env) !== undefined;

// Tests that start Neo4j JVMs of their own (server/main.ts, the supervisor) need minutes on a busy machine.
const JVM_TIMEOUTS = { testTimeout: 300_000, hookTimeout: 180_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          maxWorkers: WORKERS,
        },
      },
      {
        test: {
          name: 'integration-own-neo4j',
          include: OWN_NEO4J,
          env: testJvmEnv(),
          maxWorkers: WORKERS,
          ...JVM_TIMEOUTS,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/db/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...OWN_NEO4J],
          globalSetup: ['test/support/global-client.ts', 'test/support/global-neo4j.ts'],
          env: testJvmEnv(),
          // Each worker has its own database; one named database is shared, so its files run one at a time.
          ...(ONE_DATABASE ? { fileParallelism: false } : { maxWorkers: WORKERS }),
          ...JVM_TIMEOUTS,
        },
      },
    ],
  },
});
