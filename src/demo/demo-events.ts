import crypto from 'node:crypto';
import { TXNG_NAMESPACE } from '../platform/index.ts';
import {
  type DemoLotKey,
  type DemoOrganisationKey,
  demoGlns,
  demoGrowingAreaCodes,
  demoLots,
  demoPalletSscc,
  dl,
} from './demo-data.ts';

type Json = Record<string, unknown>;
type Gln = keyof typeof demoGlns;

/** A stable event id per demo event name, so that tests and other seeders can refer to an event. */
export const demoEventId = (name: string) => {
  const h = crypto.createHash('sha1').update(`txng-demo:${name}`).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const at = (local: string) => ({ eventTime: `${local}:00+07:00`, eventTimeZoneOffset: '+07:00' });
const lotQuantity = (lot: DemoLotKey, quantity: number, uom: string) => ({
  epcClass: dl.lot(demoLots[lot].gtin, demoLots[lot].lot),
  quantity,
  uom,
});
const place = (gln: Gln) => ({ id: dl.location(demoGlns[gln]) });
const parties = (kind: 'source' | 'destination', party: Gln, location: Gln) => [
  { type: 'owning_party', [kind]: dl.party(demoGlns[party]) },
  { type: 'location', [kind]: dl.location(demoGlns[location]) },
];
const documentRef = (type: string, issuer: Gln, number: string) => ({
  type,
  bizTransaction: `urn:epcglobal:cbv:bt:${demoGlns[issuer]}:${number}`,
});

interface Move {
  name: string;
  time: string;
  what: { quantityList?: Json[]; epcList?: string[] };
  from: [Gln, Gln];
  to: [Gln, Gln];
  documents: Json[];
}

/** The shipping event the sender captures and the receiving event the receiver captures. */
function move(m: Move, receivedAt: string): { shipping: Json; receiving: Json } {
  const common = {
    ...m.what,
    sourceList: parties('source', ...m.from),
    destinationList: parties('destination', ...m.to),
    bizTransactionList: m.documents,
  };
  return {
    shipping: {
      type: 'ObjectEvent',
      eventID: demoEventId(`${m.name}:shipping`),
      ...at(m.time),
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      readPoint: place(m.from[1]),
      ...common,
    },
    receiving: {
      type: 'ObjectEvent',
      eventID: demoEventId(`${m.name}:receiving`),
      ...at(receivedAt),
      action: 'OBSERVE',
      bizStep: 'receiving',
      disposition: 'in_progress',
      readPoint: place(m.to[1]),
      bizLocation: place(m.to[1]),
      ...common,
    },
  };
}

function harvest(
  name: string,
  time: string,
  lot: DemoLotKey,
  quantity: number,
  uom: string,
  where: Gln,
  ilmd: Json,
): Json {
  return {
    type: 'ObjectEvent',
    eventID: demoEventId(name),
    ...at(time),
    action: 'ADD',
    bizStep: 'commissioning',
    disposition: 'active',
    readPoint: place(where),
    bizLocation: place(where),
    quantityList: [lotQuantity(lot, quantity, uom)],
    ilmd: { 'cbvmda:countryOfOrigin': 'VN', 'cbvmda:lotNumber': demoLots[lot].lot, ...ilmd },
  };
}

function transform(
  name: string,
  time: string,
  bizStep: string,
  input: Json,
  output: Json,
  where: Gln,
  ilmd: Json,
): Json {
  return {
    type: 'TransformationEvent',
    eventID: demoEventId(name),
    ...at(time),
    inputQuantityList: [input],
    outputQuantityList: [output],
    bizStep,
    disposition: 'active',
    readPoint: place(where),
    bizLocation: place(where),
    ilmd,
  };
}

function sale(name: string, time: string, what: Json, where: Gln): Json {
  return {
    type: 'ObjectEvent',
    eventID: demoEventId(name),
    ...at(time),
    action: 'OBSERVE',
    bizStep: 'retail_selling',
    disposition: 'retail_sold',
    readPoint: place(where),
    bizLocation: place(where),
    quantityList: [what],
  };
}

/** Every demo event, grouped by the organisation that captures it, in time order. */
export function demoEvents(): Record<DemoOrganisationKey, Json[]> {
  const txng = (key: string) => `txng:${key}`;
  const durianIn = move(
    {
      name: 'durian-farm-to-packer',
      time: '2026-06-10T14:00',
      what: { quantityList: [lotQuantity('durianHarvest', 2400, 'KGM')] },
      from: ['durianFarm', 'durianArea'],
      to: ['packer', 'packingHouse'],
      documents: [documentRef('desadv', 'durianFarm', 'PGH-SR-260610')],
    },
    '2026-06-10T17:30',
  );
  const durianExport = move(
    {
      name: 'durian-packer-to-exporter',
      time: '2026-06-12T07:00',
      what: { epcList: [dl.sscc(demoPalletSscc)] },
      from: ['packer', 'packingHouse'],
      to: ['exporter', 'exporterWarehouse'],
      documents: [
        documentRef('desadv', 'packer', 'PXK-260612-01'),
        documentRef('inv', 'packer', 'HD-0001245'),
      ],
    },
    '2026-06-12T10:15',
  );
  const durianRetail = move(
    {
      name: 'durian-packer-to-supermarket',
      time: '2026-06-12T08:00',
      what: { quantityList: [lotQuantity('durianCartons', 80, 'H87')] },
      from: ['packer', 'packingHouse'],
      to: ['supermarket', 'supermarketStore'],
      documents: [
        documentRef('desadv', 'packer', 'PXK-260612-02'),
        documentRef('po', 'supermarket', 'DH-HP-5512'),
      ],
    },
    '2026-06-12T13:00',
  );
  const rambutanIn = move(
    {
      name: 'rambutan-coop-to-packer',
      time: '2026-06-08T15:00',
      what: { quantityList: [lotQuantity('rambutanHarvest', 3000, 'KGM')] },
      from: ['rambutanCoop', 'rambutanArea'],
      to: ['packer', 'packingHouse'],
      documents: [documentRef('desadv', 'rambutanCoop', 'PGH-CC-260608')],
    },
    '2026-06-08T17:00',
  );
  const rambutanRetail = move(
    {
      name: 'rambutan-packer-to-supermarket',
      time: '2026-06-09T16:00',
      what: { quantityList: [lotQuantity('rambutanBoxes', 1200, 'H87')] },
      from: ['packer', 'packingHouse'],
      to: ['supermarket', 'supermarketStore'],
      documents: [documentRef('desadv', 'packer', 'PXK-260609-05')],
    },
    '2026-06-09T19:30',
  );
  const pigsIn = move(
    {
      name: 'pigs-farm-to-slaughterhouse',
      time: '2026-06-14T22:00',
      what: { quantityList: [lotQuantity('livePigs', 20, 'H87')] },
      from: ['pigFarm', 'pigBarn'],
      to: ['slaughterhouse', 'slaughterLine'],
      documents: [
        documentRef('desadv', 'pigFarm', 'PXC-260614'),
        documentRef('cert', 'pigFarm', 'KDDV-DN-2606-0117'),
      ],
    },
    '2026-06-14T23:30',
  );
  const porkOut = move(
    {
      name: 'pork-slaughterhouse-to-stall',
      time: '2026-06-15T03:30',
      what: { quantityList: [lotQuantity('porkBelly', 60, 'KGM')] },
      from: ['slaughterhouse', 'slaughterLine'],
      to: ['marketStall', 'marketStallPlace'],
      documents: [documentRef('desadv', 'slaughterhouse', 'GMTB-260615-17')],
    },
    '2026-06-15T04:30',
  );
  const cashewOut = move(
    {
      name: 'cashew-coop-to-supermarket',
      time: '2026-06-08T07:00',
      what: { quantityList: [lotQuantity('roastedCashew', 300, 'H87')] },
      from: ['cashewCoop', 'cashewWorkshop'],
      to: ['supermarket', 'supermarketStore'],
      documents: [documentRef('inv', 'cashewCoop', 'HD-DBD-000318')],
    },
    '2026-06-09T09:00',
  );

  return {
    durianFarm: [
      harvest('durian-harvest', '2026-06-10T08:00', 'durianHarvest', 2400, 'KGM', 'durianArea', {
        'cbvmda:harvestStartDate': '2026-06-10',
        [txng('growingAreaCode')]: demoGrowingAreaCodes.durian,
        [txng('variety')]: 'Ri6',
      }),
      durianIn.shipping,
    ],
    rambutanCoop: [
      harvest('rambutan-harvest', '2026-06-08T06:30', 'rambutanHarvest', 3000, 'KGM', 'rambutanArea', {
        'cbvmda:harvestStartDate': '2026-06-08',
        [txng('growingAreaCode')]: demoGrowingAreaCodes.rambutan,
        [txng('variety')]: 'Chôm chôm nhãn',
      }),
      rambutanIn.shipping,
    ],
    packer: [
      rambutanIn.receiving,
      transform(
        'rambutan-packing',
        '2026-06-09T08:00',
        'commissioning',
        lotQuantity('rambutanHarvest', 3000, 'KGM'),
        lotQuantity('rambutanBoxes', 2800, 'H87'),
        'packingHouse',
        { 'cbvmda:itemExpirationDate': '2026-06-19' },
      ),
      rambutanRetail.shipping,
      durianIn.receiving,
      transform(
        'durian-packing',
        '2026-06-11T09:00',
        'commissioning',
        lotQuantity('durianHarvest', 2400, 'KGM'),
        lotQuantity('durianCartons', 230, 'H87'),
        'packingHouse',
        { 'cbvmda:itemExpirationDate': '2026-06-18' },
      ),
      {
        type: 'AggregationEvent',
        eventID: demoEventId('durian-palletising'),
        ...at('2026-06-11T15:00'),
        parentID: dl.sscc(demoPalletSscc),
        childQuantityList: [lotQuantity('durianCartons', 150, 'H87')],
        action: 'ADD',
        bizStep: 'packing',
        disposition: 'in_progress',
        readPoint: place('packingHouse'),
        bizLocation: place('packingHouse'),
      },
      durianExport.shipping,
      durianRetail.shipping,
    ],
    exporter: [durianExport.receiving],
    supermarket: [
      cashewOut.receiving,
      rambutanRetail.receiving,
      sale('rambutan-sale', '2026-06-10T18:00', lotQuantity('rambutanBoxes', 240, 'H87'), 'supermarketStore'),
      durianRetail.receiving,
      sale('durian-sale', '2026-06-14T10:00', lotQuantity('durianCartons', 12, 'H87'), 'supermarketStore'),
    ],
    pigFarm: [
      harvest('pigs-ready', '2026-06-14T06:00', 'livePigs', 20, 'H87', 'pigBarn', {
        [txng('breed')]: 'Landrace x Yorkshire',
        [txng('lastVeterinaryTreatment')]: '2026-05-20',
      }),
      pigsIn.shipping,
    ],
    slaughterhouse: [
      pigsIn.receiving,
      transform(
        'pork-processing',
        '2026-06-15T01:00',
        'killing',
        lotQuantity('livePigs', 20, 'H87'),
        lotQuantity('porkBelly', 310, 'KGM'),
        'slaughterLine',
        { 'cbvmda:itemExpirationDate': '2026-06-18' },
      ),
      porkOut.shipping,
    ],
    marketStall: [
      porkOut.receiving,
      sale('pork-sale', '2026-06-15T09:00', lotQuantity('porkBelly', 8.5, 'KGM'), 'marketStallPlace'),
    ],
    cashewCoop: [
      harvest('cashew-intake', '2026-05-20T07:00', 'rawCashew', 5000, 'KGM', 'cashewWorkshop', {
        'cbvmda:harvestStartDate': '2026-03-15',
        'cbvmda:harvestEndDate': '2026-05-10',
      }),
      transform(
        'cashew-roasting',
        '2026-06-05T08:00',
        'commissioning',
        lotQuantity('rawCashew', 4500, 'KGM'),
        lotQuantity('roastedCashew', 2400, 'H87'),
        'cashewWorkshop',
        { 'cbvmda:itemExpirationDate': '2027-03-02', 'cbvmda:bestBeforeDate': '2027-03-02' },
      ),
      cashewOut.shipping,
    ],
    // not approved yet: it records nothing until the commune officer approves it
    honeyFarm: [],
  };
}

/** An EPCIS 2.0 JSON-LD capture document, with the TXNG vocabulary for Vietnamese master data in ILMD. */
export function epcisDocument(events: Json[]): Json {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { txng: TXNG_NAMESPACE }],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2026-06-20T08:00:00+07:00',
    epcisBody: { eventList: events },
  };
}
