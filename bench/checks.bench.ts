/**
 * Automatic checks benchmark (issue 12 §3): every check over a province of 20,000 organisations, 1,000,000 EPCIS
 * events and 10,000,000 stamp scans, aim < 60 s in all, beside a plain count(*) scan of the same tables.
 * PostgreSQL only (TXNG_BENCH_DATABASE_URL, an admin URL: a fresh database is created and dropped):
 *   TXNG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/checks.bench.ts
 * TXNG_BENCH_SCALE=0.1 runs a tenth of the sizes (a quick look).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { allChecks } from '../src/checks/index.ts';
import { loadConfig } from '../src/platform/index.ts';
import { openTestDatabase } from '../src/test/app.ts';

if (!process.env.TXNG_BENCH_DATABASE_URL) {
  console.error(
    'Set TXNG_BENCH_DATABASE_URL to a PostgreSQL admin URL (the checks bench runs on PostgreSQL only).',
  );
  process.exit(1);
}
process.env.TXNG_TEST_DATABASE_URL = process.env.TXNG_BENCH_DATABASE_URL;

const scale = Number(process.env.TXNG_BENCH_SCALE ?? 1);
const ORGS = Math.round(20_000 * scale);
const EVENTS = Math.round(1_000_000 * scale);
const SCANS = Math.round(10_000_000 * scale);
const now = new Date();

const database = await openTestDatabase();
const db = database.db;
const exec = (q: ReturnType<typeof sql>) => db.execute(q);
const timed = async (label: string, ...qs: ReturnType<typeof sql>[]) => {
  const t0 = performance.now();
  for (const q of qs) await exec(q);
  console.log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
};

try {
  console.log(`Generating ${ORGS} organisations, ${EVENTS} events, ${SCANS} scans …`);
  const at = now.toISOString();
  // organisation k (1..ORGS) has one product (GTIN 0893 + k), one lot L1, one location, one certificate and a
  // stamp range 1..1,000,000; ids are derived from k so every table can be filled by generate_series alone
  await timed(
    'organisations, products, lots, locations, certificates, stamp ranges',
    sql`
    INSERT INTO organisations (id, name, type, sector, review_status)
      SELECT md5('org' || k)::uuid, 'Cơ sở ' || k, 'producer', 'agriculture', 'approved' FROM generate_series(1, ${ORGS}) k`,
    sql`INSERT INTO products (id, organisation_id, gtin, name, product_group, ocop_stars, ocop_valid_until, review_status)
      SELECT md5('prod' || k)::uuid, md5('org' || k)::uuid, '0893' || lpad(k::text, 10, '0'), 'Sản phẩm ' || k,
        CASE WHEN k % 20 = 0 THEN 'Thịt heo tươi' ELSE 'Trái cây' END, CASE WHEN k % 10 = 0 THEN 3 END,
        CASE WHEN k % 10 = 0 THEN (${at}::date + (k % 200 - 20)) END, 'approved'
      FROM generate_series(1, ${ORGS}) k`,
    sql`INSERT INTO lots (id, organisation_id, product_id, gtin, lot)
      SELECT md5('lot' || k)::uuid, md5('org' || k)::uuid, md5('prod' || k)::uuid, '0893' || lpad(k::text, 10, '0'), 'L1'
      FROM generate_series(1, ${ORGS}) k`,
    sql`INSERT INTO locations (id, organisation_id, name, internal_code, latitude, longitude)
      SELECT md5('loc' || k)::uuid, md5('org' || k)::uuid, 'Vườn ' || k, 'LOC-' || lpad(k::text, 10, '0'),
        10.6 + (k % 100) * 0.015, 106.7 + (k % 70) * 0.012
      FROM generate_series(1, ${ORGS}) k`,
    // the agriculture department's mandatory list names fresh pork, the group of every 20th product
    sql`INSERT INTO catalogue_lists (id, sector, kind, title)
      VALUES (md5('list')::uuid, 'agriculture', 'mandatory', 'Danh mục sản phẩm bắt buộc truy xuất')`,
    sql`INSERT INTO catalogue_versions (id, list_id, state, effective_from, issued_at)
      VALUES (md5('version')::uuid, md5('list')::uuid, 'approved', '2026-07-01', now())`,
    sql`INSERT INTO catalogue_items (version_id, match, value) VALUES (md5('version')::uuid, 'product_group', 'Thịt heo tươi')`,
    sql`INSERT INTO organisation_certificates (organisation_id, kind, number, issuer, valid_to)
      SELECT md5('org' || k)::uuid, 'VietGAP', 'VG-' || k, 'Trung tâm', ${at}::date + (k % 400 - 5)
      FROM generate_series(1, ${ORGS}) k`,
    sql`INSERT INTO stamp_requests (id, organisation_id, gtin, quantity, kind, requested_by, status)
      SELECT md5('req' || k)::uuid, md5('org' || k)::uuid, '0893' || lpad(k::text, 10, '0'), 1000000,
        'anti_counterfeit', 'bench', 'approved' FROM generate_series(1, ${ORGS}) k`,
    sql`INSERT INTO stamp_ranges (request_id, organisation_id, gtin, kind, first_serial, last_serial)
      SELECT md5('req' || k)::uuid, md5('org' || k)::uuid, '0893' || lpad(k::text, 10, '0'), 'anti_counterfeit', 1, 1000000
      FROM generate_series(1, ${ORGS}) k`,
  );
  // events: per organisation a commissioning of 1,000 kg, then shipments of 10 kg, receivings, a few transformations;
  // one organisation in 1,000 ships 2,000 kg too many, one event in 100,000 is dated next month
  await timed(
    'EPCIS events and their ids',
    sql`
    INSERT INTO epcis_events (id, event_id, event_type, event_time, event_time_zone_offset, action, biz_step,
        organisation_id, capture_id, content_hash, document)
      OVERRIDING SYSTEM VALUE
      SELECT n, 'urn:uuid:' || md5('ev' || n)::uuid, CASE WHEN n % 50 = 0 THEN 'TransformationEvent' ELSE 'ObjectEvent' END,
        CASE WHEN n % 100000 = 7 THEN ${at}::timestamptz + interval '30 days'
             WHEN n <= ${ORGS} THEN ${at}::timestamptz - interval '200 days'
             ELSE ${at}::timestamptz - (n % 180) * interval '1 day' END,
        '+07:00', CASE WHEN n <= ${ORGS} THEN 'ADD' ELSE 'OBSERVE' END,
        CASE WHEN n <= ${ORGS} THEN 'commissioning' WHEN n % 50 = 0 THEN NULL WHEN n % 7 = 0 THEN 'receiving' ELSE 'shipping' END,
        md5('org' || ((n - 1) % ${ORGS} + 1))::uuid, md5('cap' || (n / 1000))::uuid, md5('h' || n), '{}'::jsonb
      FROM generate_series(1, ${EVENTS}) n`,
    sql`SELECT setval(pg_get_serial_sequence('epcis_events', 'id'), ${EVENTS})`,
    sql`INSERT INTO epcis_event_ids (event_pk, id, role, is_class, quantity, uom)
      SELECT n, 'https://id.gs1.org/01/0893' || lpad(((n - 1) % ${ORGS} + 1)::text, 10, '0') || '/10/L1',
        CASE WHEN n % 50 = 0 THEN 'input' ELSE 'epc' END, true,
        CASE WHEN n <= ${ORGS} THEN 1 WHEN ((n - 1) % ${ORGS} + 1) % 1000 = 0 AND n % 7 <> 0 THEN 100 ELSE 1 END,
        CASE WHEN n <= ${ORGS} THEN 'TNE' ELSE 'KGM' END
      FROM generate_series(1, ${EVENTS}) n`,
  );
  // scans over the last 30 days; 1 in 5 with a location, 1 in 1,000 of those in Hà Nội; 1 stamp in 100,000 is
  // scanned from many networks
  await timed(
    'stamp scans',
    sql`
    INSERT INTO stamp_scans (gtin, serial, network, latitude, longitude, at)
      SELECT '0893' || lpad(CASE WHEN n % 100000 < 8 THEN 1 ELSE n % ${ORGS} + 1 END::text, 10, '0'),
        CASE WHEN n % 100000 < 8 THEN 424242 ELSE (n::bigint * 7919) % 1000000 + 1 END,
        md5('net' || CASE WHEN n % 100000 < 8 THEN n ELSE n % 50000 END),
        CASE WHEN n % 5 = 0 THEN CASE WHEN n % 5000 = 0 THEN '21.03' ELSE (10.7 + (n % 90) * 0.015)::text END END,
        CASE WHEN n % 5 = 0 THEN CASE WHEN n % 5000 = 0 THEN '105.85' ELSE (106.8 + (n % 60) * 0.012)::text END END,
        ${at}::timestamptz - CASE WHEN n % 100000 < 8 THEN n % 100000 ELSE n % 43200 END * interval '1 minute'
      FROM generate_series(1, ${SCANS}) n`,
  );
  await timed(
    'diary entries (a spray and a harvest per organisation, 1 in 500 too early)',
    sql`
    INSERT INTO diary_entries (organisation_id, location_id, season, entry_date, kind, input_name, withdrawal_days, event_id)
      SELECT md5('org' || k)::uuid, md5('loc' || k)::uuid, 'Vụ 2026', ${at}::date - 60, 'pesticide', 'Thuốc', 14, 'urn:uuid:' || md5('d1' || k)::uuid
      FROM generate_series(1, ${ORGS}) k`,
    sql`INSERT INTO diary_entries (organisation_id, location_id, season, entry_date, kind, event_id)
      SELECT md5('org' || k)::uuid, md5('loc' || k)::uuid, 'Vụ 2026', ${at}::date - CASE WHEN k % 500 = 0 THEN 50 ELSE 30 END,
        'harvest', 'urn:uuid:' || md5('d2' || k)::uuid
      FROM generate_series(1, ${ORGS}) k`,
  );
  await timed('ANALYZE', sql`ANALYZE`);

  console.log(`\nBaseline: plain scans of the same tables`);
  const t0 = performance.now();
  for (const table of [
    'organisations',
    'products',
    'epcis_events',
    'epcis_event_ids',
    'stamp_scans',
    'diary_entries',
  ]) {
    const t1 = performance.now();
    const r = (await exec(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as unknown as {
      rows: { n: number }[];
    };
    console.log(
      `  count(*) ${table}: ${r.rows[0].n} rows in ${((performance.now() - t1) / 1000).toFixed(2)} s`,
    );
  }
  const baseline = (performance.now() - t0) / 1000;
  console.log(`  baseline total: ${baseline.toFixed(1)} s`);

  console.log(`\nChecks`);
  const config = loadConfig({});
  let total = 0;
  for (const check of allChecks(config)) {
    const t1 = performance.now();
    const findings = await check.run(db, { now });
    const s = (performance.now() - t1) / 1000;
    total += s;
    console.log(`  ${check.name}: ${s.toFixed(1)} s, ${findings.length} findings`);
  }
  console.log(
    `\nAll checks: ${total.toFixed(1)} s (aim < 60 s) beside a plain scan of ${baseline.toFixed(1)} s; ` +
      `${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
  );
} finally {
  await database.close();
}
