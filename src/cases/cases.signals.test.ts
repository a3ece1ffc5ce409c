import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrganisation, type TestApp } from '../test/index.ts';
import { caseSignals, caseSteps, cases } from './cases.schema.ts';
import { raiseSignal, type Signal } from './index.ts';

let t: TestApp;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  orgId = (await makeOrganisation(t.db)).id;
});
afterAll(() => t?.close());

const signal = (dedupeKey: string, over: Partial<Signal> = {}): Signal => ({
  source: 'check:mass_balance',
  subject: { type: 'organisation', organisationId: orgId },
  summary: 'Lô bán ra nhiều hơn lô thu hoạch.',
  evidence: { lotIds: ['x'] },
  dedupeKey,
  ...over,
});

describe('raiseSignal (the contract of issue 12)', () => {
  it('the same key again is the same signal counted again, not a new one', async () => {
    const first = await raiseSignal(t.db, signal('k:1'));
    expect(first.created).toBe(true);
    const again = await raiseSignal(t.db, signal('k:1'));
    expect(again).toEqual({ caseId: first.caseId, signalId: first.signalId, created: false });
    const [row] = await t.db.select().from(caseSignals).where(eq(caseSignals.id, first.signalId));
    expect(row.count).toBe(2);
  });

  it('another signal about the same subject folds into the open case; another subject opens its own', async () => {
    const a = await raiseSignal(t.db, signal('k:2'));
    const b = await raiseSignal(t.db, signal('k:3', { source: 'inspection' }));
    expect(b.caseId).toBe(a.caseId);
    expect(b.signalId).not.toBe(a.signalId);
    const other = await raiseSignal(
      t.db,
      signal('k:4', {
        subject: {
          type: 'stamp_range',
          organisationId: orgId,
          gtin: '08930000000012',
          firstSerial: 5,
          lastSerial: 5,
        },
      }),
    );
    expect(other.caseId).not.toBe(a.caseId);
    const [opened] = await t.db.select().from(cases).where(eq(cases.id, other.caseId));
    expect(opened.state).toBe('triage');
    const steps = await t.db.select().from(caseSteps).where(eq(caseSteps.caseId, other.caseId));
    expect(steps.map((s) => s.kind)).toEqual(['opened']);
  });

  it('runs inside the caller transaction: a rolled back caller leaves no case behind', async () => {
    const key = 'k:rollback';
    await expect(
      t.db.transaction(async (tx) => {
        await raiseSignal(
          tx,
          signal(key, { subject: { type: 'lot', organisationId: orgId, lotId: crypto.randomUUID() } }),
        );
        throw new Error('caller fails');
      }),
    ).rejects.toThrow('caller fails');
    expect(await t.db.select().from(caseSignals).where(eq(caseSignals.dedupeKey, key))).toHaveLength(0);
  });

  it('signals raised at once about one subject open one case', async () => {
    const subject = { type: 'product' as const, organisationId: orgId, productId: crypto.randomUUID() };
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) => raiseSignal(t.db, signal(`k:race:${i}`, { subject }))),
    );
    expect(new Set(results.map((r) => r.caseId)).size).toBe(1);
  });
});
