import { defineConfig } from 'vitest/config';

// One run, one count line: the server suite and the web app's unit tests as two projects.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './src/test/count-reporter.ts'],
    projects: [
      {
        test: {
          name: 'server',
          include: ['src/**/*.test.ts'],
          exclude: ['src/web/**', 'node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // one migrated database per run, copied for each test file (src/test/template-database.ts)
          globalSetup: ['src/test/template-database.ts'],
          // on PostgreSQL, a statement sent to a connection still running one fails its test file (decision 070)
          setupFiles: ['src/test/one-statement-at-a-time.ts'],
          // the test files of a fork share its loaded modules instead of each importing the whole program again
          // (decision 068): the suite takes half the time. A file must leave no state behind it
          isolate: false,
        },
      },
      'src/web/vitest.config.ts',
    ],
  },
});
