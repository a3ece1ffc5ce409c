// Rows for the checks' tests, written straight into the tables the checks read (set-based SQL reads them the same
// way whichever module wrote them). Test code only.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';

let n = 0;
const next = () => ++n;
export const gtinOf = (k: number) => `${`0893${String(k).padStart(9, '0')}`.padEnd(13, '0')}0`;

export async function org(db: DbOrTx, opts: { approved?: boolean; name?: string } = {}): Promise<string> {
  const id = crypto.randomUUID();
  await db.execute(sql`INSERT INTO organisations (id, name, type, sector, review_status)
    VALUES (${id}, ${opts.name ?? `Cơ sở thử ${next()}`}, 'producer', 'agriculture', ${opts.approved === false ? 'draft' : 'approved'})`);
  return id;
}

export async function product(
  db: DbOrTx,
  organisationId: string,
  extra: {
    gtin?: string;
    mandatory?: boolean;
    ocopStars?: number;
    ocopValidUntil?: string;
    name?: string;
  } = {},
): Promise<{ id: string; gtin: string }> {
  const id = crypto.randomUUID();
  const gtin = extra.gtin ?? gtinOf(next());
  await db.execute(sql`INSERT INTO products (id, organisation_id, gtin, name, ocop_stars, ocop_valid_until, review_status)
    VALUES (${id}, ${organisationId}, ${gtin}, ${extra.name ?? 'Bưởi thử'},
      ${extra.ocopStars ?? null}, ${extra.ocopValidUntil ?? null}, 'approved')`);
  if (extra.mandatory) await mandatoryList(db, gtin);
  return { id, gtin };
}

/** An agriculture mandatory list, approved and in force since 2020, naming one GTIN. */
export async function mandatoryList(db: DbOrTx, gtin: string): Promise<void> {
  const list = crypto.randomUUID();
  const version = crypto.randomUUID();
  await db.execute(sql`INSERT INTO catalogue_lists (id, sector, kind, title)
    VALUES (${list}, 'agriculture', 'mandatory', ${`Danh mục bắt buộc thử ${next()}`})`);
  await db.execute(sql`INSERT INTO catalogue_versions (id, list_id, state, effective_from, issued_at)
    VALUES (${version}, ${list}, 'approved', '2020-01-01', now())`);
  await db.execute(
    sql`INSERT INTO catalogue_items (version_id, match, value) VALUES (${version}, 'gtin', ${gtin})`,
  );
}

export async function lot(db: DbOrTx, organisationId: string, p: { id: string; gtin: string }, code: string) {
  const id = crypto.randomUUID();
  await db.execute(
    sql`INSERT INTO lots (id, organisation_id, product_id, gtin, lot) VALUES (${id}, ${organisationId}, ${p.id}, ${p.gtin}, ${code})`,
  );
  return id;
}

export const classId = (gtin: string, lotCode: string) => `https://id.gs1.org/01/${gtin}/10/${lotCode}`;

export async function event(
  db: DbOrTx,
  e: {
    organisationId: string;
    time: Date;
    action?: string;
    bizStep?: string;
    type?: string;
    ids: { id: string; role: string; quantity?: number; uom?: string; isClass?: boolean }[];
    errorDeclaration?: boolean;
    eventId?: string;
  },
): Promise<string> {
  const eventId = e.eventId ?? `urn:uuid:${crypto.randomUUID()}`;
  const result =
    (await db.execute(sql`INSERT INTO epcis_events (event_id, is_error_declaration, event_type, event_time,
      event_time_zone_offset, action, biz_step, organisation_id, capture_id, content_hash, document)
    VALUES (${eventId}, ${e.errorDeclaration ?? false}, ${e.type ?? 'ObjectEvent'}, ${e.time.toISOString()}, '+07:00',
      ${e.action ?? 'OBSERVE'}, ${e.bizStep ?? null}, ${e.organisationId}, ${crypto.randomUUID()}, 'h', '{}'::jsonb)
    RETURNING id`)) as unknown as { rows: { id: number }[] };
  const pk = result.rows[0].id;
  for (const i of e.ids)
    await db.execute(sql`INSERT INTO epcis_event_ids (event_pk, id, role, is_class, quantity, uom)
      VALUES (${pk}, ${i.id}, ${i.role}, ${i.isClass ?? true}, ${i.quantity ?? null}, ${i.uom ?? null})`);
  return eventId;
}

export async function range(db: DbOrTx, organisationId: string, gtin: string, first: number, last: number) {
  const requestId = crypto.randomUUID();
  await db.execute(sql`INSERT INTO stamp_requests (id, organisation_id, gtin, quantity, kind, requested_by, status)
    VALUES (${requestId}, ${organisationId}, ${gtin}, ${last - first + 1}, 'anti_counterfeit', 'test', 'approved')`);
  const id = crypto.randomUUID();
  await db.execute(sql`INSERT INTO stamp_ranges (id, request_id, organisation_id, gtin, kind, first_serial, last_serial)
    VALUES (${id}, ${requestId}, ${organisationId}, ${gtin}, 'anti_counterfeit', ${first}, ${last})`);
  return id;
}

export async function scan(
  db: DbOrTx,
  s: { gtin: string; serial: number; network: string; at: Date; latitude?: number; longitude?: number },
) {
  await db.execute(sql`INSERT INTO stamp_scans (gtin, serial, network, latitude, longitude, at)
    VALUES (${s.gtin}, ${s.serial}, ${s.network}, ${s.latitude === undefined ? null : String(s.latitude)},
      ${s.longitude === undefined ? null : String(s.longitude)}, ${s.at.toISOString()})`);
}

export async function location(db: DbOrTx, organisationId: string, latitude: number, longitude: number) {
  const id = crypto.randomUUID();
  await db.execute(sql`INSERT INTO locations (id, organisation_id, name, internal_code, latitude, longitude)
    VALUES (${id}, ${organisationId}, 'Vườn thử', ${`LOC-${crypto.randomBytes(5).toString('hex').toUpperCase()}`}, ${latitude}, ${longitude})`);
  return id;
}

export async function diary(
  db: DbOrTx,
  d: {
    organisationId: string;
    locationId: string;
    date: string;
    kind: string;
    withdrawalDays?: number;
    inputName?: string;
  },
) {
  await db.execute(sql`INSERT INTO diary_entries (organisation_id, location_id, season, entry_date, kind, input_name, withdrawal_days, event_id)
    VALUES (${d.organisationId}, ${d.locationId}, 'Vụ 2026', ${d.date}, ${d.kind}, ${d.inputName ?? null}, ${d.withdrawalDays ?? null},
      ${`urn:uuid:${crypto.randomUUID()}`})`);
}
