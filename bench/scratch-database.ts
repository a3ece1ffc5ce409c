/**
 * The database a benchmark measures on: with DATABASE_URL, a scratch database of its own on that server (dropped and
 * created before the run, dropped after it); without, PGlite in memory. `kind` names which, for the printed header.
 */
import pg from 'pg';
import { type Database, openDatabase } from '../src/platform/db.ts';

export interface BenchDatabase {
  database: Database;
  kind: string;
  drop: () => Promise<void>;
}

export interface ScratchOptions {
  /** Connections in the pool on PostgreSQL (the program's default when unset). */
  dbPool?: number;
  /** Leave the scratch database in place after the run. */
  keep?: boolean;
  /** Open the kept scratch database as it is, neither dropping nor creating it. */
  reuse?: boolean;
  /** What the header calls PGlite (default 'PGlite'). */
  pgliteKind?: string;
}

export async function openBenchDatabase(
  scratchName: string,
  opts: ScratchOptions = {},
): Promise<BenchDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url)
    return {
      database: await openDatabase({ databaseUrl: null, dataDir: null }),
      kind: opts.pgliteKind ?? 'PGlite',
      drop: async () => {},
    };
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  if (!opts.reuse) {
    await admin(`DROP DATABASE IF EXISTS ${scratchName} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${scratchName}`);
  }
  const scratch = new URL(url);
  scratch.pathname = `/${scratchName}`;
  const database = await openDatabase({
    databaseUrl: scratch.toString(),
    dataDir: null,
    dbPool: opts.dbPool,
  });
  return {
    database,
    kind: 'PostgreSQL',
    drop: async () => {
      if (!opts.keep) await admin(`DROP DATABASE IF EXISTS ${scratchName} WITH (FORCE)`);
    },
  };
}
