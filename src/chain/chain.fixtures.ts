import crypto from 'node:crypto';
import { checkDigit } from '../gs1/index.ts';
import type { Actor, Db } from '../platform/index.ts';
import { createLocation, createOrganisation, setReviewStatus } from '../registry/index.ts';

/** Test data for the chain, diary and import tests, made through the registry's own services. */
const admin: Actor = {
  kind: 'user',
  id: 'fixture-admin',
  name: 'Fixture admin',
  role: 'dost_admin',
  organisationIds: [],
  sector: null,
  communes: [],
};

let serial = 0;
const uniqueDigits = (length: number) =>
  `${Date.now() % 1_000_000}${process.pid % 1000}${++serial}`.padStart(length, '0').slice(-length);

/** A GS1 key of `length` digits under the Vietnamese prefix 893, with its check digit. */
export function gs1Key(length: 13 | 14 | 18): string {
  const body = `893${uniqueDigits(length - 4)}`;
  return body + checkDigit(body);
}

function taxCode(): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  for (;;) {
    const body = String(crypto.randomInt(100_000_000, 999_999_999));
    const check = 10 - (weights.reduce((sum, w, i) => sum + w * Number(body[i]), 0) % 11);
    if (check < 10) return body + check;
  }
}

/**
 * An organisation the department has approved (only approved organisations record stages), unless `draft`.
 * `ownGtins` become its own: each is allocated under a 12-digit company prefix given to the organisation.
 */
export async function makeOrganisation(
  db: Db,
  name: string,
  opts: { withGln?: boolean; draft?: boolean; ownGtins?: string[] } = {},
) {
  const gln = opts.withGln === false ? null : gs1Key(13);
  const org = await createOrganisation(
    db,
    {
      name,
      taxCode: taxCode(),
      type: 'cooperative',
      sector: 'agriculture',
      communeCode: '75W001',
      gs1CompanyPrefixes: (opts.ownGtins ?? []).map((gtin) => gtin.padStart(14, '0').slice(1, 13)),
      glns: gln ? [gln] : [],
    },
    admin,
  );
  if (!opts.draft) {
    for (const status of ['submitted', 'approved'] as const) {
      await setReviewStatus(db, { entity: 'organisation', id: org.id, status, actor: null });
    }
  }
  return { id: org.id, gln, name };
}

export async function makeLocation(
  db: Db,
  organisationId: string,
  name: string,
  opts: { withGln?: boolean; type?: 'growing_area' | 'warehouse' | 'packing_house' | 'barn' } = {},
) {
  const gln = opts.withGln === false ? undefined : gs1Key(13);
  const location = await createLocation(
    db,
    {
      organisationId,
      name,
      gln,
      locationAi: '414',
      type: opts.type ?? 'growing_area',
      growingAreaCode: opts.type && opts.type !== 'growing_area' ? undefined : `VN-DNRO-${uniqueDigits(4)}`,
    },
    admin,
  );
  return { id: location.id, gln: location.gln, internalCode: location.internalCode, name };
}
