import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from '../db/index.ts';
import { maintainPartitions, startPartitionMaintenance } from './partitions.ts';

export type Schema = typeof schema;
/** The one database type every repository takes: the same on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** A transaction: one connection, on which statements go one at a time. */
export const isTransaction = (db: DbOrTx): db is Tx => db instanceof PgTransaction;

/**
 * Runs independent reads side by side on the database (each on a connection of its own from the pool), and one after
 * another on a transaction: its one connection cannot run two statements at once (node-postgres queues them and warns
 * that it will stop; a nested transaction, a savepoint, must not interleave with another).
 */
export async function sideBySide<T extends readonly unknown[]>(
  db: DbOrTx,
  tasks: readonly [...{ [K in keyof T]: () => PromiseLike<T[K]> }],
): Promise<T> {
  if (!isTransaction(db)) return (await Promise.all(tasks.map((task) => task()))) as unknown as T;
  const results: unknown[] = [];
  for (const task of tasks) results.push(await task());
  return results as unknown as T;
}

export interface Database {
  db: Db;
  /**
   * Where public reads of published data may go (the portal, the consumer page's product, producer and journey,
   * the resolver's master data, the dashboard): a streaming replica when DATABASE_READ_URL is set, else `db`. It may
   * lag behind: a stamp's state, a scan and anything written are never read from it (docs/operations.md, Replica).
   */
  readDb: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/**
 * Opens PostgreSQL when a URL is given, else the embedded PGlite in `dataDir` (or in memory when `dataDir`
 * is null), and brings the schema up to date. PGlite's data folder is guarded by an exclusive lock file:
 * two processes on one folder would lose writes silently.
 */
export async function openDatabase(opts: {
  databaseUrl: string | null;
  dataDir: string | null;
  /** Most pooled PostgreSQL connections (TXNG_DB_POOL); pg's own default, 10, when not given. */
  dbPool?: number;
  /** A read-only streaming replica of `databaseUrl` for public reads (DATABASE_READ_URL). */
  databaseReadUrl?: string | null;
}): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = openPool(opts.databaseUrl, opts.dbPool);
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    await migratePg(db as any, { migrationsFolder });
    const stopPartitions = await keepPartitions(db);
    const replica = opts.databaseReadUrl ? openPool(opts.databaseReadUrl, opts.dbPool) : null;
    return {
      db,
      readDb: replica ? (drizzlePg({ client: replica, schema }) as unknown as Db) : db,
      kind: 'postgres',
      close: async () => {
        stopPartitions();
        await Promise.all([pool.end(), replica?.end()]);
      },
    };
  }
  const release = opts.dataDir ? lockDataDir(opts.dataDir) : () => {};
  try {
    const client = await PGlite.create(opts.dataDir ?? undefined);
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    await migratePglite(db as any, { migrationsFolder });
    const stopPartitions = await keepPartitions(db);
    return {
      db,
      readDb: db,
      kind: 'pglite',
      close: async () => {
        stopPartitions();
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

function openPool(connectionString: string, max: number | undefined) {
  const pool = new pg.Pool({ connectionString, max });
  // an idle client whose server connection ends (restart, failover) must not take the process down
  pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
  return pool;
}

/** The lock file of an embedded data folder: held by the process that has the folder open. */
export const dataDirLockName = '.txng.lock';

/**
 * Locks an embedded data folder for this process (released at exit, or by the function returned); refused, in words,
 * while a live process holds it. `advice` ends the refusal: what the person should do.
 */
export function lockDataDir(
  dataDir: string,
  advice = 'Stop that process, or point DATABASE_URL at PostgreSQL to run several processes.',
): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, dataDirLockName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      const release = () => fs.rmSync(lockFile, { force: true });
      process.once('exit', release);
      return release;
    } catch (err: any) {
      if (err.code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (holder && isAlive(holder)) {
        throw new Error(`The embedded database in ${dataDir} is in use by process ${holder}. ${advice}`);
      }
      fs.rmSync(lockFile, { force: true }); // left behind by a process that died
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err: any) {
    return err.code === 'EPERM';
  }
}

/** A text[] literal that both drivers pass the same way, for `= ANY(…::text[])` and array operators. */
export const textArrayLiteral = (values: string[]) =>
  `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/**
 * This month's partitions and the next ones (decision 054) whenever the program opens the database, and again every
 * day while it runs: a process that runs past a month's end still finds its month made. A failure is said, never
 * fatal: a row without its month lands in the default partition. Returns the function that stops the daily run.
 */
async function keepPartitions(db: Db): Promise<() => void> {
  const warn = (message: string) => console.error(message);
  await maintainPartitions(db).catch((err) =>
    warn(`Partition maintenance failed: ${(err as Error).message}`),
  );
  return startPartitionMaintenance(db, warn);
}
