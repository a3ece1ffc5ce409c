/**
 * Issue 15 §2: a decade of data on one PostgreSQL with monthly partitions (decision 054). Ten years of a province —
 * 20,000 organisations, 100,000 products, 10,000,000 EPCIS events, up to 100,000,000 stamp scans — generated with
 * set-based SQL (bench/province-data.ts) into a fresh database, then, each beside a baseline in the same run:
 *   - trace p50 at the end of a 10-step chain captured through the service (baseline: one findEventsByIds);
 *   - capture events/s through captureEpcisDocument (baseline: the same rows as plain batched INSERTs);
 *   - the annual report of the last year (baseline: a plain count(*) of the same tables);
 *   - a resolver scan's database work, recordScanWithStats (baseline: SELECT 1);
 *   - which partitions a year's count reads (EXPLAIN), and the disk used per million events and per million scans.
 * PostgreSQL only (an admin URL; the database txng_bench_decade is created, and dropped unless TXNG_BENCH_KEEP=1):
 *   TXNG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/decade.bench.ts
 * TXNG_BENCH_EVENTS, TXNG_BENCH_SCANS: the sizes; TXNG_BENCH_SCAN_MINUTES: stop writing scans after that long (the
 * figures then say how many were written).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { extractEvents } from '../src/epcis/epcis.extract.ts';
import { captureEpcisDocument, findEventsByIds } from '../src/epcis/epcis.service.ts';
import type { Actor } from '../src/platform/auth.ts';
import { type Db, openDatabase } from '../src/platform/db.ts';
import { computeContent, reportPeriod } from '../src/reports/index.ts';
import { recordScanWithStats } from '../src/stamps/scans.repo.ts';
import { traceFrom } from '../src/trace/trace.service.ts';
import { generateProvince, provinceTables } from './province-data.ts';
import { chainLot, reportPlan, shippingEvents, traceChainEvents } from './workloads.ts';

const adminUrl = process.env.TXNG_BENCH_DATABASE_URL;
if (!adminUrl) {
  console.error(
    'Set TXNG_BENCH_DATABASE_URL to a PostgreSQL admin URL (this bench runs on PostgreSQL only).',
  );
  process.exit(1);
}
const events = Number(process.env.TXNG_BENCH_EVENTS ?? 10_000_000);
const scans = Number(process.env.TXNG_BENCH_SCANS ?? 100_000_000);
const scanMinutes = Number(process.env.TXNG_BENCH_SCAN_MINUTES ?? 40);
const runs = Number(process.env.TXNG_BENCH_RUNS ?? 200);
const year = 2026;
const years = 10;
const name = 'txng_bench_decade';
const load = () => os.loadavg()[0]!.toFixed(1);
const results: Record<string, unknown> = { events, scansAsked: scans, years, cores: os.cpus().length };

async function admin(query: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** p50 and p99 of `n` timed calls after a few untimed ones. */
async function time(n: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(10, n); i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const pick = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: pick(0.5), p99: pick(0.99) };
}

// ---- the trace chain (bench/workloads.ts, as bench/trace.ts): a harvest, then ten transformations
const lotId = chainLot('DECADE');
const steps = 10;

async function captureChain(db: Db) {
  await captureEpcisDocument(db, epcisDocument(traceChainEvents(lotId, steps)), { organisationId: null });
}

function epcisDocument(eventList: Record<string, unknown>[]) {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2026-06-01T00:00:00Z',
    epcisBody: { eventList },
  };
}

// ---- capture (as bench/capture.ts): documents of 1,000 shipping events, two EPCs and two links each
const eventsPerDocument = 1000;
// new events on every run, also on a database a run kept (the same content would be the same eventIDs: skipped)
const runTag = Date.now().toString(36);
const captureDocuments = Number(process.env.TXNG_BENCH_DOCUMENTS ?? 10);
function captureDocument(run: string) {
  return epcisDocument(shippingEvents(run, eventsPerDocument, 2026));
}

