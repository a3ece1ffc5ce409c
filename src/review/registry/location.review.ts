import { hasValidCheckDigit } from '../../gs1/index.ts';
import type { DbOrTx } from '../../platform/index.ts';
import { getLocation, getOrganisation } from '../../registry/index.ts';
import type { PreCheck, ReviewHandler } from '../review.handlers.ts';
import { approvalNeeds, checkNeed } from './approval-needs.ts';
import { locationRecord } from './records.ts';
import { check, notApplicable, present, registryStatusHooks } from './shared.ts';

const needs = approvalNeeds.location;

export async function locationChecks(db: DbOrTx, id: string): Promise<PreCheck[]> {
  const location = await getLocation(db, id);
  if (!location) return [check('review.check.exists', false, true)];
  const hasPoint = location.latitude !== null && location.longitude !== null;
  return [
    location.gln
      ? check('review.check.gln', hasValidCheckDigit(location.gln), true, { gln: location.gln })
      : notApplicable('review.check.gln'),
    checkNeed(needs.address, location),
    checkNeed(needs.coordinates, {
      latitude: hasPoint ? location.latitude : null,
      polygon: location.polygon,
    }),
    location.type === 'growing_area'
      ? check('review.check.growingAreaCode', present(location.growingAreaCode), false)
      : notApplicable('review.check.growingAreaCode'),
  ];
}

export const locationReview: ReviewHandler = {
  ...registryStatusHooks('location'),
  describe: async (db, id) => {
    const location = await getLocation(db, id);
    if (!location) return null;
    const org = await getOrganisation(db, location.organisationId);
    return {
      organisationId: location.organisationId,
      sector: org?.sector ?? null,
      communeCode: location.communeCode ?? org?.communeCode ?? null,
      title: location.name,
    };
  },
  preChecks: (db, item) => locationChecks(db, item.entityId),
  needs: Object.values(needs),
  record: locationRecord,
};
