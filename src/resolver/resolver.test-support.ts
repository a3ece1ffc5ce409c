import { captureEpcisDocument } from '../epcis/index.ts';
import { getLocation } from '../registry/index.ts';
import { decide } from '../review/index.ts';
import { activateStamps, getStampRequest, preparePrintRun, requestStamps } from '../stamps/index.ts';
import { adminActor, makeLot, makeProducer } from '../stamps/testing.ts';
import type { TestApp } from '../test/index.ts';

/** A published product with a lot, traceability stamps (half activated) and activated anti-counterfeit stamps. */
export async function makeStampedProduct(t: TestApp, productName?: string) {
  const producer = await makeProducer(t.db, { productName });
  const lot = await makeLot(t.db, producer, 'L2026-03');
  const owner = { ...adminActor, role: 'org_owner' as const, organisationIds: [producer.organisationId] };
  const approve = async (quantity: number, kind: 'traceability' | 'anti_counterfeit') => {
    const { request, reviewItemId } = await requestStamps(t.db, owner, {
      organisationId: producer.organisationId,
      gtin: producer.gtin,
      quantity,
      kind,
    });
    await decide(t.db, reviewItemId, { decision: 'approve' }, adminActor);
    return (await getStampRequest(t.db, adminActor, request.id)).range!;
  };
  const range = await approve(100, 'traceability');
  await activateStamps(t.db, owner, range.id, {
    lot: 'L2026-03',
    firstSerial: range.firstSerial,
    lastSerial: range.firstSerial + 49,
  });
  const anti = await approve(3, 'anti_counterfeit');
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
  const base = t.config.baseUrl;
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
    base,
  };
}
