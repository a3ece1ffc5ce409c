import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIndicator, createPlan, createTask, setTargets } from '../plan/index.ts';
import type { Actor } from '../platform/index.ts';
import { createTestApp, makeOrganisation, type TestApp } from '../test/index.ts';
import { reportPeriod } from './reports.service.ts';

/**
 * Periodic reports (issue 13 §3): the period from the kind, a draft computed live, an issued report frozen and
 * kept, who may write and read, and the Excel and PDF copies read back.
 */
let t: TestApp;
let admin: Record<string, string>;
const year = Number(new Date().toISOString().slice(0, 4));
const adminActor: Actor = {
  kind: 'user',
  id: crypto.randomUUID(),
  name: 'Quản trị Sở',
  role: 'dost_admin',
  organisationIds: [],
  sector: null,
  communes: [],
};

beforeAll(async () => {
  t = await createTestApp();
  admin = t.as(adminActor);
  const plan = await createPlan(
    t.db,
    {
      title: 'Kế hoạch truy xuất nguồn gốc tỉnh Đồng Nai',
      decisionNumber: '123/QĐ-UBND',
      decisionDate: `${year}-03-01`,
      startYear: year,
      endYear: year + 4,
      isCurrent: true,
    },
    adminActor,
  );
  const joined = await createIndicator(
    t.db,
    plan.id,
    {
      code: 'CT1',
      name: 'Số cơ sở tham gia hệ thống',
      formulaKey: 'organisations_joined',
      unit: 'count',
      direction: 'at_least',
    },
    adminActor,
  );
  await setTargets(t.db, joined.id, { targets: [{ year, target: 3 }] }, adminActor);
  await createTask(
    t.db,
    plan.id,
    {
      what: 'Tập huấn cho cơ sở sản xuất',
      who: 'Chi cục TĐC',
      deadline: `${year}-06-30`,
      state: 'done',
      fileIds: [],
    },
    adminActor,
  );
  // two approved organisations this year: the indicator reads 2 against a target of 3
  await makeOrganisation(t.db, { name: 'HTX Chôm chôm Bình Lộc' });
  await makeOrganisation(t.db, { name: 'Cơ sở Sầu riêng Long Khánh' });
});
afterAll(() => t?.close());

const inject = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const figure = (report: { content: { figures: { key: string; total: number }[] } }, key: string) =>
  report.content.figures.find((f) => f.key === key)?.total;

describe('the period of a report', () => {
  it('is the calendar year, a half of it, or the dates given', () => {
    expect(reportPeriod({ kind: 'annual', year: 2026 })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(reportPeriod({ kind: 'half_yearly', year: 2026, half: 1 })).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(reportPeriod({ kind: 'half_yearly', year: 2028, half: 2 })).toEqual({
      from: '2028-07-01',
      to: '2028-12-31',
    });
    expect(reportPeriod({ kind: 'custom', periodFrom: '2026-03-15', periodTo: '2026-09-14' })).toEqual({
      from: '2026-03-15',
      to: '2026-09-14',
    });
    // a kind ignores what it does not use
    expect(reportPeriod({ kind: 'annual', year: 2027, half: 9, periodFrom: '2020-01-01' })).toEqual({
      from: '2027-01-01',
      to: '2027-12-31',
    });
  });

  it.each([
    [{ kind: 'annual' }, ['/body/year'], 'năm báo cáo'],
    [{ kind: 'annual', year: 1999 }, ['/body/year'], '2000'],
    [{ kind: 'half_yearly', year: 2026, half: 3 }, ['/body/half'], '6 tháng'],
    [{ kind: 'half_yearly', year: 2026 }, ['/body/half'], '6 tháng'],
    [
      { kind: 'custom', periodFrom: '2026-05-01', periodTo: '2026-04-30' },
      ['/body/periodTo'],
      'trước ngày bắt đầu',
    ],
    [{ kind: 'custom' }, ['/body/periodFrom', '/body/periodTo'], 'ngày'],
    [{ kind: 'custom', periodFrom: '2020-01-01', periodTo: '2026-01-01' }, ['/body/periodTo'], '5 năm'],
  ])('%j is refused as a 400 naming %j, nothing stored', async (body, fields, words) => {
    const before = (await inject('GET', '/api/periodic-reports', admin)).json().total;
    const res = await inject('POST', '/api/periodic-reports', { ...admin, 'accept-language': 'vi' }, body);
    expect(res.statusCode, res.body).toBe(400);
    const errors = res.json().errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field).sort()).toEqual(fields);
    expect(errors.map((e) => e.message).join(' ')).toContain(words);
    expect((await inject('GET', '/api/periodic-reports', admin)).json().total).toBe(before);
  });
});

