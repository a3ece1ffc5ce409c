import type { Actor } from '../platform/auth.ts';
import type { Db } from '../platform/db.ts';
import {
  addCertificate,
  addTraceabilitySystem,
  administrativeUnits,
  createLocation,
  createLot,
  createOrganisation,
  createProduct,
  type ReviewStatus,
  setReviewStatus,
} from '../registry/registry.service.ts';
import { taxCodeCheckDigit } from '../registry/tax-code.ts';
import {
  type DemoLotKey,
  type DemoOrganisationKey,
  demoCompanyPrefixes,
  demoGlns,
  demoGrowingAreaCodes,
  demoGtins,
  demoLots,
} from './demo-data.ts';

export const demoActor: Actor = {
  kind: 'user',
  id: 'demo-seed',
  name: 'Dữ liệu mẫu',
  role: 'dost_admin',
  organisationIds: [],
  sector: null,
  communes: [],
};

/** The code of a commune or ward by name; the first unit when the department's file names it differently. */
function commune(name: string): string {
  const { units } = administrativeUnits();
  return (units.find((u) => u.name === name) ?? units[0]).code;
}

/** A valid tax code from a nine-digit body (Đồng Nai codes start with 36, Bình Phước's with 38). */
function taxCode(body: number): string {
  for (let b = body; ; b++) {
    const check = taxCodeCheckDigit(String(b));
    if (check !== null) return `${b}${check}`;
  }
}

const organisations: Record<
  DemoOrganisationKey,
  Parameters<typeof createOrganisation>[1] & { status: ReviewStatus }
> = {
  rambutanCoop: {
    name: 'Hợp tác xã Chôm chôm Bình Lộc',
    taxCode: taxCode(360211401),
    type: 'cooperative',
    sector: 'agriculture',
    communeCode: commune('Phường Bình Lộc'),
    streetAddress: 'Ấp Tân Hạnh',
    representative: 'Nguyễn Văn Lực',
    phone: '0251 3780 123',
    gs1CompanyPrefixes: [demoCompanyPrefixes.rambutanCoop],
    glns: [demoGlns.rambutanCoop],
    status: 'approved',
  },
  durianFarm: {
    name: 'Hộ kinh doanh Vườn sầu riêng Sáu Hậu',
    taxCode: taxCode(360311502),
    type: 'household',
    sector: 'agriculture',
    communeCode: commune('Phường Hàng Gòn'),
    streetAddress: 'Ấp Núi Tung',
    representative: 'Lê Văn Hậu',
    phone: '0908 112 233',
    gs1CompanyPrefixes: [demoCompanyPrefixes.durianFarm],
    glns: [demoGlns.durianFarm],
    status: 'approved',
  },
  packer: {
    name: 'Công ty TNHH Sơ chế Đóng gói Nông sản Xuân Lộc',
    taxCode: taxCode(360411603),
    type: 'enterprise',
    sector: 'agriculture',
    communeCode: commune('Xã Xuân Lộc'),
    streetAddress: 'Quốc lộ 1A, ấp Bình Hòa',
    representative: 'Phạm Thị Thu',
    email: 'lienhe@donggoixuanloc.example.vn',
    gs1CompanyPrefixes: [demoCompanyPrefixes.packer],
    glns: [demoGlns.packer],
    status: 'approved',
  },
  exporter: {
    name: 'Công ty Cổ phần Xuất nhập khẩu Trái cây Đồng Xanh',
    taxCode: taxCode(360511704),
    type: 'enterprise',
    sector: 'industry_trade',
    communeCode: commune('Phường Trấn Biên'),
    streetAddress: 'Khu công nghiệp Biên Hòa 2, đường số 3',
    representative: 'Trần Minh Quân',
    gs1CompanyPrefixes: [demoCompanyPrefixes.exporter],
    glns: [demoGlns.exporter],
    status: 'approved',
  },
  supermarket: {
    name: 'Công ty TNHH Siêu thị Hợp Phát Biên Hòa',
    taxCode: taxCode(360611805),
    type: 'enterprise',
    sector: 'industry_trade',
    communeCode: commune('Phường Biên Hòa'),
    streetAddress: '121 đường Phạm Văn Thuận',
    representative: 'Đỗ Thị Ngọc Lan',
    gs1CompanyPrefixes: [demoCompanyPrefixes.supermarket],
    glns: [demoGlns.supermarket],
    status: 'approved',
  },
  pigFarm: {
    name: 'Công ty TNHH Chăn nuôi Thống Nhất Phát',
    taxCode: taxCode(360711906),
    type: 'enterprise',
    sector: 'agriculture',
    communeCode: commune('Xã Dầu Giây'),
    streetAddress: 'Ấp Lộ 25',
    representative: 'Vũ Đình Khang',
    gs1CompanyPrefixes: [demoCompanyPrefixes.pigFarm],
    glns: [demoGlns.pigFarm],
    status: 'approved',
  },
  slaughterhouse: {
    name: 'Công ty TNHH Giết mổ Gia súc Trảng Bom',
    taxCode: taxCode(360812007),
    type: 'enterprise',
    sector: 'agriculture',
    communeCode: commune('Xã Trảng Bom'),
    streetAddress: 'Khu công nghiệp Bàu Xéo',
    representative: 'Hoàng Văn Tâm',
    gs1CompanyPrefixes: [demoCompanyPrefixes.slaughterhouse],
    glns: [demoGlns.slaughterhouse],
    status: 'approved',
  },
  marketStall: {
    name: 'Hộ kinh doanh Trần Thị Mai (sạp thịt chợ Biên Hòa)',
    taxCode: taxCode(360912108),
    type: 'household',
    sector: 'industry_trade',
    communeCode: commune('Phường Biên Hòa'),
    streetAddress: 'Chợ Biên Hòa, sạp số 42',
    representative: 'Trần Thị Mai',
    gs1CompanyPrefixes: [demoCompanyPrefixes.marketStall],
    glns: [demoGlns.marketStall],
    status: 'submitted',
  },
  cashewCoop: {
    name: 'Hợp tác xã Điều Bù Đăng',
    taxCode: taxCode(380112209),
    type: 'cooperative',
    sector: 'agriculture',
    communeCode: commune('Xã Bù Đăng'),
    streetAddress: 'Thôn 4',
    representative: 'Điểu Thị Hoa',
    gs1CompanyPrefixes: [demoCompanyPrefixes.cashewCoop],
    glns: [demoGlns.cashewCoop],
    status: 'approved',
  },
};

