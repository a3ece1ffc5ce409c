import crypto from 'node:crypto';
import { checkDigit } from '../gs1/index.ts';
import type { Actor, Db } from '../platform/index.ts';
import {
  createLocation,
  createLot,
  createOrganisation,
  createProduct,
  taxCodeCheckDigit,
} from '../registry/index.ts';
import { decide, submitEntity } from '../review/index.ts';

/** Factories for stamp, resolver and page tests: published master data, through the registry and review services. */
export const adminActor: Actor = {
  kind: 'user',
  id: crypto.randomUUID(),
  name: 'Quản trị Sở KH&CN',
  role: 'dost_admin',
  organisationIds: [],
  sector: null,
  communes: [],
};

const randomDigits = (n: number) => Array.from({ length: n }, () => crypto.randomInt(10)).join('');

export function randomTaxCode(): string {
  for (;;) {
    const body = randomDigits(9);
    const check = taxCodeCheckDigit(body);
    if (check !== null) return `${body}${check}`;
  }
}

export function randomGtin14(): string {
  const body = `0893${randomDigits(9)}`;
  return `${body}${checkDigit(body)}`;
}

export function randomGln(): string {
  const body = `893${randomDigits(9)}`;
  return `${body}${checkDigit(body)}`;
}

/** Submits and approves one registry row, as the department would. */
export async function publish(db: Db, entityType: string, entityId: string) {
  const item = await submitEntity(db, { entityType, entityId }, adminActor);
  await decide(db, item.id, { decision: 'approve' }, adminActor);
}

export async function makeProducer(
  db: Db,
  opts: { productName?: string; publishProduct?: boolean; phone?: string } = {},
) {
  const productName = opts.productName ?? 'Bưởi Tân Triều';
  const gtin = randomGtin14();
  const organisation = await createOrganisation(
    db,
    {
      name: 'Hợp tác xã Bưởi Tân Triều',
      taxCode: randomTaxCode(),
      type: 'cooperative',
      sector: 'agriculture',
      communeCode: '75W001',
      streetAddress: 'Ấp Tân Triều',
      representative: 'Nguyễn Văn Bưởi',
      phone: opts.phone ?? '0912345678',
      // a 12-digit company prefix: the product's GTIN is its own
      gs1CompanyPrefixes: [gtin.slice(1, 13)],
      glns: [],
    },
    adminActor,
  );
  await publish(db, 'organisation', organisation.id);
  const product = await createProduct(
    db,
    {
      organisationId: organisation.id,
      gtin,
      name: productName,
      images: ['/files/00000000-0000-4000-8000-000000000001'],
      brand: 'Tân Triều',
      netQuantity: 1.5,
      netQuantityUnit: 'kg',
      shelfLifeDays: 30,
      appliedStandards: ['TCVN 12828:2019', 'VietGAP'],
    },
    adminActor,
  );
  if (opts.publishProduct !== false) await publish(db, 'product', product.id);
  const location = await createLocation(
    db,
    {
      organisationId: organisation.id,
      name: 'Vườn bưởi Tân Triều',
      gln: randomGln(),
      locationAi: '414',
      type: 'farm',
      communeCode: '75W001',
      streetAddress: 'Ấp Tân Triều',
      latitude: 10.95,
      longitude: 106.93,
    },
    adminActor,
  );
  await publish(db, 'location', location.id);
  return {
    organisationId: organisation.id,
    gtin,
    productId: product.id,
    productName,
    locationId: location.id,
  };
}

export async function makeLot(
  db: Db,
  producer: { productId: string; locationId: string },
  lot: string,
  opts: { publish?: boolean } = {},
) {
  const created = await createLot(
    db,
    {
      productId: producer.productId,
      lot,
      productionDate: '2026-03-01',
      expiryDate: '2026-09-01',
      locationId: producer.locationId,
      inputLotIds: [],
    },
    adminActor,
  );
  if (opts.publish !== false) await publish(db, 'lot', created.id);
  return created;
}
