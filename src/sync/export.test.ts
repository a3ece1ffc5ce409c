import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureEpcisDocument } from '../epcis/index.ts';
import { loadConfig } from '../platform/index.ts';
import {
  createTestApp,
  epcisDocument,
  gtin,
  makeLocation,
  makeLot,
  makeOrganisation,
  makeProduct,
  objectEvent,
  type TestApp,
} from '../test/index.ts';
import { runExportPackage } from './export.cli.ts';

let t: TestApp;
const gA = gtin();
const gB = gtin();
const gDraft = gtin();
let orgA: Awaited<ReturnType<typeof makeOrganisation>>;
let orgB: Awaited<ReturnType<typeof makeOrganisation>>;
let orgDraft: Awaited<ReturnType<typeof makeOrganisation>>;

/** The EPCIS 2.0 JSON Schema the project validates captures against (src/epcis/vendor), as published. */
function epcisSchema() {
  const file = fileURLToPath(new URL('../epcis/vendor/EPCIS-JSON-Schema.json', import.meta.url));
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormatsModule as any)(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** An observation of the organisation's own trade item at its own place, on the given day. */
const observed = (gtinOf: string, where: string, day: string, serial: string) =>
  objectEvent(serial, {
    eventTime: `${day}T08:00:00.000+07:00`,
    epcList: [`https://id.gs1.org/01/${gtinOf}/21/${serial}`],
    readPoint: { id: `https://id.gs1.org/414/${where}` },
  });

async function download(headers: Record<string, string>, query = '?from=2026-01-01&to=2026-12-31') {
  const res = await t.app.inject({ method: 'GET', url: `/api/sync/export${query}`, headers });
  return res;
}

async function unzip(body: Buffer) {
  const zip = await JSZip.loadAsync(body);
  const text = (name: string) => zip.file(name)?.async('string') ?? Promise.reject(new Error(`no ${name}`));
  const csv = async (name: string) => parse(await text(name), { bom: true, columns: false }) as string[][];
  return { zip, text, csv };
}

beforeAll(async () => {
  t = await createTestApp({ provinceName: 'Đồng Nai' });
  orgA = await makeOrganisation(t.db, { name: 'Hợp tác xã A', ownGtins: [gA, gDraft] });
  orgB = await makeOrganisation(t.db, { name: 'Hợp tác xã B', ownGtins: [gB] });
  orgDraft = await makeOrganisation(t.db, { name: 'Hộ kinh doanh chưa duyệt', draft: true });
  const place = await makeLocation(t.db, orgA.id, { name: 'Vườn A' });
  const pA = await makeProduct(t.db, orgA.id, { gtin: gA, name: 'Bưởi A' });
  await makeProduct(t.db, orgB.id, { gtin: gB, name: 'Xoài B' });
  await makeProduct(t.db, orgA.id, { gtin: gDraft, name: 'Sản phẩm chưa duyệt', draft: true });
  await makeLot(t.db, { productId: pA.id, lot: 'LA-01', locationId: place.id });
  await makeLot(t.db, { productId: pA.id, lot: 'LA-DRAFT', draft: true });
  const capture = (org: typeof orgA, events: unknown[]) =>
    captureEpcisDocument(t.db, epcisDocument(events), { organisationId: org.id });
  await capture(orgA, [
    observed(gA, String(orgA.gln), '2026-05-01', 'a-in'),
    observed(gA, String(orgA.gln), '2025-12-31', 'a-before'),
    // the last day of the period is in it, up to its midnight in Vietnam
    observed(gA, String(orgA.gln), '2026-12-31', 'a-last-day'),
  ]);
  await capture(orgB, [observed(gB, String(orgB.gln), '2026-06-01', 'b-in')]);
});
afterAll(() => t.close());

describe('the export package for a manual upload to the national portal', () => {
  it('gives the department the province: one EPCIS 2.0 document valid by the schema, master data as CSV and XLSX', async () => {
    const res = await download(t.as({ role: 'dost_admin' }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="txng-du-lieu-2026-01-01-2026-12-31.zip"',
    );
    const { zip, text, csv } = await unzip(res.rawPayload);
    expect(Object.keys(zip.files).sort()).toEqual([
      'README.txt',
      'epcis-events.jsonld',
      'locations.csv',
      'lots.csv',
      'master-data.xlsx',
      'organisations.csv',
      'products.csv',
    ]);

    const document = JSON.parse(await text('epcis-events.jsonld'));
    const validate = epcisSchema();
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.type).toBe('EPCISDocument');
    const serials = document.epcisBody.eventList.map((e: any) => e.epcList[0].split('/').at(-1)).sort();
    expect(serials).toEqual(['a-in', 'a-last-day', 'b-in']);

    const organisations = await csv('organisations.csv');
    expect(organisations[0]).toEqual([
      'id',
      'name',
      'taxCode',
      'type',
      'sector',
      'glns',
      'gs1CompanyPrefixes',
      'streetAddress',
      'communeCode',
      'communeName',
    ]);
    expect(organisations.slice(1).map((r) => r[1])).toEqual(['Hợp tác xã A', 'Hợp tác xã B']);
    const products = await csv('products.csv');
    expect(products[0]).toEqual([
      'id',
      'organisationId',
      'gtin',
      'name',
      'group',
      'unit',
      'origin',
      'description',
      'images',
      'netQuantity',
      'netQuantityUnit',
      'brand',
      'modelCode',
      'shelfLifeDays',
      'appliedStandards',
    ]);
    const byName = Object.fromEntries(products.slice(1).map((r) => [r[3], r]));
    expect(Object.keys(byName).sort()).toEqual(['Bưởi A', 'Xoài B']);
    expect(byName['Bưởi A'][6]).toBe('Đồng Nai, Việt Nam');
    // images as the portal fetches them: from the province's public address
    expect(byName['Bưởi A'][8]).toBe('https://txng.example.vn/files/00000000-0000-4000-8000-000000000001');
    expect((await csv('locations.csv'))[0].slice(0, 4)).toEqual(['id', 'organisationId', 'name', 'gln']);
    const lots = await csv('lots.csv');
    expect(lots[0]).toEqual([
      'id',
      'organisationId',
      'gtin',
      'productName',
      'lot',
      'traceCode',
      'productionDate',
      'expiryDate',
      'quantity',
      'unit',
      'status',
    ]);
    expect(lots.slice(1).map((r) => r[4])).toEqual(['LA-01']);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zip.file('master-data.xlsx')?.async('nodebuffer')) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổ chức', 'Địa điểm', 'Sản phẩm', 'Lô sản xuất']);
    const sheet = wb.getWorksheet('Sản phẩm');
    expect(sheet?.getRow(1).getCell(3).value).toBe('Mã GTIN');
    expect(sheet?.rowCount).toBe(3);
    expect(await text('README.txt')).toContain('3 sự kiện theo chuẩn GS1 EPCIS 2.0');
  });

  it('gives an organisation’s owner only its own organisation’s data, nothing of another', async () => {
    const res = await download(t.as({ role: 'org_owner', organisationIds: [orgA.id] }));
    expect(res.statusCode).toBe(200);
    const { zip, text, csv } = await unzip(res.rawPayload);
    expect((await csv('organisations.csv')).slice(1).map((r) => r[0])).toEqual([orgA.id]);
    expect((await csv('products.csv')).slice(1).map((r) => r[2])).toEqual([gA]);
    const events = JSON.parse(await text('epcis-events.jsonld')).epcisBody.eventList;
    expect(events.map((e: any) => e.epcList[0].split('/').at(-1)).sort()).toEqual(['a-in', 'a-last-day']);
    // nothing of the other organisation anywhere in the package
    for (const name of Object.keys(zip.files).filter((n) => !n.endsWith('.xlsx'))) {
      const content = await text(name);
      for (const secret of [orgB.id, orgB.taxCode ?? 'no tax code', gB, String(orgB.gln)])
        expect(content).not.toContain(secret);
    }
  });

  it('gives an organisation not yet approved nothing', async () => {
    const res = await download(t.as({ role: 'org_owner', organisationIds: [orgDraft.id] }));
    const { text, csv } = await unzip(res.rawPayload);
    expect(await csv('organisations.csv')).toHaveLength(1);
    expect(JSON.parse(await text('epcis-events.jsonld')).epcisBody.eventList).toEqual([]);
  });

  it('is refused to reviewers, officers and API keys, and to the anonymous', async () => {
    for (const actor of [
      { role: 'dost_reviewer' as const },
      { role: 'sector_officer' as const, sector: 'agriculture' as const },
      { role: 'api_client' as const, kind: 'apiKey' as const, organisationIds: [orgA.id] },
    ])
      expect((await download(t.as(actor))).statusCode).toBe(403);
    expect((await download({})).statusCode).toBe(401);
  });

  it('says in words when the period ends before it starts', async () => {
    const res = await download(
      { ...t.as({ role: 'dost_admin' }), 'accept-language': 'vi' },
      '?from=2026-12-31&to=2026-01-01',
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('không được trước ngày bắt đầu');
    const malformed = await download(
      { ...t.as({ role: 'dost_admin' }), 'accept-language': 'vi' },
      '?from=01/01/2026',
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].message).toBe('Ngày bắt đầu phải là một ngày hợp lệ');
  });
});

describe('txng export-package', () => {
  const sink = () => {
    let written = '';
    const out = new Writable({
      write(chunk, _enc, done) {
        written += String(chunk);
        done();
      },
    });
    return { out, text: () => written };
  };

  it('writes the province’s package to a file, and explains its arguments when they are wrong', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-export-'));
    const config = loadConfig({ TXNG_DATA_DIR: dir, TXNG_DEMO: '0' });
    const file = path.join(dir, 'goi.zip');
    const ok = sink();
    expect(await runExportPackage([file, '--from', '2026-01-01'], config, ok.out)).toBe(0);
    expect(ok.text()).toBe(`Wrote ${file}: 0 events, 0 organisations, 0 locations, 0 products, 0 lots.\n`);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    expect(JSON.parse(await (zip.file('epcis-events.jsonld')?.async('string') ?? '')).type).toBe(
      'EPCISDocument',
    );
    const bad = sink();
    expect(await runExportPackage(['--from', '1/1/2026', file], config, bad.out)).toBe(2);
    expect(bad.text()).toContain('Usage: txng export-package');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
