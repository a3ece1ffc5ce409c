import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from '../db/index.ts';

// A migrated database made once per test run, copied for each test file: starting PGlite (its initdb) and applying
// the whole migration took most of a small test file's time, once per file. Made by the server suite's global
// setup (vitest.config.ts); `openTestDatabase` (./app.ts) copies it when the run made one and else migrates a
// fresh database itself, as the benches do.

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Where the global setup left the template: a PGlite data folder dump (a file) or a PostgreSQL database name. */
export const templateEnv = {
  pglite: 'TXNG_TEST_PGLITE_TEMPLATE',
  postgres: 'TXNG_TEST_PG_TEMPLATE',
} as const;

/** An embedded database loaded from the run's dumped template; the migrator then finds nothing left to apply. */
export async function openPgliteFromTemplate(file: string) {
  const client = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(file)]) });
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder });
  return { client, db };
}

/** Vitest global setup: makes the template for this run, says where through the environment, removes it after. */
export default async function setup(): Promise<() => Promise<void>> {
  const adminUrl = process.env.TXNG_TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `txng_template_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
    await migratePg(drizzlePg({ client: pool, schema }), { migrationsFolder });
    await pool.end(); // CREATE DATABASE … TEMPLATE refuses a template anyone is connected to
    process.env[templateEnv.postgres] = name;
    return async () => {
      delete process.env[templateEnv.postgres];
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
  }
  const client = await PGlite.create();
  await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
  const dump = await client.dumpDataDir('none');
  await client.close();
  const file = path.join(os.tmpdir(), `txng-test-template-${process.pid}-${crypto.randomUUID()}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env[templateEnv.pglite] = file;
  return async () => {
    delete process.env[templateEnv.pglite];
    fs.rmSync(file, { force: true });
  };
}

export async function adminQuery(adminUrl: string, sql: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
