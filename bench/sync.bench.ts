/**
 * Delivery throughput, province → hub over loopback (issue 14 §4, aim ≥ 5,000 events/s): N EPCIS events queued in
 * a province's outbox are delivered by the outbox worker to a real hub process (`node bin/txng.js start`,
 * TXNG_MODE=hub) on its own database, until the last is confirmed. Beside it, the baseline: the same rows inserted
 * straight into the hub's events table, 1,000 per statement, with no HTTP, no outbox and no hub logic.
 * PostgreSQL only (TXNG_BENCH_DATABASE_URL, an admin URL: fresh databases are created and dropped):
 *   TXNG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/sync.bench.ts
 * TXNG_BENCH_EVENTS (default 50,000); TXNG_BENCH_CONCURRENCY, deliveries in flight (default "1,2,4").
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createSyncWorker, hubReceiver, type SyncItem, syncKey } from '../src/sync/index.ts';
import { queueItems, setReceivers } from '../src/sync/outbox.ts';
import { openTestDatabase } from '../src/test/app.ts';
import { freePort } from '../src/test/txng-process.ts';

const adminUrl = process.env.TXNG_BENCH_DATABASE_URL;
if (!adminUrl) {
  console.error(
    'Set TXNG_BENCH_DATABASE_URL to a PostgreSQL admin URL (the sync bench runs on PostgreSQL only).',
  );
  process.exit(1);
}
process.env.TXNG_TEST_DATABASE_URL = adminUrl;
const total = Number(process.env.TXNG_BENCH_EVENTS ?? 50_000);
const concurrencies = (process.env.TXNG_BENCH_CONCURRENCY ?? '1,2,4').split(',').map(Number);
const bin = path.resolve(import.meta.dirname, '../bin/txng.js');

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}
const urlOf = (database: string) => {
  const url = new URL(adminUrl!);
  url.pathname = `/${database}`;
  return url.toString();
};

/** A hub process on a fresh database, with `nodes` province nodes registered; their keys. */
async function startHub(database: string, nodes: number) {
  await admin(`CREATE DATABASE ${database}`);
  const port = await freePort();
  const env = {
    ...process.env,
    // the hub as a production server runs it, with secrets of its own
    NODE_ENV: 'production',
    TXNG_STAMP_KEY: crypto.randomBytes(32).toString('hex'),
    TXNG_SCAN_SALT: crypto.randomBytes(32).toString('hex'),
    DATABASE_URL: urlOf(database),
    TXNG_MODE: 'hub',
    TXNG_DEMO: '0',
    TXNG_BASE_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    TXNG_CHECKS_INTERVAL_MINUTES: '0',
    TXNG_MAIL_DIR: path.join(os.tmpdir(), `txng-mail-${database}`),
  };
  const keys: string[] = [];
  for (let n = 0; n < nodes; n++) {
    const out = execFileSync(
      process.execPath,
      [bin, 'hub', 'add-node', String(60 + n), 'http://127.0.0.1:1', `Tỉnh thử ${n}`],
      { env, encoding: 'utf8' },
    );
    keys.push(out.match(/Key[^:]*: (\S+)/)![1]);
  }
  const child: ChildProcess = spawn(process.execPath, [bin, 'start'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the hub exited');
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error('the hub did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    keys,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}

/** An ObjectEvent as a province captures it (its EPCIS 2.0 JSON-LD, about 700 bytes). */
function eventItem(n: number): SyncItem {
  const id = `urn:uuid:${crypto.randomUUID()}`;
  const gtin = '08930000000010';
  return {
    key: syncKey('event', id, 1),
    kind: 'event',
    recordId: id,
    version: 1,
    action: 'upsert',
    organisationId: null,
    payload: {
      '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'],
      eventID: id,
      type: 'ObjectEvent',
      eventTime: new Date(Date.UTC(2026, 5, 1) + n * 1000).toISOString(),
      eventTimeZoneOffset: '+07:00',
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      quantityList: [{ epcClass: `https://id.gs1.org/01/${gtin}/10/L${n % 50}`, quantity: 20, uom: 'KGM' }],
      readPoint: { id: 'https://id.gs1.org/414/8930000000019' },
      bizLocation: { id: 'https://id.gs1.org/414/8930000000019' },
      sourceList: [{ type: 'owning_party', source: 'https://id.gs1.org/417/8930000000026' }],
    },
  };
}

const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
const hub = await startHub(`txng_bench_hub_${process.pid}`, concurrencies.length + 1);
console.log(`Sync bench: ${total} events per run, province → hub at ${hub.url} (PostgreSQL, loopback HTTP)`);
try {
  for (const [i, concurrency] of concurrencies.entries()) {
    const province = await openTestDatabase();
    try {
      const receiver = hubReceiver(hub.url, hub.keys[i]);
      setReceivers([receiver]);
      const items = Array.from({ length: total }, (_, n) => eventItem(n));
      for (let at = 0; at < items.length; at += 5000)
        await province.db.transaction((tx) =>
          queueItems(
            tx,
            items.slice(at, at + 5000).map((item) => ({ item, label: 'Sự kiện xuất hàng' })),
          ),
        );
      const worker = createSyncWorker(province.db, [receiver], { maxAttempts: 5, concurrency });
      const started = performance.now();
      let delivered = 0;
      while (delivered < total) {
        const n = await worker.runOnce();
        if (!n) break;
        delivered += n;
      }
      const ms = performance.now() - started;
      const [counts] = (
        (await province.db.execute(
          sql`SELECT count(*) FILTER (WHERE state = 'confirmed')::int AS confirmed, count(*)::int AS rows FROM sync_outbox`,
        )) as unknown as { rows: { confirmed: number; rows: number }[] }
      ).rows;
      console.log(
        `outbox → hub, ${concurrency} in flight: ${counts.confirmed}/${counts.rows} confirmed in ${(ms / 1000).toFixed(2)} s = ${rate(total, ms)} events/s`,
      );
    } finally {
      await province.close();
    }
  }

  // baseline: the same rows straight into the hub's table, 1,000 per statement
  const client = new pg.Client({ connectionString: urlOf(`txng_bench_hub_${process.pid}`) });
  await client.connect();
  const { rows } = await client.query('SELECT id FROM hub_nodes WHERE province_code = $1', [
    String(60 + concurrencies.length),
  ]);
  const items = Array.from({ length: total }, (_, n) => eventItem(n));
  const started = performance.now();
  for (let at = 0; at < items.length; at += 1000) {
    const part = items.slice(at, at + 1000).map((item) => ({
      event_id: item.recordId,
      version: 1,
      payload: item.payload,
      event_time: item.payload!.eventTime,
    }));
    await client.query(
      `INSERT INTO hub_events (node_id, event_id, version, payload, event_time)
       SELECT $1, event_id, version, payload, event_time
       FROM jsonb_to_recordset($2::jsonb) AS x(event_id text, version int, payload jsonb, event_time timestamptz)`,
      [rows[0].id, JSON.stringify(part)],
    );
  }
  const ms = performance.now() - started;
  await client.end();
  console.log(
    `baseline, raw insert into hub_events: ${total} in ${(ms / 1000).toFixed(2)} s = ${rate(total, ms)} events/s`,
  );
} finally {
  await hub.stop();
}
process.exit(0);
