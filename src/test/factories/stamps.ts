import { captureEpcisDocument } from '../../epcis/index.ts';
import type { Db } from '../../platform/index.ts';
import { getLocation } from '../../registry/index.ts';
import { decide } from '../../review/index.ts';
import { activateStamps, getStampRequest, preparePrintRun, requestStamps } from '../../stamps/index.ts';
import type { TestApp } from '../app.ts';
import { gtin } from './keys.ts';
import { adminActor, makeLocation, makeLot, makeOrganisation, makeProduct } from './registry.ts';

/**
 * A producer the public pages can show: an approved cooperative with a street address and a contact, its own
 * product (a random GTIN under a 12-digit company prefix; approved unless `publishProduct: false`) and its farm,
 * located in Đồng Nai.
 */
export async function makeProducer(
  db: Db,
  opts: { productName?: string; publishProduct?: boolean; phone?: string } = {},
) {
  const productName = opts.productName ?? 'Bưởi Tân Triều';
  const own = gtin();
  const organisation = await makeOrganisation(db, {
    name: 'Hợp tác xã Bưởi Tân Triều',
    communeCode: '75W001',
    streetAddress: 'Ấp Tân Triều',
    representative: 'Nguyễn Văn Bưởi',
    phone: opts.phone ?? '0912345678',
    ownGtins: [own],
    withGln: false,
  });
  const product = await makeProduct(db, organisation.id, {
    gtin: own,
    name: productName,
    draft: opts.publishProduct === false,
  });
  const location = await makeLocation(db, organisation.id, {
    name: 'Vườn bưởi Tân Triều',
    type: 'farm',
    communeCode: '75W001',
    streetAddress: 'Ấp Tân Triều',
    latitude: 10.95,
    longitude: 106.93,
  });
  return {
    organisationId: organisation.id,
    gtin: own,
    productId: product.id,
    productName,
    locationId: location.id,
  };
}

/**
 * A producer's lot L2026-03, packed at its farm, with traceability stamps (the first 50 of 100 activated) and
 * three activated anti-counterfeit stamps, printed once.
 */
export async function makeStampedProduct(t: TestApp, productName?: string) {
  const producer = await makeProducer(t.db, { productName });
  const lot = await makeLot(t.db, { ...producer, lot: 'L2026-03' });
  const owner = { ...adminActor, role: 'org_owner' as const, organisationIds: [producer.organisationId] };
  const approved = async (quantity: number, kind: 'traceability' | 'anti_counterfeit') => {
    const { request, reviewItemId } = await requestStamps(t.db, owner, {
      organisationId: producer.organisationId,
      gtin: producer.gtin,
      quantity,
      kind,
    });
    await decide(t.db, reviewItemId, { decision: 'approve' }, adminActor);
    return (await getStampRequest(t.db, adminActor, request.id)).range!;
  };
  const range = await approved(100, 'traceability');
  await activateStamps(t.db, owner, range.id, {
    lot: 'L2026-03',
    firstSerial: range.firstSerial,
    lastSerial: range.firstSerial + 49,
  });
  const anti = await approved(3, 'anti_counterfeit');
  await activateStamps(t.db, owner, anti.id, { lot: 'L2026-03' });
  const print = await preparePrintRun(
    t.db,
    owner,
    anti.id,
    { layout: 'a4', carrier: 'qr', reprint: false },
    t.config.baseUrl,
  );
  await print.commit();
  const location = await getLocation(t.db, producer.locationId);
  await captureEpcisDocument(
    t.db,
    {
      '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2026-03-01T08:00:00Z',
      epcisBody: {
        eventList: [
          {
            type: 'ObjectEvent',
            eventTime: '2026-03-01T07:00:00+07:00',
            eventTimeZoneOffset: '+07:00',
            action: 'OBSERVE',
            bizStep: 'packing',
            quantityList: [
              { epcClass: `https://id.gs1.org/01/${producer.gtin}/10/L2026-03`, quantity: 500, uom: 'KGM' },
            ],
            bizLocation: { id: `https://id.gs1.org/414/${location!.gln}` },
          },
        ],
      },
    },
    { organisationId: producer.organisationId },
  );
  return {
    producer,
    lot,
    range,
    activeSerial: range.firstSerial + 1,
    inactiveSerial: range.lastSerial,
    antiRange: anti,
    antiUri: print.labels[0].code,
    stampPath: (serial: number, lotInPath = true) =>
      `/01/${producer.gtin}${lotInPath ? '/10/L2026-03' : ''}/21/${serial}`,
    base: t.config.baseUrl,
  };
}
