/**
 * A read replica (issue 15 §2, DATABASE_READ_URL): two PostgreSQL servers in streaming replication started by the
 * test (src/test/replication.ts: initdb, pg_basebackup), the real program on them. Public reads of published data
 * come from the replica; a stamp's state never does, so a stamp revoked while the replica lags is still refused.
 * Runs with the PostgreSQL suite (TXNG_TEST_DATABASE_URL) where the PostgreSQL binaries are; skipped, saying so,
 * without.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApiKey, demoLots } from '../demo/index.ts';
import {
  freePort,
  pgQuery,
  type ReplicatedPair,
  replicationBinaries,
  startProcess,
  startReplicatedPair,
  stopProcess,
  type TxngProcess,
  txngProcess,
} from '../test/index.ts';
import { loadConfig } from './index.ts';

const bin = replicationBinaries();
const available = Boolean(process.env.TXNG_TEST_DATABASE_URL && bin);
if (!available)
  console.warn(
    'read replica test skipped: it runs with the PostgreSQL suite (TXNG_TEST_DATABASE_URL) and the PostgreSQL binaries',
  );

describe('DATABASE_READ_URL', () => {
  it('is refused without DATABASE_URL, named in words', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://replica/txng' })).toThrow(
      /DATABASE_READ_URL: a replica is read beside its primary, expected DATABASE_URL too/,
    );
  });
});

describe.skipIf(!available)('the program on a primary and a streaming replica', () => {
  let pair: ReplicatedPair;
  let server: TxngProcess;
  const { gtin, lot } = demoLots.durianCartons;
  const primary = <T = Record<string, any>>(text: string, values: unknown[] = []) =>
    pgQuery<T>(pair.primaryUrl, text, values);
  const replica = <T = Record<string, any>>(text: string, values: unknown[] = []) =>
    pgQuery<T>(pair.standbyUrl, text, values);

  beforeAll(async () => {
    pair = await startReplicatedPair(bin!);
    server = txngProcess('province', 'replica', await freePort(), {
      DATABASE_URL: pair.primaryUrl,
      DATABASE_READ_URL: pair.standbyUrl,
      TXNG_DEMO: '1',
      // every page reads the database, so each answer shows where it read from
      TXNG_RESOLVER_CACHE_SECONDS: '0',
    });
    await startProcess(server, 180_000);
    await pair.caughtUp();
  }, 240_000);

  afterAll(async () => {
    if (server) await stopProcess(server);
    await pair?.stop();
  });

  it('the portal reads published data from the replica: a change replayed there shows, not before', async () => {
    const [product] = await primary<{ id: string; name: string }>(
      `SELECT id, name FROM products WHERE gtin = $1`,
      [gtin.padStart(14, '0')],
    );
    const productPage = async () => (await fetch(`${server.url}/san-pham/${product.id}`)).text();
    // more than the few seconds after the demo's last announced change, when reads still go to the primary
    await new Promise((r) => setTimeout(r, 5_500));
    expect(await productPage()).toContain(product.name);
    await pair.pauseReplay();
    try {
      // written on the primary behind the program's back: no announcement, the replica has not replayed it
      await primary(`UPDATE products SET name = name || ' (tên mới)' WHERE id = $1`, [product.id]);
      const [standby] = await replica<{ name: string }>(`SELECT name FROM products WHERE id = $1`, [
        product.id,
      ]);
      expect(standby.name).toBe(product.name);
      expect(await productPage()).not.toContain('(tên mới)');
    } finally {
      await pair.resumeReplay();
    }
    await pair.caughtUp();
    expect(await productPage()).toContain(`${product.name} (tên mới)`);
  });

  it('a stamp revoked while the replica lags is refused at once: its state is read from the primary', async () => {
    const [range] = await primary<{ id: string; organisation_id: string; first_serial: string }>(
      `SELECT id, organisation_id, first_serial FROM stamp_ranges WHERE gtin = $1 ORDER BY first_serial LIMIT 1`,
      [gtin],
    );
    const serial = Number(range.first_serial) + 3;
    const english = { accept: 'text/html', 'accept-language': 'en' };
    const page = async () =>
      (await fetch(`${server.url}/page/01/${gtin}/10/${lot}/21/${serial}`, { headers: english })).text();
    expect(await page()).not.toContain('This stamp has been revoked.');
    await pair.pauseReplay();
    try {
      const response = await fetch(`${server.url}/api/stamps/ranges/${range.id}/revoke`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${demoApiKey}`,
          'x-organisation-id': range.organisation_id,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ serials: [serial], reason: 'nhãn bị sao chép' }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      // the replica does not know of the revocation yet
      const lagging = await replica<{ n: number }>(
        `SELECT count(*)::int AS n FROM stamp_changes WHERE range_id = $1 AND action = 'revoke'`,
        [range.id],
      );
      expect(lagging[0].n).toBe(0);
      expect(await page()).toContain('This stamp has been revoked.');
    } finally {
      await pair.resumeReplay();
    }
  });
});
