/**
 * Resolver throughput and latency through a real listening server on PostgreSQL, side by side with the bare
 * /healthz route, from a client in a worker thread (its own event loop) with N parallel keep-alive connections.
 *
 *   npx tsx bench/resolver.ts [--url=postgres://postgres@127.0.0.1:5432/postgres] [--seconds=8] [--connections=32]
 *
 * Targets: the stamp URL as a scanner sends it (307 to the page), the consumer page (verdict, scan recorded,
 * journey, map), and the page served at the Digital Link itself (TXNG_RESOLVER_SERVE_PAGE=1, ADR 021).
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { Worker } from 'node:worker_threads';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);

interface Target {
  name: string;
  paths: string[];
  headers: Record<string, string>;
  expect: number;
}

/** The client, plain JavaScript run in a worker thread so it does not share the server's event loop. */
const clientSource = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
async function client(port, target, seconds, connections) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  let errors = 0, i = 0;
  const until = performance.now() + seconds * 1000;
  const one = () => new Promise((resolve) => {
    const path = target.paths[i++ % target.paths.length];
    const started = performance.now();
    const req = http.request({ port, path, agent, headers: target.headers }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode === target.expect) latencies.push(performance.now() - started); else errors++;
        resolve();
      });
    });
    req.on('error', () => { errors++; resolve(); });
    req.end();
  });
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => { while (performance.now() < until) await one(); }));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))];
  return { name: target.name, rps: latencies.length / elapsed, p50: pct(50), p99: pct(99), errors };
}
(async () => {
  const { port, targets, seconds, connections } = workerData;
  for (const target of targets) parentPort.postMessage(await client(port, target, seconds, connections));
  parentPort.postMessage('done');
})();
`;

{
  process.env.TXNG_TEST_DATABASE_URL =
    args.url ?? process.env.TXNG_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.TXNG_RESOLVER_RATE_LIMIT = '1000000000';
  process.env.TXNG_SCAN_MAX_SCANS = '1000000000';
  process.env.TXNG_SCAN_MAX_DEVICES = '1000000000';
  process.env.TXNG_DB_POOL = process.env.TXNG_DB_POOL ?? '20';
  const { createTestApp } = await import('../src/test/app.ts');
  const { makeStampedProduct } = await import('../src/resolver/resolver.test-support.ts');
  const t = await createTestApp();
  try {
    const f = await makeStampedProduct(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    const serials = Array.from({ length: 40 }, (_, k) => f.range.firstSerial + k);
    const stampPaths = serials.map((s) => f.stampPath(s));
    const html = {
      accept: 'text/html,application/xhtml+xml',
      'user-agent': 'bench',
      'accept-language': 'vi',
    };
    const targets: Target[] = [
      { name: 'bare /healthz', paths: ['/healthz'], headers: {}, expect: 200 },
      { name: 'stamp URL → 307 redirect', paths: stampPaths, headers: html, expect: 307 },
      {
        name: 'consumer page /page/…',
        paths: stampPaths.map((p) => `/page${p}`),
        headers: html,
        expect: 200,
      },
      {
        name: 'linkset (machine)',
        paths: stampPaths,
        headers: { accept: 'application/linkset+json' },
        expect: 200,
      },
    ];
    const seconds = Number(args.seconds ?? 8);
    const connections = Number(args.connections ?? 32);
    const run = (list: Target[]) =>
      new Promise<any[]>((resolve, reject) => {
        const results: any[] = [];
        const worker = new Worker(clientSource, {
          eval: true,
          workerData: { port, targets: list, seconds, connections },
        });
        worker.on('message', (m) => (m === 'done' ? resolve(results) : results.push(m)));
        worker.on('error', reject);
      });
    const results = await run(targets);
    process.env.TXNG_RESOLVER_SERVE_PAGE = '1';
    results.push(
      ...(await run([
        { name: 'page served at the stamp URL (inline)', paths: stampPaths, headers: html, expect: 200 },
      ])),
    );
    const bare = results[0].rps;
    console.log(
      `Resolver bench: PostgreSQL, ${connections} connections, ${seconds} s per target, client in a worker thread, ` +
        `${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`,
    );
    for (const r of results)
      console.log(
        `${r.name.padEnd(40)} ${Math.round(r.rps).toString().padStart(7)} req/s  ${((r.rps / bare) * 100).toFixed(0).padStart(4)} % of bare   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   errors ${r.errors}`,
      );
  } finally {
    // dropping the scratch database ends the pool's idle connections with an error event: expected here
    (t.database.db as any).$client?.on?.('error', () => {});
    await t.close().catch(() => {});
  }
}
