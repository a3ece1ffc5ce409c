import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureEpcisDocument, findEventsByIds } from '../epcis/index.ts';
import { epcisDocument, objectEvent, openTestDatabase } from '../test/index.ts';
import type { Database } from './db.ts';
import { detachPartitionsBefore, listPartitions, maintainPartitions, monthsAhead } from './partitions.ts';

// Monthly partitions of epcis_events and stamp_scans (decision 054), on PGlite and, with TXNG_TEST_DATABASE_URL, on
// PostgreSQL: where rows land, what a time range reads, the maintenance, and detaching old months.

let database: Database;
const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
const serial = () => `part-${Math.random().toString(36).slice(2)}`;
const epc = (s: string) => `https://id.gs1.org/01/08934567000017/21/${s}`;

/** The relations an EXPLAIN of `query` reads. */
async function relationsRead(query: string): Promise<string[]> {
  const [plan] = await rows<{ 'QUERY PLAN': unknown }>(sql.raw(`EXPLAIN (FORMAT JSON) ${query}`));
  const raw = plan!['QUERY PLAN'];
  const names: string[] = [];
  const walk = (node: any) => {
    if (node?.['Relation Name']) names.push(node['Relation Name']);
    for (const child of node?.Plans ?? []) walk(child);
  };
  walk((typeof raw === 'string' ? JSON.parse(raw) : (raw as any))[0].Plan);
  return names.sort();
}

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('monthly partitions', () => {
  it('are made for this month and the next ones, and a capture lands in this month’s', async () => {
    const [{ month }] = await rows<{ month: string }>(
      sql`SELECT to_char(now() AT TIME ZONE INTERVAL '+07:00', 'YYYY_MM') AS month`,
    );
    const names = (await listPartitions(database.db)).map((p) => p.name);
    expect(names).toContain(`epcis_events_p${month}`);
    expect(names).toContain(`stamp_scans_p${month}`);
    expect(names).toContain('epcis_events_default');
    expect(names.filter((n) => n.startsWith('epcis_events_p')).length).toBeGreaterThanOrEqual(
      monthsAhead + 1,
    );

    const s = serial();
    await captureEpcisDocument(database.db, epcisDocument([objectEvent(s)]), { organisationId: null });
    const [stored] = await rows<{ part: string }>(
      sql`SELECT e.tableoid::regclass::text AS part FROM epcis_event_ids i
          JOIN epcis_events e ON e.id = i.event_pk WHERE i.id = ${epc(s)}`,
    );
    expect(stored!.part).toBe(`epcis_events_p${month}`);
    // read back through the service: found by its key and record time
    expect(await findEventsByIds(database.db, { ids: [epc(s)] })).toHaveLength(1);
  });

  it('hold an eventID once across months: the same event again, recorded in another month, is skipped', async () => {
    const s = serial();
    await captureEpcisDocument(database.db, epcisDocument([objectEvent(s)]), { organisationId: null });
    const [{ eventId }] = await rows<{ eventId: string }>(
      sql`SELECT k.event_id AS "eventId" FROM epcis_event_ids i JOIN epcis_event_keys k ON k.event_pk = i.event_pk
          WHERE i.id = ${epc(s)}`,
    );
    const again = await rows(
      sql`INSERT INTO epcis_events (event_id, event_type, event_time, event_time_zone_offset, record_time, capture_id,
            content_hash, document)
          VALUES (${eventId}, 'ObjectEvent', now(), '+07:00', '2019-05-05T00:00:00Z', gen_random_uuid(), 'x', '{}')
          ON CONFLICT DO NOTHING RETURNING id`,
    );
    expect(again).toHaveLength(0);
    const [{ n }] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM epcis_events WHERE event_id = ${eventId}`,
    );
    expect(n).toBe(1);
  });

  it('take rows far in the past or future in the default partition; the maintenance moves them to their months', async () => {
    await database.db.execute(
      sql`INSERT INTO stamp_scans (gtin, serial, network, at) VALUES ('08934567000017', 1, 'n', '1999-01-15T00:00:00+07:00'),
          ('08934567000017', 2, 'n', '2090-06-01T00:00:00+07:00')`,
    );
    await database.db.execute(
      sql`INSERT INTO epcis_events (event_id, event_type, event_time, event_time_zone_offset, record_time, capture_id,
            content_hash, document)
          VALUES ('urn:uuid:partition-old', 'ObjectEvent', now(), '+07:00', '2001-01-31T20:00:00+07:00', gen_random_uuid(),
            'x', '{}')`,
    );
    const where = async () =>
      rows<{ part: string }>(
        sql`SELECT tableoid::regclass::text AS part FROM stamp_scans WHERE network = 'n' AND at < '2000-01-01'
            UNION ALL SELECT tableoid::regclass::text FROM stamp_scans WHERE network = 'n' AND at > '2090-01-01'
            UNION ALL SELECT tableoid::regclass::text FROM epcis_events WHERE event_id = 'urn:uuid:partition-old'`,
      );
    expect((await where()).map((r) => r.part)).toEqual([
      'stamp_scans_default',
      'stamp_scans_default',
      'epcis_events_default',
    ]);
    expect(await maintainPartitions(database.db)).toBe(3);
    expect((await where()).map((r) => r.part)).toEqual([
      'stamp_scans_p1999_01',
      'stamp_scans_p2090_06',
      'epcis_events_p2001_01',
    ]);
    // idempotent, also when two processes ask at once (one advisory lock)
    expect(await Promise.all([maintainPartitions(database.db), maintainPartitions(database.db)])).toEqual([
      0, 0,
    ]);
  });

  it('are pruned: a time range reads only its months', async () => {
    expect(
      await relationsRead(
        `SELECT count(*) FROM stamp_scans WHERE at >= '1999-01-01T00:00:00+07:00' AND at < '1999-02-01T00:00:00+07:00'`,
      ),
    ).toEqual(['stamp_scans_p1999_01']);
    expect(
      await relationsRead(
        `SELECT count(*) FROM epcis_events WHERE record_time >= '2001-01-01T00:00:00+07:00' AND record_time < '2001-02-01T00:00:00+07:00'`,
      ),
    ).toEqual(['epcis_events_p2001_01']);
  });

  it('before a month can be detached for archive: queries no longer see them, their eventIDs stay taken', async () => {
    const detached = await detachPartitionsBefore(database.db, '2002-01');
    expect(detached.sort()).toEqual(['epcis_events_p2001_01', 'stamp_scans_p1999_01']);
    const names = (await listPartitions(database.db)).map((p) => p.name);
    expect(names).not.toContain('stamp_scans_p1999_01');
    expect(names).toContain('stamp_scans_p2090_06');
    const [{ scans, archived }] = await rows<{ scans: number; archived: number }>(
      sql`SELECT (SELECT count(*)::int FROM stamp_scans WHERE at < '2000-01-01') AS scans,
            (SELECT count(*)::int FROM stamp_scans_p1999_01) AS archived`,
    );
    expect({ scans, archived }).toEqual({ scans: 0, archived: 1 });
    const again = await rows(
      sql`INSERT INTO epcis_events (event_id, event_type, event_time, event_time_zone_offset, capture_id, content_hash,
            document)
          VALUES ('urn:uuid:partition-old', 'ObjectEvent', now(), '+07:00', gen_random_uuid(), 'x', '{}') RETURNING id`,
    );
    expect(again).toHaveLength(0);
    await expect(detachPartitionsBefore(database.db, '2002-13')).rejects.toThrow(/YYYY-MM/);
  });
});