type LocationSeed = Omit<Parameters<typeof createLocation>[1], 'organisationId' | 'locationAi'> & {
  owner: DemoOrganisationKey;
  locationAi?: '414' | '416' | '417';
};

/** A square of about `hectares` around a point, as a GeoJSON polygon (longitude, latitude). */
function squareAround(lat: number, lng: number, hectares: number) {
  const half = Math.sqrt(hectares * 10_000) / 2 / 111_000;
  const ring: [number, number][] = [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
    [lng - half, lat - half],
  ].map(([x, y]) => [Number(x.toFixed(6)), Number(y.toFixed(6))] as [number, number]);
  return { type: 'Polygon' as const, coordinates: [ring] };
}

const locations: Record<string, LocationSeed> = {
  rambutanArea: {
    owner: 'rambutanCoop',
    name: 'Vùng trồng chôm chôm Bình Lộc',
    type: 'growing_area',
    locationAi: '416',
    gln: demoGlns.rambutanArea,
    growingAreaCode: demoGrowingAreaCodes.rambutan,
    communeCode: commune('Phường Bình Lộc'),
    streetAddress: 'Ấp Tân Hạnh',
    latitude: 10.9641,
    longitude: 107.2453,
    polygon: squareAround(10.9641, 107.2453, 25),
    areaHectares: 25,
  },
  durianArea: {
    owner: 'durianFarm',
    name: 'Vườn sầu riêng Ri6 Núi Tung',
    type: 'growing_area',
    locationAi: '416',
    gln: demoGlns.durianArea,
    growingAreaCode: demoGrowingAreaCodes.durian,
    communeCode: commune('Phường Hàng Gòn'),
    streetAddress: 'Ấp Núi Tung',
    latitude: 10.8987,
    longitude: 107.2291,
    polygon: squareAround(10.8987, 107.2291, 4.2),
    areaHectares: 4.2,
  },
  packingHouse: {
    owner: 'packer',
    name: 'Cơ sở sơ chế, đóng gói Xuân Lộc',
    type: 'packing_house',
    gln: demoGlns.packingHouse,
    communeCode: commune('Xã Xuân Lộc'),
    streetAddress: 'Quốc lộ 1A, ấp Bình Hòa',
    latitude: 10.9306,
    longitude: 107.4093,
  },
  exporterWarehouse: {
    owner: 'exporter',
    name: 'Kho lạnh Đồng Xanh - KCN Biên Hòa 2',
    type: 'warehouse',
    gln: demoGlns.exporterWarehouse,
    communeCode: commune('Phường Trấn Biên'),
    streetAddress: 'KCN Biên Hòa 2, đường số 3',
    latitude: 10.9287,
    longitude: 106.8532,
  },
  supermarketStore: {
    owner: 'supermarket',
    name: 'Siêu thị Hợp Phát Biên Hòa',
    type: 'shop',
    gln: demoGlns.supermarketStore,
    communeCode: commune('Phường Biên Hòa'),
    streetAddress: '121 đường Phạm Văn Thuận',
    latitude: 10.9536,
    longitude: 106.8351,
  },
  pigBarn: {
    owner: 'pigFarm',
    name: 'Trại heo thịt Thống Nhất Phát - chuồng số 2',
    type: 'barn',
    locationAi: '416',
    gln: demoGlns.pigBarn,
    communeCode: commune('Xã Dầu Giây'),
    latitude: 10.9442,
    longitude: 107.1416,
    areaHectares: 3,
  },
  slaughterLine: {
    owner: 'slaughterhouse',
    name: 'Nhà máy giết mổ Trảng Bom',
    type: 'slaughterhouse',
    gln: demoGlns.slaughterLine,
    communeCode: commune('Xã Trảng Bom'),
    streetAddress: 'KCN Bàu Xéo',
    latitude: 10.9478,
    longitude: 107.0203,
  },
  marketStallPlace: {
    owner: 'marketStall',
    name: 'Sạp thịt số 42, chợ Biên Hòa',
    type: 'market',
    gln: demoGlns.marketStallPlace,
    communeCode: commune('Phường Biên Hòa'),
    latitude: 10.9469,
    longitude: 106.8166,
  },
  cashewWorkshop: {
    owner: 'cashewCoop',
    name: 'Xưởng chế biến điều HTX Bù Đăng',
    type: 'workshop',
    gln: demoGlns.cashewWorkshop,
    communeCode: commune('Xã Bù Đăng'),
    streetAddress: 'Thôn 4',
    latitude: 11.8166,
    longitude: 107.2333,
  },
};

