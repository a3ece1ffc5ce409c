import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/test/txng-process.ts';

/** Set by the journeys' global setup (./build.ts) to a data folder the program has migrated and seeded. */
export const seededTemplate = 'TXNG_JOURNEY_SEEDED_DATA';

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Settings that change nothing the demo seed writes: a journey with only these may start on the seeded copy. */
const seedNeutral = new Set(['TXNG_MAIL_DIR']);

/**
 * Starts the real program (`bin/txng.js start`) on a free port with the demo province on a fresh embedded
 * database, exactly as the README's quick start does, and waits for /healthz. The fresh database is a copy of
 * the one the journeys' global setup had the program migrate and seed (./build.ts), unless the journey's settings
 * could change what the seed writes; `keep` names the data folder to use and keep instead (the setup's own).
 */
export async function startServer(env: Record<string, string> = {}, keep?: string): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'txng-journey-'));
  const template = process.env[seededTemplate];
  if (!keep && template && Object.keys(env).every((name) => seedNeutral.has(name)))
    fs.cpSync(template, dataDir, { recursive: true, filter: (from) => path.basename(from) !== '.txng.lock' });
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['bin/txng.js', 'start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TXNG_DATA_DIR: dataDir, TXNG_BASE_URL: baseUrl, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // seeding the demo province on a loaded CI machine has taken over a minute
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      // a server left running would hold the run's output open after the run has ended
      child.kill('SIGKILL');
      throw new Error('server did not become healthy in 180 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

