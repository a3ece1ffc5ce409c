import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../platform/index.ts';
import { openTestDatabase } from '../test/index.ts';
import { readNetworkScans } from './scans.repo.ts';
import { execute } from './stamps.repo.ts';

// The per-network cap's read (decision 064): the views waiting together are answered by one statement, each with
// its own network's count in its own window, up to its own cap, without its own process's held scans.

let database: Database;
const hour = 3_600_000;
const ids: Record<string, number[]> = {};

/** The SQL text of a call to the database client (pg.Pool takes a config object, PGlite a string). */
const textOf = (args: unknown[]) =>
  typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string } | undefined)?.text ?? '');
const isCapRead = (args: unknown[]) => textOf(args).includes('json_to_recordset');

function client() {
  return (database.db as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } }).$client;
}

/** Counts the cap reads sent while `run` runs (and makes the `fail`ing ones fail). */
async function counting<T>(run: () => Promise<T>, fail = false): Promise<{ result: T; statements: number }> {
  const c = client();
  const original = c.query.bind(c);
  let statements = 0;
  const spy = vi.spyOn(c, 'query').mockImplementation((...args: unknown[]) => {
    if (isCapRead(args)) {
      statements++;
      if (fail) return Promise.reject(new Error('the database went away'));
    }
    return original(...args);
  });
  try {
    return { result: await run(), statements };
  } finally {
    spy.mockRestore();
  }
}

async function scans(network: string, hoursAgo: number[]) {
  for (const h of hoursAgo) {
    const { rows } = await execute(
      database.db,
      sql`INSERT INTO stamp_scans (gtin, serial, network, at)
        VALUES ('08930000000019', 1, ${network}, ${new Date(Date.now() - h * hour)}) RETURNING id`,
    );
    ids[network] = [...(ids[network] ?? []), Number(rows[0].id)];
  }
}

/** Today's read, one statement per view: what each batched answer must equal. */
async function alone(network: string, since: Date, cap: number, exclude: number[]) {
  const { rows } = await execute(
    database.db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM stamp_scans WHERE network = ${network} AND at >= ${since}
      AND id <> ALL(${`{${exclude.join(',')}}`}::bigint[]) LIMIT ${cap}) capped`,
  );
  return Number(rows[0].n);
}

beforeAll(async () => {
  database = await openTestDatabase();
  await scans('net-full', [1, 2, 3, 4, 5]); // five in the window: at a cap of 3
  await scans('net-under', [1, 2, 30, 40]); // two in the window, two before it
  await scans('net-held', [1, 2, 3]); // three, two of them held by the process
  await scans('net-other', [1]);
});
afterAll(async () => {
  await database?.close();
});

describe('the per-network cap read, batched', () => {
  it('answers concurrent views from different networks with one statement, each with its own count', async () => {
    const since = new Date(Date.now() - 24 * hour);
    const held = ids['net-held'].slice(0, 2);
    const views: [string, Date, number, number[]][] = [
      ['net-full', since, 3, []], // at its cap
      ['net-full', since, 3, []], // the same question again
      ['net-full', since, 10, []], // a larger cap
      ['net-under', since, 3, []], // under its cap
      ['net-under', new Date(Date.now() - 90 * 60_000), 3, []], // a window starting later
      ['net-held', since, 3, held], // the process's held scans left out
      ['net-held', since, 3, []], // another view's exclusion
      ['net-other', since, 3, held],
      ['net-none', since, 3, []],
    ];
    const { result, statements } = await counting(() =>
      Promise.all(
        views.map(([network, from, cap, exclude]) =>
          readNetworkScans(database.db, network, from, cap, exclude),
        ),
      ),
    );
    expect(statements).toBe(1);
    expect(result).toEqual([3, 3, 5, 2, 1, 1, 3, 1, 0]);
    const expected = [];
    for (const [network, from, cap, exclude] of views)
      expected.push(await alone(network, from, cap, exclude));
    expect(result).toEqual(expected);
  });

  it('sends the views arriving while a read is under way in the next statement', async () => {
    const since = new Date(Date.now() - 24 * hour);
    const { result, statements } = await counting(async () => {
      const first = [
        readNetworkScans(database.db, 'net-full', since, 3, []),
        readNetworkScans(database.db, 'net-under', since, 3, []),
      ];
      await new Promise((resolve) => setImmediate(resolve)); // the first batch is sent
      const next = ['net-held', 'net-other', 'net-full'].map((n) =>
        readNetworkScans(database.db, n, since, 30, []),
      );
      return Promise.all([...first, ...next]);
    });
    expect(statements).toBe(2);
    expect(result).toEqual([3, 2, 3, 1, 5]);
  });

  it('gives every waiting view the error when the statement fails, and reads again afterwards', async () => {
    const since = new Date(Date.now() - 24 * hour);
    const networks = ['net-full', 'net-under', 'net-held', 'net-under'];
    const { result, statements } = await counting(
      () => Promise.allSettled(networks.map((n) => readNetworkScans(database.db, n, since, 3, []))),
      true,
    );
    expect(statements).toBe(1);
    expect(result.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    // Drizzle (PGlite) wraps it with the query; pg.Pool gives it as is
    for (const r of result) {
      const reason = (r as PromiseRejectedResult).reason;
      expect(reason.cause?.message ?? reason.message).toBe('the database went away');
    }
    expect(await readNetworkScans(database.db, 'net-under', since, 3, [])).toBe(2);
  });
});
