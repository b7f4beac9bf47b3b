// Test projects: unit (no database), integration (one real Neo4j per run, started in global setup), e2e (browser).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/db/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-neo4j.ts'],
          // Suites share one database and reset it, so they run one file at a time.
          fileParallelism: false,
          // Tests that start Neo4j JVMs of their own (server/main.ts, the supervisor) need minutes on a busy machine.
          testTimeout: 300_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