describe('a report from draft to issued', () => {
  let id: string;

  it('a draft shows the indicator against its target, the tasks and the key figures as they are now', async () => {
    const res = await inject('POST', '/api/periodic-reports', admin, { kind: 'annual', year });
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    id = report.id;
    expect(report).toMatchObject({
      kind: 'annual',
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
      state: 'draft',
      live: true,
      title: `Kết quả thực hiện công tác truy xuất nguồn gốc sản phẩm, hàng hóa năm ${year}`,
      agency: { parent: 'UBND TỈNH ĐỒNG NAI', name: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', place: 'Đồng Nai' },
    });
    expect(report.content.plan.decisionNumber).toBe('123/QĐ-UBND');
    expect(report.content.indicators).toEqual([
      expect.objectContaining({ code: 'CT1', target: 3, value: 2, source: 'computed', met: false }),
    ]);
    expect(report.content.tasks).toEqual([
      expect.objectContaining({ what: 'Tập huấn cho cơ sở sản xuất', state: 'done', overdue: false }),
    ]);
    expect(figure(report, 'organisations')).toBe(2);
  });

  it('cannot be issued without a number and a signer, named as fields', async () => {
    const res = await inject('POST', `/api/periodic-reports/${id}/issue`, admin);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/body/number',
      '/body/signerName',
    ]);
    expect((await inject('GET', `/api/periodic-reports/${id}`, admin)).json().state).toBe('draft');
  });

  it('issued, its figures stay as they were when the data changes later', async () => {
    const header = {
      title: `Kết quả thực hiện Kế hoạch truy xuất nguồn gốc năm ${year}`,
      number: '125/BC-SKHCN',
      recipients: ['Bộ Khoa học và Công nghệ', 'UBND tỉnh', 'Lưu: VT'],
      signerName: 'Nguyễn Văn An',
      signerTitle: 'Giám đốc',
      notes: 'Đề nghị UBND tỉnh bố trí kinh phí tập huấn năm sau.',
    };
    const put = await inject('PUT', `/api/periodic-reports/${id}`, admin, header);
    expect(put.statusCode, put.body).toBe(200);
    const issued = await inject('POST', `/api/periodic-reports/${id}/issue`, admin);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({
      state: 'issued',
      live: false,
      number: '125/BC-SKHCN',
      issuedByName: 'Quản trị Sở',
    });

    // the data moves on: a third organisation joins, which meets the target
    await makeOrganisation(t.db, { name: 'Doanh nghiệp Hạt điều Bình Phước' });
    const kept = (await inject('GET', `/api/periodic-reports/${id}`, admin)).json();
    expect(kept.content.indicators[0]).toMatchObject({ value: 2, target: 3, met: false });
    expect(figure(kept, 'organisations')).toBe(2);
    expect(kept.content.computedAt).toBe(issued.json().content.computedAt);
    // a new draft of the same period sees the change
    const fresh = (await inject('POST', '/api/periodic-reports', admin, { kind: 'annual', year })).json();
    expect(fresh.content.indicators[0]).toMatchObject({ value: 3, met: true });
    expect(figure(fresh, 'organisations')).toBe(3);
  });

  it('an issued report is kept: no edit, no delete, no second issue', async () => {
    const body = { title: 'Đổi tên', recipients: [] };
    expect((await inject('PUT', `/api/periodic-reports/${id}`, admin, body)).statusCode).toBe(409);
    expect((await inject('DELETE', `/api/periodic-reports/${id}`, admin)).statusCode).toBe(409);
    expect((await inject('POST', `/api/periodic-reports/${id}/issue`, admin)).statusCode).toBe(409);
    expect((await inject('GET', `/api/periodic-reports/${id}`, admin)).json().title).toContain(
      'Kế hoạch truy xuất',
    );
  });

  it('a draft may be thrown away', async () => {
    const draft = (
      await inject('POST', '/api/periodic-reports', admin, { kind: 'half_yearly', year, half: 1 })
    ).json();
    expect(draft.periodTo).toBe(`${year}-06-30`);
    expect((await inject('DELETE', `/api/periodic-reports/${draft.id}`, admin)).statusCode).toBe(204);
    expect((await inject('GET', `/api/periodic-reports/${draft.id}`, admin)).statusCode).toBe(404);
  });

  it('lists reports, latest period first, with their state', async () => {
    const list = (await inject('GET', '/api/periodic-reports?pageSize=50', admin)).json();
    expect(list.items.some((r: { id: string; state: string }) => r.id === id && r.state === 'issued')).toBe(
      true,
    );
    expect((await inject('GET', '/api/periodic-reports?state=issued', admin)).json().total).toBe(1);
  });

  it('the Excel copy holds the header, the indicator row and the key figures', async () => {
    const res = await inject('GET', `/api/periodic-reports/${id}/export.xlsx`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`bao-cao-${year}-01-01-${year}-12-31.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const main = wb.getWorksheet('Chỉ tiêu')!;
    const cells = (r: ExcelJS.Row) =>
      (r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
    const rows: string[][] = [];
    main.eachRow((r) => rows.push(cells(r)));
    expect(rows[0]).toEqual(['UBND TỈNH ĐỒNG NAI', '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(rows.flat()).toContain('Số: 125/BC-SKHCN');
    expect(rows.find((r) => r[0] === 'CT1')).toEqual([
      'CT1',
      'Số cơ sở tham gia hệ thống',
      '3',
      '2',
      'Chưa đạt',
      'Tính từ dữ liệu hệ thống',
    ]);
    const figures = wb.getWorksheet('Số liệu chủ yếu')!;
    const orgRow = figures.getRow(2);
    expect([orgRow.getCell(1).value, orgRow.getCell(2).value, orgRow.getCell(3).value]).toEqual([
      'Tổ chức, cơ sở đăng ký',
      2,
      2,
    ]);
    expect(wb.getWorksheet('Nhiệm vụ')!.getRow(2).getCell(5).value).toBe('Đã hoàn thành');
  });

  const has = (cmd: string) => {
    try {
      execFileSync(cmd, ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };

  // reading the text and the picture needs poppler's pdftotext and pdftoppm (Debian package poppler-utils)
  describe.skipIf(!has('pdftotext') || !has('pdftoppm'))(
    'the PDF copy (needs pdftotext and pdftoppm)',
    () => {
      const out = path.resolve('test-results/reports');
      const pdfOf = async (reportId: string, name: string) => {
        const res = await inject('GET', `/api/periodic-reports/${reportId}/export.pdf`, admin);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        fs.mkdirSync(out, { recursive: true });
        const file = path.join(out, `${name}.pdf`);
        fs.writeFileSync(file, res.rawPayload);
        execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(out, name)]);
        return execFileSync('pdftotext', ['-layout', file, '-']).toString();
      };

      it('reads as an administrative report, issued', async () => {
        const text = await pdfOf(id, 'issued');
        for (const words of [
          'UBND TỈNH ĐỒNG NAI',
          'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
          'Độc lập - Tự do - Hạnh phúc',
          'Số: 125/BC-SKHCN',
          'BÁO CÁO',
          'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
          'CT1. Số cơ sở tham gia hệ thống',
          'Chưa đạt',
          'Tập huấn cho cơ sở sản xuất',
          'Tổ chức, cơ sở đăng ký',
          'Nơi nhận:',
          '- Bộ Khoa học và Công nghệ;',
          'GIÁM ĐỐC',
          'Nguyễn Văn An',
        ])
          expect(text).toContain(words);
        expect(text).toMatch(/Đồng Nai, ngày \d\d tháng (0[12]|[3-9]|1[0-2]) năm \d{4}/);
        expect(text).not.toContain('DỰ THẢO');
        expect(fs.existsSync(path.join(out, 'issued-1.png'))).toBe(true);
      });

      it('a draft is marked DỰ THẢO', async () => {
        const draft = (
          await inject('POST', '/api/periodic-reports', admin, {
            kind: 'custom',
            periodFrom: `${year}-01-01`,
            periodTo: `${year}-03-31`,
          })
        ).json();
        const text = await pdfOf(draft.id, 'draft');
        expect(text).toContain('DỰ THẢO');
        expect(text).toContain(`từ ngày 01/01/${year} đến ngày 31/03/${year}`);
      });
    },
  );
});

describe('who may do what', () => {
  let id: string;
  beforeAll(async () => {
    id = (await inject('POST', '/api/periodic-reports', admin, { kind: 'annual', year })).json().id;
  });

  const staff: [Actor['role'], Partial<Actor>][] = [
    ['dost_reviewer', {}],
    ['inspector', {}],
    ['sector_officer', { sector: 'agriculture' }],
    ['commune_officer', { communes: ['75W001'] }],
  ];
  it.each(staff)('%s reads reports and their copies but neither creates nor issues', async (role, extra) => {
    const h = t.as({ ...extra, role });
    expect((await inject('GET', '/api/periodic-reports', h)).statusCode).toBe(200);
    expect((await inject('GET', `/api/periodic-reports/${id}`, h)).statusCode).toBe(200);
    expect((await inject('GET', `/api/periodic-reports/${id}/export.xlsx`, h)).statusCode).toBe(200);
    expect((await inject('POST', '/api/periodic-reports', h, { kind: 'annual', year })).statusCode).toBe(403);
    expect(
      (await inject('PUT', `/api/periodic-reports/${id}`, h, { title: 'x', recipients: [] })).statusCode,
    ).toBe(403);
    expect((await inject('POST', `/api/periodic-reports/${id}/issue`, h)).statusCode).toBe(403);
    expect((await inject('DELETE', `/api/periodic-reports/${id}`, h)).statusCode).toBe(403);
  });

  it.each(['org_owner', 'org_staff'] as const)(
    'an organisation (%s) never sees the department’s reports',
    async (role) => {
      const h = t.as({ role, organisationIds: [crypto.randomUUID()] });
      for (const url of [
        '/api/periodic-reports',
        `/api/periodic-reports/${id}`,
        `/api/periodic-reports/${id}/export.pdf`,
        `/api/periodic-reports/${id}/export.xlsx`,
      ])
        expect((await inject('GET', url, h)).statusCode, url).toBe(403);
      expect((await inject('POST', '/api/periodic-reports', h, { kind: 'annual', year })).statusCode).toBe(
        403,
      );
    },
  );

  it('an API key carrying the admin role is refused; nobody unsigned gets in', async () => {
    expect(
      (await inject('GET', '/api/periodic-reports', t.as({ role: 'dost_admin', kind: 'apiKey' }))).statusCode,
    ).toBe(403);
    expect((await inject('GET', '/api/periodic-reports', {})).statusCode).toBe(401);
  });
});
