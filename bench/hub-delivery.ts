/**
 * Delivery throughput from a province to a hub over loopback HTTP (issue 14 §4: aim ≥ 5,000 events/s): a hub
 * (`TXNG_MODE=hub`) listening on 127.0.0.1, and the province's hub client (src/sync/hub-receiver.ts) handing it
 * batches of 1,000 EPCIS events, one batch at a time as the outbox worker does, then with several workers at once
 * (several province processes, or several provinces). `npx tsx bench/hub-delivery.ts`; DATABASE_URL=postgres://…
 * runs the hub on PostgreSQL in a scratch database `txng_bench_hub` (created and dropped), else on PGlite.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { registerNode } from '../src/hub/nodes.service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type Database, openDatabase } from '../src/platform/db.ts';
import { hubReceiver, type SyncItem, syncKey } from '../src/sync/index.ts';

const batch = 1000;
const batches = Number(process.env.BENCH_BATCHES ?? 20);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);

/** An event as a province's outbox sends it: EPCIS 2.0 JSON-LD, a lot, a read point, a source and a destination. */
function event(run: string, i: number): SyncItem {
  const id = `urn:uuid:${crypto.randomUUID()}`;
  return {
    key: syncKey('event', id, 1),
    kind: 'event',
    recordId: id,
    version: 1,
    action: 'upsert',
    payload: {
      eventID: id,
      type: 'ObjectEvent',
      eventTime: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
      eventTimeZoneOffset: '+07:00',
      recordTime: new Date().toISOString(),
      action: 'OBSERVE',
      bizStep: 'https://ref.gs1.org/cbv/BizStep-shipping',
      disposition: 'https://ref.gs1.org/cbv/Disp-in_transit',
      epcList: [`https://id.gs1.org/01/08936016000203/21/${run}-${i}`],
      quantityList: [
        { epcClass: `https://id.gs1.org/01/08936016000203/10/L${i % 50}`, quantity: 12, uom: 'KGM' },
      ],
      readPoint: { id: 'https://id.gs1.org/414/8936016000128' },
      sourceList: [
        { type: 'https://ref.gs1.org/cbv/SDT-owning_party', source: 'https://id.gs1.org/417/8936016000005' },
      ],
      destinationList: [
        { type: 'https://ref.gs1.org/cbv/SDT-location', destination: 'https://id.gs1.org/414/8936017000131' },
      ],
    },
    organisationId: '00000000-0000-4000-8000-0000000000be',
  };
}

async function openHubDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url)
    return { database: await openDatabase({ databaseUrl: null, dataDir: null }), drop: async () => {} };
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS txng_bench_hub WITH (FORCE)');
  await admin.query('CREATE DATABASE txng_bench_hub');
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = '/txng_bench_hub';
  const database = await openDatabase({ databaseUrl: scratch.toString(), dataDir: null });
  return {
    database,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query('DROP DATABASE IF EXISTS txng_bench_hub WITH (FORCE)');
      await dropper.end();
    },
  };
}

async function run(label: string, deliver: (items: SyncItem[]) => Promise<unknown>, workers: number) {
  const prepared = Array.from({ length: batches }, (_, b) =>
    Array.from({ length: batch }, (_, i) => event(`${label}-${b}`, i)),
  );
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < prepared.length) await deliver(prepared[next++]);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const events = batches * batch;
  console.log(
    `${label}: ${events.toLocaleString('en')} events in ${seconds.toFixed(2)} s → ${Math.round(events / seconds).toLocaleString('en')} events/s (${workers} at once)`,
  );
}

const { database, drop } = await openHubDatabase();
const config = loadConfig({ TXNG_MODE: 'hub', TXNG_DEMO: '0', TXNG_BASE_URL: 'http://127.0.0.1' });
const app = await buildApp({ config, database });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const node = await registerNode(
  database.db,
  { name: 'Tỉnh Đồng Nai', provinceCode: '75', baseUrl: 'http://127.0.0.1:9' },
  null,
);
const receiver = hubReceiver(address, node.key);
console.log(
  `hub on ${database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}; batches of ${batch}`,
);
await run('warm-up', (items) => receiver.deliver(items), 1);
await run('one worker', (items) => receiver.deliver(items), 1);
await run('several workers', (items) => receiver.deliver(items), concurrency);
// the same batches again: every key seen before, confirmed without being applied
const seen = Array.from({ length: batch }, (_, i) => event('again', i));
await receiver.deliver(seen);
await run('keys seen before', () => receiver.deliver(seen), 1);
await app.close();
await database.close();
await drop();
