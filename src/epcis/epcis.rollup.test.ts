import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  epcisDocument,
  gtin,
  makeOrganisation,
  objectEvent,
  type TestApp,
} from '../test/index.ts';
import { gtinFirstReady, gtinPeriodsReady } from './epcis.rollup.ts';

// epcis_gtin_months (decision 052) against a recount from the events, after the first fill, captures across
// Vietnam month ends (UTC+7: 17:00 UTC on the last day is the next month, locally) and error declarations.

let t: TestApp;
let as: Record<string, string>;
let organisationId: string;
const [g1, g2, g3] = [gtin(), gtin(), gtin()];

beforeAll(async () => {
  t = await createTestApp();
  organisationId = (await makeOrganisation(t.db, { ownGtins: [g1, g2, g3] })).id;
  as = t.as({ role: 'org_owner', organisationIds: [organisationId] });
});
afterAll(() => t.close());

type Row = { gtin: string; event_month: string; record_month: string };

type Unit = 'month' | 'year';

/** The roll-up's rows (the year table's columns named as the month table's, to compare alike). */
const rolledUp = async (unit: Unit = 'month') =>
  (
    (await t.db.execute(
      sql`SELECT gtin, ${sql.raw(`event_${unit}`)}::text AS event_month, ${sql.raw(`record_${unit}`)}::text AS record_month
        FROM ${sql.raw(`epcis_gtin_${unit}s`)} ORDER BY 1, 2, 3`,
    )) as unknown as { rows: Row[] }
  ).rows;

/** The same rows counted afresh from every stored event, by another route to the local month or year. */
const recount = async (unit: Unit = 'month') =>
  (
    (await t.db.execute(
      sql`SELECT DISTINCT substr(i.id, 23, 14) AS gtin,
        date_trunc(${unit}, e.event_time AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS event_month,
        date_trunc(${unit}, e.record_time AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS record_month
      FROM epcis_events e JOIN epcis_event_ids i ON i.event_pk = e.id
      WHERE NOT e.is_error_declaration AND i.id LIKE 'https://id.gs1.org/01/%'
      ORDER BY 1, 2, 3`,
    )) as unknown as { rows: Row[] }
  ).rows;

/** epcis_gtin_first against the same recount: per product, the earliest of the later of event and record month. */
const expectFirstRecounted = async () => {
  const first = (await t.db.execute(
    sql`SELECT gtin, first_month::text AS first_month FROM epcis_gtin_first ORDER BY 1`,
  )) as unknown as { rows: { gtin: string; first_month: string }[] };
  const expected = new Map<string, string>();
  for (const r of await recount()) {
    const later = [r.event_month, r.record_month].sort()[1]!; // ISO dates: the later sorts last
    const known = expected.get(r.gtin);
    if (!known || later < known) expected.set(r.gtin, later);
  }
  expect(first.rows).toEqual([...expected].sort().map(([gtin, first_month]) => ({ gtin, first_month })));
};

const expectYearsRecounted = async () => {
  expect(await rolledUp('year')).toEqual(await recount('year'));
  // the products' first months (decision 066), once filled, are kept with them
  if (await gtinFirstReady(t.db)) await expectFirstRecounted();
};

