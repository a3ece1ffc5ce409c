import cluster from 'node:cluster';
import crypto from 'node:crypto';
import net from 'node:net';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import pg from 'pg';
import client from 'prom-client';
import type { Database, Db } from './db.ts';
import { defineMessages } from './i18n.ts';
import { Problem } from './problem.ts';

defineMessages({
  'problem.metrics-token': {
    vi: 'Cần mã truy cập số liệu vận hành (Authorization: Bearer, TXNG_METRICS_TOKEN)',
    en: 'The metrics token is required (Authorization: Bearer, TXNG_METRICS_TOKEN)',
  },
  'problem.metrics-local-only': {
    vi: 'Số liệu vận hành chỉ đọc được từ máy chủ hoặc mạng nội bộ, hoặc với TXNG_METRICS_TOKEN',
    en: 'Metrics are read only from this machine or the private network, or with TXNG_METRICS_TOKEN',
  },
});

/**
 * Metrics in the Prometheus text format at `/metrics` (issue 15 §3, docs/operations.md "Metrics").
 *
 * One registry for the process. A module adds its own metric with `metricGauge` / `metricCounter` /
 * `metricHistogram` (same options as prom-client's; asking twice for one name returns the metric made the first
 * time, so a module can create it at import). A value read at scrape time goes in the gauge's `collect`:
 *
 *     metricGauge({ name: 'txng_resolver_cache_entries', help: '…', collect() { this.set(cache.size) } });
 *     const hits = metricCounter({ name: 'txng_resolver_cache_lookups_total', help: '…', labelNames: ['result'] });
 *     hits.inc({ result: 'hit' });
 *
 * Names start with `txng_`; labels take a handful of values, never an id, a URL or a code.
 */
export const metricsRegistry = new client.Registry();

function existing<T>(name: string): T | undefined {
  return metricsRegistry.getSingleMetric(name) as T | undefined;
}

export function metricGauge<L extends string>(opts: client.GaugeConfiguration<L>): client.Gauge<L> {
  return existing(opts.name) ?? new client.Gauge({ ...opts, registers: [metricsRegistry] });
}

export function metricCounter<L extends string>(opts: client.CounterConfiguration<L>): client.Counter<L> {
  return existing(opts.name) ?? new client.Counter({ ...opts, registers: [metricsRegistry] });
}

export function metricHistogram<L extends string>(
  opts: client.HistogramConfiguration<L>,
): client.Histogram<L> {
  return existing(opts.name) ?? new client.Histogram({ ...opts, registers: [metricsRegistry] });
}

// ---- requests ------------------------------------------------------------------------------------------------

