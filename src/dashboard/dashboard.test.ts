import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { consumerReports, inspectionFindings, inspectionVisits, stampScans } from '../db/index.ts';
import { configureCommuneBoundaries } from '../registry/index.ts';
import {
  createTestApp,
  gtin,
  makeLocation,
  makeLot,
  makeOrganisation,
  makeProduct,
  makeStampedProduct,
  type TestApp,
} from '../test/index.ts';
import type { DashboardView } from './dashboard.api.ts';

/*
 * A hand-counted province of three organisations:
 *  A  agriculture, Phường Biên Hòa (75W001), approved: one approved product, lot L2026-03, 103 stamps issued of
 *     which 53 activated (today), two locations (10.95, 106.93) and (10.97, 106.95); one visit on 20/05/2026 with
 *     two findings; scans: 3 on 10/03/2026, 1 at 00:30 on 01/01/2026 (still 2025 in UTC), 1 at 23:00 on
 *     31/12/2025, 2 just now; a consumer report on 05/08/2026.
 *  B  industry and trade, Phường Trấn Biên (75W002), approved: one approved product and one draft, one lot; 4 scans
 *     on 15/06/2026; a visit on 01/07/2026 without findings and one on 01/11/2025 with one; a report on 01/02/2026.
 *  C  agriculture, 75W010, a draft with a draft product.
 *  A report about a GTIN nobody registered counts nowhere.
 */
let t: TestApp;
let a: Awaited<ReturnType<typeof makeStampedProduct>>;
let bGtin: string;

const inVn = (local: string) => new Date(`${local}+07:00`);

async function visit(organisationId: string, visitedOn: string, findings: number) {
  const [v] = await t.db
    .insert(inspectionVisits)
    .values({ organisationId, visitedOn, inspectorIds: ['x'], checklist: [], createdBy: 'test' })
    .returning();
  for (let i = 0; i < findings; i++)
    await t.db
      .insert(inspectionFindings)
      .values({ visitId: v.id, organisationId, text: `Phát hiện ${i + 1}`, fileIds: [], createdBy: 'test' });
}

const scan = (g: string, at: Date, n = 1) =>
  t.db
    .insert(stampScans)
    .values(Array.from({ length: n }, (_, i) => ({ gtin: g, serial: i + 1, network: 'n', at })));

const report = (g: string, at: Date) =>
  t.db
    .insert(consumerReports)
    .values({ uri: `https://x/01/${g}`, gtin: g, message: 'Nghi hàng giả', consentAt: at, createdAt: at });

beforeAll(async () => {
  t = await createTestApp();
  a = await makeStampedProduct(t, 'Bưởi Tân Triều');
  await makeLocation(t.db, a.producer.organisationId, {
    communeCode: '75W001',
    latitude: 10.97,
    longitude: 106.95,
  });
  bGtin = gtin();
  const draftGtin = gtin();
  const b = await makeOrganisation(t.db, {
    sector: 'industry_trade',
    communeCode: '75W002',
    ownGtins: [bGtin, draftGtin],
  });
  const bProduct = await makeProduct(t.db, b.id, { gtin: bGtin, name: 'Hạt điều rang muối' });
  await makeProduct(t.db, b.id, { gtin: draftGtin, name: 'Hạt điều sống', draft: true });
  await makeLot(t.db, { productId: bProduct.id, lot: 'HD-01' });
  const cGtin = gtin();
  const c = await makeOrganisation(t.db, { communeCode: '75W010', ownGtins: [cGtin], draft: true });
  await makeProduct(t.db, c.id, { gtin: cGtin, name: 'Chôm chôm', draft: true });

  const g = a.producer.gtin;
  await scan(g, inVn('2026-03-10T10:00:00'), 3);
  await scan(g, inVn('2026-01-01T00:30:00'));
  await scan(g, inVn('2025-12-31T23:00:00'));
  await scan(bGtin, inVn('2026-06-15T09:00:00'), 4);
  // written last: the newest ids, left to the live half of the count until they settle
  await scan(g, new Date(), 2);
  await visit(a.producer.organisationId, '2026-05-20', 2);
  await visit(b.id, '2026-07-01', 0);
  await visit(b.id, '2025-11-01', 1);
  await report(g, inVn('2026-08-05T08:00:00'));
  await report(bGtin, inVn('2026-02-01T08:00:00'));
  await report(gtin(), inVn('2026-02-01T08:00:00'));
});
afterAll(() => t?.close());

