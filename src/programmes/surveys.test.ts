import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../platform/index.ts';
import { createTestApp, makeOrganisation, type TestApp } from '../test/index.ts';

// Two communes (Long Khánh 75W010, Biên Hòa 75W001); a health firm of a third commune reached through its sector.
let t: TestApp;
let admin: Record<string, string>;
let longKhanh: Record<string, string>;
let bienHoa: Record<string, string>;
let health: Record<string, string>;
let reviewer: Record<string, string>;
let owner: Record<string, string>;
const org: Record<string, { id: string; name: string }> = {};
let surveyId: string;
let q: { usesSystem: string; channel: string; products: string; staff: string; note: string };

const today = localToday();
const inAMonth = new Date(Date.now() + 30 * 864e5).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  admin = t.as({ role: 'dost_admin' });
  longKhanh = t.as({ role: 'commune_officer', communes: ['75W010'], name: 'Cán bộ Long Khánh' });
  bienHoa = t.as({ role: 'commune_officer', communes: ['75W001'] });
  health = t.as({ role: 'sector_officer', sector: 'health' });
  reviewer = t.as({ role: 'dost_reviewer' });
  org.lk1 = await makeOrganisation(t.db, { name: 'HTX Chôm chôm Long Khánh', communeCode: '75W010' });
  org.lk2 = await makeOrganisation(t.db, { name: 'Cơ sở Sầu riêng Bảo Vinh', communeCode: '75W010' });
  org.lk3 = await makeOrganisation(t.db, { name: 'Trại gà Suối Tre', communeCode: '75W010' });
  org.bh1 = await makeOrganisation(t.db, { name: 'Công ty Bưởi Biên Hòa', communeCode: '75W001' });
  org.med = await makeOrganisation(t.db, {
    name: 'Nhà thuốc Trấn Biên',
    communeCode: '75W002',
    sector: 'health',
  });
  org.far = await makeOrganisation(t.db, { name: 'Cơ sở ngoài phạm vi', communeCode: '75W002' });
  owner = t.as({ role: 'org_owner', organisationIds: [org.lk1.id] });
});
afterAll(() => t?.close());

const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url, headers, payload });

const design = () => ({
  title: 'Khảo sát hiện trạng truy xuất nguồn gốc 2026',
  purpose: 'Nắm hiện trạng và nhu cầu hỗ trợ',
  opensOn: today,
  closesOn: inAMonth,
  communeCodes: ['75W010', '75W001'],
  sectors: ['health'],
  questions: [
    {
      kind: 'yes_no',
      text: 'Cơ sở đã áp dụng truy xuất nguồn gốc?',
      required: true,
      feedsTraceability: true,
    },
    {
      kind: 'single',
      text: 'Kênh tiêu thụ chính',
      required: true,
      choices: ['Chợ', 'Siêu thị', 'Xuất khẩu'],
    },
    { kind: 'multiple', text: 'Sản phẩm', required: false, choices: ['Chôm chôm', 'Sầu riêng', 'Gà'] },
    { kind: 'number', text: 'Số lao động', required: true, unit: 'người' },
    { kind: 'text', text: 'Nhu cầu hỗ trợ', required: false },
  ],
});

describe('designing and sending a survey', () => {
  it('refuses a design with a single choice, an unknown commune and two indicator questions, naming each', async () => {
    const bad = design();
    bad.communeCodes = ['75W010', '99X999'];
    bad.questions[1]!.choices = ['Chợ'];
    bad.questions.push({ kind: 'yes_no', text: 'Có tem?', required: true, feedsTraceability: true });
    const res = await call('POST', '/api/surveys', admin, bad);
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        '/body/communeCodes/1',
        '/body/questions/1/choices',
        '/body/questions/5/feedsTraceability',
      ]),
    );
    expect(
      res.json().errors.find((e: { field: string }) => e.field === '/body/questions/1/choices').message,
    ).toContain('Kênh tiêu thụ chính');
  });

  it('lets only the admin design; a draft is invisible to officers until sent', async () => {
    expect((await call('POST', '/api/surveys', longKhanh, design())).statusCode).toBe(403);
    expect((await call('POST', '/api/surveys', owner, design())).statusCode).toBe(403);
    const res = await call('POST', '/api/surveys', admin, design());
    expect(res.statusCode).toBe(201);
    surveyId = res.json().id;
    const [a, b, c, d, e] = res.json().questions.map((x: { id: string }) => x.id);
    q = { usesSystem: a, channel: b, products: c, staff: d, note: e };
    expect((await call('GET', `/api/surveys/${surveyId}`, longKhanh)).statusCode).toBe(404);
    expect((await call('GET', '/api/surveys', longKhanh)).json().items).toEqual([]);
  });

  it('reorders a draft keeping the questions, then sends it; a sent survey is frozen', async () => {
    const current = (await call('GET', `/api/surveys/${surveyId}`, admin)).json();
    const reordered = { ...design(), questions: [...current.questions].reverse().reverse() };
    const put = await call('PUT', `/api/surveys/${surveyId}`, admin, reordered);
    expect(put.statusCode).toBe(200);
    expect(put.json().questions.map((x: { id: string }) => x.id)).toEqual(Object.values(q));
    const sent = await call('POST', `/api/surveys/${surveyId}/send`, admin);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'sent', open: true, reached: 5, answered: 0 });
    expect((await call('PUT', `/api/surveys/${surveyId}`, admin, design())).statusCode).toBe(409);
  });
});

