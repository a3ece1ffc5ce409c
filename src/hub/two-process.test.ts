/**
 * Two real TXNG processes over loopback HTTP (issue 14 §4): a hub (`TXNG_MODE=hub`, its province registered with
 * `txng hub add-node`) and a province with its demo data delivering to it through its outbox (TXNG_HUB_URL,
 * TXNG_HUB_KEY), each on a fresh PostgreSQL database of its own. Further batches are handed over with the
 * province's hub client (src/sync/hub-receiver.ts) driven from this test, to stop the hub and kill the province at
 * chosen moments; SIGKILL mid-delivery and two province processes on one database are the outbox's own tests.
 * Needs PostgreSQL at TXNG_TWO_PROCESS_PG or TXNG_TEST_DATABASE_URL (the server suite's PostgreSQL run);
 * skipped, saying so, without.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApiKey, demoGlns, demoLots } from '../demo/index.ts';
import { DeliveryError, hubReceiver, type SyncItem, syncKey } from '../sync/index.ts';
import {
  processesAdminUrl as adminUrl,
  epcisDocument,
  freePort,
  gtin,
  objectEvent,
  pgQuery,
  postgresAnswers,
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
      ? `two-process hub test skipped: no PostgreSQL at ${adminUrl}`
      : 'two-process hub test skipped: it runs on PostgreSQL (set TXNG_TEST_DATABASE_URL or TXNG_TWO_PROCESS_PG)',
  );
const admin = (sql: string) => pgQuery(adminUrl, sql);

const product = (recordId: string, code: string, version = 1): SyncItem => ({
  key: syncKey('product', recordId, version),
  kind: 'product',
  recordId,
  version,
  action: 'upsert',
  payload: { id: recordId, gtin: code, name: `Bưởi Tân Triều ${recordId}` },
  organisationId: null,
});
const event = (n: number, code: string): SyncItem => {
  const id = `urn:uuid:${crypto.randomUUID()}`;
  return {
    key: syncKey('event', id, 1),
    kind: 'event',
    recordId: id,
    version: 1,
    action: 'upsert',
    payload: {
      eventID: id,
      type: 'ObjectEvent',
      eventTime: new Date(Date.now() - n * 1000).toISOString(),
      recordTime: new Date().toISOString(),
      bizStep: 'shipping',
      quantityList: [{ epcClass: `https://id.gs1.org/01/${code}/10/B${n % 5}`, quantity: n + 1 }],
    },
    organisationId: null,
  };
};

describe.skipIf(!available)('a province and a hub, two processes over loopback', () => {
  const suffix = `${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  let hub: Txng;
  let province: Txng;
  let key: string;

  beforeAll(async () => {
    hub = txng('hub', `txng_hub_${suffix}`, await freePort());
    province = txng('province', `txng_province_${suffix}`, await freePort());
    await admin(`CREATE DATABASE ${hub.name}`);
    await admin(`CREATE DATABASE ${province.name}`);
    // the province is registered as an operator would, with the command line, before the hub starts
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [bin, 'hub', 'add-node', '75', province.url, 'Tỉnh', 'Đồng', 'Nai'],
      { env: hub.env },
    );
    key = /Key \(shown once[^)]*\): (\S+)/.exec(stdout)?.[1] ?? '';
    expect(key).toMatch(/^txnghub_/);
    // the province delivers to the hub through its outbox, from its demo data on
    Object.assign(province.env, { TXNG_DEMO: '1', TXNG_HUB_URL: hub.url, TXNG_HUB_KEY: key });
    await Promise.all([start(hub), start(province)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([hub, province].filter(Boolean).map((p) => stop(p, 'SIGKILL')));
    for (const p of [hub, province].filter(Boolean))
      await admin(`DROP DATABASE IF EXISTS ${p.name} WITH (FORCE)`).catch(() => {});
  });

  it('the province’s approved products and its events, one captured now, reach the hub through the outbox: equal ids', async () => {
    const { gtin: code, lot } = demoLots.durianCartons;
    const marker = `${Date.now()}`;
    const eventID = `urn:uuid:${crypto.randomUUID()}`;
    const event = objectEvent(marker, {
      eventID,
      eventTime: new Date().toISOString(),
      epcList: [],
      quantityList: [{ epcClass: `https://id.gs1.org/01/${code}/10/${lot}`, quantity: 12, uom: 'KGM' }],
      readPoint: { id: `https://id.gs1.org/414/${demoGlns.packingHouse}` },
    });
    const provinceDb = new pg.Client({ connectionString: province.env.DATABASE_URL });
    await provinceDb.connect();
    const { rows: packer } = await provinceDb
      .query('select id from organisations where $1 = any(glns)', [demoGlns.packer])
      .finally(() => provinceDb.end());
    const captured = await fetch(`${province.url}/epcis/capture`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${demoApiKey}`,
        'content-type': 'application/ld+json',
        'x-organisation-id': packer[0].id,
      },
      body: JSON.stringify(epcisDocument([event])),
    });
    expect(captured.status, await captured.clone().text()).toBeLessThan(300);
    const hubDb = new pg.Client({ connectionString: hub.env.DATABASE_URL });
    await hubDb.connect();
    try {
      const arrived = async () =>
        (
          await hubDb.query(
            `select event_id from hub_events where payload->>'eventID' = $1 and payload->'quantityList'->0->>'epcClass' like $2`,
            [eventID, `%/10/${lot}`],
          )
        ).rows;
      const deadline = Date.now() + 30_000;
      while (!(await arrived()).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      const rows = await arrived();
      expect(rows).toHaveLength(1);
      // the whole province as the hub holds it: the same event ids, the same approved products
      const provinceDb = new pg.Client({ connectionString: province.env.DATABASE_URL });
      await provinceDb.connect();
      try {
        const ids = async (db: pg.Client, sql: string) => (await db.query(sql)).rows.map((r) => r.id).sort();
        const inProvince = await ids(
          provinceDb,
          'select event_id as id from epcis_events where not is_error_declaration',
        );
        const atHub = () => ids(hubDb, 'select event_id as id from hub_events where not withdrawn');
        while ((await atHub()).length < inProvince.length && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 250));
        expect(await atHub()).toEqual(inProvince);
        const products = await ids(
          provinceDb,
          `select id::text as id from products where review_status = 'approved' or published_row is not null`,
        );
        expect(products.length).toBeGreaterThan(0);
        expect(
          await ids(
            hubDb,
            `select record_id as id from hub_records where kind = 'product' and not withdrawn`,
          ),
        ).toEqual(products);
      } finally {
        await provinceDb.end();
      }
    } finally {
      await hubDb.end();
    }
  }, 60_000);

  it('delivers every record once, counts and event ids equal, and a stamp at the hub leads to the province', async () => {
    const receiver = hubReceiver(hub.url, key);
    const code = gtin();
    const items = [product('p-1', code), ...Array.from({ length: 1500 }, (_, i) => event(i, code))];
    for (let i = 0; i < items.length; i += 1000) {
      const outcomes = await receiver.deliver(items.slice(i, i + 1000));
      expect(outcomes.every((o) => o.status === 'confirmed')).toBe(true);
    }
    // delivered again (a worker that crashed before recording the answer): confirmed, not applied twice
    const again = await receiver.deliver(items.slice(0, 1000));
    expect(again.every((o) => o.status === 'confirmed')).toBe(true);
    const hubDb = new pg.Client({ connectionString: hub.env.DATABASE_URL });
    await hubDb.connect();
    try {
      // the province's own events (its demo data, delivered by its outbox) name other products
      const { rows } = await hubDb.query('select event_id from hub_events where $1 = any(goods)', [code]);
      expect(rows.map((r) => r.event_id).sort()).toEqual(
        items
          .filter((i) => i.kind === 'event')
          .map((i) => i.recordId)
          .sort(),
      );
    } finally {
      await hubDb.end();
    }
    const found = await (await fetch(`${hub.url}/api/hub/search?q=${code}`)).json();
    expect(found.total).toBe(1);
    const scan = await fetch(`${hub.url}/01/${code}/10/B1`, { redirect: 'manual' });
    expect(scan.status).toBe(307);
    expect(scan.headers.get('location')).toBe(`${province.url}/01/${code}/10/B1`);
  }, 120_000);

  it('with the hub down the delivery is to be tried again; the hub back, it is applied once', async () => {
    const receiver = hubReceiver(hub.url, key);
    const code = gtin();
    const batch = [product('p-2', code), event(1, code)];
    await stop(hub);
    await expect(receiver.deliver(batch)).rejects.toBeInstanceOf(DeliveryError);
    await start(hub);
    expect((await receiver.deliver(batch)).map((o) => o.status)).toEqual(['confirmed', 'confirmed']);
    expect((await receiver.deliver(batch)).map((o) => o.status)).toEqual(['confirmed', 'confirmed']);
    const found = await (await fetch(`${hub.url}/api/hub/search?q=${code}`)).json();
    expect(found.total).toBe(1);
  }, 120_000);

  it('a wrong key is refused as the province’s configuration, records kept to try again', async () => {
    const wrong = hubReceiver(hub.url, 'txnghub_wrong_key');
    await expect(wrong.deliver([product('p-3', gtin())])).rejects.toThrow(
      /does not accept the province's key/,
    );
  });

  it('with the province killed, the hub serves its own copy of the province’s code', async () => {
    const code = gtin();
    await hubReceiver(hub.url, key).deliver([product('p-4', code)]);
    await stop(province, 'SIGKILL');
    // the province's last answer is believed a few seconds
    await new Promise((r) => setTimeout(r, 5_500));
    const page = await fetch(`${hub.url}/01/${code}`, {
      redirect: 'manual',
      headers: { accept: 'text/html', 'accept-language': 'vi' },
    });
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('Bản sao tại trục quốc gia');
    expect(body).toContain('Bưởi Tân Triều p-4');
  }, 60_000);
});
