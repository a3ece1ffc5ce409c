import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type Database, migrationsFolder } from './db.ts';
import { defineMessages } from './i18n.ts';
import { Problem } from './problem.ts';

defineMessages({
  'problem.not-ready': {
    vi: 'Hệ thống chưa sẵn sàng: {reason}',
    en: 'Not ready: {reason}',
  },
});

/**
 * Liveness and readiness (issue 15 §3). `/healthz` says the process answers (no database: a load balancer or
 * systemd restarting a program whose database is down would not help). `/readyz` says it can serve: the database
 * answers within two seconds and has every migration this program ships; 503 with a problem document while not,
 * and from the moment a graceful shutdown begins, so a load balancer stops sending before the port closes.
 */
const draining = new WeakSet<FastifyInstance>();

/** From now on `/readyz` answers 503 (a shutdown begins; `app.close()` does this itself, in its preClose). */
export function stopReadiness(app: FastifyInstance) {
  draining.add(app);
}

const timeoutMs = 2000;

let shipped: number | null = null;
/** How many migrations this program ships (drizzle/meta/_journal.json). */
function shippedMigrations(): number {
  if (shipped === null) {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
    shipped = (journal.entries as unknown[]).length;
  }
  return shipped;
}

const notReady = (reason: string) =>
  new Problem(503, 'not-ready', { params: { reason }, headers: { 'retry-after': '5' } });

export function registerReadiness(app: FastifyInstance, database: Database) {
  app.addHook('preClose', async () => {
    stopReadiness(app);
  });
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    if (draining.has(app)) throw notReady('shutting down');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const query = database.db
      .execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)
      .then((result) => Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0))
      .catch((err: Error) => err);
    const answer = await Promise.race([query, timeout]).finally(() => clearTimeout(timer));
    if (answer === 'timeout') throw notReady(`the database did not answer within ${timeoutMs / 1000} s`);
    if (answer instanceof Error) {
      // the reason goes to the log, not to whoever asks (it may name hosts and users)
      request.log.warn(`readyz: ${answer.message}`);
      throw notReady('the database did not answer');
    }
    const expected = shippedMigrations();
    if (answer < expected) throw notReady(`the database has ${answer} of ${expected} migrations`);
    return reply.header('cache-control', 'no-store').send({ status: 'ready', migrations: answer });
  });
}
