/**
 * EPCIS capture throughput: documents of 1,000 events through the service, through HTTP (inject), and the same
 * rows written by a plain batched INSERT, in one run. `npx tsx bench/capture.ts`; DATABASE_URL=postgres://…
 * runs on PostgreSQL in a scratch database `txng_bench_capture` (created and dropped), else on PGlite in memory.
 * CONCURRENCY=4 captures four documents at once; BENCH_DOCUMENTS=n documents per path (default 10).
 * `--only=service` (or raw, http; comma-separated) times only those paths and skips the reads: for
 * `node --import tsx --cpu-prof bench/capture.ts --only=service`.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { extractEvents } from '../src/epcis/epcis.extract.ts';
import { captureEpcisDocument, findEventsByIds, findEventsByLinkValues } from '../src/epcis/epcis.service.ts';
import type { Actor } from '../src/platform/auth.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Db } from '../src/platform/db.ts';
import { backendsCpu, backendsCpuSince } from './process-cpu.ts';
import { openBenchDatabase } from './scratch-database.ts';
import { insertCapturer, shippingEvents } from './workloads.ts';

const eventsPerDocument = 1000;
const documentsPerPath = Number(process.env.BENCH_DOCUMENTS ?? 10);
const organisationId = '00000000-0000-4000-8000-0000000000be';

/** A realistic shipping event: two serialised items, a read point, a source and a destination, no eventID (hashed). */
function document(run: string) {
  const events = shippingEvents(run, eventsPerDocument, 2024);
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-05-01T00:00:00Z',
    epcisBody: { eventList: events },
  };
}

/** The baseline: the same rows (extracted beforehand) as plain multi-row INSERTs, one per table, in one transaction. */
async function rawInsert(db: Db, { rows, ids, links }: ReturnType<typeof extractEvents>) {
  const captureId = crypto.randomUUID();
  await db.transaction(async (tx) => {
    const inserted = (await tx.execute(sql`
      INSERT INTO epcis_events (event_id, is_error_declaration, event_type, event_time, event_time_zone_offset, action,
        biz_step, disposition, read_point, biz_location, organisation_id, capture_id, content_hash, document)
      VALUES ${sql.join(
        rows.map(
          (r) => sql`(${r.eventId}, ${r.isErrorDeclaration}, ${r.eventType}, ${r.eventTime}::timestamptz,
            ${r.eventTimeZoneOffset}, ${r.action}, ${r.bizStep}, ${r.disposition}, ${r.readPoint}, ${r.bizLocation},
            ${organisationId}::uuid, ${captureId}::uuid, ${r.contentHash}, ${JSON.stringify(r.document)}::jsonb)`,
        ),
        sql`, `,
      )}
      RETURNING id, event_id`)) as unknown as { rows: { id: number; event_id: string }[] };
    const pk = new Map(inserted.rows.map((r) => [r.event_id, r.id]));
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000);
      await tx.execute(
        sql`INSERT INTO epcis_event_ids (event_pk, id, role, is_class, quantity, uom) VALUES ${sql.join(
          chunk.map(
            (x) => sql`(${pk.get(x.eventId)}, ${x.id}, ${x.role}, ${x.isClass}, ${x.quantity}, ${x.uom})`,
          ),
          sql`, `,
        )}`,
      );
    }
    await tx.execute(
      sql`INSERT INTO epcis_event_links (event_pk, kind, type, value) VALUES ${sql.join(
        links.map((x) => sql`(${pk.get(x.eventId)}, ${x.kind}, ${x.type}, ${x.value})`),
        sql`, `,
      )}`,
    );
  });
}

const concurrency = Number(process.env.CONCURRENCY ?? 1);
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const runs = (path: 'raw' | 'service' | 'http') => !only || only.includes(path);

/** PostgreSQL's backends of the bench database, for their CPU per 1,000 events (PGlite runs in this process). */
let postgres: { query(text: string): Promise<{ rows: { pid: number }[] }> } | null = null;

