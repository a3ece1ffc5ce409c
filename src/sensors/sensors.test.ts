import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureEpcisDocument } from '../epcis/index.ts';
import { clearResolverCache } from '../resolver/index.ts';
import {
  createTestApp,
  epcisDocument,
  gtin,
  makeLocation,
  makeLot,
  makeOrganisation,
  makeProduct,
  type TestApp,
} from '../test/index.ts';
import { mailAlerts } from './sensors.service.ts';

let t: TestApp;
type Org = {
  id: string;
  owner: Record<string, string>;
  lotId: string;
  productId: string;
  gtin: string;
  lot: string;
  gln: string;
  locationId: string;
};
let a: Org;
let b: Org;
const agri = () => t.as({ role: 'sector_officer', sector: 'agriculture' });

async function producer(
  name: string,
  sector: 'agriculture' | 'industry_trade' = 'agriculture',
): Promise<Org> {
  const own = gtin();
  const org = await makeOrganisation(t.db, { name, ownGtins: [own], sector });
  const location = await makeLocation(t.db, org.id, { type: 'warehouse', name: `Kho lạnh ${name}` });
  const product = await makeProduct(t.db, org.id, {
    gtin: own,
    name: `Thanh long ${name}`,
    productGroup: 'Thanh long',
  });
  const lot = await makeLot(t.db, { productId: product.id, lot: `L-${name.slice(-1)}` });
  return {
    id: org.id,
    owner: t.as({ role: 'org_owner', organisationIds: [org.id] }),
    lotId: lot.id,
    productId: product.id,
    gtin: own,
    lot: lot.lot,
    gln: location.gln!,
    locationId: location.id,
  };
}

const call = (
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url, headers, payload });

/** A device posting with its own key: one reading, or a backlog (`readings/batch`). */
const fromDevice = (d: { id: string; key: string }, path: 'readings' | 'readings/batch', payload: object) =>
  call('POST', `/api/sensors/devices/${d.id}/${path}`, { 'x-device-key': d.key }, payload);

async function device(org: Org, body: object = {}) {
  const res = await call('POST', '/api/sensors/devices', org.owner, {
    name: 'Nhiệt kế kho 1',
    lotId: org.lotId,
    ...body,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; key: string; prefix: string };
}

const readingCount = async (where = sql`TRUE`) =>
  Number(
    ((await t.db.execute(sql`SELECT count(*) AS n FROM sensor_readings WHERE ${where}`)) as any).rows[0].n,
  );

// minute m after 2026-12-01 02:00 UTC (09:00 in Vietnam)
const at = (m: number) => new Date(Date.UTC(2026, 11, 1, 2, m)).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  a = await producer('Hợp tác xã A');
  b = await producer('Hợp tác xã B');
  // the agriculture department lists dragon fruit as a product that must be traced
  const list = await call('POST', '/api/catalogues/lists', agri(), {
    sector: 'agriculture',
    kind: 'mandatory',
    title: 'Danh mục bắt buộc',
  });
  const version = await call('POST', `/api/catalogues/lists/${list.json().id}/versions`, agri(), {
    decisionNumber: '12/QĐ-SNN',
    decisionDate: '2025-12-20',
    signer: 'Giám đốc Sở',
    effectiveFrom: '2026-01-01',
    items: [{ match: 'product_group', value: 'thanh long' }],
  });
  await call('POST', `/api/catalogues/versions/${version.json().id}/submit`, agri());
  const decided = await call(
    'POST',
    `/api/catalogues/versions/${version.json().id}/decision`,
    t.as({ role: 'dost_reviewer' }),
    {
      decision: 'approve',
    },
  );
  expect(decided.statusCode).toBe(200);
});
afterAll(() => t?.close());

