import type { DbOrTx } from '../../platform/index.ts';
import { getOrganisation, normaliseTaxCode } from '../../registry/index.ts';
import type { PreCheck, ReviewHandler } from '../review.handlers.ts';
import { check, notApplicable, present, registryStatusHooks, todayIso } from './shared.ts';

/** What a reviewer needs to see settled before an organisation's profile is published. */
export async function organisationChecks(db: DbOrTx, id: string): Promise<PreCheck[]> {
  const org = await getOrganisation(db, id);
  if (!org) return [check('review.check.exists', false, true)];
  const today = todayIso();
  const expired = org.certificates
    .filter((c) => c.validTo && c.validTo < today)
    .map((c) => `${c.kind} ${c.number}`);
  return [
    check('review.check.taxCode', !!org.taxCode && normaliseTaxCode(org.taxCode) !== null, true),
    check('review.check.producerAddress', present(org.communeCode) && present(org.streetAddress), true),
    check('review.check.representative', present(org.representative), false),
    check('review.check.contact', present(org.phone) || present(org.email), false),
    org.certificates.length
      ? check('review.check.certificatesValid', expired.length === 0, false, { expired: expired.join(', ') })
      : notApplicable('review.check.certificatesValid'),
  ];
}

export const organisationReview: ReviewHandler = {
  ...registryStatusHooks('organisation'),
  describe: async (db, id) => {
    const org = await getOrganisation(db, id);
    return (
      org && { organisationId: org.id, sector: org.sector, communeCode: org.communeCode, title: org.name }
    );
  },
  preChecks: (db, item) => organisationChecks(db, item.entityId),
};