/** Inputs are built before the clock starts; one extra warm-up document (JIT, plans, schema compile) is not timed. */
async function time<T>(label: string, prepare: (i: number) => T, run: (input: T) => Promise<void>) {
  const inputs = Array.from({ length: documentsPerPath + 1 }, (_, i) => prepare(i));
  await run(inputs[0]);
  const pgStart = postgres ? await backendsCpu(postgres) : null;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  // `concurrency` lanes capture at once, as several clients would; each lane takes the next document
  let next = 1;
  const lane = async () => {
    while (next <= documentsPerPath) await run(inputs[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const cpu = process.cpuUsage(cpuStart);
  const seconds = (performance.now() - start) / 1000;
  const cpuMsPerThousand = (cpu.user + cpu.system) / 1000 / documentsPerPath;
  const pgMsPerThousand =
    postgres && pgStart ? backendsCpuSince(pgStart, await backendsCpu(postgres)) / documentsPerPath : null;
  return {
    label,
    seconds,
    rate: (documentsPerPath * eventsPerDocument) / seconds,
    cpuMsPerThousand,
    pgMsPerThousand,
  };
}

/** `time`, or nothing when `--only` leaves the path out. */
function timeIf<T>(
  path: 'raw' | 'service' | 'http',
  label: string,
  prepare: (i: number) => T,
  run: (input: T) => Promise<void>,
) {
  return runs(path) ? time(label, prepare, run) : Promise.resolve(null);
}

async function main() {
  const { database, kind, drop } = await openBenchDatabase('txng_bench_capture');
  if (kind !== 'PGlite')
    postgres = (database.db as unknown as { $client: NonNullable<typeof postgres> }).$client;
  // only an approved organisation captures (docs/security.md); its keys are nobody else's, so nothing is foreign
  await insertCapturer(database.db, organisationId);
  const actor: Actor = {
    kind: 'apiKey',
    id: 'bench',
    name: 'bench',
    role: 'org_owner',
    organisationIds: [organisationId],
    sector: null,
    communes: [],
  };
  const config = { ...loadConfig({ TXNG_DEMO: '0' }), databaseUrl: null, dataDir: null };
  const app = await buildApp({ config, database, resolveActor: async () => actor });
  await app.ready();
  try {
    const serialStem = 'https://id.gs1.org/01/08934567000017/21/';
    const threeIds = [`${serialStem}svc1-1-a`, `${serialStem}svc2-2-a`, `${serialStem}svc3-3-a`];
    // the destination GLN of every event, as of just after the warm-up capture (raw rows + one document)
    let firstCapture = new Date();
    const linked = () =>
      findEventsByLinkValues(database.db, {
        values: ['https://id.gs1.org/414/8934567000024'],
        asOf: firstCapture,
      });
    const raw = await timeIf(
      'raw',
      'raw batched INSERT (baseline)',
      (i) => {
        const doc = document(`raw${i}`);
        return extractEvents(doc, doc.epcisBody.eventList);
      },
      (rows) => rawInsert(database.db, rows),
    );
    const service = await timeIf(
      'service',
      'captureEpcisDocument (service)',
      (i) => document(`svc${i}`),
      async (doc) => {
        await captureEpcisDocument(database.db, doc, { organisationId });
        if (doc.epcisBody.eventList[0].epcList[0].includes('/svc0-')) firstCapture = new Date();
      },
    );
    const http = await timeIf(
      'http',
      'POST /epcis/capture (HTTP inject)',
      (i) => JSON.stringify(document(`http${i}`)),
      async (payload) => {
        const res = await app.inject({
          method: 'POST',
          url: '/epcis/capture',
          headers: { 'content-type': 'application/ld+json' },
          payload,
        });
        if (res.statusCode !== 202)
          throw new Error(`capture failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      },
    );
    console.log(
      `\nEPCIS capture, ${kind}, ${documentsPerPath} documents × ${eventsPerDocument} events (2 EPCs, 2 links each, eventID hashed), ${concurrency} at a time, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs\n`,
    );
    // Node's own CPU time says what the program costs even when a busy machine stretches the wall clock.
    // With PostgreSQL's CPU beside it, the rate the machine's cores could give if nothing else ran (both busy all
    // the time): cores × 1,000 ms / (Node + PostgreSQL ms per 1,000 events) thousand events a second.
    console.log(
      '| path | events | seconds | events/s | vs raw | Node CPU ms / 1,000 events | PostgreSQL CPU ms / 1,000 events | ceiling on these cores |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    const cores = os.cpus().length;
    for (const r of [raw, service, http])
      if (r) {
        const pg = r.pgMsPerThousand;
        const ceiling =
          pg === null ? '—' : `${Math.round((cores * 1_000_000) / (r.cpuMsPerThousand + pg))}/s`;
        console.log(
          `| ${r.label} | ${documentsPerPath * eventsPerDocument} | ${r.seconds.toFixed(2)} | ${Math.round(r.rate)} | ${raw ? `${Math.round((r.rate / raw.rate) * 100)} %` : '—'} | ${Math.round(r.cpuMsPerThousand)} | ${pg === null ? '—' : Math.round(pg)} | ${ceiling} |`,
        );
      }
    if (only) return;
    const reads = [
      [
        'findEventsByIds (one serial)',
        () => findEventsByIds(database.db, { ids: [`${serialStem}svc1-500-a`] }),
      ],
      ['findEventsByIds (one lot, 3 ids)', () => findEventsByIds(database.db, { ids: threeIds })],
      ['findEventsByLinkValues (a destination GLN, asOf)', () => linked()],
    ] as const;
    const stored = (documentsPerPath + 1) * 3 * eventsPerDocument; // three paths, each with its warm-up document
    console.log(`\nRead contract over ${stored} stored events\n`);
    console.log('| call | events returned | median ms |');
    console.log('|---|---:|---:|');
    for (const [label, call] of reads) {
      const times: number[] = [];
      let returned = 0;
      for (let i = 0; i < 21; i++) {
        const start = performance.now();
        returned = (await call()).length;
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      console.log(`| ${label} | ${returned} | ${times[10].toFixed(1)} |`);
    }
  } finally {
    await app.close();
    await database.close();
    await drop();
  }
}

await main();
