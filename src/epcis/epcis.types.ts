/** What other modules (trace, registry, stamps, public pages) get from the EPCIS repository. */
export interface StoredEventId {
  id: string; // canonical GS1 Digital Link (https://id.gs1.org/...) or the URI as captured when not GS1
  role: 'epc' | 'parent' | 'child' | 'input' | 'output';
  isClass: boolean;
  quantity: number | null;
  uom: string | null;
}

export interface StoredEventLink {
  kind: 'source' | 'destination' | 'bizTransaction';
  type: string | null;
  value: string;
}

export interface StoredEvent {
  pk: number;
  eventId: string;
  eventType: string; // 'ObjectEvent' | 'AggregationEvent' | 'TransformationEvent' | 'TransactionEvent' | 'AssociationEvent'
  eventTime: Date;
  eventTimeZoneOffset: string;
  recordTime: Date;
  action: string | null;
  bizStep: string | null; // as captured: short CBV name ('shipping') or full URI
  disposition: string | null;
  readPoint: string | null; // canonical Digital Link for GLN-based ids
  bizLocation: string | null;
  organisationId: string | null; // the organisation that captured it
  ids: StoredEventId[];
  links: StoredEventLink[];
  document: Record<string, unknown>; // the event as captured
}