type ProductSeed = Omit<
  Parameters<typeof createProduct>[1],
  'organisationId' | 'gtin' | 'images' | 'appliedStandards'
> & {
  owner: DemoOrganisationKey;
  gtin: string;
  appliedStandards?: string[];
  status: ReviewStatus;
};

const products: Record<keyof typeof demoGtins, ProductSeed> = {
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
    priority: true,
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
    priority: true,
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
    mandatory: true,
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
    mandatory: true,
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
    priority: true,
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

type LotSeed = {
  product: keyof typeof demoGtins;
  location: keyof typeof locations;
  productionDate: string;
  expiryDate?: string;
  quantity: number;
  unit: string;
  inputs?: DemoLotKey[];
  status: ReviewStatus;
};

const lots: Record<DemoLotKey, LotSeed> = {
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

export interface DemoRegistry {
  organisations: Record<DemoOrganisationKey, string>;
  locations: Record<keyof typeof locations, string>;
  products: Record<keyof typeof demoGtins, string>;
  lots: Record<DemoLotKey, string>;
}

/** Moves a fresh draft along the workflow to its demo status, as the owner and a reviewer would. */
async function review(
  db: Db,
  entity: 'organisation' | 'location' | 'product' | 'lot',
  id: string,
  status: ReviewStatus,
) {
  if (status === 'draft') return;
  await setReviewStatus(db, { entity, id, status: 'submitted', actor: demoActor });
  if (status !== 'submitted') await setReviewStatus(db, { entity, id, status, actor: demoActor });
}

export async function seedRegistry(db: Db): Promise<DemoRegistry> {
  const ids = { organisations: {}, locations: {}, products: {}, lots: {} } as DemoRegistry;
  for (const [key, { status, ...input }] of Object.entries(organisations)) {
    const created = await createOrganisation(db, input, demoActor);
    ids.organisations[key as DemoOrganisationKey] = created.id;
    await review(db, 'organisation', created.id, status);
  }
  await addCertificate(
    db,
    ids.organisations.rambutanCoop,
    {
      kind: 'vietgap',
      number: 'VietGAP-TT-15-03-75-0123',
      issuer: 'Trung tâm Chứng nhận Phù hợp (QUACERT)',
      validFrom: '2025-03-01',
      validTo: '2028-02-28',
    },
    demoActor,
  );
  await addCertificate(
    db,
    ids.organisations.durianFarm,
    {
      kind: 'vietgap',
      number: 'VietGAP-TT-16-07-75-0456',
      issuer: 'Trung tâm Chứng nhận Phù hợp (QUACERT)',
      validFrom: '2025-07-01',
      validTo: '2028-06-30',
    },
    demoActor,
  );
  await addCertificate(
    db,
    ids.organisations.packer,
    {
      kind: 'haccp',
      number: 'HACCP-2025-0871',
      issuer: 'Tổ chức chứng nhận được công nhận',
      validFrom: '2025-01-10',
      validTo: '2028-01-09',
    },
    demoActor,
  );
  await addCertificate(
    db,
    ids.organisations.slaughterhouse,
    {
      kind: 'food_safety',
      number: '112/2025/NNPTNT-ĐN',
      issuer: 'Chi cục Chăn nuôi và Thú y Đồng Nai',
      validFrom: '2025-04-01',
      validTo: '2028-03-31',
    },
    demoActor,
  );
  await addCertificate(
    db,
    ids.organisations.cashewCoop,
    {
      kind: 'iso22000',
      number: 'ISO22000-VN-2025-3312',
      issuer: 'Tổ chức chứng nhận được công nhận',
      validFrom: '2025-05-01',
      validTo: '2028-04-30',
    },
    demoActor,
  );

  const system = {
    name: 'Phần mềm quản lý vùng trồng và TXNG',
    provider: 'Công ty TNHH Giải pháp Nông nghiệp Số (giả định)',
    standards: ['GS1 EPCIS 2.0', 'TCVN 12850:2019'],
  };
  await addTraceabilitySystem(
    db,
    ids.organisations.packer,
    { ...system, connectedToProvince: true, connectedToNational: true },
    demoActor,
  );
  await addTraceabilitySystem(
    db,
    ids.organisations.durianFarm,
    { ...system, connectedToProvince: true },
    demoActor,
  );
  await addTraceabilitySystem(
    db,
    ids.organisations.supermarket,
    { name: 'Hệ thống ERP bán lẻ', provider: 'Nhà cung cấp ERP (giả định)', conformity: 'unknown' },
    demoActor,
  );

  for (const [key, { owner, ...input }] of Object.entries(locations)) {
    const created = await createLocation(
      db,
      { ...input, organisationId: ids.organisations[owner], locationAi: input.locationAi ?? '414' },
      demoActor,
    );
    ids.locations[key as keyof typeof locations] = created.id;
    await review(db, 'location', created.id, 'approved');
  }
  for (const [key, { owner, status, appliedStandards, ...input }] of Object.entries(products)) {
    const created = await createProduct(
      db,
      {
        ...input,
        organisationId: ids.organisations[owner],
        images: [],
        appliedStandards: appliedStandards ?? [],
      },
      demoActor,
    );
    ids.products[key as keyof typeof demoGtins] = created.id;
    await review(db, 'product', created.id, status);
  }
  for (const [key, seed] of Object.entries(lots) as [DemoLotKey, LotSeed][]) {
    const created = await createLot(
      db,
      {
        productId: ids.products[seed.product],
        lot: demoLots[key].lot,
        productionDate: seed.productionDate,
        expiryDate: seed.expiryDate,
        quantity: seed.quantity,
        unit: seed.unit,
        locationId: ids.locations[seed.location],
        inputLotIds: (seed.inputs ?? []).map((input) => ids.lots[input]),
      },
      demoActor,
    );
    ids.lots[key] = created.id;
    await review(db, 'lot', created.id, seed.status);
  }
  return ids;
}