async function dashboard(headers: Record<string, string>, query = 'from=2026-01&to=2026-12') {
  const res = await t.app.inject({ method: 'GET', url: `/api/dashboard?${query}`, headers });
  return {
    status: res.statusCode,
    body: res.json() as DashboardView & { errors?: { field: string; message: string }[] },
  };
}
const admin = () => t.as({ role: 'dost_admin' });

describe('GET /api/dashboard — the figures', () => {
  it('counts each figure of the province for 2026 as computed by hand', async () => {
    const { status, body } = await dashboard(admin());
    expect(status).toBe(200);
    expect(body.figures).toEqual({
      organisations: { registered: 3, approved: 2 },
      products: { registered: 4, approved: 2 },
      lots: 2,
      stamps: { issued: 103, activated: 53, scanned: 10 },
      inspections: 2,
      violations: 2,
      consumerReports: 2,
      synced: { available: false },
    });
  });

  it('gives the monthly series in Vietnam time (a scan at 00:30 on 1 January is January 2026)', async () => {
    const { body } = await dashboard(admin());
    expect(body.months.map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    );
    const nonZero = (k: keyof DashboardView['months'][number]) =>
      Object.fromEntries(body.months.filter((m) => m[k] !== 0).map((m) => [m.month, m[k]]));
    expect(nonZero('scans')).toEqual({ '2026-01': 1, '2026-03': 3, '2026-06': 4, '2026-12': 2 });
    expect(nonZero('stampsActivated')).toEqual({ '2026-12': 53 });
    expect(nonZero('inspections')).toEqual({ '2026-05': 1, '2026-07': 1 });
    expect(nonZero('violations')).toEqual({ '2026-05': 2 });
    expect(nonZero('consumerReports')).toEqual({ '2026-02': 1, '2026-08': 1 });
    expect(nonZero('organisationsApproved')).toEqual({ '2026-12': 2 });
    expect(nonZero('productsApproved')).toEqual({ '2026-12': 2 });
  });

  it('breaks the figures down by commune, placing each at the mean of its organisations’ locations', async () => {
    const { body } = await dashboard(admin());
    const bienHoa = body.communes.find((c) => c.code === '75W001')!;
    expect(bienHoa).toMatchObject({ organisations: 1, products: 1, lots: 1, stampsIssued: 103, scans: 6 });
    expect(bienHoa.latitude).toBeCloseTo(10.96, 6);
    expect(bienHoa.longitude).toBeCloseTo(106.94, 6);
    expect(body.communes.find((c) => c.code === '75W002')).toMatchObject({
      name: 'Phường Trấn Biên',
      organisations: 1,
      products: 2,
      scans: 4,
      inspections: 1,
      violations: 0,
      consumerReports: 1,
      latitude: null,
    });
    expect(body.map).toEqual({ kind: 'points', outlined: [] });
  });

  it('counts scans the same once rolled up by month as when read live', async () => {
    const before = (await dashboard(admin())).body.figures.stamps.scanned;
    // the older scans are in the roll-up now; the two of the last minutes are still read from the scans
    const rolled = (await t.db.execute(
      sql`SELECT coalesce(sum(scans), 0)::int AS n FROM dashboard_scan_months`,
    )) as unknown as { rows: { n: number }[] };
    expect(rolled.rows[0].n).toBe(9);
    expect((await dashboard(admin())).body.figures.stamps.scanned).toBe(before);
  });
});

describe('GET /api/dashboard — filters', () => {
  it('filters by sector', async () => {
    const { body } = await dashboard(admin(), 'sector=agriculture&from=2026-01&to=2026-12');
    expect(body.figures.organisations).toEqual({ registered: 2, approved: 1 });
    expect(body.figures.stamps.scanned).toBe(6);
    expect(body.figures.consumerReports).toBe(1);
  });

  it('filters by commune, and lists only that commune', async () => {
    const { body } = await dashboard(admin(), 'commune=75W002&from=2026-01&to=2026-12');
    expect(body.figures).toMatchObject({ organisations: { registered: 1 }, inspections: 1, violations: 0 });
    expect(body.communes.map((c) => c.code)).toEqual(['75W002']);
  });

  it('counts the period’s events in the period and the registry as of its end', async () => {
    const { body } = await dashboard(admin(), 'from=2026-03&to=2026-06');
    expect(body.figures).toMatchObject({
      // everything was registered in December: nothing yet at the end of June
      organisations: { registered: 0, approved: 0 },
      stamps: { issued: 0, activated: 0, scanned: 7 },
      inspections: 1,
      violations: 2,
      consumerReports: 0,
    });
    const late2025 = (await dashboard(admin(), 'from=2025-11&to=2025-12')).body.figures;
    expect(late2025).toMatchObject({ inspections: 1, violations: 1, stamps: { scanned: 1 } });
  });

  it('defaults to this year so far', async () => {
    const { body } = await dashboard(admin(), '');
    const year = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4);
    expect(body.filters.from).toBe(`${year}-01`);
    expect(body.months[0].month).toBe(`${year}-01`);
  });

  it('refuses bad filters with a problem naming the field in words', async () => {
    const month = await dashboard(admin(), 'from=2026-13');
    expect(month.status).toBe(400);
    expect(month.body.errors!.map((e) => e.field)).toEqual(['/querystring/from']);
    expect(month.body.errors![0].message).toMatch(/tháng bắt đầu/i);
    const order = await dashboard(admin(), 'from=2026-06&to=2026-03');
    expect(order.status).toBe(400);
    expect(order.body.errors!.map((e) => e.field)).toEqual(['/querystring/to']);
    expect((await dashboard(admin(), 'from=2020-01&to=2026-12')).status).toBe(400);
    const commune = await dashboard(admin(), 'commune=99X999');
    expect(commune.status).toBe(400);
    expect(commune.body.errors![0].field).toBe('/querystring/commune');
    expect((await dashboard(admin(), 'sector=fishing')).status).toBe(400);
  });
});

