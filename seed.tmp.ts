import { seedDemo } from './src/demo/index.ts';
import { openDatabase } from './src/platform/db.ts';
import { loadConfig } from './src/platform/config.ts';
const database = await openDatabase({ databaseUrl: null, dataDir: null });
const t0 = Date.now();
try {
  console.log(await seedDemo(database.db, loadConfig({ TXNG_BASE_URL: 'https://txng.example.vn' })));
} catch (e: any) { console.error(JSON.stringify(e, null, 1), e); }
console.log('ms', Date.now() - t0);
await database.close();
