/**
 * Resolver throughput and latency through a real listening server on PostgreSQL, side by side with the bare
 * /healthz route. The load comes from `wrk` as a separate process when it is installed (`apt-get install wrk`;
 * bench/resolver-paths.lua rotates the stamp paths), otherwise from a client in a worker thread of this process
 * (its own event loop, but it shares the process and the cores), with N parallel keep-alive connections.
 *
 *   npx tsx bench/resolver.ts [--url=postgres://postgres@127.0.0.1:5432/postgres] [--seconds=8] [--connections=32]
 *                             [--threads=2] [--client=wrk|worker]
 *                             [--rate=N] (wrk: offer N requests/s to each target instead of as many as the
 *                             connections carry, for the latency below saturation; the bare route stays flat out)
 *                             [--warmup=2] (wrk: seconds of unmeasured load on each target before its measured run)
 *                             [--only=redirect,page] (the bare route and the targets naming one of the words)
 *                             [--workers=N] (the load goes to a real `txng start --workers N` on the bench's
 *                             database instead of the in-process app: the cluster of decision 055)
 *   With --workers: TXNG_BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=DIR' profiles each server process,
 *   TXNG_BENCH_LOG_LEVEL=info logs as a default installation does (the bench's server logs errors only), and each
 *   target's line adds the CPU milliseconds per 1,000 answers of the server processes and of PostgreSQL (from /proc).
 *
 * Targets: the stamp URL as a scanner sends it (307 to the page), the consumer page (verdict, scan recorded,
 * journey, map), and the page served at the Digital Link itself (TXNG_RESOLVER_SERVE_PAGE=1, ADR 021).
 */

import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { backendsCpu, processCpuMs } from './process-cpu.ts';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);

let clusterPort = 0;

interface Target {
  name: string;
  paths: string[];
  headers: Record<string, string>;
  expect: number;
}

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** With --workers: CPU milliseconds per 1,000 answers, of the server processes and of the bench database's backends. */
  cpu?: { server: number; db: number };
}

function wrkAvailable(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    // wrk prints its usage and exits 1 on --version: it is there
    return (err as { status?: number }).status === 1;
  }
}

/** wrk prints latencies as `812.00us`, `3.45ms` or `1.02s`. */
function milliseconds(value: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(value);
  if (!m) throw new Error(`unexpected wrk latency ${value}`);
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000, m: 60_000 }[m[2] as 'us' | 'ms' | 's' | 'm'];
}

/** Parses wrk's --latency report: requests/s, the 50 % and 99 % latencies, errors and unexpected statuses. */
function parseWrk(name: string, out: string): Result {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const p50 = /^\s+50%\s+(\S+)/m.exec(out);
  const p99 = /^\s+99%\s+(\S+)/m.exec(out);
  if (!rps || !p50 || !p99) throw new Error(`cannot read wrk's report:\n${out}`);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors =
    Number(non2xx?.[1] ?? 0) + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  return { name, rps: Number(rps[1]), p50: milliseconds(p50[1]), p99: milliseconds(p99[1]), errors };
}

const luaScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'resolver-paths.lua');