describe('devices and their keys', () => {
  it('a device is registered with a key shown once, writes one reading and a batch, and is revoked', async () => {
    const d = await device(a);
    expect(d.key).toMatch(/^txngd_[A-Za-z0-9]{8}_/);
    const list = await call('GET', '/api/sensors/devices', a.owner);
    expect(list.json()).toEqual([expect.objectContaining({ id: d.id, prefix: d.prefix })]);
    expect(JSON.stringify(list.json())).not.toContain(d.key);
    const stored = ((await t.db.execute(sql`SELECT key_hash FROM sensor_devices WHERE id = ${d.id}`)) as any)
      .rows[0];
    expect(stored.key_hash).not.toContain(d.key.slice(15));

    const one = await fromDevice(d, 'readings', { at: at(0), kind: 'temperature', value: 4.5 });
    expect(one.statusCode).toBe(201);
    expect(one.json()).toEqual({ stored: 1, excursionsOpened: 0 });
    const batch = await fromDevice(d, 'readings/batch', {
      readings: [
        { at: at(1), kind: 'temperature', value: 40.1, uom: 'FAH' },
        { at: at(2), kind: 'humidity', value: 85 },
      ],
    });
    expect(batch.json()).toEqual({ stored: 2, excursionsOpened: 0 });
    const rows = (
      (await t.db.execute(
        sql`SELECT kind, value, lot_id, source, tableoid::regclass::text AS part FROM sensor_readings WHERE device_id = ${d.id} ORDER BY at`,
      )) as any
    ).rows;
    expect(rows.map((r: any) => [r.kind, Math.round(r.value * 10) / 10, r.lot_id, r.source])).toEqual([
      ['temperature', 4.5, a.lotId, 'device'],
      ['temperature', 4.5, a.lotId, 'device'],
      ['humidity', 85, a.lotId, 'device'],
    ]);
    // December 2026 in Vietnam time: its own month's partition (or the default one until the month is made)
    expect(rows[0].part).toMatch(/^sensor_readings_(p2026_12|default)$/);

    expect((await call('DELETE', `/api/sensors/devices/${d.id}`, a.owner)).json().revokedAt).not.toBeNull();
    const after = await fromDevice(d, 'readings', { at: at(3), kind: 'temperature', value: 5 });
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
  });

  it('cross-organisation: a key of A cannot write to B’s device nor name B’s lot, B cannot revoke A’s device', async () => {
    const da = await device(a);
    const db = await device(b);
    const before = await readingCount();
    const other = await call(
      'POST',
      `/api/sensors/devices/${db.id}/readings`,
      { 'x-device-key': da.key },
      { at: at(5), kind: 'temperature', value: 5 },
    );
    expect(other.statusCode).toBe(403);
    const foreignLot = await fromDevice(da, 'readings/batch', {
      readings: [
        { at: at(5), kind: 'temperature', value: 5 },
        { at: at(6), kind: 'temperature', value: 5, lotId: b.lotId },
      ],
    });
    expect(foreignLot.statusCode).toBe(400);
    expect(foreignLot.json().errors).toEqual([expect.objectContaining({ field: '/body/readings/1/lotId' })]);
    expect(foreignLot.json().errors[0].message).toContain('lô hàng');
    const foreignPlace = await call('POST', '/api/sensors/devices', a.owner, {
      name: 'X',
      locationId: b.locationId,
    });
    expect(foreignPlace.statusCode).toBe(400);
    expect((await call('DELETE', `/api/sensors/devices/${da.id}`, b.owner)).statusCode).toBe(404);
    expect((await call('GET', '/api/sensors/devices', b.owner)).json().map((d: any) => d.id)).toEqual([
      db.id,
    ]);
    expect(await readingCount()).toBe(before);
    // no key, a wrong key: 401, as problem documents
    expect(
      (
        await call(
          'POST',
          `/api/sensors/devices/${da.id}/readings`,
          {},
          { at: at(5), kind: 'temperature', value: 5 },
        )
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await call(
          'POST',
          `/api/sensors/devices/${da.id}/readings`,
          { 'x-device-key': 'txngd_x_y' },
          { at: at(5), kind: 'temperature', value: 5 },
        )
      ).statusCode,
    ).toBe(401);
  });

  it('bad input: 400 naming the row and field, nothing of the batch stored', async () => {
    const d = await device(a);
    const key = { 'x-device-key': d.key };
    const before = await readingCount();
    const cases: [object, string][] = [
      [
        {
          readings: [
            { at: at(1), kind: 'temperature', value: 5 },
            { at: at(2), kind: 'temperature', value: 'năm' },
          ],
        },
        '/body/readings/1/value',
      ],
      [
        {
          readings: [
            { at: at(1), kind: 'temperature', value: 5 },
            { at: 'hôm qua', kind: 'temperature', value: 5 },
          ],
        },
        '/body/readings/1/at',
      ],
      [{ readings: [{ at: at(1), kind: 'pressure', value: 5 }] }, '/body/readings/0/kind'],
      [{ readings: [{ at: at(1), kind: 'humidity', value: 5, uom: 'CEL' }] }, '/body/readings/0/uom'],
      [
        {
          readings: [
            { at: at(1), kind: 'temperature', value: 5 },
            { at: at(2), kind: 'humidity', value: 140 },
          ],
        },
        '/body/readings/1/value',
      ],
      [{ readings: [{ at: '2099-01-01T00:00:00Z', kind: 'temperature', value: 5 }] }, '/body/readings/0/at'],
      [
        {
          readings: Array.from({ length: 5001 }, (_, i) => ({
            at: at(i % 60),
            kind: 'temperature',
            value: 5,
          })),
        },
        '/body/readings',
      ],
      [{ readings: [] }, '/body/readings'],
    ];
    for (const [body, field] of cases) {
      const res = await call('POST', `/api/sensors/devices/${d.id}/readings/batch`, key, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors[0].field, JSON.stringify(res.json().errors)).toBe(field);
      expect(res.json().errors[0].message).toMatch(
        /[ạảãàáâậầấẩẫăắằặẳẵóòọõỏôộổỗồốơờớợởỡéèẻẹẽêếềệểễúùụủũưựữửừứíìịỉĩýỳỷỵỹđ]/i,
      );
    }
    expect(await readingCount()).toBe(before);
  });
});

