import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/index.ts';
import type { Check } from './check.ts';
import { org, product } from './checks.fixtures.ts';
import { runCheck } from './runner.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const admin = { role: 'dost_admin' as const, kind: 'user' as const, id: 'admin-1', name: 'Quản trị' };
const count = async (query: ReturnType<typeof sql>) =>
  Number(((await t.db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0].n);

describe('the checks runner', () => {
  it('runs a check once when two runners start it at the same time (advisory lock, then the recent run)', async () => {
    let calls = 0;
    const slow: Check = {
      name: 'lock_probe',
      title: 'thử khoá',
      async run() {
        calls++;
        await new Promise((r) => setTimeout(r, 200));
        return [];
      },
    };
    const [a, b] = await Promise.all([
      runCheck(t.db, slow, { trigger: 'schedule', minGapMs: 60_000 }),
      runCheck(t.db, slow, { trigger: 'schedule', minGapMs: 60_000 }),
    ]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    expect(calls).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM check_runs WHERE "check" = 'lock_probe'`)).toBe(1);
  });

  it('turns findings into case signals; a re-run updates the same signal instead of adding one', async () => {
    const o = await org(t.db);
    const p = await product(t.db, o, { ocopStars: 3, ocopValidUntil: '2020-01-01' });
    const finder: Check = {
      name: 'signal_probe',
      title: 'thử tín hiệu',
      async run() {
        return [
          {
            subject: { type: 'product', organisationId: o, productId: p.id },
            summary: 'Sản phẩm thử có dấu hiệu sai.',
            evidence: { n: 1 },
            dedupeKey: `signal_probe:${p.id}`,
          },
        ];
      },
    };
    const first = await runCheck(t.db, finder, {
      trigger: 'manual',
      actor: { ...admin, organisationIds: [], sector: null, communes: [] },
    });
    const second = await runCheck(t.db, finder, { trigger: 'manual' });
    expect(first.run).toMatchObject({ findings: 1, signalsCreated: 1, error: null });
    expect(second.run).toMatchObject({ findings: 1, signalsCreated: 0 });
    const signals = (await t.db.execute(
      sql`SELECT source, count FROM case_signals WHERE dedupe_key = ${`signal_probe:${p.id}`}`,
    )) as unknown as { rows: { source: string; count: number }[] };
    expect(signals.rows).toEqual([{ source: 'check:signal_probe', count: 2 }]);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'check_run' AND entity_id = ${first.run?.id}`,
      ),
    ).toBe(1);
  });

  it('records a failing check with its error and keeps none of its signals', async () => {
    const broken: Check = {
      name: 'broken_probe',
      title: 'thử lỗi',
      async run(db) {
        await db.execute(sql`SELECT no_such_column FROM products`);
        return [];
      },
    };
    const result = await runCheck(t.db, broken, { trigger: 'schedule' });
    expect(result.ran).toBe(true);
    expect(result.run?.error).toContain('no_such_column');
    expect(result.run?.findings).toBeNull();
  });
});