describe('answering', () => {
  const answers = (yes: boolean, channel: string, staff: number, products?: string[]) => ({
    [q.usesSystem]: yes,
    [q.channel]: channel,
    [q.staff]: staff,
    ...(products ? { [q.products]: products } : {}),
  });

  it('shows a commune officer only the organisations of their communes that the survey reaches', async () => {
    const res = await call('GET', `/api/surveys/${surveyId}/organisations`, longKhanh);
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((o: { name: string }) => o.name)
        .sort(),
    ).toEqual(['Cơ sở Sầu riêng Bảo Vinh', 'HTX Chôm chôm Long Khánh', 'Trại gà Suối Tre'].sort());
    const healthSees = await call('GET', `/api/surveys/${surveyId}/organisations`, health);
    expect(healthSees.json().items.map((o: { name: string }) => o.name)).toEqual(['Nhà thuốc Trấn Biên']);
  });

  it('checks every answer against its question and names the question in words', async () => {
    const res = await call('PUT', `/api/surveys/${surveyId}/responses`, longKhanh, {
      organisationId: org.lk1.id,
      answers: { [q.channel]: 'Chợ đầu mối', [q.staff]: -3, [q.products]: ['Chôm chôm', 'Xoài'] },
    });
    expect(res.statusCode).toBe(400);
    const byField = Object.fromEntries(
      res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(byField[`/body/answers/${q.usesSystem}`]).toBe(
      'câu «Cơ sở đã áp dụng truy xuất nguồn gốc?» cần được trả lời',
    );
    expect(byField[`/body/answers/${q.channel}`]).toContain('Kênh tiêu thụ chính');
    expect(byField[`/body/answers/${q.staff}`]).toContain('từ 0 trở lên');
    expect(byField[`/body/answers/${q.products}`]).toContain('Sản phẩm');
    // nothing was stored
    expect(
      (await call('GET', `/api/surveys/${surveyId}/responses/${org.lk1.id}`, longKhanh)).json().response,
    ).toBeNull();
  });

  it('saves one response per organisation and lets the officer reopen and edit it', async () => {
    const first = await call('PUT', `/api/surveys/${surveyId}/responses`, longKhanh, {
      organisationId: org.lk1.id,
      answers: answers(false, 'Chợ', 10),
    });
    expect(first.statusCode).toBe(200);
    const edit = await call('PUT', `/api/surveys/${surveyId}/responses`, longKhanh, {
      organisationId: org.lk1.id,
      answers: { ...answers(true, 'Siêu thị', 12, ['Chôm chôm']), [q.note]: '  Cần hỗ trợ tem  ' },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().id).toBe(first.json().id);
    const back = (await call('GET', `/api/surveys/${surveyId}/responses/${org.lk1.id}`, longKhanh)).json()
      .response;
    expect(back.answers).toEqual({
      [q.usesSystem]: true,
      [q.channel]: 'Siêu thị',
      [q.staff]: 12,
      [q.products]: ['Chôm chôm'],
      [q.note]: 'Cần hỗ trợ tem',
    });
    expect(back.answeredByName).toBe('Cán bộ Long Khánh');
    await call('PUT', `/api/surveys/${surveyId}/responses`, longKhanh, {
      organisationId: org.lk2.id,
      answers: answers(false, 'Chợ', 4, ['Sầu riêng', 'Chôm chôm']),
    });
    await call('PUT', `/api/surveys/${surveyId}/responses`, bienHoa, {
      organisationId: org.bh1.id,
      answers: answers(true, 'Xuất khẩu', 30),
    });
    const med = await call('PUT', `/api/surveys/${surveyId}/responses`, health, {
      organisationId: org.med.id,
      answers: answers(true, 'Chợ', 2),
    });
    expect(med.statusCode).toBe(200);
  });

  it('security: a commune officer cannot answer for an organisation outside their communes', async () => {
    for (const other of [org.bh1, org.med, org.far]) {
      const res = await call('PUT', `/api/surveys/${surveyId}/responses`, longKhanh, {
        organisationId: other.id,
        answers: answers(false, 'Chợ', 1),
      });
      expect(res.statusCode).toBe(403);
    }
    // Biên Hòa's answer is untouched
    const bh = (await call('GET', `/api/surveys/${surveyId}/responses/${org.bh1.id}`, admin)).json().response;
    expect(bh.answers[q.channel]).toBe('Xuất khẩu');
  });

  it("security: a commune officer cannot read another commune's answers", async () => {
    expect(
      (await call('GET', `/api/surveys/${surveyId}/responses/${org.bh1.id}`, longKhanh)).statusCode,
    ).toBe(403);
    const results = (await call('GET', `/api/surveys/${surveyId}/results`, longKhanh)).json();
    expect(results.byCommune.map((g: { name: string }) => g.name)).toEqual(['Phường Long Khánh']);
    expect(results.overall.answered).toBe(2);
    const xlsx = await call('GET', `/api/surveys/${surveyId}/responses.xlsx`, longKhanh);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names = book.worksheets[0]!.getColumn(1).values.slice(2);
    expect(names.sort()).toEqual(['Cơ sở Sầu riêng Bảo Vinh', 'HTX Chôm chôm Long Khánh']);
    expect(JSON.stringify(book.worksheets[0]!.getSheetValues())).not.toContain('Biên Hòa');
  });

  it('keeps organisations and API keys out of surveys altogether', async () => {
    expect((await call('GET', '/api/surveys', owner)).statusCode).toBe(403);
    expect((await call('GET', `/api/surveys/${surveyId}/results`, owner)).statusCode).toBe(403);
    const key = t.as({ role: 'api_client', kind: 'apiKey', organisationIds: [org.lk1.id] });
    expect((await call('GET', `/api/surveys/${surveyId}/organisations`, key)).statusCode).toBe(403);
  });
});

describe('results', () => {
  it('counts choices, sums and means numbers, overall and per commune and sector, by hand', async () => {
    const res = await call('GET', `/api/surveys/${surveyId}/results`, reviewer);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    // answers: lk1 yes/Siêu thị/12/[Chôm chôm]; lk2 no/Chợ/4/[Sầu riêng, Chôm chôm]; bh1 yes/Xuất khẩu/30; med yes/Chợ/2
    expect(r.overall).toMatchObject({ reached: 5, answered: 4 });
    const [usesSystem, channel, products, staff, note] = r.overall.questions;
    expect(usesSystem.counts).toEqual([
      { choice: 'Có', count: 3 },
      { choice: 'Không', count: 1 },
    ]);
    expect(channel.counts).toEqual([
      { choice: 'Chợ', count: 2 },
      { choice: 'Siêu thị', count: 1 },
      { choice: 'Xuất khẩu', count: 1 },
    ]);
    expect(products.counts).toEqual([
      { choice: 'Chôm chôm', count: 2 },
      { choice: 'Sầu riêng', count: 1 },
      { choice: 'Gà', count: 0 },
    ]);
    expect(staff).toMatchObject({ answered: 4, sum: 48, mean: 12 });
    expect(note.texts).toEqual(['Cần hỗ trợ tem']);
    const lk = r.byCommune.find((g: { key: string }) => g.key === '75W010');
    expect(lk).toMatchObject({ name: 'Phường Long Khánh', reached: 3, answered: 2 });
    expect(lk.questions[3]).toMatchObject({ sum: 16, mean: 8 });
    const healthGroup = r.bySector.find((g: { key: string }) => g.key === 'health');
    expect(healthGroup).toMatchObject({ name: 'Y tế', reached: 1, answered: 1 });
    expect(r.notAnswered.map((o: { name: string }) => o.name)).toEqual(['Trại gà Suối Tre']);
  });

  it('closes the survey: no more answers', async () => {
    expect((await call('POST', `/api/surveys/${surveyId}/close`, longKhanh)).statusCode).toBe(403);
    expect((await call('POST', `/api/surveys/${surveyId}/close`, admin)).json().state).toBe('closed');
    const late = await call('PUT', `/api/surveys/${surveyId}/responses`, longKhanh, {
      organisationId: org.lk3.id,
      answers: { [q.usesSystem]: true, [q.channel]: 'Chợ', [q.staff]: 1 },
    });
    expect(late.statusCode).toBe(409);
  });
});
