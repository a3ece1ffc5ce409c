import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/index.ts';
import { classId, diary, event, location, lot, org, product } from './checks.fixtures.ts';
import { timeline } from './timeline.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
const now = new Date('2026-12-05T10:00:00Z');
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 3));

describe('impossible timeline check', () => {
  it('fires for a lot shipped before it was harvested, an event dated next week and a harvest inside a withdrawal interval', async () => {
    const db = t.db;
    const o = await org(db);
    const p = await product(db, o);
    const lotId = await lot(db, o, p, 'TL-1');
    const id = classId(p.gtin, 'TL-1');
    await event(db, {
      organisationId: o,
      time: day(2),
      bizStep: 'shipping',
      ids: [{ id, role: 'epc', quantity: 5, uom: 'KGM' }],
    });
    await event(db, {
      organisationId: o,
      time: day(4),
      action: 'ADD',
      bizStep: 'commissioning',
      ids: [{ id, role: 'epc', quantity: 5, uom: 'KGM' }],
    });
    await event(db, {
      organisationId: o,
      time: new Date('2026-12-12T00:00:00Z'),
      bizStep: 'receiving',
      ids: [],
    });
    const place = await location(db, o, 11, 107);
    await diary(db, {
      organisationId: o,
      locationId: place,
      date: '2026-11-01',
      kind: 'pesticide',
      withdrawalDays: 14,
      inputName: 'Thuốc A',
    });
    await diary(db, { organisationId: o, locationId: place, date: '2026-11-10', kind: 'harvest' });
    const mine = (await timeline.run(db, { now })).filter((f) => f.subject.organisationId === o);
    const kinds = mine.map((f) => f.evidence.kind).sort();
    expect(kinds).toEqual(['future', 'shipped_before_made', 'withdrawal']);
    expect(mine.find((f) => f.evidence.kind === 'shipped_before_made')?.subject).toEqual({
      type: 'lot',
      organisationId: o,
      lotId,
    });
    expect(mine.find((f) => f.evidence.kind === 'withdrawal')?.summary).toBe(
      'Thu hoạch ngày 10/11/2026 khi chưa hết 14 ngày cách ly sau lần dùng Thuốc A ngày 01/11/2026 (vụ Vụ 2026).',
    );
  });

  it('does not fire for a lot made before it ships, events up to a day ahead and a harvest after the interval', async () => {
    const db = t.db;
    const o = await org(db);
    const p = await product(db, o);
    const id = classId(p.gtin, 'TL-2');
    await event(db, {
      organisationId: o,
      time: day(1),
      action: 'ADD',
      bizStep: 'commissioning',
      ids: [{ id, role: 'epc', quantity: 5, uom: 'KGM' }],
    });
    await event(db, {
      organisationId: o,
      time: day(2),
      bizStep: 'shipping',
      ids: [{ id, role: 'epc', quantity: 5, uom: 'KGM' }],
    });
    await event(db, {
      organisationId: o,
      time: new Date(now.getTime() + 3 * 3600_000),
      bizStep: 'receiving',
      ids: [],
    });
    const place = await location(db, o, 11, 107);
    await diary(db, {
      organisationId: o,
      locationId: place,
      date: '2026-11-01',
      kind: 'pesticide',
      withdrawalDays: 14,
    });
    await diary(db, { organisationId: o, locationId: place, date: '2026-11-15', kind: 'harvest' });
    const mine = (await timeline.run(db, { now })).filter((f) => f.subject.organisationId === o);
    expect(mine).toEqual([]);
  });
});