async function runWrk(
  port: number,
  target: Target,
  opts: { seconds: number; connections: number; threads: number; rate: number },
): Promise<Result> {
  const pathsFile = path.join(os.tmpdir(), `txng-bench-paths-${process.pid}.txt`);
  fs.writeFileSync(pathsFile, `${target.paths.join('\n')}\n`);
  const headerArgs = Object.entries(target.headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  try {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        'wrk',
        [
          `-t${opts.threads}`,
          `-c${opts.connections}`,
          `-d${opts.seconds}s`,
          '--latency',
          '-s',
          luaScript,
          ...headerArgs,
          `http://127.0.0.1:${port}`,
        ],
        // --rate: each wrk thread paces its share (resolver-paths.lua)
        {
          env: {
            ...process.env,
            WRK_PATHS: pathsFile,
            WRK_RATE: opts.rate ? String(opts.rate / opts.threads) : '',
          },
        },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
      ),
    );
    return parseWrk(target.name, out);
  } finally {
    fs.rmSync(pathsFile, { force: true });
  }
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
    const client = '10.' + [0, 0, 0].map(() => Math.floor(Math.random() * 254) + 1).join('.');
    const headers = { ...target.headers, 'x-forwarded-for': client };
    const req = http.request({ port, path, agent, headers }, (res) => {
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
  const { createTestApp } = await import('../src/test/app.ts');
  const { makeStampedProduct } = await import('../src/test/factories/index.ts');
  const t = await createTestApp({
    resolverRateLimit: 1_000_000_000,
    dbPool: Number(process.env.TXNG_DB_POOL ?? 20),
    // the scan thresholds are the defaults: each request comes from another client address, as in a market
  });
  let cluster: ChildProcess | null = null;
  try {
    const f = await makeStampedProduct(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    let port = (t.app.server.address() as AddressInfo).port;
    const workers = args.workers ? Number(args.workers) : 0;
    if (workers) {
      // real server processes on the same database (the in-process app stays idle)
      cluster = await startCluster(
        workers,
        (t.database.db as any).$client.options.connectionString,
        t.config.baseUrl,
      );
      port = clusterPort;
    }
    // the bench database's own backends are counted by the CPU figures (a connection of the in-process app's pool)
    const benchDb = (t.database.db as any).$client;
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
    const threads = Number(args.threads ?? 2);
    // --rate=N: an offered load of N requests a second (wrk only), for latencies below saturation; the bare route
    // is still measured flat out, as the baseline
    const rate = Number(args.rate ?? 0);
    const warmup = Number(args.warmup ?? 2);
    const useWrk = args.client ? args.client === 'wrk' : wrkAvailable();
    const runWorker = (list: Target[]) =>
      new Promise<Result[]>((resolve, reject) => {
        const results: Result[] = [];
        const worker = new Worker(clientSource, {
          eval: true,
          workerData: { port, targets: list, seconds, connections },
        });
        worker.on('message', (m) => (m === 'done' ? resolve(results) : results.push(m)));
        worker.on('error', reject);
      });
    const run = async (list: Target[]) => {
      if (!useWrk) return runWorker(list);
      const results: Result[] = [];
      for (const target of list) {
        // --warmup=S: an unmeasured run first (default 2 s), so the figures are of a warm server: code compiled,
        // the stamps in memory, pools filled
        if (warmup) await runWrk(port, target, { seconds: warmup, connections, threads, rate: 0 });
        const before = cluster ? await cpuNow(cluster.pid!, benchDb) : null;
        const result = await runWrk(port, target, {
          seconds,
          connections,
          threads,
          rate: target === targets[0] ? 0 : rate,
        });
        if (before) {
          // CPU time per answer: steadier than answers/s on a machine others load too
          const after = await cpuNow(cluster!.pid!, benchDb);
          const answers = result.rps * seconds;
          result.cpu = {
            server: ((after.server - before.server) / answers) * 1000,
            db: ((after.db - before.db) / answers) * 1000,
          };
        }
        results.push(result);
      }
      return results;
    };
    // --only=redirect,page runs the bare route and the targets whose name contains one of the words (profiling)
    const only = args.only ? String(args.only).split(',') : null;
    const chosen = (list: Target[]) =>
      only ? list.filter((x) => only.some((w) => x.name.includes(w))) : list;
    const results = await run([targets[0], ...chosen(targets.slice(1))]);
    // the same program, now serving the page at the stamp URL (the routes read the setting per request)
    t.app.config.resolverServePage = true;
    if (!workers)
      results.push(
        ...(await run(
          chosen([
            { name: 'page served at the stamp URL (inline)', paths: stampPaths, headers: html, expect: 200 },
          ]),
        )),
      );
    const bare = results[0].rps;
    console.log(
      `Resolver bench: PostgreSQL, ${workers ? `txng start --workers ${workers}` : 'one in-process app'}, ` +
        `${connections} connections, ${seconds} s per target, ` +
        `${rate ? `offered ${rate} requests/s (the targets; the bare route flat out), ` : ''}` +
        `${useWrk ? `wrk (separate process, ${threads} threads)` : 'client in a worker thread'}, ` +
        `${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`,
    );
    for (const r of results)
      console.log(
        `${r.name.padEnd(40)} ${Math.round(r.rps).toString().padStart(7)} req/s  ${((r.rps / bare) * 100).toFixed(0).padStart(4)} % of bare   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   errors ${r.errors}` +
          (r.cpu
            ? `   CPU per 1,000 answers: server ${Math.round(r.cpu.server)} ms, PostgreSQL ${Math.round(r.cpu.db)} ms`
            : ''),
      );
  } finally {
    if (cluster && cluster.exitCode === null) {
      const exited = new Promise<[number | null, string | null]>((resolve) =>
        cluster!.once('exit', (code, signal) => resolve([code, signal])),
      );
      cluster.kill('SIGTERM');
      const [code, signal] = await exited;
      if (code !== 0) console.log(`txng start exited with ${code ?? signal}`);
    }
    // dropping the scratch database ends the pool's idle connections with an error event: expected here
    (t.database.db as any).$client?.on?.('error', () => {});
    await t.close().catch(() => {});
  }
}

/** The server's processes (the cluster's primary and its workers) and the bench database's backends, CPU ms. */
async function cpuNow(primary: number, db: { query(text: string): Promise<{ rows: { pid: number }[] }> }) {
  const children = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === primary;
      } catch {
        return false;
      }
    })
    .map(Number);
  const server = [primary, ...children].reduce((sum, pid) => sum + processCpuMs(pid), 0);
  return { server, db: [...(await backendsCpu(db)).values()].reduce((sum, ms) => sum + ms, 0) };
}

/** `txng start --workers N` on the bench's database, waited for until /healthz answers. */
async function startCluster(workers: number, databaseUrl: string, baseUrl: string): Promise<ChildProcess> {
  const net = await import('node:net');
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  clusterPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '../bin/txng.js');
  // TXNG_BENCH_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) goes to the server's node, and its workers
  const nodeArgs = process.env.TXNG_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, bin, 'start', '--workers', String(workers)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(clusterPort),
      HOST: '127.0.0.1',
      TXNG_BASE_URL: baseUrl,
      TXNG_DEMO: '0',
      TXNG_TRUST_PROXY: 'true',
      TXNG_RESOLVER_RATE_LIMIT: '1000000000',
      TXNG_CHECKS_INTERVAL_MINUTES: '0',
      TXNG_DB_POOL: process.env.TXNG_DB_POOL ?? '20',
      // TXNG_BENCH_LOG_LEVEL=info measures the default's two log lines a request (written to /dev/null here)
      LOG_LEVEL: process.env.TXNG_BENCH_LOG_LEVEL ?? 'error',
    },
  });
  const deadline = Date.now() + 300_000; // a loaded machine starts slowly
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('txng start exited');
    const ok = await fetch(`http://127.0.0.1:${clusterPort}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error('txng start did not answer');
}
