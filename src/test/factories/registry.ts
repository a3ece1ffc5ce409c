import type { Actor, Db, Sector } from '../../platform/index.ts';
import {
  createLocation,
  createLot,
  createOrganisation,
  createProduct,
  type LocationInput,
  type OrganisationInput,
  type ProductInput,
  type ReviewedEntity,
  setReviewStatus,
} from '../../registry/index.ts';
import { gln, taxCode } from './keys.ts';

/** The department's administrator, who registers everything the factories make. */
export const adminActor: Actor = {
  kind: 'user',
  id: '00000000-0000-4000-8000-00000000ad00',
  name: 'Quản trị Sở KH&CN',
  role: 'dost_admin',
  organisationIds: [],
  sector: null,
  communes: [],
};

let made = 0;
/** A number no other row of this test file has: names and codes stay apart. */
const next = () => String(++made).padStart(4, '0');

/** The department approves a registry row (submitted, then approved), without the review queue's pre-checks. */
export async function approve(db: Db, entity: ReviewedEntity, id: string) {
  for (const status of ['submitted', 'approved'] as const)
    await setReviewStatus(db, { entity, id, status, actor: null });
}

/**
 * An organisation the department has approved (only approved organisations capture events), unless `draft`. It
 * declares a GLN of its own (`gln`, unless `withGln: false`). `ownGtins` become its own: each is given a 12-digit
 * company prefix; `gs1CompanyPrefixes` are added as they are.
 */
export async function makeOrganisation(
  db: Db,
  opts: Partial<
    Pick<OrganisationInput, 'name' | 'type' | 'communeCode' | 'streetAddress' | 'representative' | 'phone'>
  > & {
    sector?: Sector;
    gs1CompanyPrefixes?: string[];
    ownGtins?: string[];
    withGln?: boolean;
    draft?: boolean;
  } = {},
) {
  const declared = opts.withGln === false ? null : gln();
  const organisation = await createOrganisation(
    db,
    {
      name: opts.name ?? `Hợp tác xã thử ${next()}`,
      taxCode: taxCode(),
      type: opts.type ?? 'cooperative',
      sector: opts.sector ?? 'agriculture',
      communeCode: opts.communeCode ?? '75W001',
      streetAddress: opts.streetAddress,
      representative: opts.representative,
      phone: opts.phone,
      gs1CompanyPrefixes: [
        ...(opts.gs1CompanyPrefixes ?? []),
        ...(opts.ownGtins ?? []).map((own) => own.padStart(14, '0').slice(1, 13)),
      ],
      glns: declared ? [declared] : [],
    },
    adminActor,
  );
  if (!opts.draft) await approve(db, 'organisation', organisation.id);
  return { ...organisation, gln: declared };
}

/** The body of `POST /api/organisations` for the `n`th organisation of a test: the same `n`, the same tax code. */
export const organisationBody = (n: number, overrides: Record<string, unknown> = {}) => ({
  name: `Công ty TNHH Thử nghiệm ${n}`,
  taxCode: taxCode(n),
  type: 'enterprise',
  sector: 'agriculture',
  communeCode: '75W010',
  streetAddress: `${n} đường Hùng Vương`,
  ...overrides,
});

/**
 * A location of the organisation, approved unless `draft`, with a GLN of its own unless `withGln: false`. A growing
 * area (the default type) gets a growing-area code.
 */
export async function makeLocation(
  db: Db,
  organisationId: string,
  opts: Partial<
    Pick<LocationInput, 'name' | 'type' | 'communeCode' | 'streetAddress' | 'latitude' | 'longitude'>
  > & { withGln?: boolean; draft?: boolean } = {},
) {
  const type = opts.type ?? 'growing_area';
  const location = await createLocation(
    db,
    {
      organisationId,
      name: opts.name ?? `Vùng trồng thử ${next()}`,
      gln: opts.withGln === false ? undefined : gln(),
      locationAi: '414',
      type,
      growingAreaCode: type === 'growing_area' ? `VN-DNRO-${next()}` : undefined,
      communeCode: opts.communeCode,
      streetAddress: opts.streetAddress,
      latitude: opts.latitude,
      longitude: opts.longitude,
    },
    adminActor,
  );
  if (!opts.draft) await approve(db, 'location', location.id);
  return location;
}

/**
 * A product of the organisation under its GTIN (one of the organisation's own: see `ownGtins`), with what the
 * public pages show, approved unless `draft`.
 */
export async function makeProduct(
  db: Db,
  organisationId: string,
  opts: { gtin: string; name?: string; draft?: boolean } & Partial<ProductInput>,
) {
  const { draft, ...values } = opts;
  const product = await createProduct(
    db,
    {
      organisationId,
      name: 'Bưởi Tân Triều',
      images: ['/files/00000000-0000-4000-8000-000000000001'],
      brand: 'Tân Triều',
      netQuantity: 1.5,
      netQuantityUnit: 'kg',
      shelfLifeDays: 30,
      appliedStandards: ['TCVN 12828:2019', 'VietGAP'],
      ...values,
    },
    adminActor,
  );
  if (!draft) await approve(db, 'product', product.id);
  return product;
}

/** A lot of the product, made at `locationId`, approved unless `draft`. */
export async function makeLot(
  db: Db,
  opts: { productId: string; lot: string; locationId?: string; draft?: boolean },
) {
  const lot = await createLot(
    db,
    {
      productId: opts.productId,
      lot: opts.lot,
      productionDate: '2026-03-01',
      expiryDate: '2026-09-01',
      locationId: opts.locationId,
      inputLotIds: [],
    },
    adminActor,
  );
  if (!opts.draft) await approve(db, 'lot', lot.id);
  return lot;
}
