import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrganisation, multipartBody, type TestApp } from '../test/index.ts';

let t: TestApp;
let admin: Record<string, string>;
let inspector: Record<string, string>;
let commune: Record<string, string>;
let owner: Record<string, string>;
let a: { id: string; name: string };
let b: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = t.as({ role: 'dost_admin' });
  inspector = t.as({ role: 'inspector' });
  commune = t.as({ role: 'commune_officer', communes: ['75W010'] });
  a = await makeOrganisation(t.db, { name: 'HTX Chôm chôm Bình Lộc', communeCode: '75W010' });
  b = await makeOrganisation(t.db, { name: 'Công ty Sầu riêng Xuân Lộc', communeCode: '75W001' });
  owner = t.as({ role: 'org_owner', organisationIds: [a.id] });
});
afterAll(() => t?.close());

const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url, headers, payload });

const course = {
  topic: 'Truy xuất nguồn gốc theo TCVN 12850:2019',
  startsOn: '2026-04-15',
  endsOn: '2026-04-16',
  organiser: 'Sở Khoa học và Công nghệ',
  place: 'Hội trường UBND phường Long Khánh',
  trainers: ['ThS. Nguyễn Văn A'],
  people: [{ name: 'Lê Thị Phường', unit: 'UBND phường Long Khánh' }],
  materials: [{ title: 'Bài giảng TCVN 12850', link: 'https://tcvn.gov.vn/12850' }],
};

describe('training courses', () => {
  it('records a course with organisations and people; the count defaults to those named', async () => {
    const res = await call('POST', '/api/training-courses', admin, {
      ...course,
      organisationIds: [a.id, b.id],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      participantCount: 3,
      organisations: [
        { id: a.id, name: a.name },
        { id: b.id, name: b.name },
      ],
      materials: [{ title: 'Bài giảng TCVN 12850', link: 'https://tcvn.gov.vn/12850' }],
    });
  });

  it('refuses an end before the start and an unknown organisation, naming both, storing nothing', async () => {
    const res = await call('POST', '/api/training-courses', admin, {
      ...course,
      endsOn: '2026-04-01',
      organisationIds: [a.id, '00000000-0000-4000-8000-000000000000'],
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['/body/endsOn', '/body/organisationIds/1'].sort());
    expect((await call('GET', '/api/training-courses', admin)).json().items).toHaveLength(1);
  });

  it("keeps a material file as the department's own; a file id that is not one is refused", async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    const upload = (headers: Record<string, string>) => {
      const form = multipartBody({}, [{ name: 'bai-giang.pdf', data: pdf, type: 'application/pdf' }]);
      return t.app.inject({
        method: 'POST',
        url: '/api/training-courses/materials',
        payload: form.payload,
        headers: { ...form.headers, ...headers },
      });
    };
    expect((await upload(commune)).statusCode).toBe(403);
    const up = await upload(admin);
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ name: 'bai-giang.pdf', url: `/files/${up.json().id}` });
    const res = await call('POST', '/api/training-courses', admin, {
      ...course,
      startsOn: '2024-05-01',
      endsOn: undefined,
      materials: [{ title: 'Bài giảng (PDF)', fileId: up.json().id }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().materials).toEqual([
      { title: 'Bài giảng (PDF)', link: null, fileId: up.json().id, fileUrl: `/files/${up.json().id}` },
    ]);
    // an organisation's file (or none at all) is not a material of the department
    const bad = await call('POST', '/api/training-courses', admin, {
      ...course,
      materials: [{ title: 'Tệp lạ', fileId: '00000000-0000-4000-8000-000000000009' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/body/materials/0/fileId');
  });

  it('filters by year; staff read, only the admin writes, organisations see nothing', async () => {
    await call('POST', '/api/training-courses', admin, {
      ...course,
      startsOn: '2025-10-01',
      endsOn: undefined,
      participantCount: 40,
    });
    expect((await call('GET', '/api/training-courses?year=2026', inspector)).json().items).toHaveLength(1);
    expect((await call('GET', '/api/training-courses?year=2025', commune)).json().items[0]).toMatchObject({
      participantCount: 40,
      endsOn: '2025-10-01',
    });
    expect((await call('POST', '/api/training-courses', inspector, course)).statusCode).toBe(403);
    expect((await call('GET', '/api/training-courses', owner)).statusCode).toBe(403);
  });
});

describe('support programmes', () => {
  const programme = () => ({
    name: 'Thí điểm truy xuất nguồn gốc chôm chôm',
    year: 2026,
    kind: 'pilot',
    budgetVnd: 500_000_000,
    state: 'running',
    recipients: [
      { organisationId: a.id, support: 'Cấp 10.000 tem', costVnd: 30_000_000, supportedOn: '2026-05-01' },
      { organisationId: b.id, support: 'Phần mềm nhật ký', costVnd: 45_500_000, supportedOn: '2026-06-10' },
    ],
  });

  it('records a programme with its organisations and sums what they cost', async () => {
    const res = await call('POST', '/api/support-programmes', admin, programme());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ spentVnd: 75_500_000, kind: 'pilot' });
    expect(res.json().recipients.map((r: { organisationName: string }) => r.organisationName)).toEqual([
      a.name,
      b.name,
    ]);
    const edited = await call('PUT', `/api/support-programmes/${res.json().id}`, admin, {
      ...programme(),
      recipients: programme().recipients.slice(0, 1),
    });
    expect(edited.json().spentVnd).toBe(30_000_000);
  });

  it('refuses the same organisation twice and a negative cost', async () => {
    const p = programme();
    p.recipients[1]!.organisationId = a.id;
    p.recipients[0]!.costVnd = -1;
    const res = await call('POST', '/api/support-programmes', admin, p);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('/body/recipients/0/costVnd');
    const twice = await call('POST', '/api/support-programmes', admin, {
      ...programme(),
      recipients: [programme().recipients[0], programme().recipients[0]],
    });
    expect(twice.json().errors).toEqual([
      expect.objectContaining({
        field: '/body/recipients/1/organisationId',
        message: 'tổ chức này đã có trong danh sách được hỗ trợ',
      }),
    ]);
  });

  it('is written by the admin only and hidden from organisations', async () => {
    expect((await call('POST', '/api/support-programmes', commune, programme())).statusCode).toBe(403);
    expect((await call('GET', '/api/support-programmes?year=2026', inspector)).json().items).toHaveLength(1);
    expect((await call('GET', '/api/support-programmes', owner)).statusCode).toBe(403);
  });
});
