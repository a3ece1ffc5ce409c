import type { ApprovalNeed, PreCheck } from '../review.handlers.ts';
import { check, present } from './shared.ts';

/**
 * The checks of each record kind that a form field can settle: what the owner's form marks as needed for approval
 * and what the pre-checks test, from this one list. Field names are the API's (and the back office form's).
 * Checks on things a form cannot show (the producer's approval, a lot's events) are not here.
 */
export const approvalNeeds = {
  organisation: {
    taxCode: { code: 'review.check.taxCode', fields: ['taxCode'], rule: 'all', blocking: true },
    address: {
      code: 'review.check.producerAddress',
      fields: ['communeCode', 'streetAddress'],
      rule: 'all',
      blocking: true,
    },
    representative: {
      code: 'review.check.representative',
      fields: ['representative'],
      rule: 'all',
      blocking: false,
    },
    contact: { code: 'review.check.contact', fields: ['phone', 'email'], rule: 'any', blocking: false },
  },
  location: {
    address: {
      code: 'review.check.locationAddress',
      fields: ['communeCode', 'streetAddress'],
      rule: 'all',
      blocking: true,
    },
    coordinates: {
      code: 'review.check.coordinates',
      fields: ['latitude', 'polygon'],
      rule: 'any',
      blocking: false,
    },
  },
  product: {
    name: { code: 'review.check.tt02.name', fields: ['name'], rule: 'all', blocking: true },
    image: { code: 'review.check.tt02.image', fields: ['images'], rule: 'all', blocking: true },
    brand: { code: 'review.check.tt02.brand', fields: ['brand', 'modelCode'], rule: 'any', blocking: false },
    shelfLife: {
      code: 'review.check.tt02.shelfLife',
      fields: ['shelfLifeDays'],
      rule: 'all',
      blocking: false,
    },
    standards: {
      code: 'review.check.tt02.standards',
      fields: ['appliedStandards'],
      rule: 'all',
      blocking: true,
    },
  },
  lot: {
    productionDate: {
      code: 'review.check.productionDate',
      fields: ['productionDate'],
      rule: 'all',
      blocking: true,
    },
    source: {
      code: 'review.check.lotSource',
      fields: ['locationId', 'inputLotIds'],
      rule: 'any',
      blocking: true,
    },
  },
} as const satisfies Record<string, Record<string, ApprovalNeed>>;

/** A value counts as given when it is not empty: a blank string, an empty list and null do not. */
export const given = (value: unknown) => (Array.isArray(value) ? value.length > 0 : present(value));

/** Whether a record (or a form's values) gives what a need asks for. */
export function meets(need: ApprovalNeed, record: Record<string, unknown>): boolean {
  const found = need.fields.map((f) => given(record[f]));
  return need.rule === 'any' ? found.some(Boolean) : found.every(Boolean);
}

/** The pre-check of a need: met when the record gives its fields and passes what else the check asks (`valid`). */
export const checkNeed = (
  need: ApprovalNeed,
  record: object,
  valid = true,
  params?: Record<string, unknown>,
): PreCheck =>
  check(need.code, meets(need, record as Record<string, unknown>) && valid, need.blocking, params);
