import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gtin, makeLocation, makeOrganisation, type TestApp } from '../test/index.ts';

/**
 * Stage forms filled offline carry their own id (decision 061): sent again, the same content is the same stage
 * (one EPCIS event, one audit row), other content is a conflict, another organisation's id a conflict that tells
 * nothing.
 */
let t: TestApp;
let farm: Awaited<ReturnType<typeof makeOrganisation>>;
let other: Awaited<ReturnType<typeof makeOrganisation>>;
let orchard: Awaited<ReturnType<typeof makeLocation>>;
let otherPlace: Awaited<ReturnType<typeof makeLocation>>;
const fruit = gtin(13);
const theirFruit = gtin(13);
const farmer = () => t.as({ role: 'org_owner', organisationIds: [farm.id] });
const outsider = () => t.as({ role: 'org_owner', organisationIds: [other.id] });
const post = (body: object, headers = farmer()) =>
  t.app.inject({ method: 'POST', url: '/api/stages', headers, payload: body });

async function count(sql: string) {
  const result = await t.db.execute(sql as never);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0].n);
}

beforeAll(async () => {
  t = await createTestApp();
  farm = await makeOrganisation(t.db, { name: 'HTX Bưởi Tân Triều', ownGtins: [fruit] });
  other = await makeOrganisation(t.db, { name: 'HTX Khác Xa', ownGtins: [theirFruit] });
  orchard = await makeLocation(t.db, farm.id, { name: 'Vườn bưởi số 1' });
  otherPlace = await makeLocation(t.db, other.id, { name: 'Vườn khác' });
});
afterAll(() => t?.close());

const harvest = (lot: string, extra: object = {}) => ({
  stage: 'harvest',
  eventTime: '2026-06-01T07:30:00+07:00',
  locationId: orchard.id,
  output: { gtin: fruit, lot, quantity: 500, unit: 'KGM' },
  ...extra,
});

describe('stage forms with a client-chosen id', () => {
  it('records once: a repeat with the same content (keys in another order) answers the recorded stage, 200', async () => {
    const id = crypto.randomUUID();
    const first = await post({ id, ...harvest('BT-0601') });
    expect(first.statusCode).toBe(201);
    const reordered = {
      output: { unit: 'KGM', quantity: 500, lot: 'BT-0601', gtin: fruit },
      locationId: orchard.id,
      eventTime: '2026-06-01T07:30:00+07:00',
      stage: 'harvest',
      id,
    };
    const again = await post(reordered);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await count(`select count(*)::int as n from stage_submissions where id = '${id}'`)).toBe(1);
    expect(
      await count(`select count(*)::int as n from audit_log where entity_id = '${first.json().eventId}'`),
    ).toBe(1);
  });

  it('two submissions of the same id at once record one stage', async () => {
    const id = crypto.randomUUID();
    const answers = await Promise.all([
      post({ id, ...harvest('BT-0602') }),
      post({ id, ...harvest('BT-0602') }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    expect(answers[0].json().eventId).toBe(answers[1].json().eventId);
    expect(await count(`select count(*)::int as n from stage_submissions where id = '${id}'`)).toBe(1);
  });

  it('the same id with other content is a 409 in Vietnamese naming the id, and records nothing more', async () => {
    const id = crypto.randomUUID();
    expect((await post({ id, ...harvest('BT-0603') })).statusCode).toBe(201);
    const changed = await post({ id, ...harvest('BT-0603', { note: 'thêm ghi chú' }) });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({
      type: '/problems/stage-id-taken',
      title: 'Công đoạn này không ghi được: mã của nó đã dùng cho một lần ghi khác',
    });
    expect(changed.json().errors[0]).toMatchObject({ field: '/body/id', code: 'chain.stageIdTaken' });
  });

  it("another organisation's colliding id is a 409 that says nothing of the stage, and records nothing", async () => {
    const id = crypto.randomUUID();
    const mine = await post({ id, ...harvest('BT-0604') });
    expect(mine.statusCode).toBe(201);
    const theirs = await post(
      {
        id,
        stage: 'harvest',
        eventTime: '2026-06-01T07:30:00+07:00',
        locationId: otherPlace.id,
        output: { gtin: theirFruit, lot: 'BT-0604', quantity: 500, unit: 'KGM' },
      },
      outsider(),
    );
    expect(theirs.statusCode).toBe(409);
    for (const secret of [mine.json().eventId, mine.json().captureId, farm.id, orchard.id, fruit])
      expect(theirs.body).not.toContain(secret);
    // even the very same form, aimed at our orchard, is the same conflict (not a 400 about the place)
    const same = await post({ id, ...harvest('BT-0604') }, outsider());
    expect(same.statusCode).toBe(409);
    expect(same.json().type).toBe('/problems/stage-id-taken');
  });

  it('a form refused at sync (more than is held) stores no id: corrected, it records under the same id', async () => {
    const id = crypto.randomUUID();
    const sell = {
      id,
      stage: 'sell',
      eventTime: '2026-06-02T09:00:00+07:00',
      locationId: orchard.id,
      items: [{ gtin: fruit, lot: 'BT-0601', quantity: 9000, unit: 'KGM' }],
    };
    const tooMuch = await post(sell);
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors[0].field).toMatch(/^\/body\/items\/0/);
    expect(await count(`select count(*)::int as n from stage_submissions where id = '${id}'`)).toBe(0);
    const fixed = await post({ ...sell, items: [{ ...sell.items[0], quantity: 100 }] });
    expect(fixed.statusCode).toBe(201);
  });
});
