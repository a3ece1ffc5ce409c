import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureEpcisDocument } from '../epcis/index.ts';
import {
  createTestApp,
  epcisDocument,
  gtin,
  makeOrganisation,
  makeProduct,
  makeStampedProduct,
  type TestApp,
} from '../test/index.ts';
import { inForce } from './catalogues.service.ts';

let t: TestApp;
let admin: Record<string, string>;
let agri: Record<string, string>;
let trade: Record<string, string>;
let reviewer: Record<string, string>;
let commune: Record<string, string>;
let owner: Record<string, string>;
let stamped: Awaited<ReturnType<typeof makeStampedProduct>>;
let laggard: { organisationId: string; productId: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = t.as({ role: 'dost_admin' });
  agri = t.as({ role: 'sector_officer', sector: 'agriculture' });
  trade = t.as({ role: 'sector_officer', sector: 'industry_trade' });
  reviewer = t.as({ role: 'dost_reviewer' });
  commune = t.as({ role: 'commune_officer', communes: ['75W001'] });
  // one producer in order: approved, stamps, a traceability event today; one with nothing but a draft product
  stamped = await makeStampedProduct(t, 'Sầu riêng Ri6 Tân Triều');
  await captureEpcisDocument(
    t.db,
    epcisDocument([
      {
        type: 'ObjectEvent',
        eventTime: new Date().toISOString(),
        eventTimeZoneOffset: '+07:00',
        action: 'OBSERVE',
        bizStep: 'inspecting',
        epcList: [`https://id.gs1.org/01/${stamped.producer.gtin}/21/${stamped.activeSerial}`],
      },
    ]),
    { organisationId: stamped.producer.organisationId },
  );
  const own = gtin();
  const org = await makeOrganisation(t.db, {
    name: 'Hộ kinh doanh Sầu riêng Chậm',
    communeCode: '75W010',
    ownGtins: [own],
    draft: true,
  });
  const product = await makeProduct(t.db, org.id, {
    gtin: own,
    name: 'Sầu riêng Dona',
    productGroup: 'Sầu riêng',
    draft: true,
  });
  laggard = { organisationId: org.id, productId: product.id, name: org.name };
  owner = t.as({ role: 'org_owner', organisationIds: [org.id] });
});
afterAll(() => t?.close());

const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url, headers, payload });

const decision = {
  decisionNumber: '1234/QĐ-UBND',
  decisionDate: '2026-11-20',
  signer: 'Phó Chủ tịch UBND tỉnh',
  effectiveFrom: '2026-12-01',
  items: [
    { match: 'product_group', value: 'sầu riêng', note: 'mọi giống' },
    { match: 'name', value: 'Sầu riêng Ri6' },
  ],
};

async function issuedList(title: string, body: object = decision) {
  const list = await call('POST', '/api/catalogues/lists', agri, {
    sector: 'agriculture',
    kind: 'mandatory',
    title,
  });
  expect(list.statusCode).toBe(201);
  const version = await call('POST', `/api/catalogues/lists/${list.json().id}/versions`, agri, body);
  expect(version.statusCode).toBe(201);
  const id = version.json().id as string;
  expect((await call('POST', `/api/catalogues/versions/${id}/submit`, agri)).statusCode).toBe(200);
  const approved = await call('POST', `/api/catalogues/versions/${id}/decision`, reviewer, {
    decision: 'approve',
  });
  expect(approved.statusCode).toBe(200);
  return { listId: list.json().id as string, versionId: id };
}

