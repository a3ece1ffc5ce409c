import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureEpcisDocument } from '../epcis/index.ts';
import { getLocation } from '../registry/index.ts';
import {
  execute,
  revokeStamps,
  scanBufferOf,
  scanLedgerFor,
  startScanBuffer,
  stopScanBuffer,
} from '../stamps/index.ts';
import {
  adminActor,
  createTestApp,
  makeLocation,
  makeProducer,
  makeStampedProduct,
  sscc,
  type TestApp,
} from '../test/index.ts';

let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;

const hanoi = { latitude: 21.03, longitude: 105.85 };
const canTho = { latitude: 10.03, longitude: 105.78 };
const daNang = { latitude: 16.05, longitude: 108.22 };
const nearFarm = { latitude: 10.96, longitude: 106.92 }; // the fixture's farm is at 10.95, 106.93

const view = (path: string, ip: string, userAgent = 'Mozilla/5.0 (Linux; Android 14)') =>
  t.app.inject({
    method: 'GET',
    url: `/page${path}`,
    headers: { 'user-agent': userAgent, 'x-forwarded-for': ip },
  });

/** Presses the page's "share location" button, as its script would. */
async function shareFrom(body: string, place: { latitude: number; longitude: number }) {
  const scan = /data-scan="(\d+)"/.exec(body);
  const token = /data-token="([^"]+)"/.exec(body);
  if (!scan || !token) return false;
  const res = await t.app.inject({
    method: 'POST',
    url: '/page/scan-location',
    payload: { scan: Number(scan[1]), token: token[1], ...place },
  });
  return res.statusCode === 204;
}

