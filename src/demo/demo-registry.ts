import type { Actor, Db } from '../platform/index.ts';
import {
  addCertificate,
  addTraceabilitySystem,
  circularDataItems,
  createLocation,
  createLot,
  createOrganisation,
  createProduct,
  type ReviewStatus,
  setReviewStatus,
  traceabilityPrinciples,
} from '../registry/index.ts';
import { type DemoLotKey, type DemoOrganisationKey, type demoGtins, demoLots } from './demo-data.ts';
import { demoOrganisations } from './demo-organisations.ts';
import { demoLocations } from './demo-places.ts';
import { demoLotSeeds, demoProducts, type LotSeed } from './demo-products.ts';

export const demoActor: Actor = {
  kind: 'user',
  id: 'demo-seed',
  name: 'Dữ liệu mẫu',
  role: 'dost_admin',
  organisationIds: [],
  sector: null,
  communes: [],
};

export interface DemoRegistry {
  organisations: Record<DemoOrganisationKey, string>;
  locations: Record<keyof typeof demoLocations, string>;
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
  for (const [key, { status, ...input }] of Object.entries(demoOrganisations)) {
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
    kind: 'software' as const,
    standards: ['GS1 EPCIS 2.0', 'TCVN 12850:2019'],
    principles: [...traceabilityPrinciples],
    dataItems: [...circularDataItems],
    inUseSince: '2025-03-01',
    declaredOn: '2026-10-15',
  };
  await addTraceabilitySystem(
    db,
    ids.organisations.packer,
    { ...system, connection: 'epcis_capture', connectedToNational: true },
    demoActor,
  );
  await addTraceabilitySystem(
    db,
    ids.organisations.durianFarm,
    { ...system, connection: 'api_key', dataItems: circularDataItems.filter((i) => i !== 'product_image') },
    demoActor,
  );
  await addTraceabilitySystem(
    db,
    ids.organisations.supermarket,
    {
      name: 'Hệ thống ERP bán lẻ',
      provider: 'Nhà cung cấp ERP (giả định)',
      conformity: 'unknown',
      principles: ['key_data_available', 'transparency'],
      dataItems: ['product_name', 'producer_name', 'traceability_code', 'shelf_life'],
      connection: 'manual_upload',
      inUseSince: '2024-06-01',
    },
    demoActor,
  );
  // a household keeping paper records, built in-house: the commune counts it too
  await addTraceabilitySystem(
    db,
    ids.organisations.honeyFarm,
    { name: 'Sổ nhật ký nuôi ong', kind: 'paper', principles: ['one_step_back_one_step_forward'] },
    demoActor,
  );

  for (const [key, { owner, ...input }] of Object.entries(demoLocations)) {
    const created = await createLocation(
      db,
      { ...input, organisationId: ids.organisations[owner], locationAi: input.locationAi ?? '414' },
      demoActor,
    );
    ids.locations[key as keyof typeof demoLocations] = created.id;
    await review(db, 'location', created.id, 'approved');
  }
  for (const [key, { owner, status, appliedStandards, ...input }] of Object.entries(demoProducts)) {
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
  for (const [key, seed] of Object.entries(demoLotSeeds) as [DemoLotKey, LotSeed][]) {
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
