import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gtin, type TestApp } from '../test/index.ts';
import { recordScanWithStats } from './scans.repo.ts';
import { rollUpScanDays, scanCounts } from './scans.rollup.ts';

// The scans' roll-up by day (decision 052) against a plain recount of stamp_scans, for periods whose edges fall
// between scans minutes apart across Vietnam midnights and month ends (UTC+7: 17:00 UTC is the next local day).

let t: TestApp;
const code = gtin();
const limits = { windowHours: 24, repeatMinutes: 0, networkCap: 1_000_000, networkCapHours: 1 };

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const at = (...instants: string[]) =>
  t.db.execute(
    sql`INSERT INTO stamp_scans (gtin, serial, network, at)
      SELECT ${code}, 1, 'n', x::timestamptz FROM unnest(${`{${instants.join(',')}}`}::text[]) x`,
  );

/** The count the roll-up must equal: every scan from 00:00 of `from` to the end of `to`, Vietnam time. */
async function recount(from: string, to: string) {
  const { rows } = (await t.db.execute(
    sql`SELECT count(*) FILTER (WHERE at >= ${`${from}T00:00:00+07:00`}::timestamptz)::int AS "inPeriod",
        count(*)::int AS total
      FROM stamp_scans WHERE at < (${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`,
  )) as unknown as { rows: { inPeriod: number; total: number }[] };
  return rows[0]!;
}

const periods = [
  ['2026-01-01', '2026-12-31'],
  ['2026-01-31', '2026-01-31'],
  ['2026-02-01', '2026-02-28'],
  ['2026-01-15', '2026-02-01'],
  ['2025-12-31', '2026-01-01'],
  ['2026-03-01', '2026-03-01'],
];

async function expectEqualToRecount() {
  for (const [from, to] of periods)
    expect(await scanCounts(t.db, from!, to!), `${from} – ${to}`).toEqual(await recount(from!, to!));
}

describe('scans rolled up by day', () => {
  it('equal a recount across Vietnam midnights and month ends, before and after the roll-up', async () => {
    await at(
      '2025-12-31T16:59:59Z', // 23:59:59 on 31 December, local
      '2025-12-31T17:00:00Z', // 00:00 on 1 January, local (still 2025 in UTC)
      '2026-01-31T16:30:00Z',
      '2026-01-31T17:30:00Z', // 1 February, local
      '2026-02-28T16:59:00Z',
      '2026-02-28T17:01:00Z', // 1 March, local
      '2026-06-15T05:00:00Z',
    );
    expect(await rollUpScanDays(t.db)).toBe(7);
    const days = (await t.db.execute(
      sql`SELECT day, scans::int FROM stamp_scan_days ORDER BY day`,
    )) as unknown as {
      rows: { day: string; scans: number }[];
    };
    expect(days.rows).toEqual([
      { day: '2025-12-31', scans: 1 },
      { day: '2026-01-01', scans: 1 },
      { day: '2026-01-31', scans: 1 },
      { day: '2026-02-01', scans: 1 },
      { day: '2026-02-28', scans: 1 },
      { day: '2026-03-01', scans: 1 },
      { day: '2026-06-15', scans: 1 },
    ]);
    await expectEqualToRecount();
    // more scans on days already rolled up: added to their days (counting rolls up first)
    await at('2026-01-31T16:59:00Z', '2026-01-31T17:00:00Z', '2026-02-15T00:00:00Z');
    await expectEqualToRecount();
    expect(await rollUpScanDays(t.db)).toBe(0);
    const total = (await t.db.execute(sql`SELECT sum(scans)::int AS n FROM stamp_scan_days`)) as unknown as {
      rows: { n: number }[];
    };
    expect(total.rows[0]!.n).toBe(10);
  });

  it('count the scans the resolver records: live at first, rolled up once settled, never twice', async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    periods.push([today, today], ['2026-01-01', today]);
    for (const network of ['a', 'b', 'c'])
      expect(
        (await recordScanWithStats(t.db, { gtin: code, serial: 2, network }, limits)).scanId,
      ).not.toBeNull();
    // just written: not settled, so the roll-up leaves them to the live count
    expect(await rollUpScanDays(t.db)).toBe(0);
    await expectEqualToRecount();
    expect((await scanCounts(t.db, today, today)).inPeriod).toBe(3);
    // an hour later (the scans moved back in time, as the clock would move on): rolled up into their day
    await t.db.execute(sql`UPDATE stamp_scans SET at = at - interval '1 hour' WHERE serial = 2`);
    expect(await rollUpScanDays(t.db)).toBe(3);
    await expectEqualToRecount();
  });

  it('are counted once per report: the plan formula and the key figure share one count', async () => {
    const shared = new Map<string, Promise<unknown>>();
    const first = scanCounts(t.db, '2026-01-01', '2026-12-31', shared);
    expect(scanCounts(t.db, '2026-01-01', '2026-12-31', shared)).toBe(first);
    const half = scanCounts(t.db, '2026-01-01', '2026-06-30', shared);
    expect(half).not.toBe(first);
    expect(await first).toEqual(await recount('2026-01-01', '2026-12-31'));
    // awaited too: left running, it could outlive the file and meet a closed pool
    expect(await half).toEqual(await recount('2026-01-01', '2026-06-30'));
  });
});
