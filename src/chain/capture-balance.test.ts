import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setReviewStatus } from '../registry/index.ts';
import { createTestApp, epcisDocument, gtin, organisationBody, type TestApp } from '../test/index.ts';

// Mass balance at EPCIS capture (issue 12 §3): refused where the lot's own quantity is known, let through (for the
// automatic check to flag) where it is not.
describe('EPCIS capture never gives up more of a lot than the organisation is known to hold', () => {
  let t: TestApp;
  let owner: Record<string, string>;
  let ownerId: string;
  const ownGtin = gtin('0893610000011');
  const classOf = (lot: string) => `https://id.gs1.org/01/${ownGtin}/10/${lot}`;
  const at = (day: number) => `2026-06-${String(day).padStart(2, '0')}T08:00:00+07:00`;
  const event = (
    day: number,
    bizStep: string,
    lot: string,
    quantity: number,
    uom = 'KGM',
    action = 'OBSERVE',
  ) => ({
    type: 'ObjectEvent',
    eventTime: at(day),
    eventTimeZoneOffset: '+07:00',
    action,
    bizStep,
    quantityList: [{ epcClass: classOf(lot), quantity, uom }],
  });
  const capture = (headers: Record<string, string>, events: unknown[]) =>
    t.app.inject({ method: 'POST', url: '/epcis/capture', headers, payload: epcisDocument(events) });
  const lostOf = async (lot: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/epcis/events?MATCH_anyEPCClass=${encodeURIComponent(classOf(lot))}&EQ_bizStep=shipping`,
      headers: owner,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().epcisBody.queryResults.resultsBody.eventList.length as number;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const admin = t.as({ role: 'dost_admin' });
    const create = async (n: number, extra = {}) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/organisations',
        headers: admin,
        payload: organisationBody(n, extra),
      });
      expect(res.statusCode).toBe(201);
      const id = res.json().id as string;
      for (const status of ['submitted', 'approved'] as const)
        await setReviewStatus(t.db, { entity: 'organisation', id, status, actor: null });
      return id;
    };
    ownerId = await create(61, { gs1CompanyPrefixes: ['8936100'] });
    owner = t.as({ role: 'org_owner', organisationIds: [ownerId] });
  });
  afterAll(() => t.close());

  it('lets a shipment within what was commissioned through, in another unit of the same kind too', async () => {
    expect((await capture(owner, [event(1, 'commissioning', 'MB-1', 1000, 'KGM', 'ADD')])).statusCode).toBe(
      202,
    );
    const res = await capture(owner, [
      event(2, 'shipping', 'MB-1', 600),
      event(3, 'shipping', 'MB-1', 0.4, 'TNE'),
    ]);
    expect(res.statusCode, res.body).toBe(202);
    expect(await lostOf('MB-1')).toBe(2);
  });

  it('refuses 50 t out of a lot of 1,000 kg, naming the event and the figures in words, and stores nothing', async () => {
    expect((await capture(owner, [event(1, 'commissioning', 'MB-2', 1000, 'KGM', 'ADD')])).statusCode).toBe(
      202,
    );
    const res = await capture(owner, [
      event(2, 'shipping', 'MB-2', 200),
      event(3, 'shipping', 'MB-2', 50, 'TNE'),
    ]);
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors[0].field).toBe('/epcisBody/eventList/0');
    expect(problem.errors[0].message).toContain('50.200 kg của lô MB-2');
    expect(problem.errors[0].message).toContain('nhiều hơn 1.000 kg');
    // the document is refused whole: not even the 200 kg that would have fitted is stored
    expect(await lostOf('MB-2')).toBe(0);
  });

  it('counts a document sent twice once, and shipments across documents together', async () => {
    expect((await capture(owner, [event(1, 'commissioning', 'MB-3', 100, 'KGM', 'ADD')])).statusCode).toBe(
      202,
    );
    const first = [event(2, 'shipping', 'MB-3', 70)];
    expect((await capture(owner, first)).statusCode).toBe(202);
    expect((await capture(owner, first)).statusCode).toBe(202);
    const more = await capture(owner, [event(4, 'shipping', 'MB-3', 40)]);
    expect(more.statusCode).toBe(400);
    expect(more.json().errors[0].message).toContain('110 kg');
  });

  it('refuses transforming more than the lot holds (inputs count as given up)', async () => {
    expect((await capture(owner, [event(1, 'commissioning', 'MB-4', 10, 'KGM', 'ADD')])).statusCode).toBe(
      202,
    );
    const res = await capture(owner, [
      {
        type: 'TransformationEvent',
        eventTime: at(5),
        eventTimeZoneOffset: '+07:00',
        bizStep: 'commissioning',
        inputQuantityList: [{ epcClass: classOf('MB-4'), quantity: 25, uom: 'KGM' }],
        outputQuantityList: [{ epcClass: classOf('MB-4X'), quantity: 20, uom: 'KGM' }],
      },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].message).toContain('25 kg của lô MB-4');
  });

  it('holds a lot its events never made to the quantity its registry lot declares', async () => {
    // the product is the registry draft the earlier captures noted
    const product = await t.app.inject({ method: 'GET', url: `/api/products?q=${ownGtin}`, headers: owner });
    expect(product.json().items).toHaveLength(1);
    const lot = await t.app.inject({
      method: 'POST',
      url: '/api/lots',
      headers: owner,
      payload: { productId: product.json().items[0].id, lot: 'MB-6', quantity: 300, unit: 'kg' },
    });
    expect(lot.statusCode, lot.body).toBe(201);
    const res = await capture(owner, [event(10, 'shipping', 'MB-6', 500)]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].message).toContain('nhiều hơn 300 kg');
    expect((await capture(owner, [event(10, 'shipping', 'MB-6', 300)])).statusCode).toBe(202);
  });

  it('lets through a lot nobody declared a quantity of (the automatic check flags it later)', async () => {
    const res = await capture(owner, [event(6, 'shipping', 'MB-UNKNOWN', 5000)]);
    expect(res.statusCode, res.body).toBe(202);
  });

  it('counts goods received back (a return) as held again', async () => {
    expect((await capture(owner, [event(1, 'commissioning', 'MB-5', 100, 'KGM', 'ADD')])).statusCode).toBe(
      202,
    );
    expect((await capture(owner, [event(7, 'shipping', 'MB-5', 100)])).statusCode).toBe(202);
    expect((await capture(owner, [event(8, 'receiving', 'MB-5', 30)])).statusCode).toBe(202);
    expect((await capture(owner, [event(9, 'shipping', 'MB-5', 31)])).statusCode).toBe(400);
    expect((await capture(owner, [event(9, 'shipping', 'MB-5', 30)])).statusCode).toBe(202);
  });
});
