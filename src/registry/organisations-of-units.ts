import { and, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx, Sector } from '../platform/index.ts';
import { presentOrganisation } from './organisation.presenter.ts';
import type { OrganisationView } from './organisation.schema.ts';
import { organisations } from './registry.schema.ts';

/**
 * The registered organisations (those with a tax code, not rows noted from a capture) of some communes or some
 * sectors: whom a survey sent to those communes and sector departments reaches. Nothing given, nothing found.
 */
export async function organisationsOfUnits(
  db: DbOrTx,
  units: { communeCodes: string[]; sectors: Sector[] },
): Promise<OrganisationView[]> {
  const reach: SQL[] = [];
  if (units.communeCodes.length) reach.push(inArray(organisations.communeCode, units.communeCodes));
  if (units.sectors.length) reach.push(inArray(organisations.sector, units.sectors));
  if (!reach.length) return [];
  const rows = await db
    .select()
    .from(organisations)
    .where(and(isNotNull(organisations.taxCode), or(...reach)))
    .orderBy(organisations.name);
  return rows.map(presentOrganisation);
}
