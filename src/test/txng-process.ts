import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// Real `txng start` processes on PostgreSQL for the tests that need two of them (a province and a hub).

/** The PostgreSQL the server suite runs on (.ci/run's PostgreSQL step), or one named for these tests alone. */
export const processesAdminUrl = process.env.TXNG_TWO_PROCESS_PG ?? process.env.TXNG_TEST_DATABASE_URL ?? '';

const bin = path.resolve(import.meta.dirname, '../../bin/txng.js');

export async function pgQuery<T = Record<string, any>>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Whether the PostgreSQL these tests would use answers; they skip, saying so, when it does not. */
export async function postgresAnswers(url = processesAdminUrl) {
  if (!url) return false;
  return pgQuery(url, 'SELECT 1').then(
    () => true,
    () => false,
  );
}

export function databaseUrl(name: string, adminUrl = processesAdminUrl) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A port nobody listens on, for a process the test starts (and may stop and start again on the same port). It is
 * picked below the kernel's ephemeral range: a port from there (what `listen(0)` gives) can be taken, while a
 * stopped hub or province is down, by any other test's listener or outgoing connection, and the restart then
 * fails with EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  const [ephemeralLow] = await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').then(
    (text) => text.trim().split(/\s+/).map(Number),
    () => [32768],
  );
  const low = 10_000;
  const high = Math.max(low + 1_000, ephemeralLow - 1);
  for (let tries = 0; tries < 100; tries++) {
    const port = low + crypto.randomInt(high - low);
    if (await listensOn(port)) return port;
  }
  throw new Error(`no free port between ${low} and ${high}`);
}

function listensOn(port: number) {
  return new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export interface TxngProcess {
  /** Its database's name. */
  name: string;
  url: string;
  env: NodeJS.ProcessEnv;
  child: ChildProcess | null;
  /** What it printed on its standard output so far (its start and stop lines). */
  output: string;
}

/** A province or a hub on its own database and port, not started; `extra` adds to its environment. */
export function txngProcess(
  mode: 'hub' | 'province',
  database: string,
  port: number,
  extra: NodeJS.ProcessEnv = {},
): TxngProcess {
  return {
    name: database,
    url: `http://127.0.0.1:${port}`,
    child: null,
    output: '',
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl(database),
      TXNG_MODE: mode,
      TXNG_DEMO: '0',
      TXNG_BASE_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      TXNG_CHECKS_INTERVAL_MINUTES: '0',
      TXNG_MAIL_DIR: path.join(os.tmpdir(), `txng-mail-${database}-${port}`),
      TXNG_HUB_URL: '',
      TXNG_HUB_KEY: '',
      // one process unless a test asks for workers (decision 055: the default on PostgreSQL is one per core)
      TXNG_WORKERS: '1',
      ...extra,
    },
  };
}

/** Starts it and waits for its `/healthz` (a minute at most unless told), with its error output in the failure. */
export async function startProcess(p: TxngProcess, timeoutMs = 60_000) {
  const child = spawn(process.execPath, [bin, 'start'], { env: p.env, stdio: ['ignore', 'pipe', 'pipe'] });
  p.child = child;
  child.stdout?.on('data', (chunk) => {
    p.output += chunk;
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${p.name} exited: ${stderr}`);
    const ok = await fetch(`${p.url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${p.name} did not start: ${stderr}`);
}

/** Stops it with the signal given (SIGKILL to test a crash) and waits until it has exited. */
export async function stopProcess(p: TxngProcess, signal: NodeJS.Signals = 'SIGTERM') {
  const child = p.child;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
  p.child = null;
}
