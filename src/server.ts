import { buildApp } from './app.ts';
import { seedDemo } from './demo/index.ts';
import { type Config, loadConfig, openDatabase } from './platform/index.ts';
import { serverSecret } from './stamps/index.ts';

/** Starts the whole system: database (migrated), demo data when asked, HTTP server. */
export async function startServer(config: Config = loadConfig()) {
  // a production server without its secrets would fail on the first stamp check: refuse to start instead
  for (const name of ['TXNG_STAMP_KEY', 'TXNG_SCAN_SALT']) serverSecret(name);
  const database = await openDatabase(config);
  if (config.demo) {
    const { seeded } = await seedDemo(database.db, config);
    if (seeded) console.log('Demo data loaded (set TXNG_DEMO=0 to start empty).');
  }
  const app = await buildApp({ config, database, logger: true });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'postgres' ? 'PostgreSQL' : `embedded PostgreSQL in ${config.dataDir}`;
  console.log(`TXNG (${config.provinceName}) on ${config.baseUrl} — ${where}`);
  return app;
}
