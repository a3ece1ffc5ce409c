import { buildDigitalLink, checkDigit } from '../gs1/index.ts';

/**
 * The demo province's identifiers: invented GS1 Vietnam (893) company prefixes, with GTINs and GLNs whose check
 * digits are computed, never typed. Other modules' seeders and tests import these keys.
 */
const withCheck = (digits: string) => `${digits}${checkDigit(digits)}`;
const gtinOf = (prefix: string, item: string) => `0${withCheck(`${prefix}${item}`)}`;
const glnOf = (prefix: string, location: string) => withCheck(`${prefix}${location}`);

export const dl = {
  lot: (gtin: string, lot: string) =>
    buildDigitalLink([
      { ai: '01', value: gtin },
      { ai: '10', value: lot },
    ]),
  item: (gtin: string, lot: string, serial: string) =>
    buildDigitalLink([
      { ai: '01', value: gtin },
      { ai: '10', value: lot },
      { ai: '21', value: serial },
    ]),
  sscc: (sscc: string) => buildDigitalLink([{ ai: '00', value: sscc }]),
  location: (gln: string) => buildDigitalLink([{ ai: '414', value: gln }]),
  party: (gln: string) => buildDigitalLink([{ ai: '417', value: gln }]),
};

/** Invented company prefixes (7 digits after 893's range), one per organisation that numbers its own goods. */
const prefix = {
  rambutanCoop: '8936014',
  durianFarm: '8936015',
  packer: '8936016',
  exporter: '8936017',
  supermarket: '8936018',
  pigFarm: '8936019',
  slaughterhouse: '8936020',
  marketStall: '8936021',
  cashewCoop: '8936022',
  honeyFarm: '8936023',
} as const;
export type DemoOrganisationKey = keyof typeof prefix;
export const demoCompanyPrefixes = prefix;

export const demoGlns = {
  rambutanCoop: glnOf(prefix.rambutanCoop, '00000'),
  rambutanArea: glnOf(prefix.rambutanCoop, '00011'),
  durianFarm: glnOf(prefix.durianFarm, '00000'),
  durianArea: glnOf(prefix.durianFarm, '00011'),
  packer: glnOf(prefix.packer, '00000'),
  packingHouse: glnOf(prefix.packer, '00012'),
  exporter: glnOf(prefix.exporter, '00000'),
  exporterWarehouse: glnOf(prefix.exporter, '00013'),
  supermarket: glnOf(prefix.supermarket, '00000'),
  supermarketStore: glnOf(prefix.supermarket, '00014'),
  pigFarm: glnOf(prefix.pigFarm, '00000'),
  pigBarn: glnOf(prefix.pigFarm, '00015'),
  slaughterhouse: glnOf(prefix.slaughterhouse, '00000'),
  slaughterLine: glnOf(prefix.slaughterhouse, '00016'),
  marketStall: glnOf(prefix.marketStall, '00000'),
  marketStallPlace: glnOf(prefix.marketStall, '00017'),
  cashewCoop: glnOf(prefix.cashewCoop, '00000'),
  cashewWorkshop: glnOf(prefix.cashewCoop, '00018'),
  honeyFarm: glnOf(prefix.honeyFarm, '00000'),
};

export const demoGtins = {
  rambutanFresh: gtinOf(prefix.rambutanCoop, '00012'),
  durianFresh: gtinOf(prefix.durianFarm, '00012'),
  rambutanBox: gtinOf(prefix.packer, '00013'),
  durianCarton: gtinOf(prefix.packer, '00020'),
  livePig: gtinOf(prefix.pigFarm, '00014'),
  porkBelly: gtinOf(prefix.slaughterhouse, '00015'),
  rawCashew: gtinOf(prefix.cashewCoop, '00016'),
  roastedCashew: gtinOf(prefix.cashewCoop, '00023'),
  cashewGiftBox: gtinOf(prefix.cashewCoop, '00030'),
};

export const demoLots = {
  rambutanHarvest: { gtin: demoGtins.rambutanFresh, lot: 'CC2606-01' },
  durianHarvest: { gtin: demoGtins.durianFresh, lot: 'SR2606-01' },
  rambutanBoxes: { gtin: demoGtins.rambutanBox, lot: 'PH2606-R1' },
  durianCartons: { gtin: demoGtins.durianCarton, lot: 'PH2606-D1' },
  livePigs: { gtin: demoGtins.livePig, lot: 'HEO2606-07' },
  porkBelly: { gtin: demoGtins.porkBelly, lot: 'GM260615-A' },
  rawCashew: { gtin: demoGtins.rawCashew, lot: 'DT2605-03' },
  roastedCashew: { gtin: demoGtins.roastedCashew, lot: 'DR2606-11' },
} as const;
export type DemoLotKey = keyof typeof demoLots;

/** The lot a supermarket sells durian from: the key tests trace backward from. */
export const demoDurianLotKey = demoLots.durianCartons;
export const demoDurianFarmLotKey = demoLots.durianHarvest;
export const demoPalletSscc = withCheck('08936016000000001');

export const demoGrowingAreaCodes = { rambutan: 'VN-DNRO-0123', durian: 'VN-DNRO-0456' };
