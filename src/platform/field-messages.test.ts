import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gtin, makeOrganisation, type TestApp } from '../test/index.ts';
import { byRoute, fieldLabels } from './field-labels.ts';
import { fieldMessage } from './field-messages.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** Every property name a request body of the back office API can hold, with the routes that take it. */
function bodyFields(doc: any): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const refs = doc.components?.schemas ?? {};
  const walk = (schema: any, route: string, depth: number) => {
    if (!schema || typeof schema !== 'object' || depth > 15) return;
    if (schema.$ref) return walk(refs[schema.$ref.split('/').at(-1)], route, depth + 1);
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      found.set(name, [...(found.get(name) ?? []), route]);
      walk(sub, route, depth + 1);
    }
    for (const key of ['items', 'additionalProperties']) walk(schema[key], route, depth + 1);
    for (const key of ['anyOf', 'oneOf', 'allOf'])
      for (const s of schema[key] ?? []) walk(s, route, depth + 1);
  };
  for (const [path, operations] of Object.entries<any>(doc.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, op] of Object.entries<any>(operations)) {
      const schema = op?.requestBody?.content?.['application/json']?.schema;
      if (schema) walk(schema, `${method.toUpperCase()} ${path}`, 0);
    }
  }
  return found;
}

/** Messages people read hold no JSON Pointer, no uuid, no ISO time and no raw validator text. */
const machineText = /\/body|\/querystring|uuid|\d{4}-\d\d-\d\dT|\{\w+\}|expected|Invalid|received/i;

