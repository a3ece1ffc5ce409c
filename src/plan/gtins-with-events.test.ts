import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrganisation, type TestApp } from '../test/index.ts';
import type { Period } from './formula.ts';
import { gtinsWithEvents } from './gtins-with-events.ts';
import { periodBounds, previousPeriod } from './period.ts';

// The GTINs the formulas read, from the products-by-month roll-up and the partial months at a period's ends
// (decision 052), against the same windows counted from every event as before the roll-up: periods of a year, a
// half, a month and a few days, with edges on and off month ends, over events recorded up to two months late.

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const organisationId = (await makeOrganisation(t.db)).id;
  // 600 events over 2025–2026 naming 200 products; event time every ~29 hours, recorded 0–60 days later; every
  // 13th an error declaration. Fixed arithmetic, so every run has the same data.
  await t.db.execute(sql`
    WITH e AS (
      INSERT INTO epcis_events (event_id, is_error_declaration, event_type, event_time, record_time,
        event_time_zone_offset, action, biz_step, organisation_id, capture_id, content_hash, document)
      SELECT 'urn:uuid:' || md5('g' || n)::uuid, n % 13 = 0, 'ObjectEvent',
        '2025-01-01T00:00:00+07:00'::timestamptz + n * interval '29 hours 7 minutes',
        '2025-01-01T00:00:00+07:00'::timestamptz + n * interval '29 hours 7 minutes' + (n * 37 % 61) * interval '1 day',
        '+07:00', 'OBSERVE', 'shipping', ${organisationId}::uuid, md5('c' || n)::uuid, 'h', '{}'::jsonb
      FROM generate_series(1, 600) n
      RETURNING id, event_id)
    INSERT INTO epcis_event_ids (event_pk, id, role, is_class)
    SELECT e.id, 'https://id.gs1.org/01/0893' || lpad((abs(hashtext(e.event_id)) % 200)::text, 10, '0') || '/10/L1',
      'epc', true
    FROM e`);
});
afterAll(() => t.close());

/** Comma-joined, sorted GTINs of events in [from, to) recorded before `to`, straight from the events. */
async function named(from: string | null, to: string): Promise<string> {
  const { rows } = (await t.db.execute(
    sql`SELECT string_agg(DISTINCT substr(i.id, 23, 14), ',' ORDER BY substr(i.id, 23, 14)) AS gtins
      FROM epcis_events e JOIN epcis_event_ids i ON i.event_pk = e.id
      WHERE NOT e.is_error_declaration AND e.event_time < ${to}::timestamptz AND e.record_time < ${to}::timestamptz
        AND (${from}::timestamptz IS NULL OR e.event_time >= ${from}::timestamptz)`,
  )) as unknown as { rows: { gtins: string | null }[] };
  return rows[0]!.gtins ?? '';
}

const sorted = (gtins: string) => gtins.split(',').filter(Boolean).sort().join(',');

const periods: Period[] = [
  { from: '2026-01-01', to: '2026-12-31' },
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2026-01-01', to: '2026-06-30' },
  { from: '2025-11-01', to: '2025-11-30' },
  { from: '2025-03-15', to: '2025-09-10' },
  { from: '2025-12-31', to: '2026-01-02' },
  { from: '2026-02-01', to: '2026-02-01' },
  { from: '2025-02-28', to: '2026-03-01' },
  // whole years with partial months and records after the last whole year (recorded into 2027)
  { from: '2025-11-15', to: '2027-02-10' },
  { from: '2025-06-10', to: '2027-01-20' },
  { from: '2025-12-01', to: '2027-01-31' },
];

describe('GTINs named by events, from the roll-up', () => {
  it('are those counted from every event, for the period, the one before and up to its end', async () => {
    let nonEmpty = 0;
    for (const period of periods) {
      const { start, end } = periodBounds(period);
      const before = periodBounds(previousPeriod(period));
      const found = await gtinsWithEvents(t.db, period);
      const label = `${period.from} – ${period.to}`;
      expect(sorted(found.inPeriod), `${label}: in the period`).toBe(await named(start, end));
      expect(sorted(found.before), `${label}: the period before`).toBe(await named(before.start, start));
      expect(sorted(found.toEnd), `${label}: up to its end`).toBe(await named(null, end));
      if (found.inPeriod && found.before) nonEmpty++;
    }
    // the roll-up was used (filled on the first call), and the data set reaches into most windows
    const { rows } = (await t.db.execute(
      sql`SELECT count(*)::int AS n FROM epcis_gtin_months`,
    )) as unknown as {
      rows: { n: number }[];
    };
    expect(rows[0]!.n).toBeGreaterThan(100);
    expect(nonEmpty).toBeGreaterThanOrEqual(5);
  });
});
