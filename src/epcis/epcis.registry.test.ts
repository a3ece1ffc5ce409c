import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setReviewStatus } from '../registry/index.ts';
import { createTestApp, epcisDocument, gln, gtin, organisationBody, type TestApp } from '../test/index.ts';

// Capture and the registry meet: what events name becomes registry drafts, and an organisation named as a
// shipment's destination sees that event (one step back, one step forward).
describe('capture and the registry', () => {
  let t: TestApp;
  let sender: string;
  let receiver: string;
  let outsider: string;
  const admin = { role: 'dost_admin' as const };
  const receiverGln = gln('893600000001');
  const ownGtin = gtin('0893600000011');
  // another firm's GTIN and GLN, outside the sender's company prefix
  const foreignGtin = gtin('0893700000011');
  const foreignGln = gln('893700000002');

  beforeAll(async () => {
    t = await createTestApp();
    const create = async (n: number, extra = {}) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/organisations',
        headers: t.as(admin),
        payload: organisationBody(n, extra),
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    sender = await create(41, { gs1CompanyPrefixes: ['8936000'] });
    receiver = await create(42, { glns: [receiverGln] });
    // only approved organisations capture; a declared GLN grants visibility only once approved
    for (const id of [sender, receiver])
      for (const status of ['submitted', 'approved'] as const) {
        await setReviewStatus(t.db, { entity: 'organisation', id, status, actor: null });
      }
    outsider = await create(43);
    const shipment = {
      type: 'ObjectEvent',
      eventTime: '2026-06-02T08:00:00+07:00',
      eventTimeZoneOffset: '+07:00',
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      quantityList: [
        { epcClass: `https://id.gs1.org/01/${ownGtin}/10/SR-0601`, quantity: 120, uom: 'KGM' },
        { epcClass: `https://id.gs1.org/01/${foreignGtin}/10/X-1`, quantity: 5, uom: 'KGM' },
      ],
      readPoint: { id: `https://id.gs1.org/414/${gln('893600000002')}` },
      destinationList: [{ type: 'owning_party', destination: `https://id.gs1.org/417/${receiverGln}` }],
      bizLocation: { id: `https://id.gs1.org/414/${foreignGln}` },
    };
    const res = await t.app.inject({
      method: 'POST',
      url: '/epcis/capture',
      headers: t.as({ role: 'org_owner', organisationIds: [sender] }),
      payload: epcisDocument([shipment]),
    });
    expect(res.statusCode, res.body).toBe(202);
  });
  afterAll(() => t.close());

  it('creates draft product, lot and location rows for the identifiers an event names', async () => {
    const headers = t.as({ role: 'org_owner', organisationIds: [sender] });
    const products = await t.app.inject({ url: `/api/products?q=${ownGtin}`, headers });
    expect(products.json().items).toEqual([
      expect.objectContaining({ gtin: ownGtin, organisationId: sender, reviewStatus: 'draft' }),
    ]);
    const lots = await t.app.inject({ url: '/api/lots', headers });
    expect(lots.json().items.map((l: any) => l.lot)).toEqual(['SR-0601']);
    const locations = await t.app.inject({ url: '/api/locations', headers });
    expect(locations.json().items.map((l: any) => l.gln)).toEqual([gln('893600000002')]);
  });

  it("creates nothing for identifiers outside the sender's company prefixes (capture squatting)", async () => {
    const headers = t.as(admin);
    const products = await t.app.inject({ url: `/api/products?q=${foreignGtin}`, headers });
    expect(products.json().items).toEqual([]);
    const lots = await t.app.inject({ url: '/api/lots?q=X-1', headers });
    expect(lots.json().items.filter((l: any) => l.lot === 'X-1')).toEqual([]);
    const locations = await t.app.inject({ url: '/api/locations', headers });
    expect(locations.json().items.map((l: any) => l.gln)).not.toContain(foreignGln);
  });

  it('shows a shipment to the organisation it is addressed to', async () => {
    const res = await t.app.inject({
      url: '/epcis/events?EQ_bizStep=shipping',
      headers: t.as({ role: 'org_owner', organisationIds: [receiver] }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().epcisBody.queryResults.resultsBody.eventList).toHaveLength(1);
  });

  it('does not show the shipment to an organisation it does not name', async () => {
    const res = await t.app.inject({
      url: '/epcis/events?EQ_bizStep=shipping',
      headers: t.as({ role: 'org_owner', organisationIds: [outsider] }),
    });
    expect(res.json().epcisBody.queryResults.resultsBody.eventList).toHaveLength(0);
  });
});
