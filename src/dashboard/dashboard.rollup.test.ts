import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { stampScans } from '../db/index.ts';
import { createTestApp, gtin, makeOrganisation, makeProduct, type TestApp } from '../test/index.ts';
import type { DashboardView } from './dashboard.api.ts';
import * as repo from './dashboard.repo.ts';
import { communesFilled, rollUpScans, scanMark } from './dashboard.rollup.ts';
import { monthPeriod } from './dashboard.service.ts';

/*
 * The scans' roll-up by month, commune and sector (decision 063) against a direct count of stamp_scans, on a small
 * hand-made province: five organisations in three communes and three sectors, one of them later without a commune,
 * each with a product whose scans fall on both sides of Vietnam's midnights and month ends, and scans written while
 * the test runs (settled: rolled up by the next answer; fresh: counted live).
 *
 *  P  agriculture     75W001      Q  industry_trade  75W001      R  agriculture  75W002
 *  S  health          75W010      T  agriculture     75W002
 */
let t: TestApp;
const org: Record<string, { id: string; gtin: string }> = {};

const inVn = (local: string) => new Date(`${local}+07:00`);
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

const scan = (who: string, at: Date, n = 1) =>
  t.db
    .insert(stampScans)
    .values(Array.from({ length: n }, (_, i) => ({ gtin: org[who]!.gtin, serial: i + 1, network: 'n', at })));

beforeAll(async () => {
  t = await createTestApp();
  const made: [string, 'agriculture' | 'industry_trade' | 'health', string][] = [
    ['P', 'agriculture', '75W001'],
    ['Q', 'industry_trade', '75W001'],
    ['R', 'agriculture', '75W002'],
    ['S', 'health', '75W010'],
    ['T', 'agriculture', '75W002'],
  ];
  for (const [name, sector, communeCode] of made) {
    const g = gtin();
    const o = await makeOrganisation(t.db, { sector, communeCode, ownGtins: [g] });
    await makeProduct(t.db, o.id, { gtin: g, name: `Sản phẩm ${name}` });
    org[name] = { id: o.id, gtin: g };
  }
  await scan('P', inVn('2026-01-01T00:30:00'), 2); // January in Vietnam, still 2025 in UTC
  await scan('P', inVn('2025-12-31T23:59:00'));
  await scan('P', inVn('2026-03-31T23:30:00'), 3);
  await scan('Q', inVn('2026-04-01T00:10:00'), 4);
  await scan('Q', inVn('2026-06-15T12:00:00'));
  await scan('R', inVn('2025-11-20T08:00:00'), 2);
  await scan('R', inVn('2026-06-30T23:59:59'), 5);
  await scan('S', inVn('2026-02-10T10:00:00'), 6);
  await scan('T', inVn('2026-03-05T10:00:00'), 7);
  // the newest ids, left to the live half of the count until they settle
  await scan('S', new Date(), 2);
  await scan('P', new Date());
});
afterAll(() => t?.close());

interface Case {
  label: string;
  headers: () => Record<string, string>;
  query: string;
  /** What the direct count filters on: the sector and communes the reader's figures are of. */
  sector?: string;
  communes?: string[];
  from: string;
  to: string;
}

const admin = () => t.as({ role: 'dost_admin' });
const year = { from: '2026-01', to: '2026-12' };
const cases: Case[] = [
  { label: 'the province, 2026', headers: admin, query: '', ...year },
  { label: 'a sector', headers: admin, query: 'sector=agriculture', sector: 'agriculture', ...year },
  { label: 'a commune', headers: admin, query: 'commune=75W001', communes: ['75W001'], ...year },
  {
    label: 'a sector and a commune',
    headers: admin,
    query: 'sector=industry_trade&commune=75W001',
    sector: 'industry_trade',
    communes: ['75W001'],
    ...year,
  },
  { label: 'March to June', headers: admin, query: '', from: '2026-03', to: '2026-06' },
  { label: 'across the new year', headers: admin, query: '', from: '2025-11', to: '2026-02' },
  {
    label: 'a commune officer (two communes)',
    headers: () => t.as({ role: 'commune_officer', communes: ['75W001', '75W002'] }),
    query: '',
    communes: ['75W001', '75W002'],
    ...year,
  },
  {
    label: 'a commune officer, one of their communes, a sector, a period',
    headers: () => t.as({ role: 'commune_officer', communes: ['75W001', '75W002'] }),
    query: 'commune=75W002&sector=agriculture',
    sector: 'agriculture',
    communes: ['75W002'],
    from: '2026-03',
    to: '2026-07',
  },
  {
    label: 'a sector officer',
    headers: () => t.as({ role: 'sector_officer', sector: 'health' }),
    query: '',
    sector: 'health',
    ...year,
  },
];

