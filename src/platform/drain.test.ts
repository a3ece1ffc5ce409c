/**
 * A stopping server tells its load balancer first (TXNG_DRAIN_SECONDS): /readyz answers 503 at once while requests
 * are still served, then the server closes and exits. A real `txng start` on PostgreSQL; skipped, saying so,
 * without one (TXNG_TEST_DATABASE_URL).
 */
import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  processesAdminUrl as adminUrl,
  freePort,
  pgQuery,
  postgresAnswers,
  startProcess,
  stopProcess,
  type TxngProcess,
  txngProcess,
} from '../test/index.ts';

const available = await postgresAnswers();
if (!available) console.warn('drain test skipped: it runs on PostgreSQL (set TXNG_TEST_DATABASE_URL)');

describe.skipIf(!available)('a server asked to stop with TXNG_DRAIN_SECONDS', () => {
  const name = `txng_drain_${crypto.randomBytes(4).toString('hex')}`;
  let p: TxngProcess | undefined;
  afterAll(async () => {
    if (p) await stopProcess(p, 'SIGKILL');
    await pgQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('is not ready at once, still answers while draining, then exits, saying so', async () => {
    await pgQuery(adminUrl, `CREATE DATABASE ${name}`);
    const server = txngProcess('province', name, await freePort(), { TXNG_DRAIN_SECONDS: '3' });
    p = server;
    await startProcess(server, 180_000);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const exited = new Promise((resolve) => server.child!.once('exit', resolve));
    const asked = Date.now();
    server.child!.kill('SIGTERM');
    let notReady: Response | null = null;
    for (let i = 0; i < 20 && !notReady; i++) {
      const answer = await fetch(`${server.url}/readyz`);
      if (answer.status === 503) notReady = answer;
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(notReady?.headers.get('content-type')).toMatch(/application\/problem\+json/);
    // still serving: liveness and a real page
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/docs/json`)).status).toBe(200);
    await exited;
    expect(Date.now() - asked).toBeGreaterThanOrEqual(3000);
    // the operator's log says the stop began and ended
    expect(server.output).toMatch(/Stopping: finishing the requests in flight[\s\S]*Stopped\./);
  }, 240_000);
});
