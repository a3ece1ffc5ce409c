import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { type ActorResolver, type Database, loadConfig, openDatabase } from '../platform/index.ts';
import { adminActor, makeOrganisation, organisationBody } from './factories/registry.ts';
import { adminQuery } from './template-database.ts';

/**
 * The PostgreSQL restore drill as a test (issue 15 §3; docs/operations.md "Backup and restore"): a database
 * migrated and written through the program, dumped with pg_dump -Fc, restored with pg_restore into a fresh database,
 * and the program opened on the copy: the same rows, an audit chain that still verifies, ready.
 */
const adminUrl = process.env.TXNG_TEST_DATABASE_URL;

const resolveActor: ActorResolver = async (request) => {
  const header = request.headers['x-test-actor'];
  return typeof header === 'string' ? JSON.parse(header) : null;
};
const asAdmin = { 'x-test-actor': JSON.stringify(adminActor) };

describe.skipIf(!adminUrl)('a pg_dump restored on PostgreSQL', () => {
  const suffix = `${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const names = { source: `txng_dump_${suffix}`, copy: `txng_restored_${suffix}` };
  // made when the suite runs (its body is read even where it is skipped)
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-pgdump-'));
  });
  const urlOf = (name: string) => {
    const url = new URL(adminUrl as string);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const config = loadConfig({ TXNG_BASE_URL: 'https://txng.example.vn', TXNG_DEMO: '0' });

  const open = async (name: string) => {
    const database: Database = await openDatabase({ databaseUrl: urlOf(name), dataDir: null, dbPool: 4 });
    const app = await buildApp({ config: { ...config, databaseUrl: urlOf(name) }, database, resolveActor });
    await app.ready();
    return { database, app };
  };

  afterAll(async () => {
    for (const name of Object.values(names))
      await adminQuery(adminUrl as string, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives back the same rows and an audit chain that verifies', async () => {
    await adminQuery(adminUrl as string, `CREATE DATABASE ${names.source}`);
    const source = await open(names.source);
    const created = await source.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: asAdmin,
      payload: organisationBody(1),
    });
    expect(created.statusCode).toBe(201);
    for (let i = 0; i < 3; i++) await makeOrganisation(source.database.db);
    const before = {
      organisations: (
        await source.app.inject({ url: '/api/organisations?limit=100', headers: asAdmin })
      ).json(),
      audit: (await source.app.inject({ url: '/api/audit/verify' })).json(),
    };
    expect(JSON.stringify(before.organisations)).toContain(organisationBody(1).name);
    expect(before.audit).toMatchObject({ valid: true });
    await source.app.close();
    await source.database.close();

    const file = path.join(dir, 'txng.dump');
    execFileSync('pg_dump', ['--format=custom', `--file=${file}`, urlOf(names.source)]);
    await adminQuery(adminUrl as string, `CREATE DATABASE ${names.copy}`);
    execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${urlOf(names.copy)}`, file]);

    const copy = await open(names.copy);
    try {
      const organisations = (
        await copy.app.inject({ url: '/api/organisations?limit=100', headers: asAdmin })
      ).json();
      expect(organisations).toEqual(before.organisations);
      const audit = (await copy.app.inject({ url: '/api/audit/verify' })).json();
      expect(audit).toMatchObject({ valid: true, rows: before.audit.rows, headHash: before.audit.headHash });
      expect((await copy.app.inject({ url: '/readyz' })).statusCode).toBe(200);
      // the copy takes new writes on top: its sequences came along
      const more = await copy.app.inject({
        method: 'POST',
        url: '/api/organisations',
        headers: asAdmin,
        payload: organisationBody(2),
      });
      expect(more.statusCode).toBe(201);
      expect((await copy.app.inject({ url: '/api/audit/verify' })).json()).toMatchObject({ valid: true });
    } finally {
      await copy.app.close();
      await copy.database.close();
    }
  });
});
