import { findEventsByIds } from '../epcis/epcis.service.ts';
import { buildDigitalLink } from '../gs1/digital-link.ts';
import type { Db } from '../platform/db.ts';
import { getLocation, getLocationsByGlns } from '../registry/location.service.ts';
import { getOrganisationsByIds } from '../registry/organisation.service.ts';
import type { Subject } from '../resolver/resolver.subject.ts';
import type { JourneyStep, Place } from './consumer.view.ts';

const knownSteps = new Set([
  'commissioning',
  'harvesting',
  'packing',
  'shipping',
  'receiving',
  'storing',
  'transforming',
  'retail_selling',
  'growing',
]);

/** CBV bizSteps come short (`shipping`) or as URIs (`https://ref.gs1.org/cbv/BizStep-shipping`). */
export function stepName(bizStep: string | null): string {
  const short = (bizStep ?? '').replace(/^.*(BizStep-|bizstep:|\/)/, '');
  return knownSteps.has(short) ? short : 'event';
}

const glnOf = (id: string | null) => (id ? (/\/414\/(\d{13})/.exec(id)?.[1] ?? null) : null);

/**
 * The journey of what was scanned: the EPCIS events naming the item, its lot or its product class, in time
 * order, with where (published locations) and who (published organisations). Places with coordinates feed
 * the map; the lot's producing location comes first.
 */
export async function buildJourney(
  db: Db,
  subject: Subject,
  serial: number | null,
): Promise<{ journey: JourneyStep[]; places: Place[] }> {
  const gtin = subject.product.gtin;
  const ids: string[] = [];
  if (serial !== null)
    ids.push(
      buildDigitalLink([
        { ai: '01', value: gtin },
        { ai: '21', value: String(serial) },
      ]),
    );
  if (subject.lot)
    ids.push(
      buildDigitalLink([
        { ai: '01', value: gtin },
        { ai: '10', value: subject.lot.lot },
      ]),
    );
  const events = ids.length ? (await findEventsByIds(db, { ids })).slice(-50) : [];
  const glns = [
    ...new Set(events.map((e) => glnOf(e.bizLocation) ?? glnOf(e.readPoint)).filter((g) => g !== null)),
  ];
  const locations = (await getLocationsByGlns(db, glns)).filter((l) => l.reviewStatus === 'approved');
  const byGln = new Map(locations.map((l) => [l.gln, l]));
  const orgIds = [...new Set(events.map((e) => e.organisationId).filter((o): o is string => o !== null))];
  const orgs = (await getOrganisationsByIds(db, orgIds)).filter((o) => o.reviewStatus === 'approved');
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const journey = events.map((e) => {
    const loc = byGln.get(glnOf(e.bizLocation) ?? glnOf(e.readPoint));
    return {
      what: stepName(e.bizStep),
      when: e.eventTime,
      where: loc ? [loc.name, loc.communeName].filter(Boolean).join(', ') : null,
      who: e.organisationId ? (orgName.get(e.organisationId) ?? null) : null,
    };
  });
  const places: Place[] = [];
  const origin = subject.lot?.locationId ? await getLocation(db, subject.lot.locationId) : null;
  for (const loc of [origin, ...locations]) {
    if (loc?.reviewStatus !== 'approved' || places.some((p) => p.name === loc.name)) continue;
    if (loc.latitude === null && !loc.polygon) continue;
    places.push({ name: loc.name, latitude: loc.latitude, longitude: loc.longitude, polygon: loc.polygon });
  }
  return { journey, places };
}
