import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/index.ts';
import { isTransaction, sideBySide } from './db.ts';

/**
 * Independent reads go side by side on the pool, one after another on a transaction: a transaction's one connection
 * runs one statement at a time (node-postgres queued a second one and is dropping that queue), and two nested
 * transactions' savepoints must not interleave on it.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A task that notes when it starts and ends, around one statement. */
function noting(log: string[], name: string, db: Parameters<typeof sideBySide>[0]) {
  return async () => {
    log.push(`${name} start`);
    const [row] = (
      (await db.execute(sql`SELECT ${name}::text AS name`)) as unknown as { rows: { name: string }[] }
    ).rows;
    log.push(`${name} end`);
    return row!.name;
  };
}

describe('sideBySide', () => {
  it('on the database: every task has started before any has finished, the answers in the tasks’ order', async () => {
    const log: string[] = [];
    expect(isTransaction(t.db)).toBe(false);
    const answers = await sideBySide(t.db, [
      noting(log, 'a', t.db),
      noting(log, 'b', t.db),
      noting(log, 'c', t.db),
    ]);
    expect(answers).toEqual(['a', 'b', 'c']);
    expect(log.slice(0, 3)).toEqual(['a start', 'b start', 'c start']);
  });

  it('on a transaction: each task ends before the next starts, the answers in the tasks’ order', async () => {
    const log: string[] = [];
    const answers = await t.db.transaction(async (tx) => {
      expect(isTransaction(tx)).toBe(true);
      return sideBySide(tx, [noting(log, 'a', tx), noting(log, 'b', tx), noting(log, 'c', tx)]);
    });
    expect(answers).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('a failing task fails the whole, on both', async () => {
    const failing = async () => {
      throw new Error('no');
    };
    await expect(sideBySide(t.db, [async () => 1, failing])).rejects.toThrow('no');
    await expect(t.db.transaction((tx) => sideBySide(tx, [async () => 1, failing]))).rejects.toThrow('no');
  });
});