/** The baseline: the same rows as plain multi-row INSERTs, one per table, in one transaction. */
async function rawInsert(db: Db, { rows: evs, ids, links }: ReturnType<typeof extractEvents>) {
  const captureId = crypto.randomUUID();
  await db.transaction(async (tx) => {
    const inserted = (await tx.execute(sql`
      INSERT INTO epcis_events (event_id, is_error_declaration, event_type, event_time, event_time_zone_offset, action,
        biz_step, disposition, read_point, biz_location, capture_id, content_hash, document)
      VALUES ${sql.join(
        evs.map(
          (r) => sql`(${r.eventId}, ${r.isErrorDeclaration}, ${r.eventType}, ${r.eventTime}::timestamptz,
            ${r.eventTimeZoneOffset}, ${r.action}, ${r.bizStep}, ${r.disposition}, ${r.readPoint}, ${r.bizLocation},
            ${captureId}::uuid, ${r.contentHash}, ${JSON.stringify(r.document)}::jsonb)`,
        ),
        sql`, `,
      )}
      RETURNING id, event_id`)) as unknown as { rows: { id: number; event_id: string }[] };
    const pk = new Map(inserted.rows.map((r) => [r.event_id, r.id]));
    await tx.execute(
      sql`INSERT INTO epcis_event_ids (event_pk, id, role, is_class, quantity, uom) VALUES ${sql.join(
        ids.map(
          (x) => sql`(${pk.get(x.eventId)}, ${x.id}, ${x.role}, ${x.isClass}, ${x.quantity}, ${x.uom})`,
        ),
        sql`, `,
      )}`,
    );
    await tx.execute(
      sql`INSERT INTO epcis_event_links (event_pk, kind, type, value) VALUES ${sql.join(
        links.map((x) => sql`(${pk.get(x.eventId)}, ${x.kind}, ${x.type}, ${x.value})`),
        sql`, `,
      )}`,
    );
  });
}

async function captureRate(label: string, run: (i: number) => Promise<void>) {
  await run(-1); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < captureDocuments; i++) await run(i);
  const seconds = (performance.now() - t0) / 1000;
  return {
    label,
    eventsPerSecond: Math.round((captureDocuments * eventsPerDocument) / seconds),
    load: load(),
  };
}

/** Partitions (of the parents named) an EXPLAIN of `query` reads. */
async function partitionsRead(db: Db, query: string) {
  const [plan] = await rows<{ 'QUERY PLAN': unknown }>(db, sql.raw(`EXPLAIN (FORMAT JSON) ${query}`));
  const names = new Set<string>();
  const walk = (node: any) => {
    if (node?.['Relation Name']) names.add(node['Relation Name']);
    for (const child of node?.Plans ?? []) walk(child);
  };
  const json = plan!['QUERY PLAN'] as any;
  walk((typeof json === 'string' ? JSON.parse(json) : json)[0].Plan);
  return [...names].sort();
}

