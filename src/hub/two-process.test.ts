/**
 * Two real TXNG processes over loopback HTTP (issue 14 §4): a hub (`TXNG_MODE=hub`) and a province, each on a
 * fresh PostgreSQL database of its own. The province's side of the wire is its hub client (src/sync/hub-receiver.ts),
 * driven from this test; the outbox's own two-process tests (approve → visible at the hub, SIGKILL mid-delivery,
 * two province processes) belong to the sync module. Needs PostgreSQL at TXNG_TWO_PROCESS_PG (default
 * postgres://postgres@127.0.0.1:5432/postgres); skipped, saying so, when there is none.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError, hubReceiver, type SyncItem, syncKey } from '../sync/index.ts';
import { gtin } from '../test/index.ts';

const adminUrl = process.env.TXNG_TWO_PROCESS_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const bin = path.resolve(import.meta.dirname, '../../bin/txng.js');

async function postgresAnswers() {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
const available = await postgresAnswers();
if (!available)
  console.warn(
    `two-process hub test skipped: no PostgreSQL at ${adminUrl} (set TXNG_TWO_PROCESS_PG to run it)`,
  );

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Txng {
  name: string;
  url: string;
  env: NodeJS.ProcessEnv;
  child: ChildProcess | null;
}

function txng(mode: 'hub' | 'province', database: string, port: number): Txng {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return {
    name: database,
    url: `http://127.0.0.1:${port}`,
    child: null,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: url.toString(),
      TXNG_MODE: mode,
      TXNG_DEMO: '0',
      TXNG_BASE_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      TXNG_CHECKS_INTERVAL_MINUTES: '0',
      TXNG_MAIL_DIR: path.join(process.env.TMPDIR ?? '/tmp', `txng-mail-${database}`),
      TXNG_HUB_URL: '',
      TXNG_HUB_KEY: '',
    },
  };
}

async function start(p: Txng) {
  p.child = spawn(process.execPath, [bin, 'start'], { env: p.env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  p.child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (p.child.exitCode !== null) throw new Error(`${p.name} exited: ${stderr}`);
    const ok = await fetch(`${p.url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${p.name} did not start: ${stderr}`);
}

async function stop(p: Txng, signal: NodeJS.Signals = 'SIGTERM') {
  const child = p.child;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
  p.child = null;
}

const product = (recordId: string, code: string, version = 1): SyncItem => ({
  key: syncKey('product', recordId, version),
  kind: 'product',
  recordId,
  version,
  action: 'upsert',
  payload: { id: recordId, gtin: code, name: `Bưởi Tân Triều ${recordId}` },
  organisationId: null,
});
const event = (n: number, code: string): SyncItem => {
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
      eventTime: new Date(Date.now() - n * 1000).toISOString(),
      recordTime: new Date().toISOString(),
      bizStep: 'shipping',
      quantityList: [{ epcClass: `https://id.gs1.org/01/${code}/10/B${n % 5}`, quantity: n + 1 }],
    },
    organisationId: null,
  };
};

describe.skipIf(!available)('a province and a hub, two processes over loopback', () => {
  const suffix = `${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  let hub: Txng;
  let province: Txng;
  let key: string;

  beforeAll(async () => {
    hub = txng('hub', `txng_hub_${suffix}`, await freePort());
    province = txng('province', `txng_province_${suffix}`, await freePort());
    await admin(`CREATE DATABASE ${hub.name}`);
    await admin(`CREATE DATABASE ${province.name}`);
    // the province is registered as an operator would, with the command line, before the hub starts
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [bin, 'hub', 'add-node', '75', province.url, 'Tỉnh', 'Đồng', 'Nai'],
      { env: hub.env },
    );
    key = /Key \(shown once[^)]*\): (\S+)/.exec(stdout)?.[1] ?? '';
    expect(key).toMatch(/^txnghub_/);
    await Promise.all([start(hub), start(province)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([hub, province].filter(Boolean).map((p) => stop(p, 'SIGKILL')));
    for (const p of [hub, province].filter(Boolean))
      await admin(`DROP DATABASE IF EXISTS ${p.name} WITH (FORCE)`).catch(() => {});
  });

  it('delivers every record once, counts and event ids equal, and a stamp at the hub leads to the province', async () => {
    const receiver = hubReceiver(hub.url, key);
    const code = gtin();
    const items = [product('p-1', code), ...Array.from({ length: 1500 }, (_, i) => event(i, code))];
    for (let i = 0; i < items.length; i += 1000) {
      const outcomes = await receiver.deliver(items.slice(i, i + 1000));
      expect(outcomes.every((o) => o.status === 'confirmed')).toBe(true);
    }
    // delivered again (a worker that crashed before recording the answer): confirmed, not applied twice
    const again = await receiver.deliver(items.slice(0, 1000));
    expect(again.every((o) => o.status === 'confirmed')).toBe(true);
    const hubDb = new pg.Client({ connectionString: hub.env.DATABASE_URL });
    await hubDb.connect();
    try {
      const { rows } = await hubDb.query('select event_id from hub_events');
      expect(rows.map((r) => r.event_id).sort()).toEqual(
        items
          .filter((i) => i.kind === 'event')
          .map((i) => i.recordId)
          .sort(),
      );
    } finally {
      await hubDb.end();
    }
    const found = await (await fetch(`${hub.url}/api/hub/search?q=${code}`)).json();
    expect(found.total).toBe(1);
    const scan = await fetch(`${hub.url}/01/${code}/10/B1`, { redirect: 'manual' });
    expect(scan.status).toBe(307);
    expect(scan.headers.get('location')).toBe(`${province.url}/01/${code}/10/B1`);
  }, 120_000);

  it('with the hub down the delivery is to be tried again; the hub back, it is applied once', async () => {
    const receiver = hubReceiver(hub.url, key);
    const code = gtin();
    const batch = [product('p-2', code), event(1, code)];
    await stop(hub);
    await expect(receiver.deliver(batch)).rejects.toBeInstanceOf(DeliveryError);
    await start(hub);
    expect((await receiver.deliver(batch)).map((o) => o.status)).toEqual(['confirmed', 'confirmed']);
    expect((await receiver.deliver(batch)).map((o) => o.status)).toEqual(['confirmed', 'confirmed']);
    const found = await (await fetch(`${hub.url}/api/hub/search?q=${code}`)).json();
    expect(found.total).toBe(1);
  }, 120_000);

  it('a wrong key is refused as the province’s configuration, records kept to try again', async () => {
    const wrong = hubReceiver(hub.url, 'txnghub_wrong_key');
    await expect(wrong.deliver([product('p-3', gtin())])).rejects.toThrow(
      /does not accept the province's key/,
    );
  });

  it('with the province killed, the hub serves its own copy of the province’s code', async () => {
    const code = gtin();
    await hubReceiver(hub.url, key).deliver([product('p-4', code)]);
    await stop(province, 'SIGKILL');
    // the province's last answer is believed a few seconds
    await new Promise((r) => setTimeout(r, 5_500));
    const page = await fetch(`${hub.url}/01/${code}`, {
      redirect: 'manual',
      headers: { accept: 'text/html', 'accept-language': 'vi' },
    });
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('Bản sao tại trục quốc gia');
    expect(body).toContain('Bưởi Tân Triều p-4');
  }, 60_000);
});