describe('GET /api/dashboard — who sees what', () => {
  it('a commune officer sees only their communes', async () => {
    const officer = t.as({ role: 'commune_officer', communes: ['75W002'] });
    const { status, body } = await dashboard(officer);
    expect(status).toBe(200);
    expect(body.figures).toMatchObject({
      organisations: { registered: 1, approved: 1 },
      products: { registered: 2, approved: 1 },
      stamps: { issued: 0, scanned: 4 },
      consumerReports: 1,
    });
    expect(body.communes.map((c) => c.code)).toEqual(['75W002']);
    expect(body.scope).toEqual({
      kind: 'communes',
      sector: null,
      communes: [{ code: '75W002', name: 'Phường Trấn Biên' }],
    });
  });

  it('security: a commune officer asking for a commune outside theirs is refused (403)', async () => {
    const officer = t.as({ role: 'commune_officer', communes: ['75W002'] });
    const res = await dashboard(officer, 'commune=75W001');
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain('103');
  });

  it('security: a sector officer sees their sector and is refused another (403)', async () => {
    const trade = t.as({ role: 'sector_officer', sector: 'industry_trade' });
    expect((await dashboard(trade)).body.figures.organisations.registered).toBe(1);
    expect((await dashboard(trade, 'sector=agriculture')).status).toBe(403);
  });

  it('security: a sector officer without a sector sees no organisation, not the whole province', async () => {
    const { status, body } = await dashboard(t.as({ role: 'sector_officer', sector: null }));
    expect(status).toBe(200);
    expect(body.figures).toMatchObject({
      organisations: { registered: 0 },
      stamps: { scanned: 0 },
      inspections: 0,
    });
  });

  it('security: an organisation never reads the province’s figures (403), nor does anyone signed out (401)', async () => {
    const owner = t.as({ role: 'org_owner', organisationIds: [a.producer.organisationId] });
    expect((await dashboard(owner)).status).toBe(403);
    expect(
      (await dashboard(t.as({ role: 'org_staff', organisationIds: [a.producer.organisationId] }))).status,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(401);
  });

  it('inspectors and reviewers read the whole province', async () => {
    for (const role of ['inspector', 'dost_reviewer'] as const)
      expect((await dashboard(t.as({ role }))).body.figures.organisations.registered).toBe(3);
  });
});

describe('GET /api/dashboard — the map', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-dashboard-'));
  afterEach(() => configureCommuneBoundaries(null));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const square = (x: number, y: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 0.05, y],
        [x + 0.05, y + 0.05],
        [x, y + 0.05],
        [x, y],
      ],
    ],
  });

  it('draws outlines once the department installs boundaries, and only the reader’s communes', async () => {
    const file = path.join(dir, 'boundaries.geojson');
    fs.writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: '75W001' }, geometry: square(106.9, 10.9) },
          { type: 'Feature', properties: { code: '75W002' }, geometry: square(106.95, 10.9) },
        ],
      }),
    );
    configureCommuneBoundaries(file);
    expect((await dashboard(admin())).body.map).toEqual({ kind: 'outlines', outlined: ['75W001', '75W002'] });
    const officer = t.as({ role: 'commune_officer', communes: ['75W002'] });
    expect((await dashboard(officer)).body.map).toEqual({ kind: 'outlines', outlined: ['75W002'] });
  });
});