describe('lists and versions', () => {
  it('a sector officer issues a list version through submit and approval, and it is then in force', async () => {
    const { listId, versionId } = await issuedList('Danh mục sản phẩm bắt buộc truy xuất 2026');
    const list = await call('GET', `/api/catalogues/lists/${listId}`, commune);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ kind: 'mandatory', inForce: { id: versionId, number: '1' } });
    const version = await call('GET', `/api/catalogues/versions/${versionId}`, admin);
    expect(version.json()).toMatchObject({
      state: 'approved',
      decisionNumber: '1234/QĐ-UBND',
      signer: decision.signer,
    });
    expect(version.json().items).toHaveLength(2);
    expect(version.json().issuedAt).not.toBeNull();
  });

  it('an approved version is frozen; a new version is a copy to edit, numbered next', async () => {
    const { listId, versionId } = await issuedList('Danh mục đóng băng');
    const edit = await call('PUT', `/api/catalogues/versions/${versionId}`, agri, { signer: 'Người khác' });
    expect(edit.statusCode).toBe(409);
    const copy = await call('POST', `/api/catalogues/lists/${listId}/versions`, agri, {});
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ number: '2', state: 'draft', signer: decision.signer });
    expect(copy.json().items.map((i: { value: string }) => i.value)).toEqual(['sầu riêng', 'Sầu riêng Ri6']);
    const edited = await call('PUT', `/api/catalogues/versions/${copy.json().id}`, agri, {
      items: [{ match: 'gtin', value: stamped.producer.gtin }],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().items).toEqual([{ match: 'gtin', value: stamped.producer.gtin, note: null }]);
    // the approved version kept its own items
    expect((await call('GET', `/api/catalogues/versions/${versionId}`, agri)).json().items).toHaveLength(2);
  });

  it('a returned version names the reason and can be edited and submitted again', async () => {
    const list = await call('POST', '/api/catalogues/lists', agri, {
      sector: 'agriculture',
      kind: 'priority',
      category: 'ocop',
      title: 'Sản phẩm OCOP ưu tiên',
    });
    const v = await call('POST', `/api/catalogues/lists/${list.json().id}/versions`, commune, decision);
    expect(v.statusCode).toBe(201);
    await call('POST', `/api/catalogues/versions/${v.json().id}/submit`, commune);
    const noReason = await call('POST', `/api/catalogues/versions/${v.json().id}/decision`, reviewer, {
      decision: 'return',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('/body/reason');
    const returned = await call('POST', `/api/catalogues/versions/${v.json().id}/decision`, reviewer, {
      decision: 'return',
      reason: 'Thiếu tệp quyết định',
    });
    expect(returned.json()).toMatchObject({ state: 'returned', reviewNote: 'Thiếu tệp quyết định' });
    // a commune officer proposes but does not issue
    const self = await call('POST', `/api/catalogues/versions/${v.json().id}/submit`, commune);
    expect(self.statusCode).toBe(200);
    const denied = await call('POST', `/api/catalogues/versions/${v.json().id}/decision`, commune, {
      decision: 'approve',
    });
    expect(denied.statusCode).toBe(403);
  });

  it('picks the approved version in force at a date: latest start, within its end', () => {
    const v = (id: string, state: string, from: string | null, to: string | null, issued = 0) => ({
      id,
      state,
      effectiveFrom: from,
      effectiveTo: to,
      issuedAt: new Date(issued),
    });
    const versions = [
      v('old', 'approved', '2025-01-01', null),
      v('new', 'approved', '2026-06-01', '2026-12-31'),
      v('draft', 'draft', '2026-07-01', null),
      v('later', 'approved', '2027-01-01', null),
    ];
    expect(inForce(versions, '2026-05-31')?.id).toBe('old');
    expect(inForce(versions, '2026-08-01')?.id).toBe('new');
    expect(inForce(versions, '2027-01-02')?.id).toBe('later');
    expect(inForce(versions, '2024-12-31')).toBeNull();
  });
});

