import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIndicator, createPlan, indicatorFormulas, setTargets } from '../plan/index.ts';
import type { Actor } from '../platform/index.ts';
import {
  createTestApp,
  epcisDocument,
  gtin,
  makeOrganisation,
  objectEvent,
  type TestApp,
} from '../test/index.ts';
import { keyFigures } from './key-figures.ts';
import { computeContent, type ReportPeriod } from './reports.service.ts';

// Decision 066: the report's figures "by the end of the period" read roll-ups (events by day, products' first
// months, scans by day) instead of a decade of rows. The whole report — every formula of the plan and every key
// figure — is computed with the roll-ups in their steady state (filled, then kept by capture and by the lazy
// roll-ups past their marks), then again after every roll-up is emptied, so that it is counted afresh from the raw
// rows; the two must be equal, and the events' and scans' figures equal a plain count(*) of the rows.

let t: TestApp;
let as: Record<string, string>;
let organisationId: string;
let planId: string;
const [g1, g2, g3] = [gtin(), gtin(), gtin()];
const admin: Actor = {
  kind: 'user',
  id: crypto.randomUUID(),
  name: 'Quản trị Sở',
  role: 'dost_admin',
  organisationIds: [],
  sector: null,
  communes: [],
};

async function rows<T>(q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.db.execute(q)) as unknown as { rows: T[] }).rows;
}

/**
 * `n` events and their identifiers written with SQL (as a restore or the benchmarks write them), event time every
 * ~31 hours from `from`, recorded 0–40 days later, every 11th an error declaration, naming `products` GTINs from
 * number `first` on.
 */
async function storedEvents(tag: string, from: string, n: number, products: number, first = 0) {
  await t.db.execute(sql`
    WITH e AS (
      INSERT INTO epcis_events (event_id, is_error_declaration, event_type, event_time, record_time,
        event_time_zone_offset, action, biz_step, organisation_id, capture_id, content_hash, document)
      SELECT 'urn:uuid:' || md5(${tag} || n)::uuid, n % 11 = 0, 'ObjectEvent',
        ${from}::timestamptz + n * interval '31 hours 13 minutes',
        ${from}::timestamptz + n * interval '31 hours 13 minutes' + (n * 37 % 41) * interval '1 day',
        '+07:00', 'OBSERVE', 'shipping', ${organisationId}::uuid, md5(${tag} || 'c' || n)::uuid, 'h', '{}'::jsonb
      FROM generate_series(1, ${n}) n
      RETURNING id, event_id)
    INSERT INTO epcis_event_ids (event_pk, id, role, is_class)
    SELECT e.id,
      'https://id.gs1.org/01/0893' || lpad((${first} + abs(hashtext(e.event_id)) % ${products})::text, 10, '0') || '/10/L1',
      'epc', true
    FROM e`);
}

/** Scans written with SQL, one every ~7 hours from `from` (the resolver writes them one at a time). */
async function storedScans(from: string, n: number) {
  await t.db.execute(sql`
    INSERT INTO stamp_scans (gtin, serial, network, at)
    SELECT '0893' || lpad((k % 50)::text, 10, '0'), k, md5('net' || k), ${from}::timestamptz + k * interval '7 hours 3 minutes'
    FROM generate_series(1, ${n}) k`);
}

const capture = async (events: unknown[]) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/epcis/capture',
    headers: { ...as, 'content-type': 'application/ld+json' },
    payload: JSON.stringify(epcisDocument(events)),
  });
  expect(res.statusCode, res.body).toBe(202);
};

const epc = (code: string, serial: string) => [`https://id.gs1.org/01/${code}/21/${serial}`];

const periods: ReportPeriod[] = [
  { from: '2026-01-01', to: '2026-12-31' },
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2026-07-01', to: '2026-12-31' },
  { from: '2025-03-15', to: '2026-02-10' },
  { from: '2024-12-31', to: '2025-01-01' },
];

/** The report's content without the time it was computed at. */
const content = async (period: ReportPeriod) => {
  const { computedAt: _, ...rest } = await computeContent(t.db, planId, period);
  return rest;
};

