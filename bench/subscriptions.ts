/**
 * EPCIS subscriptions: how long a captured event takes to reach a webhook and a WebSocket subscriber on this
 * machine (one event per capture, captured one after another), and a 1,000-event document to reach the webhook
 * whole (in batches of 100). `npx tsx bench/subscriptions.ts`; PGlite in memory, or DATABASE_URL=postgres://… for
 * PostgreSQL in a scratch database `txng_bench_subscriptions` (created and dropped). BENCH_CAPTURES sets the count.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import WebSocket from 'ws';
import { buildApp } from '../src/app.ts';
import type { Actor } from '../src/platform/auth.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openBenchDatabase } from './scratch-database.ts';
import { insertCapturer } from './workloads.ts';

const captures = Number(process.env.BENCH_CAPTURES ?? 100);
const organisationId = '00000000-0000-4000-8000-0000000000bf';
const event = (serial: string) => ({
  type: 'ObjectEvent',
  eventTime: '2024-05-01T08:00:00+07:00',
  eventTimeZoneOffset: '+07:00',
  epcList: [`https://id.gs1.org/01/08934567000017/21/${serial}`],
  action: 'OBSERVE',
  bizStep: 'shipping',
});
const serialOf = (e: any) => e.epcList[0].split('/').pop() as string;

/** Waiting lists by serial: resolved when that event arrives at the webhook or the socket. */
function arrivals() {
  const waiting = new Map<string, () => void>();
  const seen = new Set<string>();
  return {
    arrived(serial: string) {
      seen.add(serial);
      waiting.get(serial)?.();
    },
    wait: (serial: string) =>
      seen.has(serial) ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(serial, resolve)),
    get count() {
      return seen.size;
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function main() {
  const { database, kind, drop } = await openBenchDatabase('txng_bench_subscriptions', {
    pgliteKind: 'PGlite in memory',
  });
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
  const webhook = arrivals();
  const socket = arrivals();
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      for (const e of JSON.parse(body).epcisBody.queryResults.resultsBody.eventList)
        webhook.arrived(serialOf(e));
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const dest = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });
    await post('/epcis/queries', { name: 'shipping', query: { EQ_bizStep: ['shipping'] } });
    await post('/epcis/queries/shipping/subscriptions', { dest, stream: true, signatureToken: 'bench' });
    const client = new WebSocket(
      `${address.replace('http', 'ws')}/epcis/queries/shipping/events?stream=true`,
    );
    client.on('message', (data) => {
      for (const e of JSON.parse(String(data)).epcisBody.queryResults.resultsBody.eventList)
        socket.arrived(serialOf(e));
    });
    await new Promise((resolve) => client.once('open', resolve));
    const toWebhook: number[] = [];
    const toSocket: number[] = [];
    for (let i = 0; i < captures; i++) {
      const serial = `b-${i}`;
      const start = performance.now();
      const res = await post('/epcis/events', event(serial));
      if (res.statusCode !== 201) throw new Error(`capture failed: ${res.statusCode} ${res.body}`);
      await Promise.all([
        webhook.wait(serial).then(() => toWebhook.push(performance.now() - start)),
        socket.wait(serial).then(() => toSocket.push(performance.now() - start)),
      ]);
    }
    const documentStart = performance.now();
    const bulk = Array.from({ length: 1000 }, (_, i) => event(`d-${i}`));
    const res = await post('/epcis/capture', {
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2024-05-01T00:00:00Z',
      epcisBody: { eventList: bulk },
    });
    if (res.statusCode !== 202) throw new Error(`capture failed: ${res.statusCode} ${res.body}`);
    await webhook.wait('d-999');
    await Promise.all(bulk.map((e) => webhook.wait(serialOf(e))));
    const documentMs = performance.now() - documentStart;
    client.close();
    console.log(
      `\nEPCIS subscriptions, ${kind}, ${captures} captures of one event, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs\n`,
    );
    console.log('| capture sent → arrival (the capture included) | median ms | p95 ms | max ms |');
    console.log('|---|---:|---:|---:|');
    for (const [label, times] of [
      ['webhook (signed POST)', toWebhook],
      ['WebSocket', toSocket],
    ] as const) {
      const sorted = [...times].sort((a, b) => a - b);
      console.log(
        `| ${label} | ${percentile(sorted, 0.5).toFixed(1)} | ${percentile(sorted, 0.95).toFixed(1)} | ${sorted[sorted.length - 1].toFixed(1)} |`,
      );
    }
    console.log(
      `\n1,000-event document: captured and all events at the webhook in ${(documentMs / 1000).toFixed(2)} s (${webhook.count} events received in all)`,
    );
  } finally {
    await app.close();
    receiver.close();
    await database.close();
    await drop();
  }
}

await main();