const requests = metricCounter({
  name: 'txng_http_requests_total',
  help: 'HTTP requests answered, by route group and status class (2xx, 3xx, 4xx, 5xx)',
  labelNames: ['group', 'status'],
});
const latency = metricHistogram({
  name: 'txng_http_request_duration_seconds',
  help: 'Time from the request to the end of the answer, by route group',
  labelNames: ['group'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

const statusClasses = ['0xx', '1xx', '2xx', '3xx', '4xx', '5xx'];

const primaryKeyPath = /^\/\d{2,4}(\/\*)?$/;

/**
 * The route group of a route pattern (not of the URL: a label takes a bounded set of values): `resolver`,
 * `consumer-page`, `api/<module>`, `epcis`, `static`, `portal`, `ops`, or `unmatched` for no route at all.
 */
export function routeGroup(pattern: string | undefined): string {
  if (!pattern) return 'unmatched';
  if (pattern === '/healthz' || pattern === '/readyz' || pattern === '/metrics') return 'ops';
  if (pattern.startsWith('/api/'))
    return `api/${pattern.split('/')[2].replace(/[^a-z0-9-]/g, '') || 'other'}`;
  if (pattern === '/epcis' || pattern.startsWith('/epcis/')) return 'epcis';
  if (pattern.startsWith('/app/assets/') || /\.(css|js|woff2?|png|svg|ico)$/.test(pattern)) return 'static';
  if (pattern === '/app' || pattern.startsWith('/app/')) return 'static';
  if (pattern.startsWith('/page/') || pattern.startsWith('/dpp/') || pattern.startsWith('/epil/'))
    return 'consumer-page';
  if (primaryKeyPath.test(pattern) || pattern === '/:compressed' || pattern.startsWith('/.well-known/'))
    return 'resolver';
  if (pattern.startsWith('/resolver')) return 'resolver';
  return 'portal';
}

const groups = new Map<string, string>();
const groupOf = (pattern: string | undefined) => {
  const key = pattern ?? '';
  let group = groups.get(key);
  if (!group) {
    group = routeGroup(pattern);
    groups.set(key, group);
  }
  return group;
};

// ---- read at scrape time ---------------------------------------------------------------------------------------

/** The database the scrape-time gauges read: the last program registered in this process (one in production). */
let source: { db: Db; pool: pg.Pool | null } | null = null;

const captureStates = ['running', 'success', 'failed'];
const outboxStates = ['held', 'queued', 'sent', 'confirmed', 'failed', 'replaced'];

/** A database that does not answer leaves its gauges out of the scrape (/readyz says why) instead of failing it. */
const quietly = <T>(query: Promise<T>): Promise<T | null> => query.catch(() => null);

const rowsOf = (result: unknown) =>
  ((result as { rows?: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];

metricGauge({
  name: 'txng_epcis_capture_jobs',
  help: 'EPCIS capture jobs by state (counted from the state index at each scrape)',
  labelNames: ['state'],
  // every worker reads the same database: one worker's count, not their sum
  aggregator: 'first',
  async collect() {
    this.reset();
    if (!source) return;
    // one count per state, each an index-only read of epcis_capture_jobs_state_idx, never the rows (with their errors)
    const result = await quietly(
      source.db.execute(
        sql`select s.state, (select count(*) from epcis_capture_jobs j where j.state = s.state)::int as n
            from unnest(${`{${captureStates.join(',')}}`}::text[]) as s(state)`,
      ),
    );
    if (!result) return;
    for (const state of captureStates) this.set({ state }, 0);
    for (const row of rowsOf(result)) this.set({ state: String(row.state) }, Number(row.n));
  },
});

metricGauge({
  name: 'txng_sync_outbox',
  help: 'Sync outbox rows by receiver and state (read from the database at each scrape)',
  labelNames: ['receiver', 'state'],
  aggregator: 'first',
  async collect() {
    this.reset();
    if (!source) return;
    const result = await quietly(
      source.db.execute(
        sql`select receiver, state, count(*)::int as n from sync_outbox group by receiver, state`,
      ),
    );
    if (!result) return;
    const rows = rowsOf(result);
    for (const receiver of new Set(rows.map((r) => String(r.receiver))))
      for (const state of outboxStates) this.set({ receiver, state }, 0);
    for (const row of rows)
      this.set({ receiver: String(row.receiver), state: String(row.state) }, Number(row.n));
  },
});

metricGauge({
  name: 'txng_db_pool_connections',
  help: 'PostgreSQL pool connections: total open, idle, and requests waiting for one (not on the embedded database)',
  labelNames: ['state'],
  collect() {
    this.reset();
    const pool = source?.pool;
    if (!pool) return;
    this.set({ state: 'total' }, pool.totalCount);
    this.set({ state: 'idle' }, pool.idleCount);
    this.set({ state: 'waiting' }, pool.waitingCount);
  },
});

const scrapeSeconds = metricGauge({
  name: 'txng_metrics_scrape_duration_seconds',
  help: 'How long the previous scrape took to read its gauges from the database',
  aggregator: 'max',
});

// ---- several workers (decision 055) ----------------------------------------------------------------------------

const ask = 'txng:metrics?';
const answer = 'txng:metrics';

/**
 * In the primary of several workers (`txng start` on PostgreSQL): a worker asked for /metrics asks this process,
 * which gathers every worker's registry and sums them (counters, histograms, the pools; the database's counts are
 * taken once), so a scrape that lands on any worker sees the whole server and counters never jump back.
 */
export function serveClusterMetrics() {
  const aggregator = new client.AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== ask) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: answer, id: message.id, text }),
      (err: Error) => worker.send({ type: answer, id: message.id, error: err.message }),
    );
  });
}

let joined = false;
let asked = 0;
const waiting = new Map<number, (text: string | null) => void>();

