import { defineConfig } from 'vitest/config';

// Browser journeys: the real program in real Chromium. Run by .ci/run after the server suites.
export default defineConfig({
  test: {
    include: ['journeys/**/*.journey.ts'],
    pool: 'forks',
    // one at a time: two at once took 532 s instead of 680 s on a fresh clone, but one step of the back office
    // journey then missed its review item's panel (a click lost while the queue re-rendered on a machine whose two
    // cores ran two servers and two browsers); a CI run must not depend on that (docs/benchmarks.md, CI duration)
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', './src/test/count-reporter.ts'],
    // the back office built once for all the journeys (journeys/build.ts)
    globalSetup: ['journeys/build.ts'],
  },
});
