import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Set by the global setup once the back office is built for this run. */
export const backOfficeBuilt = 'TXNG_JOURNEY_BACKOFFICE_BUILT';

/** `vite build` of the back office with NODE_ENV=production, as `npm start` builds it (not Vitest's NODE_ENV=test). */
export function buildBackOfficeNow() {
  const vite = path.resolve('node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'error'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/**
 * Vitest global setup (vitest.journeys.config.ts): one build of the back office for every journey of the run, each
 * of which used to build it again. Nothing to build when Chromium is missing (the journeys skip) or when the
 * journeys drive a server already running (TXNG_JOURNEY_URL).
 */
export default function setup() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium) || process.env.TXNG_JOURNEY_URL) return;
  buildBackOfficeNow();
  process.env[backOfficeBuilt] = '1';
}
