import { buildApp } from './app.ts';
import { allChecks, startScheduler } from './checks/index.ts';
import { seedDemo } from './demo/index.ts';
import { type Config, loadConfig, openDatabase } from './platform/index.ts';

/**
 * Starts the whole system: database (migrated), demo data when asked, HTTP server. A bad configuration (a
 * production server without its secrets among others) stops it in `loadConfig`, before anything is opened.
 */
export async function startServer(config: Config = loadConfig()) {
  const database = await openDatabase(config);
  // the app first: it applies the configuration the demo's stamps and communes depend on
  const app = await buildApp({ config, database, logger: true });
  // a hub holds only what provinces deliver: the province's demo data would sit in tables it never reads
  if (config.demo && config.mode !== 'hub') {
    const { seeded } = await seedDemo(database.db, config);
    if (seeded) console.log('Demo data loaded (set TXNG_DEMO=0 to start empty).');
  }
  // the automatic checks on their schedule, in this process; each run takes its check's advisory lock, so several
  // server processes on one database run each check once
  const stopChecks =
    config.checks.intervalMinutes > 0
      ? startScheduler(
          database.db,
          () => allChecks(config),
          config.checks.intervalMinutes * 60_000,
          (m) => app.log.warn(m),
        )
      : () => {};
  const shutdown = async () => {
    stopChecks();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'postgres' ? 'PostgreSQL' : `embedded PostgreSQL in ${config.dataDir}`;
  const what = config.mode === 'hub' ? 'TXNG hub' : `TXNG (${config.provinceName})`;
  console.log(`${what} on ${config.baseUrl} — ${where}`);
  if (config.mode === 'hub')
    console.log(
      'Hub mode: the first administrator comes from `txng create-admin`, nodes from `txng hub add-node`.',
    );
  // people who forgot their password would otherwise wait for someone to read the log (docs/operations.md, Mail)
  if (!config.mail.smtp)
    console.log(
      `No SMTP server configured: mail is written to ${config.mail.outboxDir} (TXNG_SMTP_URL sends it).`,
    );
  return app;
}
