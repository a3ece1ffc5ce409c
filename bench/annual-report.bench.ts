/**
 * Annual report benchmark (issue 13 §3): the annual report of a province of 20,000 organisations, 100,000 products,
 * 1,000,000 EPCIS events and 10,000,000 stamp scans, aim < 3 s, beside a plain count(*) of the same tables in the
 * same run. The report is computed as a draft shows it and as issuing freezes it: every indicator of the plan (one
 * per registered formula, with a target) and every key figure as of 31 December.
 * PostgreSQL only (TXNG_BENCH_DATABASE_URL, an admin URL: a fresh database is created and dropped):
 *   TXNG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/annual-report.bench.ts
 * TXNG_BENCH_SCALE=0.1 runs a tenth of the sizes (a quick look); TXNG_BENCH_RUNS the timed runs (default 7).
 * TXNG_BENCH_YEARS=10 spreads the same rows over ten years ending with the report's (default 2), to see which parts
 * grow with history (issue 15 §2). TXNG_BENCH_DB=name keeps the data in that scratch database (created afresh, left
 * after the run; an existing one only with TXNG_BENCH_DROP=1); with TXNG_BENCH_REUSE=1 the run measures again on it
 * without generating anything, with the bench plan it holds (made if it has none; bench/decade.bench.ts makes the same).
 * The first report on data loaded with SQL fills the roll-ups: the warm-up run, printed apart, not in the median.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { indicatorFormulas } from '../src/plan/index.ts';
import { type Database, openDatabase } from '../src/platform/db.ts';
import type { Actor } from '../src/platform/index.ts';
import { computeContent, keyFigureKeys, keyFigures, reportPeriod } from '../src/reports/index.ts';
import { openTestDatabase } from '../src/test/app.ts';
import { generateProvince, provinceSize, provinceTables } from './province-data.ts';
import { reportPlan } from './workloads.ts';

if (!process.env.TXNG_BENCH_DATABASE_URL) {
  console.error(
    'Set TXNG_BENCH_DATABASE_URL to a PostgreSQL admin URL (the report bench runs on PostgreSQL only).',
  );
  process.exit(1);
}
process.env.TXNG_TEST_DATABASE_URL = process.env.TXNG_BENCH_DATABASE_URL;

const size = provinceSize(Number(process.env.TXNG_BENCH_SCALE ?? 1));
const runs = Number(process.env.TXNG_BENCH_RUNS ?? 7);
const years = Number(process.env.TXNG_BENCH_YEARS ?? 2);
const keptName = process.env.TXNG_BENCH_DB;
const reuse = process.env.TXNG_BENCH_REUSE === '1';
if (keptName && !/^[a-z_][a-z0-9_]*$/.test(keptName))
  throw new Error('TXNG_BENCH_DB: a plain lower-case name');
if (reuse && !keptName) throw new Error('TXNG_BENCH_REUSE needs TXNG_BENCH_DB');
const year = 2026;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const admin: Actor = {
  kind: 'user',
  id: crypto.randomUUID(),
  name: 'Bench',
  role: 'dost_admin',
  organisationIds: [],
  sector: null,
  communes: [],
};

/** A kept scratch database of its own name (TXNG_BENCH_DB), else a fresh test database dropped after the run. */
async function open(): Promise<{ db: Database['db']; close: () => Promise<void> }> {
  if (!keptName) return openTestDatabase();
  const adminUrl = process.env.TXNG_BENCH_DATABASE_URL!;
  if (!reuse) {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [keptName]);
    // a kept database is never dropped by a mistyped name: only with TXNG_BENCH_DROP=1
    if (exists.rows.length && process.env.TXNG_BENCH_DROP !== '1') {
      await c.end();
      throw new Error(
        `${keptName} exists: TXNG_BENCH_REUSE=1 to measure on it, TXNG_BENCH_DROP=1 to load it afresh`,
      );
    }
    await c.query(`DROP DATABASE IF EXISTS ${keptName} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${keptName}`);
    await c.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${keptName}`;
  const d = await openDatabase({ databaseUrl: url.toString(), dataDir: null });
  return { db: d.db, close: () => d.close() };
}

const database = await open();
const db = database.db;
try {
  let planId: string;
  if (reuse) {
    const r = (await db.execute(
      sql`SELECT id FROM plans WHERE title = 'Kế hoạch truy xuất nguồn gốc (bench)' ORDER BY created_at DESC LIMIT 1`,
    )) as unknown as { rows: { id: string }[] };
    // a database loaded by another bench (bench/decade.bench.ts) may not have the plan yet
    planId = r.rows[0]?.id ?? (await reportPlan(db, admin, year)).id;
    console.log(`Reusing ${keptName} (plan ${planId})`);
  } else {
    console.log(
      `Generating ${size.organisations} organisations, ${size.products} products, ${size.events} events, ${size.scans} scans over ${years} years …`,
    );
    await db.execute(sql`SET maintenance_work_mem = '512MB'`);
    await generateProvince(db, size, year, { years });
    // the plan: one indicator per registered formula, each with a target for the year
    planId = (await reportPlan(db, admin, year)).id;
  }

  console.log('\nBaseline: plain count(*) of the same tables');
  let baseline = 0;
  for (const table of provinceTables) {
    const t0 = performance.now();
    const r = (await db.execute(sql.raw(`SELECT count(*)::bigint AS n FROM ${table}`))) as unknown as {
      rows: { n: string }[];
    };
    const ms = performance.now() - t0;
    baseline += ms;
    console.log(`  count(*) ${table}: ${r.rows[0]!.n} rows in ${seconds(ms)} s`);
  }
  console.log(`  baseline total: ${seconds(baseline)} s`);

  const period = reportPeriod({ kind: 'annual', year });
  console.log(
    `\nAnnual report ${period.from} – ${period.to}: ${indicatorFormulas().length} indicators, key figures`,
  );
  const times: number[] = [];
  const w0 = performance.now();
  let last = await computeContent(db, planId, period); // warm-up (fills the roll-ups on SQL-loaded data), not counted
  console.log(
    `  warm-up (first report): ${seconds(performance.now() - w0)} s, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    last = await computeContent(db, planId, period);
    times.push(performance.now() - t0);
  }
  for (const i of last.indicators) console.log(`  ${i.code} ${i.name}: ${i.value} (target ${i.target})`);
  for (const f of last.figures)
    console.log(`  ${f.label.en}: ${f.inPeriod} in ${year}, ${f.total} by its end`);
  // where the time goes: each formula, then each key figure, one at a time
  console.log('\nBreakdown (one at a time)');
  for (const f of indicatorFormulas()) {
    const t0 = performance.now();
    await f.compute(db, period);
    console.log(`  formula ${f.key}: ${seconds(performance.now() - t0)} s`);
  }
  for (const key of keyFigureKeys) {
    const t0 = performance.now();
    await keyFigures(db, period.from, period.to, [key]);
    console.log(`  key figure ${key}: ${seconds(performance.now() - t0)} s`);
  }
  console.log(
    `\nAnnual report: median ${seconds(percentile(times, 50))} s, p95 ${seconds(percentile(times, 95))} s over ${runs} runs ` +
      `(aim < 3 s) beside a plain count(*) of ${seconds(baseline)} s; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
} finally {
  await database.close();
}
