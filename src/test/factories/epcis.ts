/** A minimal valid EPCIS 2.0 document around the given events. */
export function epcisDocument(events: unknown[], context: unknown[] = []) {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', ...context],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-05-01T08:00:00+07:00',
    epcisBody: { eventList: events },
  };
}

/** An ObjectEvent observing one serialised trade item (GTIN 08934567000017 + serial), at a GLN of GS1 Vietnam. */
export function objectEvent(serial: string | number, extra: Record<string, unknown> = {}) {
  return {
    type: 'ObjectEvent',
    eventTime: '2024-05-01T08:00:00.000+07:00',
    eventTimeZoneOffset: '+07:00',
    epcList: [`https://id.gs1.org/01/08934567000017/21/${serial}`],
    action: 'OBSERVE',
    bizStep: 'shipping',
    disposition: 'in_transit',
    readPoint: { id: 'https://id.gs1.org/414/8934567000000' },
    ...extra,
  };
}