/** An event stored as capture stored them before the roll-up existed (no row of it in epcis_gtin_months). */
async function storedBefore(code: string, eventTime: string, recordTime: string, errorDeclaration = false) {
  const { rows } = (await t.db.execute(
    sql`INSERT INTO epcis_events (event_id, is_error_declaration, event_type, event_time, record_time,
        event_time_zone_offset, action, biz_step, organisation_id, capture_id, content_hash, document)
      VALUES (${`urn:uuid:${crypto.randomUUID()}`}, ${errorDeclaration}, 'ObjectEvent', ${eventTime}::timestamptz,
        ${recordTime}::timestamptz, '+07:00', 'OBSERVE', 'shipping', ${organisationId}::uuid,
        ${crypto.randomUUID()}::uuid, 'h', '{}'::jsonb)
      RETURNING id`,
  )) as unknown as { rows: { id: number }[] };
  await t.db.execute(
    sql`INSERT INTO epcis_event_ids (event_pk, id, role, is_class)
      VALUES (${rows[0]!.id}, ${`https://id.gs1.org/01/${code}/10/L1`}, 'epc', true)`,
  );
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

describe('products by month (epcis_gtin_months)', () => {
  it('is filled once from the events stored before it, error declarations left out', async () => {
    await storedBefore(g1, '2025-12-31T16:59:00Z', '2025-12-31T17:01:00Z'); // December, recorded in January
    await storedBefore(g2, '2026-02-28T17:00:00Z', '2026-03-02T00:00:00Z'); // March, locally
    await storedBefore(g3, '2026-04-10T00:00:00Z', '2026-04-10T01:00:00Z', true);
    expect(await rolledUp()).toEqual([]);
    expect(await gtinPeriodsReady(t.db)).toBe(true);
    expect(await rolledUp()).toEqual(await recount());
    await expectYearsRecounted();
    const filled = await rolledUp();
    expect(filled).toHaveLength(2);
    expect(filled).toContainEqual({ gtin: g1, event_month: '2025-12-01', record_month: '2026-01-01' });
    expect(filled).toContainEqual(expect.objectContaining({ gtin: g2, event_month: '2026-03-01' }));
    // filled once: an event slipped in behind capture's back is not picked up again
    await storedBefore(g3, '2026-05-01T00:00:00Z', '2026-05-01T00:00:00Z');
    expect(await gtinPeriodsReady(t.db)).toBe(true);
    expect((await rolledUp()).some((r) => r.gtin === g3)).toBe(false);
    await t.db.execute(sql`DELETE FROM epcis_event_ids WHERE id LIKE ${`%${g3}%`}`);
  });

  it('gets the rows of every capture, in the capture, by the events’ local months', async () => {
    await capture([
      objectEvent('a', { epcList: epc(g1, 'a'), eventTime: '2026-01-31T23:30:00.000+07:00' }),
      objectEvent('b', { epcList: epc(g1, 'b'), eventTime: '2026-02-01T00:30:00.000+07:00' }),
      objectEvent('c', {
        epcList: epc(g2, 'c'),
        eventTime: '2026-02-28T17:30:00.000Z',
        eventTimeZoneOffset: '+00:00',
      }),
      objectEvent('d', {
        epcList: [...epc(g3, 'd'), ...epc(g1, 'd')],
        eventTime: '2025-06-30T23:59:59.000+07:00',
      }),
    ]);
    const found = await rolledUp();
    expect(found).toEqual(await recount());
    await expectYearsRecounted();
    const months = (code: string) => found.filter((r) => r.gtin === code).map((r) => r.event_month);
    expect(months(g1)).toEqual(['2025-06-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(months(g2)).toEqual(['2026-03-01', '2026-03-01']);
    expect(months(g3)).toEqual(['2025-06-01']);
    // the same document again stores nothing new, and the roll-up stays as it is
    await capture([objectEvent('a', { epcList: epc(g1, 'a'), eventTime: '2026-01-31T23:30:00.000+07:00' })]);
    expect(await rolledUp()).toEqual(found);
  });

  it('is left as it was by an error declaration (the formulas count the declared event as before)', async () => {
    const before = await rolledUp();
    const eventID = `urn:uuid:${crypto.randomUUID()}`;
    const event = objectEvent('e', {
      eventID,
      epcList: epc(g3, 'e'),
      eventTime: '2026-07-15T10:00:00.000+07:00',
    });
    await capture([event]);
    const withEvent = await rolledUp();
    expect(withEvent).toEqual(await recount());
    await expectYearsRecounted();
    expect(withEvent.length).toBe(before.length + 1);
    await capture([
      {
        ...event,
        errorDeclaration: { declarationTime: '2026-07-16T08:00:00.000+07:00', reason: 'incorrect_data' },
      },
    ]);
    expect(await rolledUp()).toEqual(withEvent);
    expect(await rolledUp()).toEqual(await recount());
    await expectYearsRecounted();
  });
});
