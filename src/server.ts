import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import { buildApp } from './app.ts';
import { allChecks, startScheduler } from './checks/index.ts';
import { seedDemo } from './demo/index.ts';
import {
  type Config,
  type Database,
  loadConfig,
  openDatabase,
  serveClusterMetrics,
  stopReadiness,
} from './platform/index.ts';
import { startCheckpointSchedule } from './proofs/index.ts';
import { startResolverListener } from './resolver/index.ts';
import { startScanBuffer, stopScanBuffer } from './stamps/index.ts';

export interface StartOptions {
  /** `txng start --workers N`; else TXNG_WORKERS; else the number of cores on PostgreSQL, 1 on PGlite. */
  workers?: number;
}

/** Reads `--workers N` / `--workers=N` from the start command's arguments. */
export function workersOption(args: string[]): number | undefined {
  const at = args.findIndex((a) => a === '--workers' || a.startsWith('--workers='));
  if (at < 0) return undefined;
  const value = args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--workers takes a whole number of processes, not "${value}"`);
  return n;
}

/**
 * How many server processes (docs/decisions/055-resolver-at-scale.md): the embedded database lives inside one
 * process, so PGlite always runs one, saying so when more were asked for.
 */
export function workerCount(config: Config, asked: number | undefined, env = process.env): number {
  const fromEnv = env.TXNG_WORKERS ? Number(env.TXNG_WORKERS) : undefined;
  if (fromEnv !== undefined && (!Number.isInteger(fromEnv) || fromEnv < 1))
    throw new Error(`TXNG_WORKERS takes a whole number of processes, not "${env.TXNG_WORKERS}"`);
  const wanted = asked ?? fromEnv;
  if (!config.databaseUrl) {
    if (wanted && wanted > 1)
      console.warn(
        `The embedded database serves one process: starting 1 worker, not ${wanted} (set DATABASE_URL for more).`,
      );
    return 1;
  }
  return wanted ?? Math.max(1, os.availableParallelism());
}

/**
 * Starts the whole system: database (migrated), demo data when asked, HTTP server — in this process, or, with
 * several workers, in that many forked processes sharing the port (Node's cluster module) after this one has
 * migrated and seeded. A bad configuration (a production server without its secrets among others) stops it in
 * `loadConfig`, before anything is opened.
 */
export async function startServer(config: Config = loadConfig(), options: StartOptions = {}) {
  if (cluster.isWorker) return serveWorker(config);
  const workers = workerCount(config, options.workers);
  const database = await openDatabase(config);
  if (workers === 1) return serve(config, database, { checks: true, announce: true, seed: true });
  // the app first, as in one process: it applies the configuration the demo's stamps and communes depend on; it never
  // listens here, and the workers open their own pools: this process keeps nothing open and only watches them
  const app = await buildApp({ config, database, logger: false });
  await seed(database, config);
  await app.close();
  await database.close();
  return superviseWorkers(config, workers);
}

async function seed(database: Database, config: Config) {
  // a hub holds only what provinces deliver: the province's demo data would sit in tables it never reads
  if (config.demo && config.mode !== 'hub') {
    const { seeded } = await seedDemo(database.db, config);
    if (seeded) console.log('Demo data loaded (set TXNG_DEMO=0 to start empty).');
  }
}

/** One worker of several: its own pool and app; the checks run in the first worker only. */
async function serveWorker(config: Config) {
  const database = await openDatabase(config);
  return serve(config, database, {
    checks: process.env.TXNG_WORKER_INDEX === '1',
    announce: false,
    seed: false,
  });
}

async function serve(
  config: Config,
  database: Database,
  opts: { checks: boolean; announce: boolean; seed: boolean },
) {
  // the app first: it applies the configuration the demo's stamps and communes depend on
  const app = await buildApp({ config, database, logger: true });
  if (opts.seed) await seed(database, config);
  // the automatic checks on their schedule; each run takes its check's advisory lock, so several server processes
  // on one database run each check once
  const stopChecks =
    opts.checks && config.checks.intervalMinutes > 0
      ? startScheduler(
          database.db,
          () => allChecks(config),
          config.checks.intervalMinutes * 60_000,
          (m) => app.log.warn(m),
        )
      : () => {};
  // the daily signed checkpoint of the audit chain (decision 057), where the checks run
  const stopCheckpoints = opts.checks
    ? startCheckpointSchedule(database.db, {
        province: config.provinceName,
        keyFile: config.checkpointKeyFile,
        log: (m) => app.log.warn(m),
      })
    : () => {};
  // stamps, lots, products and organisations held in memory, dropped when a change is announced (decision 055)
  const listener = await startResolverListener({
    db: database.db,
    databaseUrl: config.databaseUrl,
    log: (m) => app.log.warn(m),
  });
  // the consumer page's scans written in batches, every ≤ 200 ms (decision 055)
  startScanBuffer(database.db, { log: (m) => app.log.warn(m) });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    // an operator reading `docker logs` or the journal sees the stop begin and end
    if (opts.announce) console.log('Stopping: finishing the requests in flight and writing the scans held…');
    stopChecks();
    stopCheckpoints();
    // /readyz answers 503 from now; behind a load balancer the server keeps serving while it notices
    stopReadiness(app);
    if (config.drainSeconds) await new Promise((r) => setTimeout(r, config.drainSeconds * 1000));
    // stops accepting and finishes the requests in flight (the app's own onClose hooks too), then writes the scans
    // still held: a graceful stop loses none
    await app.close();
    await stopScanBuffer(database.db);
    await listener.stop();
    await database.close();
    if (opts.announce) console.log('Stopped.');
    process.exit(0);
  };
  // `on`, not `once`: a terminal's Ctrl-C reaches the workers directly and through the primary
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  if (opts.announce) announce(config, database, 1);
  return app;
}

function announce(config: Config, database: Database | null, workers: number) {
  const where = database?.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL';
  const what = config.mode === 'hub' ? 'TXNG hub' : `TXNG (${config.provinceName})`;
  console.log(`${what} on ${config.baseUrl} — ${where}${workers > 1 ? `, ${workers} worker processes` : ''}`);
  if (config.mode === 'hub')
    console.log(
      'Hub mode: the first administrator comes from `txng create-admin`, nodes from `txng hub add-node`.',
    );
  // people who forgot their password would otherwise wait for someone to read the log (docs/operations.md, Mail)
  if (!config.mail.smtp)
    console.log(
      `No SMTP server configured: mail is written to ${config.mail.outboxDir} (TXNG_SMTP_URL sends it).`,
    );
}

/** At most this many unexpected exits within a minute are restarted; more means something is wrong for good. */
const restartLimit = 5;

/**
 * The primary: forks the workers, restarts one that dies unexpectedly (within the limit), and on SIGTERM/SIGINT
 * passes the signal on and exits once every worker has finished its requests and flushed its buffers.
 */
async function superviseWorkers(config: Config, count: number) {
  // a worker's /metrics answers for all of them (src/platform/metrics.ts)
  serveClusterMetrics();
  let stopping = false;
  const restarts: number[] = [];
  const index = new Map<Worker, string>();
  const fork = (n: string) => {
    const worker = cluster.fork({ TXNG_WORKER_INDEX: n });
    index.set(worker, n);
    return worker;
  };
  const ready = Array.from({ length: count }, (_, i) => {
    const worker = fork(String(i + 1));
    return new Promise<void>((resolve, reject) => {
      worker.once('listening', () => resolve());
      worker.once('exit', (code) =>
        reject(new Error(`worker ${i + 1} exited with ${code} before listening`)),
      );
    });
  });
  cluster.on('exit', (worker, code, signal) => {
    const n = index.get(worker) ?? '?';
    index.delete(worker);
    if (stopping) {
      if (!index.size) {
        console.log('Stopped.');
        process.exit(0);
      }
      return;
    }
    const now = Date.now();
    while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
    if (restarts.length >= restartLimit) {
      console.error(`Worker ${n} exited (${signal ?? code}); too many restarts within a minute: stopping.`);
      stop('SIGTERM');
      return;
    }
    restarts.push(now);
    console.error(`Worker ${n} exited unexpectedly (${signal ?? code}); starting another.`);
    fork(n);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (!index.size) process.exit(0);
    console.log(
      `Stopping: ${index.size} workers finish their requests in flight and write the scans they hold…`,
    );
    for (const worker of index.keys()) worker.process.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  try {
    await Promise.all(ready);
  } catch (err) {
    stop('SIGTERM');
    throw err;
  }
  announce(config, null, count);
}
