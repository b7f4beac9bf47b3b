// Test projects: unit (no database), integration (one real Neo4j per run, started in global setup, shared by its files),
// integration-own-neo4j (files that start Neo4j JVMs of their own and never touch the shared one).
//
// Scheduling: unit and integration-own-neo4j form one group (same sequence.groupOrder, same maxWorkers) whose files run
// side by side, at least two at a time, so that one file's waits for its JVMs overlap with other files' work. The
// integration files run afterwards one at a time (fileParallelism: false puts them in Vitest's sequential group), as
// they share and reset one database.
import os from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { testJvmEnv } from './test/support/jvm-options.js';

/** Files that start their own Neo4j (or none) and do not use the shared database of the integration project. */
const OWN_NEO4J = [
  'test/db/local-neo4j.test.ts',
  'test/db/local-neo4j-supervisor.test.ts',
  'test/integration/bulk-refusals.test.ts',
  'test/integration/bulk-remote.test.ts',
  'test/integration/main.test.ts',
  'test/integration/faults/neo4j-kill.test.ts',
];

const PARALLEL_WORKERS = Math.max(2, os.availableParallelism() - 1);

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
          maxWorkers: PARALLEL_WORKERS,
        },
      },
      {
        test: {
          name: 'integration-own-neo4j',
          include: OWN_NEO4J,
          env: testJvmEnv(),
          maxWorkers: PARALLEL_WORKERS,
          ...JVM_TIMEOUTS,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/db/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...OWN_NEO4J],
          globalSetup: ['test/support/global-neo4j.ts'],
          env: testJvmEnv(),
          // Suites share one database and reset it, so they run one file at a time.
          fileParallelism: false,
          ...JVM_TIMEOUTS,
        },
      },
    ],
  },
});
