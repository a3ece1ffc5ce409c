import crypto from 'node:crypto';
import { checkDigit } from '../gs1/check-digit.ts';
import type { Actor } from '../platform/auth.ts';
import type { Db } from '../platform/db.ts';
import { createOrganisation } from '../registry/organisation.service.ts';
import { createProduct } from '../registry/product.service.ts';
import { taxCodeCheckDigit } from '../registry/tax-code.ts';

/** Factories for stamp and resolver tests: a producer with one product, through the registry's services. */
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

export async function makeProducer(db: Db, productName = 'Bưởi Tân Triều') {
  const organisation = await createOrganisation(
    db,
    {
      name: 'Hợp tác xã Bưởi Tân Triều',
      taxCode: randomTaxCode(),
      type: 'cooperative',
      sector: 'agriculture',
      communeCode: '75W001',
      gs1CompanyPrefixes: [],
      glns: [],
    },
    adminActor,
  );
  const gtin = randomGtin14();
  const product = await createProduct(
    db,
    { organisationId: organisation.id, gtin, name: productName, images: [], appliedStandards: ['TCVN 12828:2019'] },
    adminActor,
  );
  return { organisationId: organisation.id, gtin, productId: product.id, productName };
}