/** Every scan of the period counted from stamp_scans, by commune and by month: no roll-up involved. */
async function directCount(c: Case) {
  const p = monthPeriod(c.from, c.to);
  const where = [sql`s.at >= ${p.start}::timestamptz`, sql`s.at < ${p.end}::timestamptz`];
  if (c.sector) where.push(sql`o.sector = ${c.sector}`);
  if (c.communes) where.push(sql`o.commune_code = ANY(${`{${c.communes.join(',')}}`}::text[])`);
  const res = (await t.db.execute(
    sql`SELECT o.commune_code AS code, to_char((s.at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM') AS month,
          count(*)::int AS n
        FROM stamp_scans s JOIN products pr ON pr.gtin = s.gtin JOIN organisations o ON o.id = pr.organisation_id
        WHERE ${sql.join(where, sql` AND `)} GROUP BY 1, 2`,
  )) as unknown as { rows: { code: string | null; month: string; n: number }[] };
  const byMonth = Object.fromEntries(p.months.map((m) => [m, 0]));
  const byCommune: Record<string, number> = {};
  let total = 0;
  for (const r of res.rows) {
    byMonth[r.month]! += r.n;
    if (r.code) byCommune[r.code] = (byCommune[r.code] ?? 0) + r.n;
    total += r.n;
  }
  return { total, byMonth, byCommune };
}

/** The dashboard's scans for a case, in the shape of `directCount` (communes with none left out). */
async function dashboardScans(c: Case) {
  const q = [c.query, `from=${c.from}`, `to=${c.to}`].filter(Boolean).join('&');
  const res = await t.app.inject({ method: 'GET', url: `/api/dashboard?${q}`, headers: c.headers() });
  expect(res.statusCode, c.label).toBe(200);
  const body = res.json() as DashboardView;
  return {
    total: body.figures.stamps.scanned,
    byMonth: Object.fromEntries(body.months.map((m) => [m.month, m.scans])),
    byCommune: Object.fromEntries(body.communes.filter((x) => x.scans).map((x) => [x.code, x.scans])),
  };
}

async function expectEveryCaseExact() {
  for (const c of cases) {
    const direct = await directCount(c);
    expect(await dashboardScans(c), c.label).toEqual(direct);
  }
}

/** dashboard_scan_communes equals dashboard_scan_months grouped by each organisation's place as it stands now. */
async function expectRollUpsAgree() {
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await t.db.execute(q)) as unknown as { rows: { month: string; c: string; s: string; n: number }[] })
      .rows;
  const fromOrganisations = await rows(
    sql`SELECT m.month::text AS month, coalesce(o.commune_code, '') AS c, o.sector AS s, sum(m.scans)::int AS n
        FROM dashboard_scan_months m JOIN organisations o ON o.id = m.organisation_id GROUP BY 1, 2, 3
        HAVING sum(m.scans) <> 0 ORDER BY 1, 2, 3`,
  );
  const byCommune = await rows(
    sql`SELECT month::text AS month, commune_code AS c, sector AS s, scans::int AS n FROM dashboard_scan_communes
        WHERE scans <> 0 ORDER BY 1, 2, 3`,
  );
  expect(byCommune).toEqual(fromOrganisations);
  return byCommune.reduce((s, r) => s + r.n, 0);
}

