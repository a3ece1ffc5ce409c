import type { DbOrTx } from '../platform/db.ts';
import { listLocationsOfOrganisation } from './location.service.ts';
import { getOrganisationsByIds } from './organisation.service.ts';

/**
 * The identifiers by which events name these organisations as source or destination: their party GLNs (417),
 * their locations' GLNs (414) and, for organisations without a GLN, the platform's own party URN.
 */
export async function partyIdsOfOrganisations(db: DbOrTx, organisationIds: string[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const organisation of await getOrganisationsByIds(db, organisationIds)) {
    ids.add(`urn:txng:org:${organisation.id}`);
    for (const gln of organisation.glns) ids.add(`https://id.gs1.org/417/${gln}`);
    for (const location of await listLocationsOfOrganisation(db, organisation.id)) {
      if (location.gln) ids.add(`https://id.gs1.org/414/${location.gln}`);
    }
  }
  return [...ids];
}
