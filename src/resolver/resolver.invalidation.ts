import pg from 'pg';
import type { Db } from '../platform/index.ts';
import { connectPublicationListener, type PublicationChange } from '../registry/index.ts';
import { announceResolverChange, resolverChannel, scanLedgerFor, scansChannel } from '../stamps/index.ts';
import {
  invalidateResolverCache,
  onResolverCacheCleared,
  setResolverCacheListening,
} from './resolver.cache.ts';

/**
 * Every process of a deployment keeps the stamps it resolved in memory and hears, through PostgreSQL
 * `LISTEN txng_resolver`, when one of them (or a lot, product, organisation) changes (docs/decisions/055).
 * Changes announce themselves in their own transaction (stamps.announce.ts, and the registry's publication
 * listeners below), so the notification arrives at commit and never for a rolled-back change.
 */

/** A publication change (approval, withdrawal, a lot's status) announces itself in its transaction. */
async function announcePublication(
  tx: Parameters<Parameters<typeof connectPublicationListener>[0]>[0],
  change: PublicationChange,
) {
  await announceResolverChange(tx, `${change.entity}:${change.id}`);
}

/** Connected by the resolver's routes: every process that changes published data announces it. */
export function connectResolverAnnouncements() {
  connectPublicationListener(announcePublication);
}

export interface ResolverListener {
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts listening. On PGlite (one process) the embedded database's own `listen`; on PostgreSQL a dedicated
 * connection outside the pool. While that connection is down the cache is cold (live state read from the
 * database); once it is back and listening again, everything held is dropped before memory is used again.
 * `heartbeatMs`: how often the connection is probed, so a silent network loss is noticed too.
 */
export async function startResolverListener(opts: {
  db: Db;
  databaseUrl: string | null;
  log: (message: string) => void;
  heartbeatMs?: number;
}): Promise<ResolverListener> {
  const { db, databaseUrl, log } = opts;
  // a test's or an inspector's "forget everything" reaches the other processes too
  const detach = onResolverCacheCleared(() => {
    announceResolverChange(db, '*').catch(() => {});
  });
  const onNotification = (payload: string | undefined) => invalidateResolverCache(payload ?? '*');
  // the same connection hears the scans other processes write, for the consumer page's statistics (scans.ledger.ts)
  const ledger = scanLedgerFor(db);
  const onScans = (payload: string | undefined) => ledger.apply(payload ?? '*');
  const setListening = (on: boolean) => {
    setResolverCacheListening(on);
    ledger.setListening(on);
  };
  if (!databaseUrl) {
    const client = (
      db as unknown as {
        $client: { listen(channel: string, cb: (payload: string) => void): Promise<() => Promise<void>> };
      }
    ).$client;
    const unsubscribe = await client.listen(resolverChannel, onNotification);
    const unsubscribeScans = await client.listen(scansChannel, onScans);
    setListening(true);
    return {
      async stop() {
        detach();
        setListening(false);
        await unsubscribe().catch(() => {});
        await unsubscribeScans().catch(() => {});
      },
    };
  }

  let stopped = false;
  let current: pg.Client | null = null;
  let delay = 100;
  let heartbeat: NodeJS.Timeout | null = null;
  let connecting: Promise<void> | null = null;

  const lost = (client: pg.Client, why: string) => {
    if (current !== client) return;
    current = null;
    setListening(false);
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    client.end().catch(() => {});
    if (stopped) return;
    log(
      `resolver: the LISTEN connection was lost (${why}); stamps are read from the database until it is back`,
    );
    connecting = connect();
  };

  const connect = async () => {
    while (!stopped) {
      const client = new pg.Client({
        connectionString: databaseUrl,
        keepAlive: true,
        connectionTimeoutMillis: 5000,
        query_timeout: 5000,
        application_name: 'txng-resolver-listen',
      });
      client.on('error', (err) => lost(client, err.message));
      client.on('end', () => lost(client, 'connection ended'));
      client.on('notification', (n) => {
        if (n.channel === resolverChannel) onNotification(n.payload);
        else if (n.channel === scansChannel) onScans(n.payload);
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${resolverChannel}; LISTEN ${scansChannel}`);
        if (stopped) {
          await client.end();
          return;
        }
        current = client;
        delay = 100;
        // listening now: anything held may have missed announcements while down, so it goes (inside)
        setListening(true);
        heartbeat = setInterval(() => {
          client.query('SELECT 1').catch((err: Error) => lost(client, err.message));
        }, opts.heartbeatMs ?? 2000);
        heartbeat.unref();
        return;
      } catch (err) {
        client.removeAllListeners('end');
        client.on('error', () => {});
        client.end().catch(() => {});
        if (stopped) return;
        log(`resolver: cannot LISTEN (${(err as Error).message}); retrying in ${delay} ms`);
        await sleep(delay);
        delay = Math.min(delay * 2, 5000);
      }
    }
  };

  connecting = connect();
  await connecting;
  return {
    async stop() {
      stopped = true;
      detach();
      if (heartbeat) clearInterval(heartbeat);
      const client = current;
      current = null;
      setListening(false);
      if (client) {
        client.removeAllListeners('end');
        await client.end().catch(() => {});
      }
      await connecting?.catch(() => {});
    },
  };
}