describe('thresholds, excursions and alerts', () => {
  it('a cold-chain threshold on the product: a long rise opens an excursion, alerts A and the agriculture department, shows on the lot', async () => {
    const th = await call('POST', '/api/sensors/thresholds', a.owner, {
      target: 'product',
      productId: a.productId,
      kind: 'temperature',
      min: 2,
      max: 8,
      durationMinutes: 30,
    });
    expect(th.statusCode).toBe(201);
    expect(th.json()).toMatchObject({ targetName: 'Thanh long Hợp tác xã A', durationMinutes: 30 });
    const d = await device(a, { name: 'Nhiệt kế xe lạnh' });
    const series = [4, 5, 9, 11.5, 12, 10, 9, 6, 5].map((value, i) => ({
      at: at(100 + i * 10),
      kind: 'temperature',
      value,
    }));
    const res = await fromDevice(d, 'readings/batch', { readings: series });
    expect(res.json()).toEqual({ stored: 9, excursionsOpened: 1 });

    const alerts = (await call('GET', '/api/sensors/alerts', a.owner)).json();
    expect(alerts.total).toBe(1);
    const excursion = alerts.items[0].excursion;
    expect(excursion).toMatchObject({
      state: 'closed',
      worstValue: 12,
      deviceName: 'Nhiệt kế xe lạnh',
      published: false,
    });
    expect(excursion.description).toBe(
      'Nhiệt độ cao hơn mức cho phép (tối đa 8 °C) từ 11:00 ngày 01/12/2026 đến 11:50 ngày 01/12/2026 (50 phút), cao nhất 12 °C.',
    );
    // the sector department whose mandatory list names the product; not B, not another sector
    const sector = (await call('GET', '/api/sensors/alerts', agri())).json();
    expect(sector.items.map((i: any) => [i.audience, i.excursion.id])).toEqual([['sector', excursion.id]]);
    expect((await call('GET', '/api/sensors/alerts', b.owner)).json().total).toBe(0);
    expect(
      (await call('GET', '/api/sensors/alerts', t.as({ role: 'sector_officer', sector: 'health' }))).json()
        .total,
    ).toBe(0);

    const lot = (await call('GET', `/api/sensors/lots/${a.lotId}`, a.owner)).json();
    expect(lot.readings.length).toBeGreaterThanOrEqual(9);
    expect(lot.thresholds).toEqual([{ kind: 'temperature', min: 2, max: 8 }]);
    expect(lot.excursions.map((e: any) => e.id)).toEqual([excursion.id]);
    expect((await call('GET', `/api/sensors/lots/${a.lotId}`, b.owner)).statusCode).toBe(404);

    // the department decides whether the consumer page shows it; an organisation may not, another sector may not
    expect((await call('POST', `/api/sensors/excursions/${excursion.id}/publish`, a.owner)).statusCode).toBe(
      403,
    );
    expect(
      (
        await call(
          'POST',
          `/api/sensors/excursions/${excursion.id}/publish`,
          t.as({ role: 'sector_officer', sector: 'health' }),
        )
      ).statusCode,
    ).toBe(404);
    // before the department decides, the consumer page says nothing of it; after, it says it in words
    const consumerPage = () => t.app.inject({ method: 'GET', url: `/page/01/${a.gtin}/10/${a.lot}` });
    expect((await consumerPage()).body).not.toContain('id="excursions"');
    const published = await call('POST', `/api/sensors/excursions/${excursion.id}/publish`, agri());
    expect(published.json().published).toBe(true);
    // what the page shows is kept for the resolver cache's seconds (TXNG_RESOLVER_CACHE_SECONDS)
    clearResolverCache();
    const page = await consumerPage();
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nhiệt độ cao hơn mức cho phép (tối đa 8 °C) từ 11:00 ngày 01/12/2026');
    const audit = (
      (await t.db.execute(
        sql`SELECT action FROM audit_log WHERE entity_type = 'sensor_excursion' AND entity_id = ${excursion.id}`,
      )) as any
    ).rows;
    expect(audit.map((r: any) => r.action)).toEqual(['publish']);
  });

  it('a threshold needs its target and a sane range, named in words; B cannot set one on A’s product', async () => {
    const missing = await call('POST', '/api/sensors/thresholds', a.owner, {
      target: 'location',
      kind: 'humidity',
      max: 80,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('/body/locationId');
    const inverted = await call('POST', '/api/sensors/thresholds', a.owner, {
      target: 'location',
      locationId: a.locationId,
      kind: 'humidity',
      min: 90,
      max: 80,
    });
    expect(inverted.json().errors[0]).toMatchObject({ field: '/body/min' });
    const foreign = await call('POST', '/api/sensors/thresholds', b.owner, {
      target: 'product',
      productId: a.productId,
      kind: 'temperature',
      max: 8,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('/body/productId');
    expect((await call('GET', '/api/sensors/thresholds', b.owner)).json()).toEqual([]);
  });

  it('EPCIS: a captured event’s sensorElementList becomes readings of the lot and place it names, and meets the thresholds', async () => {
    await call('POST', '/api/sensors/thresholds', b.owner, {
      target: 'location',
      locationId: b.locationId,
      kind: 'humidity',
      min: 60,
      durationMinutes: 0,
    });
    await captureEpcisDocument(
      t.db,
      epcisDocument([
        {
          type: 'ObjectEvent',
          eventTime: '2026-12-02T08:00:00+07:00',
          eventTimeZoneOffset: '+07:00',
          action: 'OBSERVE',
          bizStep: 'storing',
          quantityList: [
            { epcClass: `https://id.gs1.org/01/${b.gtin}/10/${b.lot}`, quantity: 10, uom: 'KGM' },
          ],
          bizLocation: { id: `https://id.gs1.org/414/${b.gln}` },
          sensorElementList: [
            {
              sensorMetadata: { time: '2026-12-02T07:55:00+07:00' },
              sensorReport: [
                { type: 'gs1:Temperature', value: 41, uom: 'FAH' },
                { type: 'gs1:RelativeHumidity', value: 48, uom: 'P1', time: '2026-12-02T07:50:00+07:00' },
                { type: 'gs1:Illuminance', value: 800, uom: 'LUX' },
              ],
            },
          ],
        },
      ]),
      { organisationId: b.id },
    );
    const rows = (
      (await t.db.execute(
        sql`SELECT kind, round(value::numeric, 1) AS v, lot_id, location_id, source, event_id FROM sensor_readings WHERE organisation_id = ${b.id} ORDER BY kind`,
      )) as any
    ).rows;
    expect(rows.map((r: any) => [r.kind, Number(r.v), r.lot_id, r.location_id, r.source])).toEqual([
      ['humidity', 48, b.lotId, b.locationId, 'epcis'],
      ['temperature', 5, b.lotId, b.locationId, 'epcis'],
    ]);
    expect(rows[0].event_id).toBeTruthy();
    const alerts = (await call('GET', '/api/sensors/alerts', b.owner)).json();
    expect(alerts.items.map((i: any) => i.excursion.state)).toEqual(['open']);
    expect(alerts.items[0].excursion.description).toContain(
      'Độ ẩm thấp hơn mức cho phép (tối thiểu 60 %) từ 07:50 ngày 02/12/2026',
    );
  });

  it('a capture by A that names B’s lot adds no reading to B’s lot', async () => {
    const before = await readingCount(sql`lot_id = ${b.lotId}`);
    await captureEpcisDocument(
      t.db,
      epcisDocument([
        {
          type: 'ObjectEvent',
          eventTime: '2026-12-02T09:00:00+07:00',
          eventTimeZoneOffset: '+07:00',
          action: 'OBSERVE',
          bizStep: 'storing',
          quantityList: [
            { epcClass: `https://id.gs1.org/01/${a.gtin}/10/${a.lot}`, quantity: 1, uom: 'KGM' },
          ],
          sensorElementList: [{ sensorReport: [{ type: 'Temperature', value: 3, uom: 'CEL' }] }],
        },
      ]),
      { organisationId: a.id },
    ).catch(() => null);
    expect(await readingCount(sql`lot_id = ${b.lotId}`)).toBe(before);
  });
});

describe('monthly partitions', () => {
  it('readings have this month and the next ones; a reading of 1999 waits in the default partition until the maintenance moves it', async () => {
    const d = await device(a);
    const old = await fromDevice(d, 'readings', {
      at: '1999-06-15T10:00:00+07:00',
      kind: 'temperature',
      value: 5,
    });
    expect(old.statusCode).toBe(201);
    const partOf = async () =>
      (
        (await t.db.execute(
          sql`SELECT tableoid::regclass::text AS part FROM sensor_readings WHERE at < '2000-01-01'`,
        )) as any
      ).rows[0].part;
    expect(await partOf()).toBe('sensor_readings_default');
    await t.db.execute(sql`SELECT txng_partition_maintenance(3)`);
    expect(await partOf()).toBe('sensor_readings_p1999_06');
    const parts = (
      (await t.db.execute(
        sql`SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'sensor_readings'::regclass`,
      )) as any
    ).rows.map((r: any) => r.relname);
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7).replace('-', '_');
    expect(parts).toContain(`sensor_readings_p${month}`);
  });
});

describe('concurrency', () => {
  it('two batches of one device at once: both stored, one running excursion, no 5xx', async () => {
    const org = await producer('Hợp tác xã C');
    await call('POST', '/api/sensors/thresholds', org.owner, {
      target: 'product',
      productId: org.productId,
      kind: 'temperature',
      max: 8,
    });
    const d = await device(org);
    const send = (from: number) =>
      fromDevice(d, 'readings/batch', {
        readings: Array.from({ length: 50 }, (_, i) => ({
          at: at(from + i),
          kind: 'temperature',
          value: 10,
        })),
      });
    const answers = await Promise.all([send(1000), send(2000), send(3000)]);
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const running = (
      (await t.db.execute(
        sql`SELECT count(*) AS n FROM sensor_excursions WHERE device_id = ${d.id} AND state <> 'closed'`,
      )) as any
    ).rows[0].n;
    expect(Number(running)).toBe(1);
    expect(await readingCount(sql`device_id = ${d.id}`)).toBe(150);
  });
});

describe('alert mail', () => {
  it('an alert to an organisation is mailed to its address once, in words (an .eml where no SMTP server is set)', async () => {
    const org = await producer('Hợp tác xã D');
    await t.db.execute(sql`UPDATE organisations SET email = 'htx-d@example.vn' WHERE id = ${org.id}`);
    await call('POST', '/api/sensors/thresholds', org.owner, {
      target: 'product',
      productId: org.productId,
      kind: 'temperature',
      max: 8,
    });
    const d = await device(org);
    const res = await fromDevice(d, 'readings', { at: at(5000), kind: 'temperature', value: 11 });
    expect(res.json().excursionsOpened).toBe(1);
    const dir = t.config.mail.outboxDir;
    const mailsTo = () =>
      (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
        .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
        .filter((m) => m.includes('htx-d@example.vn'));
    for (let i = 0; i < 100 && !mailsTo().length; i++) await new Promise((r) => setTimeout(r, 50));
    await mailAlerts(t.db, t.app.sendMail, () => {});
    expect(mailsTo()).toHaveLength(1);
  });
});
