import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from './config.ts';
import { dataDirLockName, lockDataDir } from './db.ts';

/**
 * `txng backup <file>` and `txng restore <file> [--force]` for the embedded database (issue 15 §3,
 * docs/operations.md "Backup and restore"). A backup is PGlite's own dump of its data folder (a gzipped tar),
 * taken with the folder locked as the server locks it, so never under a running server; it is checked by opening
 * it in memory before the command says it is done. A restore loads such a file into an empty data folder (with
 * `--force`, the folder in place is first moved aside, never deleted) and opens it to check it. On PostgreSQL
 * (DATABASE_URL) both say how to use pg_dump and pg_restore instead.
 */

const postgresAdvice = (command: 'backup' | 'restore') =>
  command === 'backup'
    ? 'DATABASE_URL is set: back up PostgreSQL with its own tools, e.g.\n' +
      '  pg_dump --format=custom --file=txng.dump "$DATABASE_URL"\n' +
      '(docs/operations.md, "Backup and restore"). txng backup is for the embedded database only.'
    : 'DATABASE_URL is set: restore PostgreSQL with its own tools into an empty database, e.g.\n' +
      '  createdb txng_restored && pg_restore --no-owner --dbname=postgres://…/txng_restored txng.dump\n' +
      '(docs/operations.md, "Backup and restore"). txng restore is for the embedded database only.';

/** The data folder's lock, the one `openDatabase` takes: refused while a server holds it. */
function lockForCommand(dataDir: string): () => void {
  try {
    return lockDataDir(
      dataDir,
      '(A running server?) Stop it first (systemctl stop txng), then run this again.',
    );
  } catch (err) {
    throw new CommandError((err as Error).message);
  }
}

class CommandError extends Error {}

interface Verdict {
  migrations: number;
  tables: number;
}

/** Opens a database and says what it holds: the migrations applied and the program's tables. */
async function inspect(db: PGlite): Promise<Verdict> {
  const migrations = await db.query<{ n: number }>(
    'select count(*)::int as n from drizzle.__drizzle_migrations',
  );
  const tables = await db.query<{ n: number }>(
    "select count(*)::int as n from pg_tables where schemaname = 'public'",
  );
  return { migrations: migrations.rows[0].n, tables: tables.rows[0].n };
}

const hasDatabase = (dataDir: string) => fs.existsSync(path.join(dataDir, 'PG_VERSION'));

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function backupEmbedded(dataDir: string, file: string, out: Writable): Promise<Verdict> {
  if (!hasDatabase(dataDir))
    throw new CommandError(`There is no embedded database in ${dataDir} (TXNG_DATA_DIR).`);
  const target = path.resolve(file);
  if (target === dataDir || target.startsWith(`${dataDir}${path.sep}`))
    throw new CommandError('Write the backup outside the data folder it is a backup of.');
  const started = performance.now();
  const release = lockForCommand(dataDir);
  let dump: Blob;
  try {
    const db = await PGlite.create(dataDir);
    try {
      dump = await db.dumpDataDir('gzip');
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
  // written beside its name and renamed, so a half-written file never has the backup's name
  const partial = `${target}.partial`;
  await fs.promises.writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  const verdict = await verifyBackup(partial).catch(async (err) => {
    await fs.promises.rm(partial, { force: true });
    throw new CommandError(`The backup did not open again, and was not kept: ${(err as Error).message}`);
  });
  await fs.promises.rename(partial, target);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  out.write(
    `Backed up ${dataDir} to ${target} (${megabytes(dump.size)}, ${seconds} s); opened it again: ` +
      `${verdict.migrations} migrations, ${verdict.tables} tables.\n`,
  );
  return verdict;
}

/** Opens a backup in memory, as a restore would, and says what it holds. */
export async function verifyBackup(file: string): Promise<Verdict> {
  const blob = new Blob([await fs.promises.readFile(file)]);
  const db = await PGlite.create({ loadDataDir: blob });
  try {
    return await inspect(db);
  } finally {
    await db.close();
  }
}

export async function restoreEmbedded(
  dataDir: string,
  file: string,
  opts: { force: boolean },
  out: Writable,
): Promise<Verdict> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new CommandError(`There is no backup file ${source}.`);
  const started = performance.now();
  let release = lockForCommand(dataDir);
  try {
    const present = fs.readdirSync(dataDir).filter((name) => name !== dataDirLockName);
    if (present.length) {
      if (!opts.force)
        throw new CommandError(
          `${dataDir} is not empty (${hasDatabase(dataDir) ? 'it holds a database' : `${present.length} entries`}). ` +
            'Restore into an empty TXNG_DATA_DIR, or add --force to move what is there aside first.',
        );
      const aside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      // the lock moves with the folder: take it again in the new, empty one
      fs.renameSync(dataDir, aside);
      fs.rmSync(path.join(aside, dataDirLockName), { force: true });
      release = lockForCommand(dataDir);
      out.write(`Moved the data folder in place aside to ${aside}.\n`);
    }
    const blob = new Blob([await fs.promises.readFile(source)]);
    const db = await PGlite.create({ dataDir, loadDataDir: blob });
    let verdict: Verdict;
    try {
      verdict = await inspect(db);
    } finally {
      await db.close();
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out.write(
      `Restored ${source} into ${dataDir} (${seconds} s); opened it: ${verdict.migrations} migrations, ` +
        `${verdict.tables} tables. Start the server (txng start) to bring it up to this program's migrations.\n`,
    );
    return verdict;
  } finally {
    release();
  }
}

/** `txng backup <file>` / `txng restore <file> [--force]`: 0 done, 1 refused or failed, 2 not for this database. */
export async function runBackupCommand(
  command: 'backup' | 'restore',
  args: string[],
  config: Config,
  out: Writable,
  err: Writable = process.stderr,
): Promise<number> {
  if (config.databaseUrl) {
    err.write(`${postgresAdvice(command)}\n`);
    return 2;
  }
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  if (files.length !== 1 || files[0].startsWith('-') || (command === 'backup' && force)) {
    err.write(
      command === 'backup'
        ? 'Usage: txng backup <file.tar.gz>\n'
        : 'Usage: txng restore <file.tar.gz> [--force]\n',
    );
    return 2;
  }
  if (!config.dataDir) {
    err.write('No data folder is configured (TXNG_DATA_DIR).\n');
    return 2;
  }
  try {
    if (command === 'backup') await backupEmbedded(config.dataDir, files[0], out);
    else await restoreEmbedded(config.dataDir, files[0], { force }, out);
    return 0;
  } catch (e) {
    if (!(e instanceof CommandError)) throw e;
    err.write(`${e.message}\n`);
    return 1;
  }
}
