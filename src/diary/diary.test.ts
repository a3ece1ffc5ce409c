import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeLocation, makeOrganisation, type TestApp } from '../test/index.ts';

let t: TestApp;
let farm: Awaited<ReturnType<typeof makeOrganisation>>;
let other: Awaited<ReturnType<typeof makeOrganisation>>;
let field: Awaited<ReturnType<typeof makeLocation>>;
let otherField: Awaited<ReturnType<typeof makeLocation>>;
const season = 'Vụ chôm chôm 2026';
const farmer = () => t.as({ role: 'org_owner', organisationIds: [farm.id] });
const outsider = () => t.as({ role: 'org_owner', organisationIds: [other.id] });

const add = (payload: object, headers = farmer()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/diary',
    headers,
    payload: { locationId: field.id, season, ...payload },
  });

async function uploadPhoto(headers: Record<string, string>) {
  const image = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2a7' } })
    .jpeg()
    .toBuffer();
  const boundary = 'txngdiary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="la.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    image,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  return res.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  farm = await makeOrganisation(t.db, { name: 'Hộ Trần Thị B' });
  other = await makeOrganisation(t.db, { name: 'HTX Khác' });
  field = await makeLocation(t.db, farm.id, { name: 'Vùng trồng chôm chôm VN-DNRO-0123' });
  otherField = await makeLocation(t.db, other.id, { name: 'Vùng trồng khác' });
});
afterAll(() => t?.close());

