import { buildDigitalLink } from '../gs1/index.ts';
import type { ShipmentLink } from './chain.schema.ts';
import { bizTransactionUri, type EpcisEvent, eventHeader, quantityElement } from './epcis-document.ts';
import type { LotQuantity, StageForm } from './stages.schema.ts';

/** An organisation in an event: its party id (PGLN or TXNG URN) and, when known, the location involved. */
export interface PartyRef {
  party: string;
  location: string | null;
  name: string;
  organisationId: string | null;
}

export interface StageContext {
  self: PartyRef;
  /** the form's location (readPoint and bizLocation) */
  location: string;
  growingAreaCode: string | null;
  /** ship: the destination; receive: the source */
  counterpart: PartyRef | null;
}

const partyLinks = (p: PartyRef): ShipmentLink[] => [
  { type: 'owning_party', value: p.party },
  ...(p.location ? [{ type: 'location', value: p.location }] : []),
];
export const sourceList = (p: PartyRef) => partyLinks(p).map((l) => ({ type: l.type, source: l.value }));
export const destinationList = (p: PartyRef) =>
  partyLinks(p).map((l) => ({ type: l.type, destination: l.value }));
export { partyLinks };

type Documents = { invoice?: string; deliveryNote?: string; quarantineCertificate?: string } | undefined;

export function bizTransactionLinks(documents: Documents): ShipmentLink[] {
  const links: ShipmentLink[] = [];
  if (documents?.invoice) links.push({ type: 'inv', value: bizTransactionUri('inv', documents.invoice) });
  if (documents?.deliveryNote)
    links.push({ type: 'desadv', value: bizTransactionUri('desadv', documents.deliveryNote) });
  if (documents?.quarantineCertificate)
    links.push({ type: 'cert', value: bizTransactionUri('cert', documents.quarantineCertificate) });
  return links;
}

const bizTransactionList = (links: ShipmentLink[]) =>
  links.length ? { bizTransactionList: links.map((l) => ({ type: l.type, bizTransaction: l.value })) } : {};

/** Drops absent values so the event carries only what the form said. */
const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

/** Turns a stage form into one EPCIS 2.0 event (CBV 2.0 vocabulary), ready for capture. */
export function buildStageEvent(form: StageForm, ctx: StageContext): EpcisEvent {
  const where = { readPoint: { id: ctx.location }, bizLocation: { id: ctx.location } };
  const tail = defined({ 'txng:stage': form.stage, 'txng:note': form.note });
  switch (form.stage) {
    case 'harvest':
      return {
        ...eventHeader('ObjectEvent', form.eventTime),
        action: 'ADD',
        quantityList: [quantityElement(form.output)],
        bizStep: 'commissioning',
        disposition: 'active',
        ...where,
        ilmd: defined({
          'cbvmda:lotNumber': form.output.lot,
          'cbvmda:harvestStartDate': form.harvestStartDate,
          'cbvmda:harvestEndDate': form.harvestEndDate,
          'cbvmda:itemExpirationDate': form.expiryDate,
          'txng:growingAreaCode': ctx.growingAreaCode,
        }),
        ...tail,
      };
    case 'preprocess':
    case 'process':
      return transformation(form, 'commissioning', where, tail);
    case 'pack':
      if (form.sscc) {
        return {
          ...eventHeader('AggregationEvent', form.eventTime),
          parentID: buildDigitalLink([{ ai: '00', value: form.sscc }]),
          childQuantityList: form.inputs.map(quantityElement),
          action: 'ADD',
          bizStep: 'packing',
          disposition: 'in_progress',
          ...where,
          ...tail,
        };
      }
      return transformation({ ...form, outputs: form.outputs ?? [] }, 'packing', where, tail);
    case 'store':
      return observe(form, 'storing', 'sellable_not_accessible', where, tail);
    case 'sell':
      return observe(form, 'retail_selling', 'retail_sold', where, tail);
    case 'ship':
      return {
        ...observe(form, 'shipping', 'in_transit', where, {}),
        sourceList: sourceList({ ...ctx.self, location: ctx.self.location ?? ctx.location }),
        destinationList: destinationList(ctx.counterpart!),
        ...bizTransactionList(bizTransactionLinks(form.documents)),
        ...tail,
        'txng:counterpartName': ctx.counterpart!.name,
      };
    case 'receive':
      return {
        ...observe(form, 'receiving', 'in_progress', where, {}),
        sourceList: sourceList(ctx.counterpart!),
        destinationList: destinationList({ ...ctx.self, location: ctx.self.location ?? ctx.location }),
        ...bizTransactionList(bizTransactionLinks(form.documents)),
        ...tail,
        'txng:counterpartName': ctx.counterpart!.name,
      };
  }
}

interface TransformationForm {
  eventTime: string;
  inputs: LotQuantity[];
  outputs: LotQuantity[];
  productionDate?: string;
  expiryDate?: string;
}

function transformation(form: TransformationForm, bizStep: string, where: object, tail: object): EpcisEvent {
  const ilmd = defined({
    'txng:productionDate': form.productionDate,
    'cbvmda:itemExpirationDate': form.expiryDate,
  });
  return {
    ...eventHeader('TransformationEvent', form.eventTime),
    inputQuantityList: form.inputs.map(quantityElement),
    outputQuantityList: form.outputs.map(quantityElement),
    bizStep,
    disposition: 'active',
    ...where,
    ...(Object.keys(ilmd).length ? { ilmd } : {}),
    ...tail,
  };
}

function observe(
  form: Extract<StageForm, { items: unknown }>,
  bizStep: string,
  disposition: string,
  where: object,
  tail: object,
): EpcisEvent {
  return {
    ...eventHeader('ObjectEvent', form.eventTime),
    action: 'OBSERVE',
    quantityList: form.items.map(quantityElement),
    bizStep,
    disposition,
    ...where,
    ...tail,
  };
}

/** The receiver's half of a confirmed shipment: the same goods, documents, source and destination. */
export function buildReceivingEvent(opts: {
  eventTime: Date;
  items: { id: string; quantity: number; unit: string }[];
  sources: ShipmentLink[];
  destinations: ShipmentLink[];
  bizTransactions: ShipmentLink[];
  location: string | null;
  shipmentEventId: string;
}): EpcisEvent {
  return {
    ...eventHeader('ObjectEvent', opts.eventTime),
    action: 'OBSERVE',
    quantityList: opts.items.map((i) => ({ epcClass: i.id, quantity: i.quantity, uom: i.unit })),
    bizStep: 'receiving',
    disposition: 'in_progress',
    ...(opts.location ? { readPoint: { id: opts.location }, bizLocation: { id: opts.location } } : {}),
    sourceList: opts.sources.map((l) => ({ type: l.type, source: l.value })),
    destinationList: opts.destinations.map((l) => ({ type: l.type, destination: l.value })),
    ...bizTransactionList(opts.bizTransactions),
    'txng:stage': 'receive',
    'txng:shippingEvent': opts.shipmentEventId,
  };
}
