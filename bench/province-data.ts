/**
 * A province's data for the benchmarks of the dashboard and the periodic reports (issue 13 §3), generated with
 * set-based SQL (generate_series) straight into the tables: by default 20,000 organisations, 100,000 products
 * (five each) with one lot each, a stamp range and an activation per organisation, 1,000,000 EPCIS events (each
 * naming one product's lot), 10,000,000 stamp scans, a review decision per product, inspections with findings and
 * fines, and consumer reports. Times spread evenly over two calendar years, `year - 1` and `year`, so a report of
 * `year` counts about half of everything in its period and all of it by its end.
 */
import { performance } from 'node:perf_hooks';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../src/platform/index.ts';

export interface ProvinceSize {
  organisations: number;
  products: number;
  events: number;
  scans: number;
}

export const provinceSize = (scale = 1): ProvinceSize => ({
  organisations: Math.round(20_000 * scale),
  products: Math.round(100_000 * scale),
  events: Math.round(1_000_000 * scale),
  scans: Math.round(10_000_000 * scale),
});

export interface GenerateOptions {
  /** How many calendar years the times spread over, ending with `year` (default 2). */
  years?: number;
  /** Stop writing scans (written in time order, in chunks) once this much time has gone on them; the rest is skipped. */
  scanBudgetMs?: number;
}

/**
 * Fills an empty (freshly migrated) database; prints how long each part took. Returns how many scans it wrote (fewer
 * than asked only when `scanBudgetMs` ran out).
 */