/** A worker's part: its registry answers the primary's gathering, and its /metrics asks the primary. */
function joinCluster() {
  if (joined || !cluster.isWorker) return;
  joined = true;
  new client.AggregatorRegistry(); // listens for the primary's gathering
  client.AggregatorRegistry.setRegistries([metricsRegistry]);
  process.on('message', (message: { type?: string; id?: number; text?: string }) => {
    if (message?.type !== answer || message.id === undefined) return;
    waiting.get(message.id)?.(message.text ?? null);
    waiting.delete(message.id);
  });
}

/** Every worker's metrics through the primary; null outside a cluster or when it does not answer in 6 s. */
function clusterMetrics(): Promise<string | null> {
  if (!cluster.isWorker || !process.send) return Promise.resolve(null);
  const id = ++asked;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      resolve(null);
    }, 6000);
    waiting.set(id, (text) => {
      clearTimeout(timer);
      resolve(text);
    });
    process.send?.({ type: ask, id });
  });
}

// ---- access ----------------------------------------------------------------------------------------------------

const privateRanges = new net.BlockList();
for (const [address, bits] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  privateRanges.addSubnet(address, bits, 'ipv4');
privateRanges.addAddress('::1', 'ipv6');
privateRanges.addSubnet('fc00::', 7, 'ipv6');

/** A loopback or private (RFC 1918, unique local) address. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const plain = mapped ? mapped[1] : address;
  const version = net.isIP(plain);
  return version !== 0 && privateRanges.check(plain, version === 4 ? 'ipv4' : 'ipv6');
}

const forwardedHeaders = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * Who may read /metrics: with TXNG_METRICS_TOKEN set, whoever sends it as a bearer token, from anywhere; without
 * it, only a scraper on this machine or the private network talking to the program directly (a request a reverse
 * proxy passes on names its client in X-Forwarded-For or Forwarded, and is refused: the proxy serves the internet).
 */
function checkAccess(request: FastifyRequest, token: string | null) {
  if (token) {
    const auth = request.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? Buffer.from(auth.slice(7).trim()) : Buffer.alloc(0);
    const expected = Buffer.from(token);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
      throw new Problem(401, 'metrics-token', { headers: { 'www-authenticate': 'Bearer realm="metrics"' } });
    return;
  }
  const forwarded = forwardedHeaders.some((h) => request.headers[h] !== undefined);
  if (forwarded || !isPrivateAddress(request.socket.remoteAddress ?? ''))
    throw new Problem(403, 'metrics-local-only');
}

// ---- the route -------------------------------------------------------------------------------------------------

let defaultsCollected = false;

/** Counts and times every request by route group, and answers `/metrics` to whom `checkAccess` lets in. */
export function registerMetrics(app: FastifyInstance, database: Database, token: string | null) {
  joinCluster();
  if (!defaultsCollected) {
    // the process's own: CPU, memory, event loop lag, garbage collection, handles
    client.collectDefaultMetrics({ register: metricsRegistry });
    defaultsCollected = true;
  }
  const mine = {
    db: database.db,
    pool: database.kind === 'postgres' ? poolOf(database.db) : null,
  };
  source = mine;
  app.addHook('onClose', async () => {
    if (source === mine) source = null;
  });
  // a callback hook, not an async one: no promise per request
  app.addHook('onResponse', (request, reply, done) => {
    const group = groupOf(request.routeOptions.url);
    requests.inc({ group, status: statusClasses[Math.floor(reply.statusCode / 100)] ?? 'other' });
    latency.observe({ group }, reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    checkAccess(request, token);
    const started = performance.now();
    // with several workers, the whole server's (this worker's own only if the primary does not answer)
    const text = (await clusterMetrics()) ?? (await metricsRegistry.metrics());
    scrapeSeconds.set((performance.now() - started) / 1000);
    return reply.header('cache-control', 'no-store').type(metricsRegistry.contentType).send(text);
  });
}

/** The pg Pool under a node-postgres Drizzle database (Drizzle keeps its client as `$client`). */
function poolOf(db: Db): pg.Pool | null {
  const candidate = (db as unknown as { $client?: unknown }).$client;
  return candidate instanceof pg.Pool ? candidate : null;
}
