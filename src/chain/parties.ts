import { buildDigitalLink, isValidGln } from '../gs1/index.ts';
import type { FieldError } from '../platform/index.ts';
import { getLocation, getOrganisation, type LocationView, normaliseTaxCode } from '../registry/index.ts';
import type { PartyRef } from './stage-events.ts';
import type { PartyInput } from './stages.schema.ts';

/** A party's id in events: its PGLN (AI 417) when it has a GLN, else a TXNG URN that never changes. */
export const organisationPartyUri = (org: { id: string; glns: string[] }) =>
  org.glns[0] ? buildDigitalLink([{ ai: '417', value: org.glns[0] }]) : `urn:txng:org:${org.id}`;

/** A location's id in events: its GLN (AI 414) or the registry's internal location code. */
export const locationUri = (loc: Pick<LocationView, 'gln' | 'internalCode'>) =>
  loc.gln ? buildDigitalLink([{ ai: '414', value: loc.gln }]) : `urn:txng:loc:${loc.internalCode}`;

export async function selfParty(
  db: Parameters<typeof getOrganisation>[0],
  organisationId: string,
): Promise<PartyRef> {
  const org = await getOrganisation(db, organisationId);
  if (!org) throw new Error(`organisation ${organisationId} the actor acts for is not in the registry`);
  return { party: organisationPartyUri(org), location: null, name: org.name, organisationId };
}

/** A location of the organisation, or a field error naming `field`. */
export async function ownLocation(
  db: Parameters<typeof getLocation>[0],
  locationId: string,
  organisationId: string,
  field: string,
): Promise<{ location: LocationView | null; errors: FieldError[] }> {
  const location = await getLocation(db, locationId);
  if (!location || location.organisationId !== organisationId)
    return { location: null, errors: [{ field, code: 'chain.unknownLocation', params: { id: locationId } }] };
  return { location, errors: [] };
}

/**
 * The other party of a shipment or receipt: an organisation on the platform (its party id, and the chosen
 * location), or an outside party (its GLN, else its tax code, else its name, as a URN).
 */
export async function resolveCounterpart(
  db: Parameters<typeof getOrganisation>[0],
  input: PartyInput,
  field: string,
  selfOrganisationId: string,
): Promise<{ party: PartyRef | null; errors: FieldError[] }> {
  if (input.organisationId) {
    if (input.organisationId === selfOrganisationId)
      return fail(`${field}/organisationId`, 'chain.selfParty');
    const org = await getOrganisation(db, input.organisationId);
    if (!org)
      return fail(`${field}/organisationId`, 'chain.unknownOrganisation', { id: input.organisationId });
    let location: string | null = null;
    if (input.locationId) {
      const found = await ownLocation(db, input.locationId, org.id, `${field}/locationId`);
      if (!found.location) return { party: null, errors: found.errors };
      location = locationUri(found.location);
    }
    return {
      party: { party: organisationPartyUri(org), location, name: org.name, organisationId: org.id },
      errors: [],
    };
  }
  if (!input.name) return fail(`${field}/name`, 'chain.partyRequired');
  const errors: FieldError[] = [];
  if (input.gln && !isValidGln(input.gln)) errors.push({ field: `${field}/gln`, code: 'chain.invalidGln' });
  if (input.locationGln && !isValidGln(input.locationGln))
    errors.push({ field: `${field}/locationGln`, code: 'chain.invalidGln' });
  const taxCode = input.taxCode ? normaliseTaxCode(input.taxCode) : null;
  if (input.taxCode && !taxCode) errors.push({ field: `${field}/taxCode`, code: 'chain.invalidTaxCode' });
  if (errors.length) return { party: null, errors };
  const party = input.gln
    ? buildDigitalLink([{ ai: '417', value: input.gln }])
    : taxCode
      ? `urn:txng:party:taxcode:${taxCode}`
      : `urn:txng:party:name:${encodeURIComponent(input.name.normalize('NFC').toLowerCase())}`;
  const location = input.locationGln ? buildDigitalLink([{ ai: '414', value: input.locationGln }]) : null;
  return { party: { party, location, name: input.name, organisationId: null }, errors: [] };
}

const fail = (field: string, code: string, params?: Record<string, unknown>) => ({
  party: null,
  errors: [{ field, code, params }],
});
