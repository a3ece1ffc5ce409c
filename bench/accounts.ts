/**
 * What identity and the audit chain cost: a request resolved from a session cookie or an API key beside the bare
 * /healthz route (app.inject, sequential), a sign-in (argon2id), appending audit rows (chain lock + hash) and
 * verifying the chain. `npx tsx bench/accounts.ts`; DATABASE_URL=postgres://… runs on PostgreSQL in a scratch
 * database `txng_bench_accounts` (created and dropped), else on PGlite in memory.
 */
import os from 'node:os';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { recordAudit } from '../src/audit/audit.service.ts';
import { verifyAuditChain } from '../src/audit/audit.verify.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type Database, openDatabase } from '../src/platform/db.ts';
import type { TestApp } from '../src/test/app.ts';
import { makeOrganisation, makeUser, signIn, testPassword } from '../src/test/factories/index.ts';

const requests = Number(process.env.BENCH_REQUESTS ?? 2000);
const auditRows = Number(process.env.BENCH_AUDIT_ROWS ?? 2000);
let counter = 0;
const nextAddress = () => {
  counter = (counter + 1) % 250;
  return counter;
};

async function open(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url)
    return { database: await openDatabase({ databaseUrl: null, dataDir: null }), drop: async () => {} };
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS txng_bench_accounts WITH (FORCE)');
  await admin.query('CREATE DATABASE txng_bench_accounts');
  const scratch = new URL(url);
  scratch.pathname = '/txng_bench_accounts';
  const database = await openDatabase({ databaseUrl: scratch.toString(), dataDir: null });
  return {
    database,
    drop: async () => {
      await admin.query('DROP DATABASE IF EXISTS txng_bench_accounts WITH (FORCE)');
      await admin.end();
    },
  };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time(n: number, fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const total = samples.reduce((a, b) => a + b, 0);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), perSecond: (n / total) * 1000 };
}

const { database, drop } = await open();
const config = { ...loadConfig({ TXNG_BASE_URL: 'https://txng.example.vn', TXNG_DEMO: '0' }) };
const app = await buildApp({ config, database });
await app.ready();
const t = { app, db: database.db, config, database } as unknown as TestApp;
try {
  const org = await makeOrganisation(database.db);
  const admin = await makeUser(database.db, 'dost_admin');
  const session = await signIn(t, admin.email);
  const key = (
    await app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: session.write,
      payload: { name: 'bench', organisationIds: [org.id] },
    })
  ).json().key as string;

  const rows: [string, Awaited<ReturnType<typeof time>>][] = [];
  rows.push(['GET /healthz (baseline)', await time(requests, () => app.inject('/healthz'))]);
  // /healthz does no work of its own: with credentials it shows what resolving the caller costs every request
  rows.push([
    'GET /healthz with a session cookie',
    await time(requests, () => app.inject({ url: '/healthz', headers: session.read })),
  ]);
  rows.push([
    'GET /healthz with an API key',
    await time(requests, () => app.inject({ url: '/healthz', headers: { authorization: `Bearer ${key}` } })),
  ]);
  rows.push([
    'GET /api/auth/me, session cookie',
    await time(requests, () => app.inject({ url: '/api/auth/me', headers: session.read })),
  ]);
  rows.push([
    'GET /api/auth/me, API key',
    await time(requests, () =>
      app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${key}` } }),
    ),
  ]);
  rows.push([
    'POST /api/auth/sign-in (argon2id)',
    await time(50, () =>
      app.inject({
        // a new address each time: the limit of 10 a minute per address and email would answer 429 instead
        headers: { 'x-forwarded-for': `198.51.100.${nextAddress()}` },
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: admin.email, password: testPassword },
      }),
    ),
  ]);
  const actor = {
    kind: 'user' as const,
    id: admin.id,
    name: 'bench',
    role: 'dost_admin' as const,
    organisationIds: [],
    sector: null,
    communes: [],
  };
  rows.push([
    'recordAudit in its own transaction',
    await time(auditRows, () =>
      recordAudit(database.db, {
        actor,
        action: 'update',
        entityType: 'product',
        entityId: 'x',
        after: { name: 'Sầu riêng', n: 1 },
      }),
    ),
  ]);
  const verifyStart = process.hrtime.bigint();
  const verdict = await verifyAuditChain(database.db);
  const verifyMs = Number(process.hrtime.bigint() - verifyStart) / 1e6;

  console.log(`\n${database.kind}, ${os.cpus().length} cores, Node ${process.version}\n`);
  console.log('| operation | p50 ms | p99 ms | per second (sequential) |');
  console.log('|---|---|---|---|');
  for (const [name, r] of rows) {
    console.log(`| ${name} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${Math.round(r.perSecond)} |`);
  }
  console.log(
    `\nverify chain: ${verdict.rows} rows in ${verifyMs.toFixed(0)} ms (${Math.round((verdict.rows / verifyMs) * 1000)} rows/s), valid=${verdict.valid}`,
  );
} finally {
  await app.close();
  await database.close();
  await drop();
}
