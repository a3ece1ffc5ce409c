import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import {
  type Actor,
  type ActorResolver,
  type Config,
  type Database,
  type Db,
  loadConfig,
  openDatabase,
  type ScanThresholds,
} from '../platform/index.ts';
import { adminQuery, openPgliteFromTemplate, templateEnv } from './template-database.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  database: Database;
  /** Headers that make a request come from this actor (tests only: see `testActorResolver`). */
  as(actor: Partial<Actor> & Pick<Actor, 'role'>): Record<string, string>;
  /** Stops the program and starts it again on the same database, as a restart would (`app` is the new one). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Tests name their actor in a header. Only `createTestApp` installs this resolver; the real program
 * resolves sessions and API keys (accounts module), and accounts' own tests go through those.
 */
const testActorResolver: ActorResolver = async (request) => {
  const header = request.headers['x-test-actor'];
  return typeof header === 'string' ? (JSON.parse(header) as Actor) : null;
};

/**
 * A fresh database per call: embedded PGlite in memory, or, when TXNG_TEST_DATABASE_URL points at a
 * PostgreSQL server, a new database created on it and dropped at close. Under vitest both start as a copy of the
 * run's migrated template (./template-database.ts); elsewhere (the benches) they are migrated here.
 */
export async function openTestDatabase(opts: { dbPool?: number } = {}): Promise<Database> {
  const adminUrl = process.env.TXNG_TEST_DATABASE_URL;
  if (!adminUrl) {
    const template = process.env[templateEnv.pglite];
    if (!template || !fs.existsSync(template)) return openDatabase({ databaseUrl: null, dataDir: null });
    const { client, db } = await openPgliteFromTemplate(template);
    return {
      db: db as unknown as Db,
      readDb: db as unknown as Db,
      kind: 'pglite',
      close: () => client.close(),
    };
  }
  const name = `txng_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const template = process.env[templateEnv.postgres];
  await adminQuery(
    adminUrl,
    template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`,
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null, dbPool: opts.dbPool });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Settings a test changes; scan thresholds one by one (`{ scan: { networkCap: 5 } }`). */
export type ConfigOverrides = Partial<Omit<Config, 'scan'>> & { scan?: Partial<ScanThresholds> };

export async function createTestApp(
  overrides: ConfigOverrides = {},
  opts: { realAuth?: boolean; backofficeRoot?: string } = {},
): Promise<TestApp> {
  // mail is written as files, each test program in a folder of its own (made when the first mail is written, removed
  // at close)
  const mailDir = path.join(os.tmpdir(), 'txng-test-mail', crypto.randomUUID());
  // tests stand behind a trusted proxy: they set X-Forwarded-For to play several clients
  const base = loadConfig({
    TXNG_BASE_URL: 'https://txng.example.vn',
    TXNG_DEMO: '0',
    TXNG_TRUST_PROXY: 'true',
    TXNG_MAIL_DIR: mailDir,
  });
  const config: Config = { ...base, ...overrides, scan: { ...base.scan, ...overrides.scan } };
  const database = await openTestDatabase({ dbPool: config.dbPool });
  const start = async () => {
    const app = await buildApp({
      config,
      database,
      resolveActor: opts.realAuth ? undefined : testActorResolver,
      backofficeRoot: opts.backofficeRoot,
    });
    await app.ready();
    return app;
  };
  // a test that expects the app to refuse its settings gets the error, and its database is not left behind
  const app = await start().catch(async (error) => {
    await database.close();
    throw error;
  });
  const testApp: TestApp = {
    app,
    db: database.db,
    config,
    database,
    as: (actor) => ({
      'x-test-actor': JSON.stringify({
        kind: 'user',
        id: crypto.randomUUID(),
        name: 'Test',
        organisationIds: [],
        sector: null,
        communes: [],
        ...actor,
      }),
    }),
    restart: async () => {
      await testApp.app.close();
      testApp.app = await start();
    },
    close: async () => {
      await testApp.app.close();
      await database.close();
      fs.rmSync(mailDir, { recursive: true, force: true });
    },
  };
  return testApp;
}
