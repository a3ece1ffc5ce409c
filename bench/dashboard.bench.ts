/**
 * Dashboard benchmark (issue 13 §3: the dashboard's first paint under 1 s): GET /api/dashboard over a province of
 * 20,000 organisations, 100,000 products, 1,000,000 events and 10,000,000 scans (bench/province-data.ts), each
 * organisation placed in one of the province's communes with one located place, beside a bare route and a plain
 * count(*) in the same run. PostgreSQL only (TXNG_BENCH_DATABASE_URL, an admin URL: a fresh database is created
 * and dropped):
 *   TXNG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/dashboard.bench.ts
 * TXNG_BENCH_SCALE=0.1 runs a tenth of the sizes (a quick look).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import * as repo from '../src/dashboard/dashboard.repo.ts';
import { scanMark } from '../src/dashboard/dashboard.rollup.ts';
import { monthPeriod } from '../src/dashboard/dashboard.service.ts';
import { administrativeUnits } from '../src/registry/index.ts';
import { createTestApp } from '../src/test/app.ts';
import { generateProvince, placeInCommunes, provinceSize } from './province-data.ts';

if (!process.env.TXNG_BENCH_DATABASE_URL) {
  console.error(
    'Set TXNG_BENCH_DATABASE_URL to a PostgreSQL admin URL (the dashboard bench runs on PostgreSQL only).',
  );
  process.exit(1);
}
process.env.TXNG_TEST_DATABASE_URL = process.env.TXNG_BENCH_DATABASE_URL;

const scale = Number(process.env.TXNG_BENCH_SCALE ?? 1);
const runs = Number(process.env.TXNG_BENCH_RUNS ?? 15);
// the generator spreads everything over `year - 1` and `year`: last year's data is all in the past
const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear() - 1;
const size = provinceSize(scale);

const t = await createTestApp();
const admin = t.as({ role: 'dost_admin' });
const units = administrativeUnits().units.map((u) => u.code);
const officer = t.as({ role: 'commune_officer', communes: units.slice(0, 2) });

async function timeIt(label: string, fn: () => Promise<unknown>) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  console.log(`  ${label}: median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms`);
}

const get = (url: string, headers: Record<string, string>) => async () => {
  const res = await t.app.inject({ method: 'GET', url, headers });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res;
};

try {
  console.log(
    `Generating ${size.organisations} organisations, ${size.products} products, ${size.events} events, ${size.scans} scans over ${year - 1}–${year} …`,
  );
  await generateProvince(t.db, size, year);
  await placeInCommunes(t.db, units);

  const period = `from=${year}-01&to=${year}-12`;
  const t1 = performance.now();
  await get(`/api/dashboard?${period}`, admin)();
  console.log(
    `  first request (rolls up every scan so far by month): ${((performance.now() - t1) / 1000).toFixed(1)} s`,
  );

  console.log(`Timed, ${runs} runs each (in-process HTTP, PostgreSQL):`);
  await timeIt('GET /api/auth/me (bare route)', get('/api/auth/me', admin));
  await timeIt(`GET /api/dashboard?${period} (admin, the province)`, get(`/api/dashboard?${period}`, admin));
  await timeIt(
    `GET /api/dashboard?from=${year - 1}-01&to=${year}-12 (24 months)`,
    get(`/api/dashboard?from=${year - 1}-01&to=${year}-12`, admin),
  );
  await timeIt(
    `GET /api/dashboard?sector=agriculture&commune=${units[3]}&${period}`,
    get(`/api/dashboard?sector=agriculture&commune=${units[3]}&${period}`, admin),
  );
  await timeIt(
    `GET /api/dashboard?${period} (commune officer, 2 communes)`,
    get(`/api/dashboard?${period}`, officer),
  );
  console.log('Each query of the province answer alone (median):');
  const all = { sector: null, communes: null };
  const p = monthPeriod(`${year}-01`, `${year}-12`);
  const mark = await scanMark(t.db);
  const parts: [string, () => Promise<unknown>][] = [
    ['organisations', () => repo.organisationCounts(t.db, all, p)],
    ['products (by the end, and approved by month: one pass)', () => repo.productFigures(t.db, all, p)],
    ['lots', () => repo.lotCounts(t.db, all, p)],
    ['stamps issued', () => repo.stampsIssued(t.db, all, p)],
    ['stamps activated', () => repo.stampsActivated(t.db, all, p)],
    ['scans (roll-up by commune + tail)', () => repo.scansByCommune(t.db, all, p, mark)],
    ["scans (the organisations' roll-up + tail, before it is filled)", () => repo.scans(t.db, all, p, mark)],
    ['inspections', () => repo.inspections(t.db, all, p)],
    ['violations', () => repo.violations(t.db, all, p)],
    ['consumer reports', () => repo.consumerReports(t.db, all, p)],
    ['organisations approved by month', () => repo.organisationsApprovedByMonth(t.db, all, p)],
    ['commune positions', () => repo.communePositions(t.db, all)],
  ];
  for (const [label, fn] of parts) await timeIt(label, fn);
  for (const table of ['organisations', 'stamp_scans'])
    await timeIt(`SELECT count(*) FROM ${table}`, () =>
      t.db.execute(sql.raw(`SELECT count(*) FROM ${table}`)),
    );
  const rolled = (await t.db.execute(
    sql`SELECT count(*)::int AS n FROM dashboard_scan_months`,
  )) as unknown as {
    rows: { n: number }[];
  };
  console.log(`  dashboard_scan_months: ${rolled.rows[0].n} rows`);
} finally {
  await t.close();
}
