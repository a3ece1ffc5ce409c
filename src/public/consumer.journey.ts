import { buildDigitalLink } from '../gs1/index.ts';
import { type Db, Problem } from '../platform/index.ts';
import {
  getPublishedLocation,
  getPublishedLocationsByIds,
  getPublishedOrganisationsByIds,
} from '../registry/index.ts';
import type { Subject } from '../resolver/index.ts';
import { traceFrom } from '../trace/index.ts';
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

/**
 * What a person calls the step. CBV bizSteps come short (`shipping`) or as URIs
 * (`https://ref.gs1.org/cbv/BizStep-shipping`); CBV has no harvesting step, so a commissioning that records
 * harvest dates in its ILMD is a harvest, and a transformation is processing whatever its bizStep.
 */
export function stepName(event: {
  bizStep: string | null;
  eventType: string;
  ilmd: Record<string, unknown> | null;
}) {
  const short = (event.bizStep ?? '').replace(/^.*(BizStep-|bizstep:|\/)/, '');
  if (event.eventType === 'TransformationEvent' && short !== 'packing') return 'transforming';
  if (
    short === 'commissioning' &&
    Object.keys(event.ilmd ?? {}).some((k) => /harvest(Start|End)Date$/.test(k))
  ) {
    return 'harvesting';
  }
  return knownSteps.has(short) ? short : 'event';
}

async function backwardTrace(db: Db, id: string) {
  try {
    return await traceFrom(db, { id, direction: 'backward', actor: null, audience: 'public' });
  } catch (err) {
    if (err instanceof Problem && err.status === 404) return null;
    throw err;
  }
}

/**
 * The journey of what was scanned: the backward trace (to the farm and its inputs) from the lot, or from the
 * item when it has no lot, in time order, with where (published locations) and who (published organisations).
 * Only published (approved) places and organisations are named; places with coordinates feed the map in journey
 * order (where the journey began is 1), and each step carries its place's number on the map.
 */
export async function buildJourney(
  db: Db,
  subject: Subject,
  serial: number | null,
): Promise<{ journey: JourneyStep[]; places: Place[] }> {
  const gtin = subject.product.gtin;
  const root = subject.lot
    ? buildDigitalLink([
        { ai: '01', value: gtin },
        { ai: '10', value: subject.lot.lot },
      ])
    : serial !== null
      ? buildDigitalLink([
          { ai: '01', value: gtin },
          { ai: '21', value: String(serial) },
        ])
      : null;
  const trace = root ? await backwardTrace(db, root) : null;
  const traced = trace?.locations ?? [];
  const published = (
    await getPublishedLocationsByIds(
      db,
      traced.flatMap((l) => (l.locationId ? [l.locationId] : [])),
    )
  ).filter((l) => l.reviewStatus === 'approved');
  const byId = new Map(published.map((l) => [l.id, l]));
  const placeOf = new Map(
    traced.flatMap((l) => (l.locationId && byId.has(l.locationId) ? [[l.id, byId.get(l.locationId)!]] : [])),
  );
  const events = (trace?.events ?? []).slice(-60);
  const orgIds = [...new Set(events.flatMap((e) => (e.capturedBy ? [e.capturedBy] : [])))];
  const orgs = (await getPublishedOrganisationsByIds(db, orgIds)).filter(
    (o) => o.reviewStatus === 'approved',
  );
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const steps = events
    .map((e) => ({ e, loc: placeOf.get(e.bizLocation ?? '') ?? placeOf.get(e.readPoint ?? '') ?? null }))
    .sort((a, b) => new Date(a.e.eventTime).getTime() - new Date(b.e.eventTime).getTime());
  // the map's places in journey order, each where the journey first reaches it (1 is where it began); the lot's
  // own place is on the map even when no step names it
  const origin = subject.lot?.locationId ? await getPublishedLocation(db, subject.lot.locationId) : null;
  const mapped: NonNullable<typeof origin>[] = [];
  for (const loc of [...steps.map((s) => s.loc), origin]) {
    if (loc?.reviewStatus !== 'approved' || mapped.some((p) => p.id === loc.id || p.name === loc.name))
      continue;
    if (loc.latitude === null && !loc.polygon) continue;
    mapped.push(loc);
  }
  const places: Place[] = mapped.map((loc) => ({
    name: loc.name,
    latitude: loc.latitude,
    longitude: loc.longitude,
    polygon: loc.polygon,
  }));
  const journey = steps.map(({ e, loc }) => {
    const n = loc ? mapped.findIndex((p) => p.id === loc.id || p.name === loc.name) : -1;
    return {
      what: stepName(e),
      when: new Date(e.eventTime),
      where: loc ? [loc.name, loc.communeName].filter(Boolean).join(', ') : null,
      who: e.capturedBy ? (orgName.get(e.capturedBy) ?? null) : null,
      place: n >= 0 ? n + 1 : null,
    };
  });
  return { journey, places };
}
