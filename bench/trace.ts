/**
 * Trace latency at the end of a 10-step chain in a database of 1,000,000 events.
 *
 *   npx tsx bench/trace.ts                 # PostgreSQL (scratch database txng_bench_trace) and PGlite
 *   npx tsx bench/trace.ts --only=postgres --events=1000000 --runs=200
 *
 * The filler events are written with INSERT … SELECT generate_series straight into the EPCIS tables (a bench
 * may; the program never does); the chain itself is captured through the EPCIS service, and the trace goes
 * through `traceFrom`, as the API does. The baseline is one indexed lookup of the events naming the last lot.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { captureEpcisDocument, findEventsByIds } from '../src/epcis/epcis.service.ts';
import { buildDigitalLink } from '../src/gs1/index.ts';
import { type Database, type Db, openDatabase } from '../src/platform/db.ts';
import { traceFrom } from '../src/trace/trace.service.ts';
import { walkEvents } from '../src/trace/trace.walk.ts';
import { benchGln, benchGtin, chainLot, traceChainEvents } from './workloads.ts';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const adminUrl = args.url ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const steps = 10;

const gtin = benchGtin;
const gln = benchGln;
const lotId = chainLot('BENCH');

/** Filler: `count` events over 100,000 lots, each with one class-level id and one source, in batches. */
async function fill(db: Db, count: number) {
  const batch = 100_000;
  const captureId = '00000000-0000-4000-8000-00000000b0b0';
  const place = buildDigitalLink([{ ai: '414', value: gln(1) }]);
  const party = buildDigitalLink([{ ai: '417', value: gln(2) }]);
  const filler = buildDigitalLink([{ ai: '01', value: gtin(999_999) }]);
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await db.execute(sql`
      WITH ev AS (
        INSERT INTO epcis_events (event_id, event_type, event_time, event_time_zone_offset, action, biz_step,
          disposition, read_point, biz_location, capture_id, content_hash, document)
        SELECT 'urn:uuid:fill-' || g, 'ObjectEvent', timestamptz '2025-01-01' + g * interval '20 seconds', '+07:00',
          'OBSERVE', 'shipping', 'in_transit', ${place}, ${place}, ${captureId}::uuid, 'fill-' || g,
          jsonb_build_object('type', 'ObjectEvent', 'eventID', 'urn:uuid:fill-' || g, 'bizStep', 'shipping')
        FROM generate_series(${from}::int, ${to}::int) g
        RETURNING id
      ), ids AS (
        INSERT INTO epcis_event_ids (event_pk, id, role, is_class, quantity, uom)
        SELECT id, ${filler} || '/10/F' || (id % 100000), 'epc', true, 10, 'KGM' FROM ev
      )
      INSERT INTO epcis_event_links (event_pk, kind, type, value)
      SELECT id, 'source', 'owning_party', ${party} FROM ev`);
  }
  await db.execute(sql`ANALYZE`);
}

/** The real chain: a harvest, then ten transformations, each shipped and received, captured through the service. */
async function captureChain(db: Db) {
  const at = (minutes: number) => new Date(Date.UTC(2026, 5, 1) + minutes * 60_000).toISOString();
  const events = traceChainEvents(lotId, steps);
  const document = {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: at(0),
    epcisBody: { eventList: events },
  };
  await captureEpcisDocument(db, document, { organisationId: null });
  return events.length;
}

async function time(runs: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(20, runs); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const pick = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { p50: pick(0.5), p99: pick(0.99) };
}

async function run(kind: 'postgres' | 'pglite', count: number, runs: number) {
  let database: Database;
  let drop = async () => {};
  if (kind === 'postgres') {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS txng_bench_trace WITH (FORCE)');
    await admin.query('CREATE DATABASE txng_bench_trace');
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = '/txng_bench_trace';
    database = await openDatabase({ databaseUrl: url.toString(), dataDir: null });
    drop = async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query('DROP DATABASE IF EXISTS txng_bench_trace WITH (FORCE)');
      await dropper.end();
    };
  } else {
    database = await openDatabase({ databaseUrl: null, dataDir: null });
  }
  try {
    const t0 = performance.now();
    await fill(database.db, count);
    const fillSeconds = (performance.now() - t0) / 1000;
    const chainEvents = await captureChain(database.db);
    const last = lotId(steps);
    const check = await traceFrom(database.db, { id: last, direction: 'backward', actor: null });
    if (!check.items.some((i) => i.id === lotId(0))) throw new Error('the trace did not reach the first lot');
    const traced = await time(runs, () =>
      traceFrom(database.db, { id: last, direction: 'backward', actor: null }),
    );
    const walk = await time(runs, () =>
      walkEvents([last], 'backward', (ids) => findEventsByIds(database.db, { ids })),
    );
    const baseline = await time(runs, () => findEventsByIds(database.db, { ids: [last] }));
    return {
      kind,
      count: count + chainEvents,
      fillSeconds,
      items: check.items.length,
      events: check.events.length,
      traced,
      walk,
      baseline,
    };
  } finally {
    await database.close();
    // the pool's sockets close a moment after end() resolves; a forced drop before that kills them mid-close
    await new Promise((resolve) => setTimeout(resolve, 500));
    await drop();
  }
}

const only = args.only as string | undefined;
const results = [];
if (!only || only === 'postgres') {
  results.push(await run('postgres', Number(args.events ?? 1_000_000), Number(args.runs ?? 200)));
}
if (!only || only === 'pglite') {
  results.push(
    await run('pglite', Number(args['pglite-events'] ?? args.events ?? 1_000_000), Number(args.runs ?? 100)),
  );
}
const ms = (v: number) => v.toFixed(2);
console.log(
  '\n| database | events | fill (s) | items / events found | trace p50 (ms) | trace p99 (ms) | walk only p50 / p99 (ms) | baseline p50 (ms) | baseline p99 (ms) |',
);
console.log('|---|---:|---:|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| ${r.kind} | ${r.count.toLocaleString('en')} | ${r.fillSeconds.toFixed(1)} | ${r.items} / ${r.events} | ${ms(r.traced.p50)} | ${ms(r.traced.p99)} | ${ms(r.walk.p50)} / ${ms(r.walk.p99)} | ${ms(r.baseline.p50)} | ${ms(r.baseline.p99)} |`,
  );
}
console.log(
  `\nTrace: backward from the lot at the end of a ${steps}-step chain (traceFrom, registry lookups included).`,
);
console.log(
  'Walk only: the breadth-first walk without the registry lookups that name products, parties and places.',
);
console.log('Baseline: one findEventsByIds call for that lot (a single indexed lookup).');