// TXNG_BENCH_REUSE=1 measures again on the database a run kept (TXNG_BENCH_KEEP=1), without generating it again
const reuse = process.env.TXNG_BENCH_REUSE === '1';
// TXNG_BENCH_ONLY=capture,trace: only those measures (with TXNG_BENCH_REUSE)
const only = process.env.TXNG_BENCH_ONLY?.split(',');
const want = (part: string) => !only || only.includes(part);
if (!reuse) {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
}
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null });
const db = database.db;
try {
  console.log(
    `${new Date().toISOString()} load ${load()}: generating ${years} years, ${events} events, ${scans} scans`,
  );
  const t0 = performance.now();
  await db.execute(sql`SET maintenance_work_mem = '512MB'`);
  const generated = reuse
    ? { scans: Number((await rows<{ n: string }>(db, sql`SELECT count(*) AS n FROM stamp_scans`))[0]!.n) }
    : await generateProvince(db, { organisations: 20_000, products: 100_000, events, scans }, year, {
        years,
        scanBudgetMs: scanMinutes * 60_000,
      });
  results.scans = generated.scans;
  results.loadMinutes = +((performance.now() - t0) / 60_000).toFixed(1);
  console.log(`${new Date().toISOString()} load ${load()}: generated in ${results.loadMinutes} min`);

  // ---- disk
  const [disk] = await rows<Record<string, string>>(
    db,
    sql`SELECT
      (SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'epcis_events'::regclass) AS events,
      (SELECT count(*) FROM pg_inherits WHERE inhparent = 'epcis_events'::regclass) AS "eventPartitions",
      pg_total_relation_size('epcis_event_keys') AS keys,
      pg_total_relation_size('epcis_event_ids') AS ids,
      pg_total_relation_size('epcis_event_links') AS links,
      (SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'stamp_scans'::regclass) AS scans,
      (SELECT count(*) FROM pg_inherits WHERE inhparent = 'stamp_scans'::regclass) AS "scanPartitions",
      pg_database_size(current_database()) AS database`,
  );
  const mb = (b: string | number) => Number(b) / 1048576;
  const eventBytes = Number(disk!.events) + Number(disk!.keys) + Number(disk!.ids) + Number(disk!.links);
  results.disk = {
    ...Object.fromEntries(Object.entries(disk!).map(([k, v]) => [k, Number(v)])),
    mbPerMillionEvents: +(mb(eventBytes) / (events / 1e6)).toFixed(0),
    mbPerMillionEventsTableOnly: +(mb(disk!.events!) / (events / 1e6)).toFixed(0),
    mbPerMillionScans: generated.scans ? +(mb(disk!.scans!) / (generated.scans / 1e6)).toFixed(0) : null,
  };
  console.log('disk', results.disk);

  // ---- pruning: a year's count reads that year's partitions only
  const from = `${year}-01-01T00:00:00+07:00`;
  const to = `${year + 1}-01-01T00:00:00+07:00`;
  results.pruning = {
    scansOfAYear: await partitionsRead(
      db,
      `SELECT count(*) FROM stamp_scans WHERE at >= '${from}' AND at < '${to}'`,
    ),
    eventsOfAYear: await partitionsRead(
      db,
      `SELECT count(*) FROM epcis_events WHERE record_time >= '${from}' AND record_time < '${to}'`,
    ),
  };
  console.log('pruning', results.pruning);

  // ---- trace
  if (want('trace')) await captureChain(db);
  await db.execute(sql`ANALYZE epcis_event_ids, epcis_event_links, epcis_event_keys`);
  const last = lotId(steps);
  const check = await traceFrom(db, { id: last, direction: 'backward', actor: null });
  if (want('trace') && !check.items.some((i) => i.id === lotId(0)))
    throw new Error('the trace did not reach the first lot');
  if (want('trace'))
    results.trace = {
      load: load(),
      items: check.items.length,
      events: check.events.length,
      trace: await time(runs, () => traceFrom(db, { id: last, direction: 'backward', actor: null })),
      baseline: await time(runs, () => findEventsByIds(db, { ids: [last] })),
    };
  console.log('trace', JSON.stringify(results.trace));

  // ---- capture
  if (want('capture'))
    results.capture = [
      await captureRate('raw batched INSERT (baseline)', async (i) => {
        const doc = captureDocument(`raw${runTag}-${i}`);
        await rawInsert(db, extractEvents(doc, doc.epcisBody.eventList));
      }),
      await captureRate('captureEpcisDocument (service)', async (i) => {
        await captureEpcisDocument(db, captureDocument(`svc${runTag}-${i}`), { organisationId: null });
      }),
    ];
  console.log('capture', JSON.stringify(results.capture));

  // ---- resolver: a scan's database work on a stamp of the data, against the baseline of a round trip
  const limits = { windowHours: 72, repeatMinutes: 10, networkCap: 1000, networkCapHours: 1 };
  if (want('resolver'))
    results.resolver = {
      load: load(),
      recordScan: await time(runs, (i) =>
        recordScanWithStats(
          db,
          { gtin: '08930000000001', serial: 1 + (i + 100) * 7, network: `bench${i}` },
          limits,
        ),
      ),
      baseline: await time(runs, () => db.execute(sql`SELECT 1`)),
    };
  console.log('resolver', JSON.stringify(results.resolver));

  // ---- the annual report of the last year, beside a plain count(*) of the same tables
  if (!want('report')) throw new Error('done: the annual report was not asked for');
  const actor: Actor = {
    kind: 'user',
    id: crypto.randomUUID(),
    name: 'Bench',
    role: 'dost_admin',
    organisationIds: [],
    sector: null,
    communes: [],
  };
  const plan = await reportPlan(db, actor, year);
  const counts: Record<string, number> = {};
  const c0 = performance.now();
  for (const table of provinceTables) {
    const [r] = await rows<{ n: string }>(db, sql.raw(`SELECT count(*)::bigint AS n FROM ${table}`));
    counts[table] = Number(r!.n);
  }
  const countSeconds = (performance.now() - c0) / 1000;
  const period = reportPeriod({ kind: 'annual', year });
  const firstReport = performance.now();
  await computeContent(db, plan.id, period); // the first one rolls up what it finds (decision 052)
  const firstSeconds = (performance.now() - firstReport) / 1000;
  const reportTimes: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    await computeContent(db, plan.id, period);
    reportTimes.push((performance.now() - t) / 1000);
  }
  reportTimes.sort((a, b) => a - b);
  results.annualReport = {
    load: load(),
    firstSeconds: +firstSeconds.toFixed(2),
    medianSeconds: +reportTimes[2]!.toFixed(2),
    countStarSeconds: +countSeconds.toFixed(2),
    counts,
  };
  console.log('annual report', JSON.stringify(results.annualReport));
} finally {
  fs.writeFileSync(
    process.env.TXNG_BENCH_OUT ?? '/tmp/decade-results.json',
    JSON.stringify(results, null, 2),
  );
  console.log(JSON.stringify(results, null, 2));
  await database.close();
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (process.env.TXNG_BENCH_KEEP !== '1') await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
