/**
 * The outbox between real processes (issue 14 §4): a hub (`TXNG_MODE=hub`) and a province (`TXNG_HUB_URL`,
 * `TXNG_HUB_KEY`), each `node bin/txng.js start` on a fresh PostgreSQL database of its own, over loopback HTTP. The
 * hub goes down and comes back, the province is killed with SIGKILL in the middle of a delivery, and two province
 * processes share one database: every record arrives, none is applied twice. Approving in the province and seeing it
 * at the hub is src/hub/two-process.test.ts. Needs PostgreSQL at TXNG_TWO_PROCESS_PG or TXNG_TEST_DATABASE_URL (the server suite's
 * PostgreSQL run); skipped, saying so, without.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  processesAdminUrl as adminUrl,
  databaseUrl as dbUrl,
  freePort,
  postgresAnswers,
  pgQuery as query,
  startProcess as start,
  stopProcess as stop,
  type TxngProcess as Txng,
  txngProcess as txng,
} from '../test/index.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/txng.js');
const available = await postgresAnswers();
if (!available)
  console.warn(
    adminUrl
      ? `two-process outbox test skipped: no PostgreSQL at ${adminUrl}`
      : 'two-process outbox test skipped: it runs on PostgreSQL (set TXNG_TEST_DATABASE_URL or TXNG_TWO_PROCESS_PG)',
  );

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!available)('the outbox between a province and a hub, real processes', () => {
  const suffix = `${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const hubDb = `txng_obx_hub_${suffix}`;
  const provinceDb = `txng_obx_province_${suffix}`;
  let hub: Txng;
  let province: Txng;
  let second: Txng;

  /**
   * Queues `n` events in the province's outbox as a capture does (the SyncItem of each, for the hub), in one
   * statement: the capture itself is not what these tests are about. Their ids start with `tag`.
   */
  async function queueEvents(tag: string, n: number) {
    await query(
      dbUrl(provinceDb),
      `INSERT INTO sync_outbox (receiver, key, kind, record_id, version, action, label, item, state)
       SELECT 'hub', 'event:' || id || ':1', 'event', id, 1, 'upsert', 'Sự kiện xuất hàng',
         jsonb_build_object('key', 'event:' || id || ':1', 'kind', 'event', 'recordId', id, 'version', 1,
           'action', 'upsert', 'organisationId', null,
           'payload', jsonb_build_object('eventID', id, 'type', 'ObjectEvent', 'eventTime', now(),
             'eventTimeZoneOffset', '+07:00', 'action', 'OBSERVE', 'bizStep', 'shipping',
             'quantityList', jsonb_build_array(jsonb_build_object(
               'epcClass', 'https://id.gs1.org/01/08930000000010/10/L' || (i % 7), 'quantity', i)))),
         'queued'
       FROM (SELECT i, $1 || i AS id FROM generate_series(1, $2::int) i) s`,
      [`urn:uuid:${tag}-`, n],
    );
  }
  const atHub = async (tag: string) =>
    Number(
      (
        await query(dbUrl(hubDb), `SELECT count(*)::int AS n FROM hub_events WHERE event_id LIKE $1`, [
          `urn:uuid:${tag}-%`,
        ])
      )[0].n,
    );
  const outboxStates = async (tag: string) =>
    Object.fromEntries(
      (
        await query(
          dbUrl(provinceDb),
          `SELECT state, count(*)::int AS n FROM sync_outbox WHERE record_id LIKE $1 GROUP BY state`,
          [`urn:uuid:${tag}-%`],
        )
      ).map((r) => [r.state, r.n]),
    ) as Record<string, number>;
  /** What the hub logged of the deliveries since `since`: items handed over, and applied (a key only once). */
  const deliveries = async (since: Date) =>
    (
      await query(
        dbUrl(hubDb),
        `SELECT coalesce(sum(items), 0)::int AS items, coalesce(sum(applied), 0)::int AS applied
         FROM hub_deliveries WHERE received_at >= $1`,
        [since],
      )
    )[0] as { items: number; applied: number };

  beforeAll(async () => {
    hub = txng('hub', hubDb, await freePort());
    await query(adminUrl, `CREATE DATABASE ${hubDb}`);
    await query(adminUrl, `CREATE DATABASE ${provinceDb}`);
    const provincePort = await freePort();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [bin, 'hub', 'add-node', '75', `http://127.0.0.1:${provincePort}`, 'Đồng Nai'],
      { env: hub.env },
    );
    const key = /Key \(shown once[^)]*\): (\S+)/.exec(stdout)?.[1] ?? '';
    const delivering = { TXNG_HUB_URL: hub.url, TXNG_HUB_KEY: key, TXNG_SYNC_MAX_ATTEMPTS: '100' };
    province = txng('province', provinceDb, provincePort, delivering);
    second = txng('province', provinceDb, await freePort(), delivering);
    await start(hub);
    await start(province);
  }, 180_000);

  afterAll(async () => {
    for (const p of [hub, province, second].filter(Boolean)) await stop(p, 'SIGKILL');
    for (const name of [hubDb, provinceDb])
      await query(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
  });

  it('with the hub down the outbox grows; the hub back, everything is delivered once', async () => {
    await stop(hub);
    const since = new Date();
    await queueEvents('down', 3000);
    // the worker tried every row and was refused by the network: each waits, queued, for its next try, none lost.
    // One statement sees it: two (all queued, then some tried) could pass while a batch is still claimed, tried and
    // not yet answered, without its reason.
    await until(
      'a failed try of every row',
      async () =>
        Number(
          (
            await query(
              dbUrl(provinceDb),
              `SELECT count(*) FILTER (WHERE state = 'queued' AND attempts > 0)::int AS n
               FROM sync_outbox WHERE record_id LIKE 'urn:uuid:down-%'`,
            )
          )[0].n,
        ) === 3000,
    );
    const reasons = await query(
      dbUrl(provinceDb),
      `SELECT DISTINCT reasons->0->>'vi' AS vi FROM sync_outbox WHERE record_id LIKE 'urn:uuid:down-%'`,
    );
    expect(reasons.map((r) => r.vi)).toEqual(['Không kết nối được tới trung tâm dữ liệu.']);
    await start(hub);
    await until('every row confirmed', async () => (await outboxStates('down')).confirmed === 3000);
    expect(await atHub('down')).toBe(3000);
    expect((await deliveries(since)).applied).toBe(3000);
  }, 180_000);

  it('the province killed in the middle of a delivery and started again: nothing lost, nothing applied twice', async () => {
    const since = new Date();
    await queueEvents('kill', 20_000);
    await until('the first deliveries', async () => (await atHub('kill')) > 0, 60_000);
    await stop(province, 'SIGKILL');
    const halfway = await outboxStates('kill');
    expect(halfway.confirmed ?? 0).toBeLessThan(20_000);
    // the dead process's leases run out (two minutes in real life; here the clock is moved on for them)
    await query(
      dbUrl(provinceDb),
      `UPDATE sync_outbox SET lease_until = now() - interval '1 second' WHERE state = 'sent'`,
    );
    await start(province);
    await until(
      'every row confirmed',
      async () => (await outboxStates('kill')).confirmed === 20_000,
      150_000,
    );
    expect(await atHub('kill')).toBe(20_000);
    const logged = await deliveries(since);
    expect(logged.applied).toBe(20_000);
    expect(logged.items).toBeGreaterThanOrEqual(20_000);
  }, 240_000);

  it('two province processes on one database hand every row over once', async () => {
    await start(second);
    const since = new Date();
    await queueEvents('pair', 10_000);
    await until(
      'every row confirmed',
      async () => (await outboxStates('pair')).confirmed === 10_000,
      150_000,
    );
    expect(await atHub('pair')).toBe(10_000);
    // no row went twice: the hub was handed exactly as many items as there were rows
    expect(await deliveries(since)).toEqual({ items: 10_000, applied: 10_000 });
  }, 240_000);
});