describe('scope', () => {
  it('a sector officer cannot create or edit another sector’s list; an organisation cannot create or read lists', async () => {
    const own = await call('POST', '/api/catalogues/lists', agri, {
      sector: 'agriculture',
      kind: 'mandatory',
      title: 'A' + 'b',
    });
    expect(
      (
        await call('POST', '/api/catalogues/lists', trade, {
          sector: 'agriculture',
          kind: 'mandatory',
          title: 'Ngoài ngành',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await call('POST', `/api/catalogues/lists/${own.json().id}/versions`, trade, {})).statusCode,
    ).toBe(403);
    const draft = await call('POST', `/api/catalogues/lists/${own.json().id}/versions`, agri, {});
    expect(
      (await call('PUT', `/api/catalogues/versions/${draft.json().id}`, trade, { signer: 'X' })).statusCode,
    ).toBe(403);
    expect(
      (
        await call('POST', '/api/catalogues/lists', owner, {
          sector: 'agriculture',
          kind: 'mandatory',
          title: 'Của tôi',
        })
      ).statusCode,
    ).toBe(403);
    expect((await call('GET', '/api/catalogues/lists', owner)).statusCode).toBe(403);
    expect(
      (await call('GET', `/api/catalogues/versions/${draft.json().id}/compliance`, owner)).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/catalogues/lists' })).statusCode).toBe(401);
  });
});

describe('bad input', () => {
  it('names the fields in Vietnamese, stores nothing half', async () => {
    const noCategory = await call('POST', '/api/catalogues/lists', agri, {
      sector: 'agriculture',
      kind: 'priority',
      title: 'Ưu tiên',
    });
    expect(noCategory.statusCode).toBe(400);
    expect(noCategory.json().errors[0].field).toBe('/body/category');
    const list = await call('POST', '/api/catalogues/lists', agri, {
      sector: 'agriculture',
      kind: 'mandatory',
      title: 'Dở dang',
    });
    const backwards = await call('POST', `/api/catalogues/lists/${list.json().id}/versions`, agri, {
      effectiveFrom: '2026-12-01',
      effectiveTo: '2026-01-01',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0]).toMatchObject({ field: '/body/effectiveTo' });
    expect((await call('GET', `/api/catalogues/lists/${list.json().id}`, agri)).json().versions).toHaveLength(
      0,
    );
    const empty = await call('POST', `/api/catalogues/lists/${list.json().id}/versions`, agri, {});
    const submit = await t.app.inject({
      method: 'POST',
      url: `/api/catalogues/versions/${empty.json().id}/submit`,
      headers: { ...agri, 'accept-language': 'vi' },
    });
    expect(submit.statusCode).toBe(400);
    const fields = submit.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(['/decisionNumber', '/decisionDate', '/signer', '/effectiveFrom', '/items']);
    expect(submit.json().errors[0].message).toBe('cần ghi số quyết định ban hành');
    const badDate = await call('POST', `/api/catalogues/lists/${list.json().id}/versions`, agri, {
      decisionDate: '20/11/2026',
    });
    expect(badDate.statusCode).toBe(400);
    expect((await call('GET', '/api/catalogues/versions/not-a-uuid', agri)).statusCode).toBe(400);
    expect(
      (await call('GET', '/api/catalogues/versions/00000000-0000-4000-8000-000000000000', agri)).statusCode,
    ).toBe(404);
  });
});

describe('memberships and compliance', () => {
  let versionId: string;
  beforeAll(async () => {
    ({ versionId } = await issuedList('Danh mục sầu riêng bắt buộc'));
  });

  it('a product gets its memberships from the lists in force', async () => {
    const res = await call('GET', `/api/catalogues/memberships/${laggard.productId}`, owner);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((m: { title: string }) => m.title)).toContain('Danh mục sầu riêng bắt buộc');
    const stranger = await call('GET', `/api/catalogues/memberships/${stamped.producer.productId}`, owner);
    expect(stranger.statusCode).toBe(404);
  });

  it('names the gaps of the producer lacking traceability and none for the one in order', async () => {
    const res = await call('GET', `/api/catalogues/versions/${versionId}/compliance`, admin);
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as { organisationId: string; gaps: string[]; recentEvents: number }[];
    const good = rows.find((r) => r.organisationId === stamped.producer.organisationId);
    const bad = rows.find((r) => r.organisationId === laggard.organisationId);
    expect(good).toMatchObject({ traceability: true, approvedData: true, stampsInUse: true, gaps: [] });
    expect(good!.recentEvents).toBeGreaterThanOrEqual(1);
    expect(bad).toMatchObject({
      organisationName: laggard.name,
      traceability: false,
      approvedData: false,
      stampsInUse: false,
      recentEvents: 0,
      gaps: ['traceability', 'approved_data', 'stamps', 'recent_events'],
    });
    expect(res.json().totals).toMatchObject({ withGaps: rows.filter((r) => r.gaps.length).length });
  });

  it('filters by commune and sector, and keeps a commune officer to their communes', async () => {
    const byCommune = await call(
      'GET',
      `/api/catalogues/versions/${versionId}/compliance?commune=75W010`,
      admin,
    );
    expect(byCommune.json().rows.map((r: { organisationId: string }) => r.organisationId)).toEqual([
      laggard.organisationId,
    ]);
    const health = await call('GET', `/api/catalogues/versions/${versionId}/compliance?sector=health`, admin);
    expect(health.json().rows).toEqual([]);
    const officer = await call('GET', `/api/catalogues/versions/${versionId}/compliance`, commune);
    const seen = officer.json().rows.map((r: { organisationId: string }) => r.organisationId);
    expect(seen).toContain(stamped.producer.organisationId);
    expect(seen).not.toContain(laggard.organisationId);
    const wrongSector = await call('GET', `/api/catalogues/versions/${versionId}/compliance`, trade);
    expect(wrongSector.json().rows).toEqual([]);
  });

  it('exports the view to Excel with the gaps written out', async () => {
    const res = await call('GET', `/api/catalogues/versions/${versionId}/compliance.xlsx`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const lines = sheet
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (row as unknown[]).slice(1).join('|'));
    expect(lines[0]).toContain('Tổ chức / Organisation');
    const laggardLine = lines.find((l) => l.startsWith(laggard.name));
    expect(laggardLine).toContain('chưa có hệ thống truy xuất; dữ liệu chưa được duyệt; chưa dùng tem');
    expect(laggardLine).toContain('Chưa có (chưa xây dựng)');
    expect(lines).toHaveLength(
      1 + (await call('GET', `/api/catalogues/versions/${versionId}/compliance`, admin)).json().rows.length,
    );
  });
});
