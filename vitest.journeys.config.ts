import { defineConfig } from 'vitest/config';

// Browser journeys: the real program in real Chromium. Run by .ci/run after the server suites.
export default defineConfig({
  test: {
    include: ['journeys/**/*.journey.ts'],
    pool: 'forks',
    // two at a time: a journey waits on its browser and its own server much of the time, and each has its own
    // port and data folder; on the 2-core machine, under load 10–19 from other work, the 25 journeys' 2,101 s took
    // 20 min two at a time, all passing (docs/benchmarks.md, CI duration)
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', './src/test/count-reporter.ts'],
    // the back office built once for all the journeys (journeys/build.ts)
    globalSetup: ['journeys/build.ts'],
  },
});
