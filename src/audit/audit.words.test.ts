import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  gtin,
  makeLot,
  makeOrganisation,
  makeProduct,
  makeSignedInUser,
  type Session,
  type TestApp,
} from '../test/index.ts';

interface Entry {
  summary: string;
  action: string;
  entityType: string;
  organisationId: string | null;
  actor: { name: string | null; organisation: string | null; text: string };
  subject: { kind: string; label: string | null };
  changes: { field: string; label: string; before: string | null; after: string | null }[];
}

/** The audit log in words, searched by lot code or product name, within what each reader may read. */
describe('audit log in words', () => {
  let t: TestApp;
  let reviewer: Session;
  let ownerA: Session;
  let orgA: { id: string };
  let orgB: { id: string };
  let lotA: { id: string };
  const gtinA = gtin();
  const gtinB = gtin();

  const read = async (session: Session, query: string, lang = 'vi') => {
    const res = await t.app.inject({
      url: `/api/audit?${query}`,
      headers: { ...session.read, 'accept-language': lang },
    });
    return { status: res.statusCode, body: res.json() as { items: Entry[]; total: number } };
  };

  beforeAll(async () => {
    t = await createTestApp({}, { realAuth: true });
    orgA = await makeOrganisation(t.db, {
      name: 'HTX Chôm chôm Bình Lộc thử',
      ownGtins: [gtinA],
      sector: 'agriculture',
      communeCode: '75W001',
    });
    orgB = await makeOrganisation(t.db, {
      name: 'Cơ sở Y tế thử',
      ownGtins: [gtinB],
      sector: 'health',
      communeCode: '75W002',
    });
    const productA = await makeProduct(t.db, orgA.id, { gtin: gtinA, name: 'Chôm chôm Java Bình Lộc' });
    const productB = await makeProduct(t.db, orgB.id, { gtin: gtinB, name: 'Nước súc miệng thảo dược' });
    lotA = await makeLot(t.db, { productId: productA.id, lot: 'CC2606-01' });
    await makeLot(t.db, { productId: productB.id, lot: 'NS2606-01' });
    reviewer = (await makeSignedInUser(t, 'dost_reviewer')).session;
    const owner = await makeSignedInUser(t, 'org_owner', { organisationId: orgA.id });
    ownerA = owner.session;
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/lots/${lotA.id}`,
      headers: ownerA.write,
      payload: { expiryDate: '2026-10-15', quantity: 1250, unit: 'KGM' },
    });
    expect(edit.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('says each entry as a sentence: who, for which organisation, did what to which record, when (Vietnam time)', async () => {
    const { body } = await read(reviewer, 'q=CC2606-01');
    const edit = body.items.find((e) => e.action === 'update');
    expect(edit?.actor.organisation).toBe('HTX Chôm chôm Bình Lộc thử');
    expect(edit?.summary).toMatch(
      /^Người thử org_owner \(HTX Chôm chôm Bình Lộc thử\) sửa lô CC2606-01 \(Chôm chôm Java Bình Lộc\) lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
    );
    // the factories approve as the system, with no person behind it
    const approval = body.items.find((e) => e.action === 'approve' && e.entityType === 'lot');
    expect(approval?.summary).toMatch(/^Hệ thống duyệt lô CC2606-01 \(Chôm chôm Java Bình Lộc\) lúc /);
    const english = await read(reviewer, 'q=CC2606-01', 'en');
    expect(english.body.items.find((e) => e.action === 'update')?.summary).toContain('edited lot CC2606-01');
    // no id, no ISO time in what people read
    for (const e of body.items) {
      expect(e.summary).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}T/);
    }
  });

  it('keeps the label the record had when the entry was written, even after the record is renamed', async () => {
    const org = await makeOrganisation(t.db, { name: 'Tên cũ của cơ sở' });
    const admin = (await makeSignedInUser(t, 'dost_admin')).session;
    const rename = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${org.id}`,
      headers: admin.write,
      payload: { name: 'Tên mới của cơ sở' },
    });
    expect(rename.statusCode).toBe(200);
    const { body } = await read(reviewer, 'q=T%C3%AAn%20c%C5%A9');
    expect(body.items.map((e) => e.action)).toContain('create');
    expect(body.items.every((e) => e.subject.label === 'Tên cũ của cơ sở')).toBe(true);
  });

  it('finds entries by a lot code or by a product name, paginated, and takes % and _ as letters', async () => {
    const byLot = await read(reviewer, 'q=cc2606&pageSize=2');
    expect(byLot.body.total).toBeGreaterThanOrEqual(4); // created, submitted, approved, edited
    expect(byLot.body.items).toHaveLength(2);
    expect(byLot.body.items.every((e) => e.subject.label?.includes('CC2606-01'))).toBe(true);
    const byProduct = await read(reviewer, `q=${encodeURIComponent('chôm chôm java')}`);
    const kinds = new Set(byProduct.body.items.map((e) => e.entityType));
    expect(kinds).toEqual(new Set(['product', 'lot']));
    expect((await read(reviewer, 'q=%25')).body.total).toBe(0);
    expect((await read(reviewer, 'q=C_2606')).body.total).toBe(0);
  });

  it('shows an edit field by field in words: names in Vietnamese, dates dd/mm/yyyy, units by name, ids left out', async () => {
    const { body } = await read(reviewer, 'q=CC2606-01');
    const edit = body.items.find((e) => e.action === 'update');
    expect(edit?.changes).toEqual(
      expect.arrayContaining([
        { field: 'expiryDate', label: 'Hạn sử dụng', before: '01/09/2026', after: '15/10/2026' },
        { field: 'unit', label: 'Đơn vị', before: null, after: 'kg' },
      ]),
    );
    const fields = edit?.changes.map((c) => c.field) ?? [];
    for (const hidden of ['id', 'organisationId', 'productId', 'updatedAt', 'createdAt', 'lot', 'gtin']) {
      expect(fields).not.toContain(hidden);
    }
    const approval = body.items.find((e) => e.action === 'approve');
    expect(approval?.changes).toEqual([
      { field: 'reviewStatus', label: 'Trạng thái thẩm định', before: 'Chờ thẩm định', after: 'Đã duyệt' },
    ]);
  });

  it('an organisation never reads another organisation’s entries, whatever it searches or filters', async () => {
    const own = await read(ownerA, 'pageSize=200');
    expect(own.status).toBe(200);
    expect(own.body.total).toBeGreaterThan(0);
    expect(own.body.items.every((e) => e.organisationId === orgA.id)).toBe(true);
    expect((await read(ownerA, 'q=NS2606-01')).body.total).toBe(0);
    expect((await read(ownerA, `organisationId=${orgB.id}`)).body.total).toBe(0);
    const staff = (await makeSignedInUser(t, 'org_staff', { organisationId: orgA.id })).session;
    expect((await read(staff, '')).status).toBe(403);
  });

  it('officers read the entries of their sector or their communes only; inspectors read all', async () => {
    const sector = (await makeSignedInUser(t, 'sector_officer', { sector: 'health' })).session;
    const health = await read(sector, 'pageSize=200');
    expect(health.status).toBe(200);
    expect(health.body.items.length).toBeGreaterThan(0);
    expect(health.body.items.every((e) => e.organisationId === orgB.id)).toBe(true);
    expect((await read(sector, 'q=CC2606-01')).body.total).toBe(0);

    const commune = (await makeSignedInUser(t, 'commune_officer', { communes: ['75W002'] })).session;
    const local = await read(commune, 'pageSize=200');
    expect(local.body.items.every((e) => e.organisationId === orgB.id)).toBe(true);
    expect((await read(commune, `organisationId=${orgA.id}`)).body.total).toBe(0);

    const inspector = (await makeSignedInUser(t, 'inspector')).session;
    expect((await read(inspector, 'q=CC2606-01')).body.total).toBeGreaterThanOrEqual(4);
    expect((await read(inspector, 'q=NS2606-01')).body.total).toBeGreaterThanOrEqual(3);
  });
});