describe('field messages in the field’s own words', () => {
  it('gives every field of every back office request body a Vietnamese and an English label', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    const fields = bodyFields(doc);
    expect(fields.size).toBeGreaterThan(80);
    const unlabelled = [...fields]
      .filter(([name]) => !fieldLabels[name])
      .map(([name, r]) => `${name} (${r[0]})`);
    expect(unlabelled).toEqual([]);
    for (const label of [...Object.values(fieldLabels), ...Object.values(byRoute).flatMap(Object.values)]) {
      expect(label.vi.trim()).not.toBe('');
      expect(label.en.trim()).not.toBe('');
    }
  });

  it('writes a sentence for every generic check on every labelled field, in both languages', () => {
    const checks = [
      { code: 'field.required' },
      { code: 'field.type', params: { expected: 'number' } },
      { code: 'field.tooSmall', params: { minimum: 2, origin: 'string' } },
      { code: 'field.tooSmall', params: { minimum: 0, origin: 'number', inclusive: false } },
      { code: 'field.tooBig', params: { maximum: 1_000_000, origin: 'number', inclusive: true } },
      { code: 'field.tooBig', params: { maximum: 20, origin: 'array' } },
      { code: 'field.format', params: { format: 'uuid' } },
      { code: 'field.format', params: { format: 'regex' } },
      { code: 'field.enum', params: { allowed: 'a, b' } },
      { code: 'field.invalid' },
    ];
    const scopes = ['imports', ...Object.keys(byRoute)];
    for (const name of Object.keys(fieldLabels))
      for (const scope of scopes)
        for (const check of checks)
          for (const lang of ['vi', 'en'] as const) {
            const message = fieldMessage(lang, { field: `/body/${name}`, ...check }, scope);
            expect(message, `${name} ${check.code} ${scope}`).not.toMatch(machineText);
            expect(message.charAt(0)).toBe(message.charAt(0).toLocaleUpperCase('vi'));
          }
  });

  it('names a field as its route means it: the GTIN of a stage or stamp form is a product picked from a list', () => {
    const empty = {
      field: '/body/output/gtin',
      code: 'field.tooSmall',
      params: { minimum: 8, origin: 'string' },
    };
    expect(fieldMessage('vi', empty, 'stages')).toBe('Vui lòng chọn sản phẩm');
    expect(fieldMessage('vi', empty, 'imports')).toBe('Mã GTIN phải có 8, 12, 13 hoặc 14 chữ số');
    expect(fieldMessage('vi', { field: '/body/name', code: 'field.required' }, 'locations')).toBe(
      'Vui lòng nhập tên địa điểm',
    );
    // a code with a message of its own keeps it; a field nobody labelled keeps the generic words
    expect(fieldMessage('vi', { field: '/body/gtin', code: 'registry.gtin' }, 'products')).toMatch(
      /^Mã GTIN/,
    );
    expect(fieldMessage('en', { field: '/epcisBody/eventList/0/type', code: 'field.required' }, null)).toBe(
      'is required',
    );
  });

  it('answers every mistake of an empty or wrong product at once, each naming its field in Vietnamese', async () => {
    const org = await makeOrganisation(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: t.as({ role: 'org_owner', organisationIds: [org.id] }),
      payload: { organisationId: '', gtin: '893123', name: 'A', netQuantity: -1, shelfLifeDays: 1.5 },
    });
    expect(res.statusCode).toBe(400);
    const messages = Object.fromEntries(res.json().errors.map((e: any) => [e.field, e.message]));
    expect(messages).toEqual({
      '/body/organisationId': 'Vui lòng chọn tổ chức',
      '/body/gtin': 'Mã GTIN phải có 8, 12, 13 hoặc 14 chữ số, chữ số cuối là số kiểm tra đúng',
      '/body/name': 'Tên sản phẩm phải có ít nhất 2 ký tự',
      '/body/netQuantity': 'Định lượng phải lớn hơn 0',
      '/body/shelfLifeDays': 'Hạn dùng (ngày) phải là một số nguyên',
    });
  });

  it('asks for an empty GTIN rather than calling it wrong', async () => {
    const org = await makeOrganisation(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: t.as({ role: 'org_owner', organisationIds: [org.id] }),
      payload: { organisationId: org.id, gtin: ' ', name: '' },
    });
    expect(res.json().errors.map((e: any) => e.message)).toEqual([
      'Vui lòng nhập mã GTIN',
      'Tên sản phẩm phải có ít nhất 2 ký tự',
    ]);
  });

  it('asks for the product and the lot number of a lot together, and says a quantity must not be negative', async () => {
    const org = await makeOrganisation(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/lots',
      headers: t.as({ role: 'org_owner', organisationIds: [org.id] }),
      payload: { lot: '', quantity: -5, productionDate: 'hôm qua' },
    });
    expect(res.statusCode).toBe(400);
    const messages = Object.fromEntries(res.json().errors.map((e: any) => [e.field, e.message]));
    expect(messages['/body/productId']).toBe('Vui lòng chọn sản phẩm');
    expect(messages['/body/lot']).toBe('Vui lòng nhập số lô');
    expect(messages['/body/quantity']).toBe('Số lượng phải từ 0 trở lên');
    expect(messages['/body/productionDate']).toMatch(/^Ngày sản xuất /);
    for (const m of Object.values(messages)) expect(m).not.toMatch(machineText);
  });

  it('says the real limit of a stamp request instead of changing the number asked for', async () => {
    const org = await makeOrganisation(t.db);
    const headers = t.as({ role: 'org_owner', organisationIds: [org.id] });
    const over = await t.app.inject({
      method: 'POST',
      url: '/api/stamps/requests',
      headers,
      payload: { organisationId: org.id, gtin: '', quantity: 5_000_000, kind: 'traceability' },
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors.map((e: any) => [e.field, e.message])).toEqual([
      ['/body/gtin', 'Vui lòng chọn sản phẩm'],
      ['/body/quantity', 'Tối đa 1.000.000 tem mỗi yêu cầu'],
    ]);
    const english = await t.app.inject({
      method: 'POST',
      url: '/api/stamps/requests',
      headers: { ...headers, 'accept-language': 'en' },
      payload: { organisationId: org.id, gtin: '', quantity: 0, kind: 'traceability' },
    });
    expect(english.json().errors.map((e: any) => e.message)).toEqual([
      'Please choose the product',
      'The number of stamps must be above 0',
    ]);
  });

  it('keeps another organisation out: a product for it is refused without saying whether it exists', async () => {
    const mine = await makeOrganisation(t.db);
    const theirs = await makeOrganisation(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: t.as({ role: 'org_owner', organisationIds: [mine.id] }),
      payload: { organisationId: theirs.id, gtin: gtin(13), name: 'Sản phẩm lạ' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        field: '/body/organisationId',
        code: 'registry.unknownOrganisation',
        message: 'tổ chức không tồn tại hoặc bạn không có quyền',
      },
    ]);
    expect(JSON.stringify(res.json())).not.toContain(theirs.id);
    expect(JSON.stringify(res.json())).not.toContain(theirs.name);
  });
});