describe('the scans by commune and month (decision 063) against a direct count', () => {
  it('gives the direct count for every filter, scope and period from the first answer (the roll-up filled)', async () => {
    await expectEveryCaseExact();
    expect(await communesFilled(t.db)).toBe(true);
    // every scan but the three of the last minutes is rolled up
    expect(await expectRollUpsAgree()).toBe(31);
  });

  it('reads the same through the organisations’ months (before the communes’ roll-up is filled) as through it', async () => {
    const mark = await scanMark(t.db);
    for (const c of cases) {
      const filter = { sector: (c.sector ?? null) as never, communes: c.communes ?? null };
      const p = monthPeriod(c.from, c.to);
      const sorted = (rs: repo.CountRow[]) =>
        rs.filter((r) => r.n).sort((a, b) => `${a.code}${a.month}`.localeCompare(`${b.code}${b.month}`));
      expect(sorted(await repo.scansByCommune(t.db, filter, p, mark)), c.label).toEqual(
        sorted(await repo.scans(t.db, filter, p, mark)),
      );
    }
  });

  it('stays exact after new scans arrive: settled ones are rolled up, fresh ones counted live', async () => {
    await scan('T', minutesAgo(30)); // this month, settled
    await scan('R', inVn('2026-05-01T00:00:00'), 3); // written late, about a month past
    await scan('Q', inVn('2025-12-31T17:00:00'), 2); // 31 December in UTC and in Vietnam
    await scan('S', new Date(), 4); // fresh
    await expectEveryCaseExact();
    // the six settled scans and the three fresh ones written before them (ids below the newest settled one) are
    // rolled up; the four fresh ones after them are not
    expect(await expectRollUpsAgree()).toBe(31 + 3 + 6);
  });

  it('moves an organisation’s scans when it changes commune or sector, or loses its commune', async () => {
    await t.db.execute(sql`UPDATE organisations SET commune_code = '75W010' WHERE id = ${org.R!.id}`);
    await t.db.execute(sql`UPDATE organisations SET sector = 'health' WHERE id = ${org.Q!.id}`);
    // two at once, one statement: T to P's commune and sector, P to no commune
    await t.db.execute(
      sql`UPDATE organisations SET commune_code = CASE WHEN id = ${org.P!.id} THEN NULL ELSE '75W001' END,
            sector = CASE WHEN id = ${org.T!.id} THEN 'other' ELSE sector END
          WHERE id IN (${org.P!.id}, ${org.T!.id})`,
    );
    // an update that moves nobody leaves the roll-up as it is
    await t.db.execute(sql`UPDATE organisations SET name = name || ' (mới)' WHERE id = ${org.S!.id}`);
    await expectRollUpsAgree();
    await expectEveryCaseExact();
    // and new scans of a moved organisation go to its new place
    await scan('R', minutesAgo(20), 2);
    await expectEveryCaseExact();
    await expectRollUpsAgree();
  });

  it('takes a deleted organisation’s scans out', async () => {
    const g = gtin();
    const gone = await makeOrganisation(t.db, { sector: 'health', communeCode: '75W010', ownGtins: [g] });
    await makeProduct(t.db, gone.id, { gtin: g, name: 'Sản phẩm rút lui' });
    await t.db.insert(stampScans).values({ gtin: g, serial: 1, network: 'n', at: minutesAgo(40) });
    await expectEveryCaseExact(); // rolled up under 75W010, health
    // its scans stay; with its product gone the direct count no longer places them, nor may the roll-up
    await t.db.execute(sql`DELETE FROM products WHERE gtin = ${g}`);
    await t.db.execute(sql`DELETE FROM organisations WHERE id = ${gone.id}`);
    await expectRollUpsAgree();
    await expectEveryCaseExact();
  });

  it('is filled again from the organisations’ months when its mark is cleared', async () => {
    await t.db.execute(sql`UPDATE dashboard_scan_communes SET scans = scans + 1000`);
    await t.db.execute(sql`DELETE FROM dashboard_rollup_marks WHERE name = 'dashboard_scan_communes'`);
    expect(await communesFilled(t.db)).toBe(false);
    await expectEveryCaseExact();
    expect(await communesFilled(t.db)).toBe(true);
    await expectRollUpsAgree();
  });
});

/** PGlite has one connection: what two transactions at once do is seen on PostgreSQL (TXNG_TEST_DATABASE_URL). */
function onPglite(ctx: TestContext) {
  ctx.task.meta.skipReason = 'need PostgreSQL (two connections; set TXNG_TEST_DATABASE_URL)';
  ctx.skip();
}

describe('the scans by commune while organisations move at the same time (PostgreSQL: two connections)', () => {
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('an organisation moving during a roll-up waits for it, then moves the scans it added too', async (ctx) => {
    if (t.database.kind !== 'postgres') onPglite(ctx);
    await scan('S', minutesAgo(15), 5);
    const s = org.S!.id;
    const place = await t.db.execute(sql`SELECT commune_code FROM organisations WHERE id = ${s}`);
    const to =
      (place as unknown as { rows: { commune_code: string }[] }).rows[0].commune_code === '75W002'
        ? '75W010'
        : '75W002';
    let moved: Promise<unknown> | undefined;
    let done = false;
    await t.db.transaction(async (tx) => {
      // the roll-up adds S's new scans by its place as it stands, and holds its lock until this commits
      expect(await rollUpScans(tx)).toBeGreaterThanOrEqual(5);
      moved = t.db.execute(sql`UPDATE organisations SET commune_code = ${to} WHERE id = ${s}`).then(() => {
        done = true;
      });
      await pause(500);
      expect(done).toBe(false);
    });
    await moved;
    await expectRollUpsAgree();
    await expectEveryCaseExact();
  });

  it('a roll-up asked while an organisation moves leaves the new scans to the live count', async (ctx) => {
    if (t.database.kind !== 'postgres') onPglite(ctx);
    await scan('Q', minutesAgo(12), 3);
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE organisations SET sector = 'other' WHERE id = ${org.Q!.id}`);
      // the trigger holds the roll-up's lock until the move commits: another connection's roll-up gives way
      expect(await rollUpScans(t.db)).toBe(0);
    });
    await expectEveryCaseExact();
    await expectRollUpsAgree();
  });
});
