/**
 * Sensor ingestion (issue 16 §3, decision 059): readings per second through the device batch endpoint end to end
 * (HTTP on a real port, validation, ownership checks, one INSERT per batch, the thresholds and excursion detection)
 * and through MQTT (Mosquitto → the program's subscriber → the same path), beside a raw multi-row
 * `INSERT … VALUES (…), (…)` of the same rows into the same partitioned table, in the same run.
 *
 * `DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/sensors.bench.ts` works in a scratch
 * database `txng_bench_sensors` (created and dropped); without DATABASE_URL, PGlite in memory.
 * TXNG_BENCH_READINGS (default 200,000), TXNG_BENCH_BATCH (rows per request, 5,000), TXNG_BENCH_DEVICES (4: as many
 * requests in flight), TXNG_MQTT_URL (default mqtt://127.0.0.1:1883; the MQTT part is skipped when none answers).
 */
import net from 'node:net';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import mqtt from 'mqtt';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { startMqttIngestion } from '../src/sensors/index.ts';
import { gtin, makeLot, makeOrganisation, makeProduct } from '../src/test/index.ts';
import { openBenchDatabase } from './scratch-database.ts';

const total = Number(process.env.TXNG_BENCH_READINGS ?? 200_000);
const batch = Number(process.env.TXNG_BENCH_BATCH ?? 5000);
const deviceCount = Number(process.env.TXNG_BENCH_DEVICES ?? 4);
const brokerUrl = process.env.TXNG_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const scratchName = 'txng_bench_sensors';

/** The same readings for every path: a logger every minute, in range but for a warm hour now and then. */
function readingsOf(count: number, startMs: number) {
  return Array.from({ length: count }, (_, i) => ({
    at: new Date(startMs + i * 60_000).toISOString(),
    kind: 'temperature' as const,
    value: i % 600 < 60 ? 9.5 : 4 + (i % 7) / 10,
  }));
}

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
const fmt = (n: number) => n.toLocaleString('en-US');

async function main() {
  const { database, kind, drop } = await openBenchDatabase(scratchName, { dbPool: 10 });
  const db = database.db;
  const config = { ...loadConfig({ TXNG_DEMO: '0', LOG_LEVEL: 'error' }), databaseUrl: null, dataDir: null };
  const app = await buildApp({ config, database, resolveActor: async () => null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as net.AddressInfo).port}`;
  try {
    const own = gtin();
    const org = await makeOrganisation(db, { ownGtins: [own] });
    const product = await makeProduct(db, org.id, { gtin: own });
    const lot = await makeLot(db, { productId: product.id, lot: 'BENCH-1' });
    const { createDevice, createThreshold } = await import('../src/sensors/sensors.service.ts');
    const actor = {
      kind: 'user' as const,
      id: 'bench',
      name: 'bench',
      role: 'org_owner' as const,
      organisationIds: [org.id],
      sector: null,
      communes: [],
    };
    await createThreshold(
      db,
      { target: 'product', productId: product.id, kind: 'temperature', min: 2, max: 8, durationMinutes: 30 },
      actor,
    );
    const devices = [];
    for (let i = 0; i < deviceCount * 2; i++)
      devices.push(await createDevice(db, { name: `Logger ${i}`, lotId: lot.id }, actor));
    const perDevice = Math.floor(total / deviceCount / batch) * batch;
    const start = Date.UTC(2026, 0, 1);
    const series = readingsOf(perDevice, start);
    const count = async () =>
      Number(((await db.execute(sql`SELECT count(*) AS n FROM sensor_readings`)) as any).rows[0].n);
    console.log(
      `${kind}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}; ${fmt(perDevice * deviceCount)} readings, ${fmt(batch)} a request, ${deviceCount} devices at once`,
    );

    // 1. the batch endpoint, end to end over HTTP
    let t0 = performance.now();
    await Promise.all(
      devices.slice(0, deviceCount).map(async (d) => {
        for (let i = 0; i < perDevice; i += batch) {
          const res = await fetch(`${base}/api/sensors/devices/${d.id}/readings/batch`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-device-key': d.key },
            body: JSON.stringify({ readings: series.slice(i, i + batch) }),
          });
          if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
        }
      }),
    );
    const httpMs = performance.now() - t0;
    const afterHttp = await count();
    const excursions = Number(
      ((await db.execute(sql`SELECT count(*) AS n FROM sensor_excursions`)) as any).rows[0].n,
    );

    // 2. the raw multi-row INSERT of the same rows (one statement per batch, the same batches in flight)
    t0 = performance.now();
    await Promise.all(
      devices.slice(0, deviceCount).map(async (d) => {
        for (let i = 0; i < perDevice; i += batch) {
          const rows = series.slice(i, i + batch);
          await db.execute(
            sql`INSERT INTO sensor_readings (at, organisation_id, source, device_id, kind, value, lot_id) VALUES ${sql.join(
              rows.map(
                (r) =>
                  sql`(${r.at}::timestamptz, ${org.id}::uuid, 'device', ${d.id}::uuid, ${r.kind}, ${r.value}, ${lot.id}::uuid)`,
              ),
              sql`, `,
            )}`,
          );
        }
      }),
    );
    const rawMs = performance.now() - t0;
    if ((await count()) !== afterHttp * 2) throw new Error('raw insert count differs');

    // 3. MQTT, when a broker answers: the same batches published by other devices, timed until all are stored
    const broker = new URL(brokerUrl);
    const reachable = await new Promise<boolean>((resolve) => {
      const s = net.connect(Number(broker.port || 1883), broker.hostname);
      s.setTimeout(1000);
      s.on('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
      s.on('timeout', () => resolve(false));
    });
    let mqttLine = 'MQTT: skipped (no broker answers)';
    if (reachable) {
      const root = `txng-bench-${process.pid}`;
      const ingestion = startMqttIngestion(db, {
        url: brokerUrl,
        root,
        group: root,
        log: { info: () => {}, warn: (m) => console.warn(m) },
      });
      await ingestion.ready;
      const publisher = await mqtt.connectAsync(brokerUrl, { protocolVersion: 5 });
      const before = await count();
      t0 = performance.now();
      for (const d of devices.slice(deviceCount))
        for (let i = 0; i < perDevice; i += batch)
          await publisher.publishAsync(
            `${root}/devices/${d.id}/readings`,
            JSON.stringify({ key: d.key, readings: series.slice(i, i + batch) }),
            { qos: 1 },
          );
      while (ingestion.stats.stored + ingestion.stats.rejected < (perDevice / batch) * deviceCount)
        await new Promise((r) => setTimeout(r, 20));
      const mqttMs = performance.now() - t0;
      await publisher.endAsync();
      await ingestion.stop();
      if (ingestion.stats.rejected) throw new Error(`${ingestion.stats.rejected} MQTT messages refused`);
      const stored = (await count()) - before;
      mqttLine = `MQTT (publish → stored): ${fmt(rate(stored, mqttMs))} readings/s (${(mqttMs / 1000).toFixed(2)} s)`;
    }
    console.log(
      `batch endpoint, end to end: ${fmt(rate(afterHttp, httpMs))} readings/s (${(httpMs / 1000).toFixed(2)} s, ${excursions} excursions found)`,
    );
    console.log(
      `raw multi-row INSERT:       ${fmt(rate(afterHttp, rawMs))} readings/s (${(rawMs / 1000).toFixed(2)} s)`,
    );
    console.log(mqttLine);
  } finally {
    await app.close();
    await database.close();
    await drop();
  }
}

await main();
