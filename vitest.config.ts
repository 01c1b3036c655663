import { defineConfig } from 'vitest/config';

/** `npm test` runs every project; `vitest run --project <name>` runs one. */
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/lambda/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/dynamodb-global-setup.ts'],
          // Every answer of every api test is checked against the OpenAPI document's schemas.
          setupFiles: ['test/support/response-check.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['test/web/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          environmentOptions: { happyDOM: { url: 'http://localhost:3000/' } },
          setupFiles: ['test/web/setup.ts'],
          // Components driven through a DOM with user events: generous bounds for a loaded machine.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'smoke',
          include: ['test/smoke/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['test/support/web-build-global-setup.ts'],
        },
      },
      {
        test: {
          // Probes of the running platform as an attacker would try it: `npm start -- --in-memory` on a
          // free port, once per file, traffic to 127.0.0.0/8 only, bounded loops (see test/support/).
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['test/support/web-build-global-setup.ts'],
        },
      },
    ],
  },
});