async function suspicionsOf(gtin: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/stamps/suspicions?gtin=${gtin}&pageSize=100`,
    headers: t.as({ role: 'dost_reviewer' }),
  });
  expect(res.statusCode).toBe(200);
  return res.json().items as any[];
}

const genuine = 'Sản phẩm chính hãng';
const suspicious = 'Nghi vấn hàng giả';

/**
 * The clone-detection tests (issue 8 §2: a verdict nobody can flip with user agents or one address, that a real
 * copied label still flips), registered by three test files: scans written at once (consumer.clones.test.ts), kept in
 * the process's buffer and written in batches as a server process does (consumer.clones.buffered.test.ts, decision
 * 055), and buffered with the stamp's statistics taken from the process's ledger (consumer.clones.ledger.test.ts,
 * decision 062). A function, not a re-imported test file: a module is evaluated once where test files share a process.
 */
export function cloneDetectionTests(scans: { buffered?: boolean; ledger?: boolean } = {}) {
  beforeAll(async () => {
    // a low per-network cap, so one test can scan past it; the others stay well below it
    t = await createTestApp({ scan: { networkCap: 5 } });
    if (scans.buffered) startScanBuffer(t.db);
    if (scans.ledger) scanLedgerFor(t.db).setListening(true);
    f = await makeStampedProduct(t);
  });
  afterAll(async () => {
    if (t) await stopScanBuffer(t.db);
    await t?.close();
  });

  describe('what one person cannot do', () => {
    it("seven anonymous views with seven User-Agents from one address keep the stamp 'chính hãng'", async () => {
      const path = f.stampPath(f.activeSerial + 10);
      const agents = ['iPhone', 'Android', 'Firefox', 'Chrome', 'Safari', 'Zalo in-app', 'curl/8.5'];
      for (const agent of agents) {
        const res = await view(path, '203.0.113.7', agent);
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain(genuine);
        expect(res.body).not.toContain(suspicious);
      }
      const last = await view(path, '203.0.113.7', 'yet another');
      expect(last.body).toMatch(/Mã này đã được quét 1 lần, lần đầu lúc \d\d\/\d\d\/\d{4} \d\d:\d\d\./);
      expect((await suspicionsOf(f.producer.gtin)).filter((s) => s.serial === f.activeSerial + 10)).toEqual(
        [],
      );
    });

    it('one address scanning a whole range of sequential serials does not make any of them suspicious', async () => {
      const first = f.activeSerial + 11;
      const serials = Array.from({ length: 12 }, (_, k) => first + k);
      const places = [hanoi, canTho, daNang];
      for (const serial of serials)
        for (const [k, agent] of ['A', 'B', 'C'].entries()) {
          // the same /24 under ever-changing user agents, sharing far-apart places whenever it is offered
          const res = await view(f.stampPath(serial), `198.18.0.${10 + k}`, agent);
          expect(res.body).toContain(genuine);
          expect(res.body).not.toContain(suspicious);
          await shareFrom(res.body, places[(serial + k) % 3]);
        }
      await scanBufferOf(t.db)?.flush();
      const { rows } = await execute(
        t.db,
        sql`SELECT count(*)::int AS n FROM stamp_scans
            WHERE gtin = ${f.producer.gtin} AND serial BETWEEN ${first} AND ${first + 11}`,
      );
      expect(rows[0].n).toBe(5); // the per-address cap: the rest were served but not counted
      const late = await view(f.stampPath(first + 11), '198.18.0.99');
      expect(late.body).not.toContain('data-scan=');
      const touched = (await suspicionsOf(f.producer.gtin)).filter((s) => serials.includes(s.serial));
      expect(touched).toEqual([]);
    });

    it('many networks scanning one stamp get a neutral note, not a verdict', async () => {
      const path = f.stampPath(f.activeSerial + 30);
      let res = await view(path, '100.64.1.1');
      for (let k = 2; k <= 8; k++) res = await view(path, `100.64.${k}.1`);
      expect(res.body).toContain(genuine);
      expect(res.body).not.toContain(suspicious);
      expect(res.body).toMatch(/Mã này đã được quét 8 lần, lần đầu lúc/);
      expect(res.body).toContain('quét 8 lần từ 8 mạng khác nhau');
      expect(res.body).toContain('Điều này có thể bình thường');
      expect((await suspicionsOf(f.producer.gtin)).filter((s) => s.serial === f.activeSerial + 30)).toEqual(
        [],
      );
    });
  });

  describe('what a copied label still shows', () => {
    const serial = () => f.activeSerial + 31;

    it('scans from far-apart places within a short time make the verdict suspicious and open one suspicion', async () => {
      const path = f.stampPath(serial());
      const inHanoi = await view(path, '198.51.100.1');
      expect(inHanoi.body).toContain(genuine);
      expect(await shareFrom(inHanoi.body, hanoi)).toBe(true);
      const inCanTho = await view(path, '192.0.2.1');
      expect(inCanTho.body).toContain(genuine);
      expect(await shareFrom(inCanTho.body, canTho)).toBe(true);
      const third = await view(path, '203.0.113.200');
      expect(third.body).toContain(suspicious);
      expect(third.body).toMatch(/hai nơi cách nhau 1\d{3} km chỉ trong 1 phút/);
      expect(third.body).toContain('đã được thông báo để kiểm tra');
      const open = (await suspicionsOf(f.producer.gtin)).filter((s) => s.serial === serial());
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ kind: 'impossible_travel', state: 'open', count: 1 });
      expect(open[0].evidence.km).toBeGreaterThan(1000);
      expect(open[0].evidence.from).toMatchObject({ latitude: 21.03, expected: false });
    });

    it('a second firing updates the same open suspicion rather than adding rows', async () => {
      const path = f.stampPath(serial());
      expect((await view(path, '100.80.0.1')).body).toContain(suspicious);
      // a reload from the same network is served the same verdict but counts nothing
      expect((await view(path, '100.80.0.1')).body).toContain(suspicious);
      const open = (await suspicionsOf(f.producer.gtin)).filter((s) => s.serial === serial());
      expect(open).toHaveLength(1);
      expect(open[0].count).toBe(2);
      const { rows } = await execute(
        t.db,
        sql`SELECT count(*)::int AS n FROM stamp_suspicions WHERE gtin = ${f.producer.gtin} AND serial = ${serial()}`,
      );
      expect(rows[0].n).toBe(1);
    });

    it('a revoked serial still gives its verdict and opens a suspicion', async () => {
      const owner = {
        ...adminActor,
        role: 'org_owner' as const,
        organisationIds: [f.producer.organisationId],
      };
      await revokeStamps(t.db, owner, f.range.id, {
        serials: [f.activeSerial + 32],
        reason: 'lô tem bị mất',
      });
      const res = await view(f.stampPath(f.activeSerial + 32), '198.51.100.77');
      expect(res.body).toContain(suspicious);
      expect(res.body).toContain('Tem này đã bị thu hồi');
      const open = (await suspicionsOf(f.producer.gtin)).filter((s) => s.serial === f.activeSerial + 32);
      expect(open.map((s) => s.kind)).toEqual(['revoked']);
    });

    it('an unknown serial and a wrong secret still answer "unknown code", and are noted for the department', async () => {
      const unknown = await view(`/01/${f.producer.gtin}/21/${f.range.lastSerial + 5000}`, '198.51.100.78');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body).toContain('Mã không có trong hệ thống');
      const good = new URL(f.antiUri);
      const wrong = await view(`${good.pathname}?s=AAAAAAAAAAAA`, '198.51.100.79');
      expect(wrong.statusCode).toBe(404);
      expect(wrong.body).toContain('Mã không có trong hệ thống');
      const all = await suspicionsOf(f.producer.gtin);
      expect(all.find((s) => s.kind === 'unknown_serial')).toMatchObject({
        serial: null,
        evidence: { serial: f.range.lastSerial + 5000 },
      });
      expect(all.find((s) => s.kind === 'secret_mismatch')).toMatchObject({
        serial: Number(good.pathname.split('/').at(-1)),
      });
    });
  });

  describe("the stamp's distribution", () => {
    let g: Awaited<ReturnType<typeof makeStampedProduct>>;
    let h: Awaited<ReturnType<typeof makeStampedProduct>>;

    async function warehouseAt(name: string, latitude: number, longitude: number) {
      const distributor = await makeProducer(t.db, { productName: 'Kho phân phối' });
      const created = await makeLocation(t.db, distributor.organisationId, {
        name,
        type: 'warehouse',
        communeCode: '75W001',
        streetAddress: name,
        latitude,
        longitude,
      });
      return `https://id.gs1.org/414/${created.gln}`;
    }

    /** The fixture's lot leaves the farm for `destination`, directly or packed on a pallet that is shipped. */
    async function ship(fixture: typeof g, destination: string, onPallet: boolean) {
      const farm = await getLocation(t.db, fixture.producer.locationId);
      const where = { bizLocation: { id: `https://id.gs1.org/414/${farm!.gln}` } };
      const lot = {
        epcClass: `https://id.gs1.org/01/${fixture.producer.gtin}/10/L2026-03`,
        quantity: 200,
        uom: 'KGM',
      };
      const pallet = `https://id.gs1.org/00/${sscc(`0893${Array.from({ length: 13 }, (_, k) => (k * 7) % 10).join('')}`)}`;
      const at = (hour: number) => ({
        eventTime: `2026-03-02T0${hour}:00:00+07:00`,
        eventTimeZoneOffset: '+07:00',
      });
      const shipping = {
        type: 'ObjectEvent',
        ...at(8),
        action: 'OBSERVE',
        bizStep: 'shipping',
        ...(onPallet ? { epcList: [pallet] } : { quantityList: [lot] }),
        ...where,
        destinationList: [{ type: 'location', destination }],
      };
      const packing = {
        type: 'AggregationEvent',
        ...at(7),
        action: 'ADD',
        bizStep: 'packing',
        parentID: pallet,
        childQuantityList: [lot],
        ...where,
      };
      await captureEpcisDocument(
        t.db,
        {
          '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'],
          type: 'EPCISDocument',
          schemaVersion: '2.0',
          creationDate: '2026-03-02T08:00:00Z',
          epcisBody: { eventList: onPallet ? [packing, shipping] : [shipping] },
        },
        { organisationId: fixture.producer.organisationId },
      );
    }

    beforeAll(async () => {
      // g's lot goes from the farm (Đồng Nai) to a warehouse in Hà Nội; h's on a pallet to one in Hải Phòng
      g = await makeStampedProduct(t, 'Bưởi gửi Hà Nội');
      await ship(g, await warehouseAt('Kho Long Biên', 21.04, 105.88), false);
      h = await makeStampedProduct(t, 'Bưởi đóng pallet');
      await ship(h, await warehouseAt('Kho Hải Phòng', 20.86, 106.68), true);
    });

    it("scans near the lot's destinations are expected: the farm and Hà Nội within minutes stay genuine", async () => {
      const path = g.stampPath(g.activeSerial);
      expect(await shareFrom((await view(path, '10.1.0.1')).body, nearFarm)).toBe(true);
      expect(await shareFrom((await view(path, '10.2.0.1')).body, hanoi)).toBe(true);
      const res = await view(path, '10.3.0.1');
      expect(res.body).toContain(genuine);
      expect(res.body).not.toContain(suspicious);
      expect(await suspicionsOf(g.producer.gtin)).toEqual([]);
    });

    it('a scan far from every place of the lot, minutes after one at the farm, is still impossible travel', async () => {
      const path = g.stampPath(g.activeSerial + 1);
      expect(await shareFrom((await view(path, '10.11.0.1')).body, nearFarm)).toBe(true);
      expect(await shareFrom((await view(path, '10.12.0.1')).body, daNang)).toBe(true);
      const res = await view(path, '10.13.0.1');
      expect(res.body).toContain(suspicious);
      const [open] = await suspicionsOf(g.producer.gtin);
      expect(open).toMatchObject({ kind: 'impossible_travel', serial: g.activeSerial + 1 });
      expect([open.evidence.from.expected, open.evidence.to.expected]).toEqual([true, false]);
    });

    it('a destination reached downstream (the lot shipped on a pallet) is expected too', async () => {
      const path = h.stampPath(h.activeSerial);
      expect(await shareFrom((await view(path, '10.21.0.1')).body, nearFarm)).toBe(true);
      expect(
        await shareFrom((await view(path, '10.22.0.1')).body, { latitude: 20.85, longitude: 106.69 }),
      ).toBe(true);
      const res = await view(path, '10.23.0.1');
      expect(res.body).toContain(genuine);
      expect(await suspicionsOf(h.producer.gtin)).toEqual([]);
    });
  });
}