/** Events (not error declarations) and scans by the end of the period and within it, from a count(*) of the rows. */
async function counted(period: ReportPeriod) {
  const start = sql`(${period.from}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
  const end = sql`((${period.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
  const [e] = await rows<{ total: number; in_period: number }>(
    sql`SELECT count(*)::int AS total, (count(*) FILTER (WHERE record_time >= ${start}))::int AS in_period
      FROM epcis_events WHERE record_time < ${end} AND NOT is_error_declaration`,
  );
  const [s] = await rows<{ total: number; in_period: number }>(
    sql`SELECT count(*)::int AS total, (count(*) FILTER (WHERE at >= ${start}))::int AS in_period
      FROM stamp_scans WHERE at < ${end}`,
  );
  return {
    events: { total: e!.total, inPeriod: e!.in_period },
    scans: { total: s!.total, inPeriod: s!.in_period },
  };
}

async function emptyRollups() {
  await t.db.execute(sql`DELETE FROM epcis_event_days`);
  await t.db.execute(sql`DELETE FROM epcis_rollup_marks`);
  await t.db.execute(sql`DELETE FROM epcis_gtin_first`);
  await t.db.execute(sql`DELETE FROM epcis_gtin_months`);
  await t.db.execute(sql`DELETE FROM epcis_gtin_years`);
  await t.db.execute(sql`DELETE FROM epcis_rollups`);
  await t.db.execute(sql`DELETE FROM stamp_scan_days`);
  await t.db.execute(sql`DELETE FROM stamp_rollup_marks`);
}

beforeAll(async () => {
  t = await createTestApp();
  organisationId = (await makeOrganisation(t.db, { ownGtins: [g1, g2, g3] })).id;
  as = t.as({ role: 'org_owner', organisationIds: [organisationId] });
  // products for some of the GTINs the events name (approved, registered over the years), a plan with every formula
  await t.db.execute(sql`
    INSERT INTO products (organisation_id, gtin, name, product_group, ocop_stars, ocop_valid_until, review_status, created_at)
    SELECT ${organisationId}::uuid, '0893' || lpad(k::text, 10, '0'), 'Sản phẩm ' || k, 'Trái cây',
      CASE WHEN k % 4 = 0 THEN 3 END, CASE WHEN k % 4 = 0 THEN '2030-12-31'::date END,
      CASE WHEN k % 5 = 0 THEN 'draft' ELSE 'approved' END,
      '2023-06-01T00:00:00+07:00'::timestamptz + k * interval '9 days'
    FROM generate_series(0, 149) k`);
  const plan = await createPlan(
    t.db,
    { title: 'Kế hoạch (roll-ups)', startYear: 2024, endYear: 2028, isCurrent: true },
    admin,
  );
  planId = plan.id;
  for (const [i, f] of indicatorFormulas().entries()) {
    const indicator = await createIndicator(
      t.db,
      plan.id,
      { code: `CT${i + 1}`, name: f.name.vi, formulaKey: f.key, unit: f.unit, direction: 'at_least' },
      admin,
    );
    await setTargets(t.db, indicator.id, { targets: [{ year: 2026, target: 10 }] }, admin);
  }
  // three years of history before any roll-up exists: 900 events, 4,000 scans
  await storedEvents('a', '2024-01-01T00:00:00+07:00', 900, 200);
  await storedScans('2024-01-01T00:00:00+07:00', 4000);
}, 180_000);
afterAll(() => t.close());

describe('the report with roll-ups against the report counted from the raw rows', () => {
  it('every formula and key figure is the same, for years, halves and periods off month edges', async () => {
    // the first report fills the roll-ups; then more history arrives past the marks: events written with SQL
    // (older than the roll-up's ten minutes, so the next report rolls them up; naming GTINs of no product, since
    // the products' roll-ups are kept by capture only, decision 052), captured events (recorded now, so counted
    // live), an error declaration, and more scans
    for (const period of periods) await content(period);
    await storedEvents('b', '2025-06-01T00:00:00+07:00', 300, 200, 1000);
    await storedScans('2026-01-01T00:00:00+07:00', 500);
    const declared = objectEvent('c', {
      eventID: `urn:uuid:${crypto.randomUUID()}`,
      epcList: epc(g3, 'c'),
      eventTime: '2026-03-01T00:00:00.000Z',
    });
    await capture([
      objectEvent('a', { epcList: epc(g1, 'a'), eventTime: '2025-12-31T17:30:00.000Z' }),
      objectEvent('b', { epcList: epc(g2, 'b'), eventTime: '2026-06-30T16:59:00.000Z' }),
      declared,
    ]);
    await capture([
      {
        ...declared,
        errorDeclaration: { declarationTime: '2026-03-02T00:00:00.000Z', reason: 'incorrect_data' },
      },
    ]);
    const steady: Awaited<ReturnType<typeof content>>[] = [];
    for (const period of periods) steady.push(await content(period));
    // the events' and scans' key figures against a count(*) of the rows
    for (const [i, period] of periods.entries()) {
      const raw = await counted(period);
      const figure = (key: string) => steady[i]!.figures.find((f) => f.key === key)!;
      expect({ total: figure('events').total, inPeriod: figure('events').inPeriod }, period.from).toEqual(
        raw.events,
      );
      expect({ total: figure('scans').total, inPeriod: figure('scans').inPeriod }, period.from).toEqual(
        raw.scans,
      );
    }
    // the roll-ups were read: the events' days hold rows, the products' first months one per GTIN named
    const [days] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM epcis_event_days`);
    const [first] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM epcis_gtin_first`);
    expect(days!.n).toBeGreaterThan(300);
    expect(first!.n).toBeGreaterThan(150);
    // the data reaches the figures: events in and before the year, products connected, OCOP share
    const year = steady[0]!;
    expect(year.figures.find((f) => f.key === 'events')!.inPeriod).toBeGreaterThan(100);
    const connected = indicatorFormulas().findIndex((f) => f.key === 'products_connected');
    expect(year.indicators.find((i) => i.code === `CT${connected + 1}`)!.value).toBeGreaterThan(0);

    // every roll-up emptied: the same reports counted afresh from the raw rows (the fills read the events, the
    // events' keys, the scans)
    await emptyRollups();
    for (const [i, period] of periods.entries())
      expect(await content(period), period.from).toEqual(steady[i]);
  }, 180_000);

  it('computed inside a transaction, as a report is issued, the content is the same and opens no savepoint', async () => {
    await storedScans('2026-02-01T00:00:00+07:00', 50);
    const period = periods[0]!;
    const inside = await t.db.transaction(async (tx) => {
      // the figures are asked side by side: a roll-up here would be a nested transaction on the one connection
      const guarded = Object.create(tx, {
        transaction: {
          value: () => {
            throw new Error('a savepoint inside the report being issued');
          },
        },
      }) as typeof tx;
      const { computedAt: _, ...rest } = await computeContent(guarded, planId, period);
      return rest;
    });
    expect(inside).toEqual(await content(period));
  });

  it('a key figure asked alone is the one the report gives', async () => {
    const [events] = await keyFigures(t.db, '2026-01-01', '2026-12-31', ['events']);
    const raw = await counted({ from: '2026-01-01', to: '2026-12-31' });
    expect({ total: events!.total, inPeriod: events!.inPeriod }).toEqual(raw.events);
  });
});
