import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/index.ts';
import { classId, event, lot, org, product } from './checks.fixtures.ts';
import { massBalance } from './mass-balance.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
const now = new Date('2026-12-05T10:00:00Z');
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 3));

describe('mass balance check', () => {
  it('fires when more is shipped and transformed out of a lot than was made, across units (t, kg, g)', async () => {
    const db = t.db;
    const o = await org(db);
    const p = await product(db, o);
    const lotId = await lot(db, o, p, 'MB-1');
    const id = classId(p.gtin, 'MB-1');
    await event(db, {
      organisationId: o,
      time: day(1),
      action: 'ADD',
      bizStep: 'commissioning',
      ids: [{ id, role: 'epc', quantity: 1, uom: 'TNE' }],
    });
    await event(db, {
      organisationId: o,
      time: day(2),
      bizStep: 'shipping',
      ids: [{ id, role: 'epc', quantity: 800, uom: 'KGM' }],
    });
    await event(db, {
      organisationId: o,
      time: day(3),
      type: 'TransformationEvent',
      ids: [{ id, role: 'input', quantity: 300_000, uom: 'GRM' }],
    });
    const findings = (await massBalance.run(db, { now })).filter((f) => f.evidence.classId === id);
    expect(findings).toHaveLength(1);
    expect(findings[0].subject).toEqual({ type: 'lot', organisationId: o, lotId });
    expect(findings[0].evidence).toMatchObject({ gained: 1000, lost: 1100, excess: 100 });
    expect(findings[0].summary).toContain('1.100 kg');
  });

  it('does not fire when the outflow stays within what was made and received, nor for withdrawn events', async () => {
    const db = t.db;
    const o = await org(db);
    const p = await product(db, o);
    const id = classId(p.gtin, 'MB-2');
    await event(db, {
      organisationId: o,
      time: day(1),
      action: 'ADD',
      bizStep: 'commissioning',
      ids: [{ id, role: 'epc', quantity: 500, uom: 'KGM' }],
    });
    await event(db, {
      organisationId: o,
      time: day(1),
      bizStep: 'receiving',
      ids: [{ id, role: 'epc', quantity: 0.5, uom: 'TNE' }],
    });
    await event(db, {
      organisationId: o,
      time: day(2),
      bizStep: 'shipping',
      ids: [{ id, role: 'epc', quantity: 1000, uom: 'KGM' }],
    });
    // a shipment declared an error does not count
    const wrong = await event(db, {
      organisationId: o,
      time: day(3),
      bizStep: 'shipping',
      ids: [{ id, role: 'epc', quantity: 400, uom: 'KGM' }],
    });
    await event(db, {
      organisationId: o,
      time: day(4),
      eventId: wrong,
      errorDeclaration: true,
      bizStep: 'shipping',
      ids: [],
    });
    // pieces are a different kind: 5 pieces shipped against kilograms made is not compared as kilograms
    const other = classId(p.gtin, 'MB-3');
    await event(db, {
      organisationId: o,
      time: day(1),
      action: 'ADD',
      bizStep: 'commissioning',
      ids: [{ id: other, role: 'epc', quantity: 10, uom: 'H87' }],
    });
    await event(db, {
      organisationId: o,
      time: day(2),
      bizStep: 'shipping',
      ids: [{ id: other, role: 'epc', quantity: 10, uom: 'H87' }],
    });
    const findings = (await massBalance.run(db, { now })).filter(
      (f) => f.evidence.classId === id || f.evidence.classId === other,
    );
    expect(findings).toEqual([]);
  });
});
