import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seededTemplate, startServer } from './server.ts';

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
export default async function setup() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium) || process.env.TXNG_JOURNEY_URL) return;
  buildBackOfficeNow();
  process.env[backOfficeBuilt] = '1';
  // the program started once, as the README's `npm start` starts it, migrates a fresh embedded database and seeds
  // the demo province; each journey then starts on a copy of that folder instead of doing it all again
  const template = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-journey-seeded-'));
  const server = await startServer({}, template);
  await server.stop();
  process.env[seededTemplate] = template;
  return () => fs.rmSync(template, { recursive: true, force: true });
}
