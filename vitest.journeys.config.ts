import { defineConfig } from 'vitest/config';

// Browser journeys: the real program in real Chromium. Run by .ci/run after the server suites.
export default defineConfig({
  test: {
    include: ['journeys/**/*.journey.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', './src/test/count-reporter.ts'],
    // the back office built once for all the journeys (journeys/build.ts)
    globalSetup: ['journeys/build.ts'],
  },
});
