import type { createProduct, ReviewStatus } from '../registry/index.ts';
import { type DemoLotKey, type DemoOrganisationKey, demoGtins } from './demo-data.ts';
import type { demoLocations } from './demo-places.ts';

type ProductSeed = Omit<
  Parameters<typeof createProduct>[1],
  'organisationId' | 'gtin' | 'images' | 'appliedStandards'
> & {
  owner: DemoOrganisationKey;
  gtin: string;
  appliedStandards?: string[];
  status: ReviewStatus;
};

export const demoProducts: Record<keyof typeof demoGtins, ProductSeed> = {
  rambutanFresh: {
    owner: 'rambutanCoop',
    gtin: demoGtins.rambutanFresh,
    name: 'Chôm chôm Long Khánh tươi',
    brand: 'Chôm chôm Long Khánh',
    productGroup: 'Trái cây tươi',
    unit: 'kg',
    shelfLifeDays: 10,
    appliedStandards: ['VietGAP', 'TCVN 11888:2017'],
    riskTier: 'low',
    certificationMark: 'Chôm chôm Long Khánh (nhãn hiệu chứng nhận)',
    status: 'approved',
  },
  durianFresh: {
    owner: 'durianFarm',
    gtin: demoGtins.durianFresh,
    name: 'Sầu riêng Ri6 tươi',
    productGroup: 'Trái cây tươi',
    unit: 'kg',
    shelfLifeDays: 7,
    appliedStandards: ['VietGAP'],
    riskTier: 'medium',
    status: 'approved',
  },
  rambutanBox: {
    owner: 'packer',
    gtin: demoGtins.rambutanBox,
    name: 'Chôm chôm Long Khánh hộp 1 kg',
    brand: 'Vườn Xuân',
    modelCode: 'CC-H1',
    productGroup: 'Trái cây đóng gói',
    unit: 'hộp',
    netQuantity: 1,
    netQuantityUnit: 'kg',
    shelfLifeDays: 10,
    appliedStandards: ['TCVN 11888:2017', 'HACCP'],
    riskTier: 'low',
    status: 'approved',
  },
  durianCarton: {
    owner: 'packer',
    gtin: demoGtins.durianCarton,
    name: 'Sầu riêng Ri6 thùng 10 kg',
    brand: 'Vườn Xuân',
    modelCode: 'SR-T10',
    productGroup: 'Trái cây đóng gói',
    unit: 'thùng',
    netQuantity: 10,
    netQuantityUnit: 'kg',
    shelfLifeDays: 7,
    appliedStandards: ['TCVN 10740:2015', 'HACCP'],
    riskTier: 'medium',
    status: 'approved',
  },
  livePig: {
    owner: 'pigFarm',
    gtin: demoGtins.livePig,
    name: 'Heo thịt xuất chuồng',
    productGroup: 'Gia súc sống',
    unit: 'con',
    appliedStandards: ['VietGAHP'],
    riskTier: 'high',
    status: 'approved',
  },
  porkBelly: {
    owner: 'slaughterhouse',
    gtin: demoGtins.porkBelly,
    name: 'Thịt ba rọi heo tươi',
    productGroup: 'Thịt tươi',
    unit: 'kg',
    shelfLifeDays: 3,
    appliedStandards: ['QCVN 12-1:2011/BYT', 'TCVN 7046:2019'],
    conformityDeclaration: 'Bản tự công bố số 05/GMTB/2026',
    riskTier: 'high',
    status: 'approved',
  },
  rawCashew: {
    owner: 'cashewCoop',
    gtin: demoGtins.rawCashew,
    name: 'Hạt điều thô Bù Đăng',
    productGroup: 'Nông sản thô',
    unit: 'kg',
    appliedStandards: ['TCVN 4850:2010'],
    riskTier: 'low',
    status: 'approved',
  },
  roastedCashew: {
    owner: 'cashewCoop',
    gtin: demoGtins.roastedCashew,
    name: 'Hạt điều rang muối Bù Đăng hũ 500 g',
    brand: 'Điều Bù Đăng',
    modelCode: 'DRM-500',
    productGroup: 'Thực phẩm chế biến',
    unit: 'hũ',
    netQuantity: 500,
    netQuantityUnit: 'g',
    shelfLifeDays: 270,
    appliedStandards: ['TCVN 12381:2018', 'ISO 22000:2018'],
    conformityDeclaration: 'Bản tự công bố số 12/HTXDBD/2025',
    riskTier: 'low',
    ocopStars: 4,
    ocopDecision: '2215/QĐ-UBND',
    ocopDecisionDate: '2025-09-15',
    ocopValidUntil: '2028-09-15',
    status: 'approved',
  },
  cashewGiftBox: {
    owner: 'cashewCoop',
    gtin: demoGtins.cashewGiftBox,
    name: 'Hộp quà hạt điều Bù Đăng 1 kg',
    brand: 'Điều Bù Đăng',
    productGroup: 'Thực phẩm chế biến',
    unit: 'hộp',
    netQuantity: 1,
    netQuantityUnit: 'kg',
    shelfLifeDays: 270,
    appliedStandards: ['TCVN 12381:2018'],
    riskTier: 'low',
    status: 'submitted',
  },
};

export type LotSeed = {
  product: keyof typeof demoGtins;
  location: keyof typeof demoLocations;
  productionDate: string;
  expiryDate?: string;
  quantity: number;
  unit: string;
  inputs?: DemoLotKey[];
  status: ReviewStatus;
};

export const demoLotSeeds: Record<DemoLotKey, LotSeed> = {
  rambutanHarvest: {
    product: 'rambutanFresh',
    location: 'rambutanArea',
    productionDate: '2026-06-08',
    quantity: 3000,
    unit: 'KGM',
    status: 'approved',
  },
  durianHarvest: {
    product: 'durianFresh',
    location: 'durianArea',
    productionDate: '2026-06-10',
    quantity: 2400,
    unit: 'KGM',
    status: 'approved',
  },
  rambutanBoxes: {
    product: 'rambutanBox',
    location: 'packingHouse',
    productionDate: '2026-06-09',
    expiryDate: '2026-06-19',
    quantity: 2800,
    unit: 'H87',
    inputs: ['rambutanHarvest'],
    status: 'approved',
  },
  durianCartons: {
    product: 'durianCarton',
    location: 'packingHouse',
    productionDate: '2026-06-11',
    expiryDate: '2026-06-18',
    quantity: 230,
    unit: 'H87',
    inputs: ['durianHarvest'],
    status: 'approved',
  },
  livePigs: {
    product: 'livePig',
    location: 'pigBarn',
    productionDate: '2026-06-14',
    quantity: 20,
    unit: 'H87',
    status: 'approved',
  },
  porkBelly: {
    product: 'porkBelly',
    location: 'slaughterLine',
    productionDate: '2026-06-15',
    expiryDate: '2026-06-18',
    quantity: 310,
    unit: 'KGM',
    inputs: ['livePigs'],
    status: 'submitted',
  },
  rawCashew: {
    product: 'rawCashew',
    location: 'cashewWorkshop',
    productionDate: '2026-05-20',
    quantity: 5000,
    unit: 'KGM',
    status: 'approved',
  },
  roastedCashew: {
    product: 'roastedCashew',
    location: 'cashewWorkshop',
    productionDate: '2026-06-05',
    expiryDate: '2027-03-02',
    quantity: 2400,
    unit: 'H87',
    inputs: ['rawCashew'],
    status: 'draft',
  },
};
