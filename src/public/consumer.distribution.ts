import { buildDigitalLink } from '../gs1/index.ts';
import { type Db, Problem } from '../platform/index.ts';
import { getPublishedLocationsByIds } from '../registry/index.ts';
import { cached, type Subject } from '../resolver/index.ts';
import type { Coordinates } from '../stamps/index.ts';
import { traceFrom } from '../trace/index.ts';
import type { Place } from './consumer.view.ts';

async function forwardPlaces(db: Db, gtin: string, lot: string): Promise<Coordinates[]> {
  const root = buildDigitalLink([
    { ai: '01', value: gtin },
    { ai: '10', value: lot },
  ]);
  let ids: string[];
  try {
    const trace = await traceFrom(db, { id: root, direction: 'forward', actor: null });
    ids = trace.locations.flatMap((l) => (l.locationId ? [l.locationId] : []));
  } catch (err) {
    if (err instanceof Problem && err.status === 404) return [];
    throw err;
  }
  return (await getPublishedLocationsByIds(db, ids)).flatMap((l) =>
    l.reviewStatus === 'approved' && l.latitude !== null && l.longitude !== null
      ? [{ latitude: l.latitude, longitude: l.longitude }]
      : [],
  );
}

/**
 * Where scans of the subject's stamps are expected: the places of its journey (the lot's producing place and
 * what the backward trace reaches) and the published places the lot was shipped or received at downstream (the
 * forward trace). Shared by every stamp of the lot, so cached like the journey.
 */
export async function expectedPlaces(
  db: Db,
  subject: Subject,
  journeyPlaces: Place[],
): Promise<Coordinates[]> {
  const own = journeyPlaces.flatMap((p) =>
    p.latitude !== null && p.longitude !== null ? [{ latitude: p.latitude, longitude: p.longitude }] : [],
  );
  if (!subject.lot) return own;
  const gtin = subject.product.gtin;
  const lot = subject.lot.lot;
  const downstream = await cached(`distribution:${gtin}:${lot}`, () => forwardPlaces(db, gtin, lot));
  return [...own, ...downstream];
}
