import net from 'node:net';
import { sql } from 'drizzle-orm';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  freePort,
  gtin,
  makeLot,
  makeOrganisation,
  makeProduct,
  type TestApp,
} from '../test/index.ts';
import { startMqttIngestion } from './sensors.mqtt.ts';

// Mosquitto on this machine (127.0.0.1:1883); the test is skipped, saying so, where none answers.
const broker = process.env.TXNG_TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const reachable = await new Promise<boolean>((resolve) => {
  const url = new URL(broker);
  const socket = net.connect(Number(url.port || 1883), url.hostname);
  socket.setTimeout(1000);
  socket.on('connect', () => resolve(true));
  socket.on('error', () => resolve(false));
  socket.on('timeout', () => resolve(false));
}).then((ok) => {
  if (!ok)
    console.warn(`sensors.mqtt.test: no MQTT broker at ${broker}; skipped (start Mosquitto to run it)`);
  return ok;
});

let t: TestApp;
const logs: string[] = [];
const log = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m) };
// a topic root of this run's own, so other runs on the same broker are not heard
const root = `txng-test-${process.pid}-${Date.now().toString(36)}`;

beforeAll(async () => {
  if (reachable) t = await createTestApp();
});
afterAll(() => t?.close());

const until = async (check: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out; log: ${logs.join(' | ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.skipIf(!reachable)('MQTT ingestion (Mosquitto)', () => {
  it('stores a device’s readings published on its topic; bad messages are counted and logged, never fatal', async () => {
    const own = gtin();
    const org = await makeOrganisation(t.db, { ownGtins: [own] });
    const product = await makeProduct(t.db, org.id, { gtin: own });
    const lot = await makeLot(t.db, { productId: product.id, lot: 'MQ1' });
    const owner = t.as({ role: 'org_owner', organisationIds: [org.id] });
    const device = (
      await t.app.inject({
        method: 'POST',
        url: '/api/sensors/devices',
        headers: owner,
        payload: { name: 'Logger', lotId: lot.id },
      })
    ).json();
    const ingestion = startMqttIngestion(t.db, { url: broker, root, group: root, log });
    await ingestion.ready;
    const publisher = await mqtt.connectAsync(broker, { protocolVersion: 5 });
    const topic = `${root}/devices/${device.id}/readings`;
    const reading = (m: number, value: number) => ({
      at: new Date(Date.UTC(2026, 11, 3, 1, m)).toISOString(),
      kind: 'temperature',
      value,
    });
    await publisher.publishAsync(
      topic,
      JSON.stringify({ key: device.key, readings: [reading(0, 3), reading(1, 4)] }),
      { qos: 1 },
    );
    await publisher.publishAsync(topic, JSON.stringify({ key: device.key, ...reading(2, 5) }), { qos: 1 });
    await publisher.publishAsync(topic, 'not json', { qos: 1 });
    await publisher.publishAsync(topic, JSON.stringify({ key: 'txngd_wrong_key', ...reading(3, 5) }), {
      qos: 1,
    });
    await publisher.publishAsync(
      topic,
      JSON.stringify({ key: device.key, readings: [reading(4, 5), { ...reading(5, 5), value: 'x' }] }),
      {
        qos: 1,
      },
    );
    await publisher.publishAsync(`${root}/devices/not-a-device/readings`, '{}', { qos: 1 });
    await until(() => ingestion.stats.stored + ingestion.stats.rejected >= 5);
    await publisher.endAsync();
    await ingestion.stop();
    expect(ingestion.stats).toEqual({ stored: 2, rejected: 4, readings: 3 });
    expect(logs.filter((l) => l.includes('refused')).join('\n')).toMatch(
      /payload is not JSON[\s\S]*sensors\.device-key-unknown[\s\S]*invalid at \/readings\/1\/value[\s\S]*is not/,
    );
    const rows = (
      (await t.db.execute(
        sql`SELECT source, lot_id FROM sensor_readings WHERE device_id = ${device.id}`,
      )) as any
    ).rows;
    expect(rows).toHaveLength(3);
    expect(rows.every((r: any) => r.source === 'mqtt' && r.lot_id === lot.id)).toBe(true);
  });

  it('a broker that does not answer is retried and logged; stopping still works', async () => {
    const port = await freePort();
    const quiet: string[] = [];
    const ingestion = startMqttIngestion(t.db, {
      url: `mqtt://127.0.0.1:${port}`,
      root,
      log: { info: (m) => quiet.push(m), warn: (m) => quiet.push(m) },
    });
    await until(() => quiet.some((m) => m.includes('unreachable') || m.includes('ECONNREFUSED')), 10_000);
    await ingestion.stop();
  });
});
