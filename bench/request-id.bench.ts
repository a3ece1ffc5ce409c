/**
 * What carrying the request id into application_name costs (issue 15 §3, docs/operations.md "Logs and request
 * ids"): the same small transaction (BEGIN, one SELECT, COMMIT) through a pg pool, with and without the
 * `set_config('application_name', …, true)` the program adds as the first statement of a request's transaction.
 * Batches alternate so a busy machine weighs on both alike.
 *
 *   TXNG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/request-id.bench.ts
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type Db, withRequestId } from '../src/platform/index.ts';
import { carryRequestIdIntoTransactions } from '../src/platform/request-id.ts';

const url = process.env.TXNG_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const batches = Number(process.env.BATCHES ?? 10);
const perBatch = Number(process.env.PER_BATCH ?? 300);

async function main() {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const plain = drizzle({ client: pool }) as unknown as Db;
  const carrying = drizzle({ client: pool }) as unknown as Db;
  carryRequestIdIntoTransactions(carrying);
  const one = (db: Db) => db.transaction(async (tx) => tx.execute(sql`select 1`));
  const times = { plain: [] as number[], carrying: [] as number[] };
  const run = async (name: 'plain' | 'carrying', db: Db) => {
    for (let i = 0; i < perBatch; i++) {
      const started = performance.now();
      await withRequestId(`bench-${i}`, () => one(db));
      times[name].push(performance.now() - started);
    }
  };
  await run('plain', plain); // warm-up, dropped
  times.plain = [];
  for (let b = 0; b < batches; b++) {
    await run('plain', plain);
    await run('carrying', carrying);
  }
  await pool.end();
  const stat = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(3);
    return `median ${at(0.5)} ms, p95 ${at(0.95)} ms (${s.length} transactions)`;
  };
  console.log(`plain transaction:           ${stat(times.plain)}`);
  console.log(`with application_name set:   ${stat(times.carrying)}`);
}

main();