export async function generateProvince(
  db: DbOrTx,
  size: ProvinceSize,
  year: number,
  opts: GenerateOptions = {},
): Promise<{ scans: number }> {
  const { organisations: O, products: P, events: E, scans: S } = size;
  const years = opts.years ?? 2;
  // the years in seconds and days; row k of n lands at a fixed point of them
  const start = `${year - years + 1}-01-01T00:00:00+07:00`;
  const days = 365 * years;
  const seconds = days * 86_400;
  const at = (k: SQL, n: number) =>
    sql`(${start}::timestamptz + ((${k}) % ${n}) * interval '1 second' * ${Math.floor(seconds / n)})`;
  const day = (k: SQL) => sql`(${start}::timestamptz + ((${k}) % ${days}) * interval '1 day')`;
  const gtin = (k: SQL) => sql`('0893' || lpad((${k})::text, 10, '0'))`;
  const org = (k: SQL) => sql`md5('org' || ((${k} - 1) % ${O} + 1))::uuid`;
  const step = async (label: string, ...qs: SQL[]) => {
    const t0 = performance.now();
    for (const q of qs) await db.execute(q);
    console.log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  const k = sql.raw('k');
  const n = sql.raw('n');

  await step(
    `${O} organisations, ${P} products and lots`,
    sql`INSERT INTO organisations (id, name, type, sector, review_status, created_at)
      SELECT md5('org' || k)::uuid, 'Cơ sở ' || k, 'producer',
        (ARRAY['agriculture', 'industry_trade', 'health', 'other'])[k % 4 + 1],
        CASE WHEN k % 10 = 0 THEN 'draft' ELSE 'approved' END, ${day(k)}
      FROM generate_series(1, ${O}) k`,
    sql`INSERT INTO products (id, organisation_id, gtin, name, product_group, ocop_stars, ocop_valid_until, review_status, created_at)
      SELECT md5('prod' || k)::uuid, ${org(k)}, ${gtin(k)}, 'Sản phẩm ' || k, 'Trái cây',
        CASE WHEN k % 20 = 0 THEN 3 END, CASE WHEN k % 20 = 0 THEN ${`${year + 1}-12-31`}::date END,
        CASE WHEN k % 10 = 0 THEN 'draft' ELSE 'approved' END, ${day(k)}
      FROM generate_series(1, ${P}) k`,
    sql`INSERT INTO lots (id, organisation_id, product_id, gtin, lot, created_at)
      SELECT md5('lot' || k)::uuid, ${org(k)}, md5('prod' || k)::uuid, ${gtin(k)}, 'L1', ${day(k)}
      FROM generate_series(1, ${P}) k`,
  );
  await step(
    'stamp requests, ranges (10,000 each) and activations',
    sql`INSERT INTO stamp_requests (id, organisation_id, gtin, quantity, kind, requested_by, status, created_at)
      SELECT md5('req' || k)::uuid, md5('org' || k)::uuid, ${gtin(k)}, 10000, 'anti_counterfeit', 'bench', 'approved', ${day(k)}
      FROM generate_series(1, ${O}) k`,
    sql`INSERT INTO stamp_ranges (id, request_id, organisation_id, gtin, kind, first_serial, last_serial, created_at)
      SELECT md5('range' || k)::uuid, md5('req' || k)::uuid, md5('org' || k)::uuid, ${gtin(k)}, 'anti_counterfeit', 1, 10000, ${day(k)}
      FROM generate_series(1, ${O}) k`,
    sql`INSERT INTO stamp_changes (range_id, gtin, first_serial, last_serial, action, lot, actor_id, at)
      SELECT md5('range' || k)::uuid, ${gtin(k)}, 1, 5000, 'activate', 'L1', 'bench', ${day(sql`${k} + 3`)}
      FROM generate_series(1, ${O}) k`,
  );
  // the big tables are filled without their secondary indexes, which are built again afterwards (much faster)
  const indexes = (
    (await db.execute(sql`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
      AND tablename IN ('epcis_events', 'epcis_event_ids', 'stamp_scans') AND indexdef NOT LIKE '%UNIQUE%'`)) as unknown as {
      rows: { indexdef: string }[];
    }
  ).rows.map((r) => r.indexdef.replace(' ON ONLY ', ' ON ')); // a partitioned table's index, built on every partition
  const dropped = indexes.map((def) => def.match(/INDEX (\S+) ON/)![1]!);
  await step(
    "drop the big tables' secondary indexes",
    ...dropped.map((name) => sql.raw(`DROP INDEX ${name}`)),
  );
  // every month of the period has its partitions before the rows arrive (else they would all land in the default
  // partition, to be moved out by the maintenance); the events' keys are written set-based, their trigger off
  await step(
    `partitions of ${years * 12} months`,
    sql`SELECT txng_month_partition(t, c, ((${start}::timestamptz AT TIME ZONE INTERVAL '+07:00')::date + make_interval(months => m))::date)
      FROM (VALUES ('epcis_events', 'record_time'), ('stamp_scans', 'at')) v(t, c), generate_series(0, ${years * 12}) m`,
  );
  await step(
    `${E} EPCIS events, their keys and their ids`,
    sql`INSERT INTO epcis_event_keys (event_pk, event_id, is_error_declaration, organisation_id, record_time)
      SELECT n, 'urn:uuid:' || md5('ev' || n)::uuid, false, ${org(n)}, ${at(n, E)} + interval '1 hour'
      FROM generate_series(1, ${E}) n`,
    sql`ALTER TABLE epcis_events DISABLE TRIGGER epcis_events_key`,
    sql`INSERT INTO epcis_events (id, event_id, event_type, event_time, event_time_zone_offset, record_time, action,
        biz_step, organisation_id, capture_id, content_hash, document)
      OVERRIDING SYSTEM VALUE
      SELECT n, 'urn:uuid:' || md5('ev' || n)::uuid, 'ObjectEvent', ${at(n, E)}, '+07:00', ${at(n, E)} + interval '1 hour',
        'OBSERVE', CASE WHEN n % 7 = 0 THEN 'receiving' ELSE 'shipping' END, ${org(n)},
        md5('cap' || (n / 1000))::uuid, md5('h' || n), '{}'::jsonb
      FROM generate_series(1, ${E}) n`,
    sql`ALTER TABLE epcis_events ENABLE TRIGGER epcis_events_key`,
    sql`SELECT setval(pg_get_serial_sequence('epcis_events', 'id'), ${E})`,
    sql`INSERT INTO epcis_event_ids (event_pk, id, role, is_class, quantity, uom)
      SELECT n, 'https://id.gs1.org/01/' || ${gtin(sql`(${n} - 1) % ${P} + 1`)} || '/10/L1', 'epc', true, 1, 'KGM'
      FROM generate_series(1, ${E}) n`,
  );
  // in time order, a chunk at a time, so a budget can stop it with whole months written
  const scanChunk = 5_000_000;
  const scansStart = performance.now();
  let scansWritten = 0;
  while (scansWritten < S) {
    if (opts.scanBudgetMs !== undefined && performance.now() - scansStart > opts.scanBudgetMs) break;
    const to = Math.min(S, scansWritten + scanChunk);
    await step(
      `stamp scans ${scansWritten + 1}–${to} of ${S}`,
      sql`INSERT INTO stamp_scans (gtin, serial, network, at)
        SELECT ${gtin(sql`(${n} - 1) % ${O} + 1`)}, (${n}::bigint * 7919) % 5000 + 1, md5('net' || n % 50000), ${at(n, S)}
        FROM generate_series(${scansWritten + 1}::bigint, ${to}::bigint) n`,
    );
    scansWritten = to;
  }
  await step(`build ${indexes.length} indexes again`, ...indexes.map((def) => sql.raw(def)));
  await step(
    'review items and decisions, inspections, findings, fines, consumer reports',
    sql`INSERT INTO review_items (id, entity_type, entity_id, organisation_id, title, status, submitted_at, decided_at)
      SELECT md5('ri' || k)::uuid, 'product', md5('prod' || k)::text, ${org(k)}, 'Sản phẩm ' || k, 'approved', ${day(k)}, ${day(k)}
      FROM generate_series(1, ${P}) k`,
    sql`INSERT INTO review_decisions (item_id, decision, actor_id, actor_name, actor_role, decided_at)
      SELECT md5('ri' || k)::uuid, 'approve', 'bench', 'Thẩm định viên', 'dost_reviewer', ${day(k)}
      FROM generate_series(1, ${P}) k`,
    sql`INSERT INTO inspection_visits (id, organisation_id, visited_on, inspector_ids, checklist, created_by)
      SELECT md5('visit' || k)::uuid, ${org(sql`${k} * 7`)}, ${day(k)}::date, ARRAY['bench'], '[]'::jsonb, 'bench'
      FROM generate_series(1, ${Math.max(1, Math.round(O / 10))}) k`,
    sql`INSERT INTO inspection_findings (visit_id, organisation_id, text, file_ids, created_by)
      SELECT md5('visit' || k)::uuid, ${org(sql`${k} * 7`)}, 'Thiếu nhật ký', '{}', 'bench'
      FROM generate_series(1, ${Math.max(1, Math.round(O / 10))}) k WHERE k % 3 = 0`,
    sql`INSERT INTO inspection_sanctions (visit_id, organisation_id, decision_number, decided_on, amount_vnd, legal_basis, created_by)
      SELECT md5('visit' || k)::uuid, ${org(sql`${k} * 7`)}, k || '/QĐ-XPHC', ${day(k)}::date, 5000000, 'Nghị định 119/2017', 'bench'
      FROM generate_series(1, ${Math.max(1, Math.round(O / 10))}) k WHERE k % 9 = 0`,
    sql`INSERT INTO consumer_reports (uri, gtin, message, consent_at, created_at)
      SELECT 'https://id.gs1.org/01/' || ${gtin(k)}, ${gtin(k)}, 'Nghi tem giả', ${day(k)}, ${day(k)}
      FROM generate_series(1, ${Math.max(1, Math.round(O / 4))}) k`,
  );
  await step('ANALYZE', sql`ANALYZE`);
  return { scans: scansWritten };
}

/**
 * Puts each organisation in one of `communes` (round robin) with one approved place near the commune's own point:
 * the generator leaves both empty, and the dashboard's commune figures and map read them.
 */
export async function placeInCommunes(db: DbOrTx, communes: string[]): Promise<void> {
  const t0 = performance.now();
  await db.execute(sql`
    WITH u AS (SELECT code, ord FROM unnest(${`{${communes.join(',')}}`}::text[]) WITH ORDINALITY AS u(code, ord)),
    o AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM organisations)
    UPDATE organisations SET commune_code = u.code FROM o, u
    WHERE organisations.id = o.id AND u.ord = o.k % ${communes.length} + 1`);
  await db.execute(sql`
    INSERT INTO locations (organisation_id, name, internal_code, commune_code, latitude, longitude, review_status)
    SELECT o.id, 'Địa điểm ' || o.id, 'B' || o.id, o.commune_code,
      10.7 + (abs(hashtext(o.commune_code)) % 100) * 0.01 + (abs(hashtext(o.id::text)) % 100) * 0.0002,
      106.7 + (abs(hashtext(o.commune_code || 'x')) % 120) * 0.01 + (abs(hashtext(o.id::text || 'x')) % 100) * 0.0002,
      'approved'
    FROM organisations o`);
  await db.execute(sql`ANALYZE organisations, locations`);
  console.log(`  communes and places: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** The tables the province's figures read, for a plain count(*) beside the timed work. */
export const provinceTables = [
  'organisations',
  'products',
  'lots',
  'stamp_ranges',
  'stamp_changes',
  'epcis_events',
  'epcis_event_ids',
  'stamp_scans',
  'review_decisions',
  'inspection_visits',
  'inspection_findings',
  'consumer_reports',
];
