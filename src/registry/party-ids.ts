import type { DbOrTx } from '../platform/index.ts';
import { findApprovedLocationGlns } from './location.repo.ts';
import { getOrganisationsByIds } from './organisation.service.ts';

/**
 * The identifiers by which events name these organisations as source or destination, and so what they may read
 * of other organisations' events: the platform's own party URN always, their party GLNs (417) once the
 * organisation is approved, and their locations' GLNs (414) once each location is approved. GLNs are declared
 * by the organisation itself; until the department has checked them they grant nothing.
 */
export async function partyIdsOfOrganisations(db: DbOrTx, organisationIds: string[]): Promise<string[]> {
  const [organisations, locationGlns] = await Promise.all([
    getOrganisationsByIds(db, organisationIds),
    findApprovedLocationGlns(db, organisationIds),
  ]);
  const ids = new Set<string>();
  for (const organisation of organisations) {
    ids.add(`urn:txng:org:${organisation.id}`);
    if (organisation.reviewStatus === 'approved') {
      for (const gln of organisation.glns) ids.add(`https://id.gs1.org/417/${gln}`);
    }
  }
  for (const gln of locationGlns) ids.add(`https://id.gs1.org/414/${gln}`);
  return [...ids];
}
