import type { DbOrTx } from '../../platform/index.ts';
import { getOrganisation, normaliseTaxCode } from '../../registry/index.ts';
import type { PreCheck, ReviewHandler } from '../review.handlers.ts';
import { approvalNeeds, checkNeed } from './approval-needs.ts';
import { organisationRecord } from './records.ts';
import { check, notApplicable, registryStatusHooks, todayIso } from './shared.ts';

const needs = approvalNeeds.organisation;

/** What a reviewer needs to see settled before an organisation's profile is published. */
export async function organisationChecks(db: DbOrTx, id: string): Promise<PreCheck[]> {
  const org = await getOrganisation(db, id);
  if (!org) return [check('review.check.exists', false, true)];
  const today = todayIso();
  const expired = org.certificates
    .filter((c) => c.validTo && c.validTo < today)
    .map((c) => `${c.kind} ${c.number}`);
  return [
    checkNeed(needs.taxCode, org, !!org.taxCode && normaliseTaxCode(org.taxCode) !== null),
    checkNeed(needs.address, org),
    checkNeed(needs.representative, org),
    checkNeed(needs.contact, org),
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
  needs: Object.values(needs),
  record: organisationRecord,
};
