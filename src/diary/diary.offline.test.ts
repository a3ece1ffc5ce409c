import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLocation, makeOrganisation, type TestApp } from '../test/index.ts';

/**
 * Entries written offline carry their own id (decision 061): sent again, the same content is the same entry, other
 * content is a conflict, and another organisation's id is a conflict that tells nothing about that entry.
 */
let t: TestApp;
let farm: Awaited<ReturnType<typeof makeOrganisation>>;
let other: Awaited<ReturnType<typeof makeOrganisation>>;
let field: Awaited<ReturnType<typeof makeLocation>>;
let otherField: Awaited<ReturnType<typeof makeLocation>>;
const season = 'Vụ sầu riêng 2026';
const farmer = () => t.as({ role: 'org_owner', organisationIds: [farm.id] });
const outsider = () => t.as({ role: 'org_owner', organisationIds: [other.id] });

const send = (payload: object, headers = farmer()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/diary',
    headers,
    payload: { locationId: field.id, season, ...payload },
  });

async function rows(id: string) {
  const result = await t.db.execute<{ n: number }>(
    `select count(*)::int as n from diary_entries where id = '${id}'` as never,
  );
  return Number((result as unknown as { rows: { n: number }[] }).rows[0].n);
}

async function audits(id: string) {
  const result = await t.db.execute<{ n: number }>(
    `select count(*)::int as n from audit_log where entity_id = '${id}'` as never,
  );
  return Number((result as unknown as { rows: { n: number }[] }).rows[0].n);
}

beforeAll(async () => {
  t = await createTestApp();
  farm = await makeOrganisation(t.db, { name: 'Hộ Lê Văn C' });
  other = await makeOrganisation(t.db, { name: 'HTX Bên Kia' });
  field = await makeLocation(t.db, farm.id, { name: 'Vườn sầu riêng số 2' });
  otherField = await makeLocation(t.db, other.id, { name: 'Vườn bên kia' });
});
afterAll(() => t?.close());

describe('diary entries with a client-chosen id', () => {
  const watering = { entryDate: '2026-05-02', kind: 'care', note: 'Tưới gốc' };

  it('stores the entry under the id the phone chose, and answers a repeat with the stored entry (200), once', async () => {
    const id = crypto.randomUUID();
    const first = await send({ id, ...watering, quantity: 2.5, unit: 'LTR' });
    expect(first.statusCode).toBe(201);
    expect(first.json().id).toBe(id);
    const again = await send({ id, ...watering, quantity: 2.5, unit: 'LTR' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await rows(id)).toBe(1);
    // one capture, one audit row: the repeat changed nothing
    expect(await audits(id)).toBe(1);
  });

  it('two submissions of the same id at the same moment make one row: one 201, one 200', async () => {
    const id = crypto.randomUUID();
    const body = {
      id,
      entryDate: '2026-05-03',
      kind: 'fertiliser',
      inputName: 'Phân hữu cơ',
      quantity: 20,
      unit: 'KGM',
    };
    const answers = await Promise.all([send(body), send(body), send(body)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().eventId)).size).toBe(1);
    expect(await rows(id)).toBe(1);
  });

  it('the same id with other content is a 409 in plain Vietnamese naming the id field; the stored entry is unchanged', async () => {
    const id = crypto.randomUUID();
    expect((await send({ id, ...watering })).statusCode).toBe(201);
    const changed = await send({ id, ...watering, note: 'Tưới gốc và tỉa cành' });
    expect(changed.statusCode).toBe(409);
    expect(changed.headers['content-type']).toContain('application/problem+json');
    const problem = changed.json();
    expect(problem.type).toBe('/problems/diary-entry-id-taken');
    expect(problem.title).toBe('Mục nhật ký này không ghi được: mã của nó đã dùng cho một mục khác');
    expect(problem.errors[0]).toMatchObject({ field: '/body/id', code: 'diary.idTaken' });
    expect(problem.errors[0].message).toContain('ghi lại thành một mục mới');
    const stored = await t.app.inject({ method: 'GET', url: `/api/diary/${id}`, headers: farmer() });
    expect(stored.json().note).toBe('Tưới gốc');
    expect(await rows(id)).toBe(1);
  });

  it("another organisation's colliding id is a 409 that reveals nothing of the entry, and changes nothing", async () => {
    const id = crypto.randomUUID();
    const mine = await send({ id, ...watering, note: 'Ghi chú riêng của hộ' });
    expect(mine.statusCode).toBe(201);
    // the very same content, sent by another organisation to its own plot, and to ours
    for (const payload of [
      { id, ...watering, locationId: otherField.id, note: 'Ghi chú riêng của hộ' },
      { id, ...watering, note: 'Ghi chú riêng của hộ' },
    ]) {
      const theirs = await send(payload, outsider());
      expect(theirs.statusCode).toBe(409);
      const text = theirs.body;
      expect(theirs.json().type).toBe('/problems/diary-entry-id-taken');
      for (const secret of ['Ghi chú riêng của hộ', field.id, farm.id, mine.json().eventId, 'Hộ Lê Văn C'])
        expect(text).not.toContain(secret);
    }
    // the other organisation's answer is the same one our own different content gets: nothing tells them apart
    const ownDifferent = await send({ id, ...watering, note: 'khác' });
    expect(Object.keys(ownDifferent.json()).sort()).toEqual(
      Object.keys((await send({ id, ...watering, locationId: otherField.id }, outsider())).json()).sort(),
    );
    expect(await rows(id)).toBe(1);
    const stored = await t.app.inject({ method: 'GET', url: `/api/diary/${id}`, headers: farmer() });
    expect(stored.json()).toMatchObject({ organisationId: farm.id, note: 'Ghi chú riêng của hộ' });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/diary/${id}`, headers: outsider() })).statusCode,
    ).toBe(404);
  });

  it('a repeat is answered from what was stored even when the entry would now be refused (a withdrawal began since)', async () => {
    const plot = await makeLocation(t.db, farm.id, { name: 'Vườn sầu riêng số 3' });
    const harvestId = crypto.randomUUID();
    const harvest = {
      id: harvestId,
      locationId: plot.id,
      entryDate: '2026-06-10',
      kind: 'harvest',
      quantity: 300,
      unit: 'KGM',
    };
    expect((await send(harvest)).statusCode).toBe(201);
    const spray = await send({
      locationId: plot.id,
      entryDate: '2026-06-09',
      kind: 'pesticide',
      inputName: 'Ridomil Gold',
      activeIngredient: 'Metalaxyl-M',
      dose: '25 g/8 L',
      withdrawalDays: 7,
    });
    expect(spray.statusCode).toBe(201);
    expect((await send(harvest)).statusCode).toBe(200);
    // a new harvest written offline meanwhile is the conflict the phone shows, in words
    const late = await send({ ...harvest, id: crypto.randomUUID(), entryDate: '2026-06-12' });
    expect(late.statusCode).toBe(409);
    expect(late.json().title).toContain('Chưa được thu hoạch');
    expect(late.json().title).toContain('Ridomil Gold');
  });

  it('an id that is not a UUID is a 400 naming the field in Vietnamese, and nothing is stored', async () => {
    const res = await send({ id: 'abc', ...watering });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('/body/id');
    expect(res.json().errors[0].message).toContain('mã mục nhật ký');
  });

  it('a plot that is not the organisation’s is a 400 at sync, and nothing is stored under the id', async () => {
    const id = crypto.randomUUID();
    const res = await send({ id, ...watering, locationId: otherField.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('/body/locationId');
    expect(await rows(id)).toBe(0);
  });
});