describe('production diary', () => {
  let sprayId: string;

  it('adds an entry with a photo and captures it as an EPCIS ObjectEvent with the txng:diaryEntry extension', async () => {
    const photo = await uploadPhoto(farmer());
    const res = await add({
      entryDate: '2026-05-20',
      kind: 'fertiliser',
      inputName: 'Phân NPK 16-16-8',
      quantity: 50,
      unit: 'KGM',
      note: 'Bón quanh gốc',
      photoFileIds: [photo],
    });
    expect(res.statusCode).toBe(201);
    const entry = res.json();
    expect(entry).toMatchObject({ kind: 'fertiliser', quantity: 50, unit: 'KGM', withdrawalUntil: null });
    expect(entry.photos[0].url).toBe(`https://txng.example.vn/files/${photo}`);
    const event = await t.app.inject({
      method: 'GET',
      url: `/epcis/events/${encodeURIComponent(entry.eventId)}`,
      headers: t.as({ role: 'dost_admin' }),
    });
    expect(event.statusCode).toBe(200);
    expect(event.body).toContain('txng:diaryEntry');
    expect(event.body).toContain('Phân NPK 16-16-8');
  });

  it('asks for the active ingredient, dose and withdrawal interval of a pesticide', async () => {
    const res = await add({ entryDate: '2026-05-21', kind: 'pesticide' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: any) => e.field)).toEqual(
      expect.arrayContaining([
        '/body/inputName',
        '/body/activeIngredient',
        '/body/dose',
        '/body/withdrawalDays',
      ]),
    );
  });

  it('refuses a harvest while a pesticide withdrawal interval is running, naming the entry that blocks it', async () => {
    const spray = await add({
      entryDate: '2026-06-01',
      kind: 'pesticide',
      inputName: 'Regent 800WG',
      activeIngredient: 'Fipronil',
      dose: '1 g/8 L nước',
      withdrawalDays: 7,
    });
    expect(spray.statusCode).toBe(201);
    sprayId = spray.json().id;
    expect(spray.json().withdrawalUntil).toBe('2026-06-08');

    const early = await add({ entryDate: '2026-06-05', kind: 'harvest', quantity: 800, unit: 'KGM' });
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    const problem = early.json();
    expect(problem.type).toBe('/problems/diary-withdrawal-running');
    expect(problem.errors[0]).toMatchObject({ field: '/body/entryDate', code: 'diary.withdrawalRunning' });
    expect(problem.errors[0].message).toContain(sprayId);
    expect(problem.title).toContain('Regent 800WG');

    const english = await t.app.inject({
      method: 'POST',
      url: '/api/diary',
      headers: { ...farmer(), 'accept-language': 'en' },
      payload: { locationId: field.id, season, entryDate: '2026-06-07', kind: 'harvest' },
    });
    expect(english.json().title).toContain('withdrawal interval until 2026-06-08');

    const onTime = await add({
      entryDate: '2026-06-08',
      kind: 'harvest',
      quantity: 800,
      unit: 'KGM',
      lot: { gtin: '8930000000019', lot: 'CC-0608' },
    });
    expect(onTime.statusCode).toBe(201);
    expect(onTime.json().lot).toEqual({ gtin: '08930000000019', lot: 'CC-0608' });
  });

  it('lists a location and season newest first, paginated', async () => {
    const page1 = await t.app.inject({
      method: 'GET',
      url: `/api/diary?locationId=${field.id}&season=${encodeURIComponent(season)}&pageSize=2`,
      headers: farmer(),
    });
    expect(page1.statusCode).toBe(200);
    const body = page1.json();
    expect(body.total).toBe(3);
    expect(body.items.map((e: any) => e.entryDate)).toEqual(['2026-06-08', '2026-06-01']);
    const page2 = await t.app.inject({
      method: 'GET',
      url: `/api/diary?locationId=${field.id}&season=${encodeURIComponent(season)}&pageSize=2&page=2`,
      headers: farmer(),
    });
    expect(page2.json().items.map((e: any) => e.entryDate)).toEqual(['2026-05-20']);
  });

  it("cannot see another organisation's diary, nor write to its locations or attach its photos", async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/diary?locationId=${field.id}`,
      headers: outsider(),
    });
    expect(list.statusCode).toBe(404);
    const one = await t.app.inject({ method: 'GET', url: `/api/diary/${sprayId}`, headers: outsider() });
    expect(one.statusCode).toBe(404);
    const write = await add({ entryDate: '2026-06-02', kind: 'care' }, outsider());
    expect(write.statusCode).toBe(400);
    expect(write.json().errors[0].field).toBe('/body/locationId');

    const theirPhoto = await uploadPhoto(outsider());
    const attach = await add({ entryDate: '2026-06-02', kind: 'care', photoFileIds: [theirPhoto] });
    expect(attach.json().errors[0]).toMatchObject({ field: '/body/photoFileIds/0', code: 'files.notFound' });

    const staff = await t.app.inject({
      method: 'GET',
      url: `/api/diary?locationId=${field.id}`,
      headers: t.as({ role: 'dost_reviewer' }),
    });
    expect(staff.statusCode).toBe(200);
    const own = await add({ locationId: otherField.id, entryDate: '2026-06-02', kind: 'care' }, outsider());
    expect(own.statusCode).toBe(201);
  });

  it('refuses an entry dated in the future or on a day that does not exist', async () => {
    const res = await add({ entryDate: '2099-01-01', kind: 'care' });
    expect(res.json().errors[0]).toMatchObject({ field: '/body/entryDate', code: 'diary.futureDate' });
    const noSuchDay = await add({ entryDate: '2026-02-30', kind: 'care' });
    expect(noSuchDay.statusCode).toBe(400);
    expect(noSuchDay.json().errors[0]).toMatchObject({ field: '/body/entryDate', code: 'chain.invalidDate' });
  });

  it('keeps a withdrawal interval per location: a drug on another herd does not block this one', async () => {
    const barn = await makeLocation(t.db, farm.id, { name: 'Chuồng heo số 1', type: 'barn' });
    const drug = await add({
      locationId: barn.id,
      entryDate: '2026-07-01',
      kind: 'veterinary_drug',
      inputName: 'Amoxicillin 15%',
      activeIngredient: 'Amoxicillin',
      dose: '1 ml/10 kg',
      withdrawalDays: 28,
    });
    expect(drug.statusCode).toBe(201);
    expect((await add({ locationId: barn.id, entryDate: '2026-07-20', kind: 'harvest' })).statusCode).toBe(
      409,
    );
    expect((await add({ entryDate: '2026-07-20', kind: 'harvest' })).statusCode).toBe(201);
  });
});
