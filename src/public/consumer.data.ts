import { stampSuspension } from '../inspections/index.ts';
import { type Db, localToday, type ScanThresholds } from '../platform/index.ts';
import { provenApproval } from '../proofs/index.ts';
import { cached, cachedLive, type ResolverRequest, readsFrom, type Subject } from '../resolver/index.ts';
import { publishedExcursionsOfLot } from '../sensors/index.ts';
import { checkScan, type ScanCheck } from '../stamps/index.ts';
import { expectedPlaces } from './consumer.distribution.ts';
import { buildJourney } from './consumer.journey.ts';
import type { ConsumerView, Verdict } from './consumer.view.ts';

const emptyVerdict = (windowHours: number): Verdict => ({
  kind: 'unknown',
  producerName: null,
  lot: null,
  revoked: false,
  suspendedSince: null,
  lotMismatch: null,
  travel: null,
  scans: null,
  windowHours,
});

/** The page for a code the resolver knows nothing about: the verdict and the report form, nothing else. */
export function unknownView(request: ResolverRequest, scanRules: ScanThresholds): ConsumerView {
  return {
    uri: request.uri,
    gtin: request.gtin ?? request.dl.primaryKey.value,
    serial: request.serial,
    verdict: emptyVerdict(scanRules.windowHours),
    product: null,
    producer: null,
    lot: null,
    journey: [],
    places: [],
    scan: null,
  };
}

/**
 * Builds what the consumer page shows and records the scan of a stamp. The verdict is suspicious only on strong
 * evidence: a revoked stamp, a label naming another lot, or scans too far apart for the time between them (see
 * `checkScan`); many scans are a neutral note. A recalled lot says so first; an inactive stamp is "not
 * activated"; a code without serial cannot be authenticated ("product").
 */
export async function buildConsumerView(
  db: Db,
  request: ResolverRequest,
  subject: Subject,
  client: { ip: string },
  scanRules: ScanThresholds,
  /** Where published data may be read (a replica): the journey and the places it went; scans and state never. */
  read: Db = db,
): Promise<ConsumerView> {
  const { product, organisation, lot, stamp } = subject;
  const verdict = emptyVerdict(scanRules.windowHours);
  verdict.producerName = organisation?.name ?? null;
  verdict.lot = lot?.lot ?? stamp?.lot ?? null;
  // the journey belongs to the lot (or product), not to the scan: shared by every stamp of the lot
  const { journey, places } = await cached(
    `journey:${product.gtin}:${lot?.lot ?? ''}:${lot ? '' : (stamp?.serial ?? '')}`,
    () => buildJourney(readsFrom(db, read), subject, stamp?.serial ?? null),
  );
  let scan: ConsumerView['scan'] = null;
  if (stamp && stamp.serial !== null) {
    const checked = await checkScan(
      db,
      {
        gtin: product.gtin,
        stamp,
        printedLot: request.lot,
        ip: client.ip,
        expected: () => expectedPlaces(readsFrom(db, read), subject, places),
      },
      scanRules,
    );
    scan = checked.scan;
    applyScanCheck(verdict, checked);
    // an inspector's suspension of the stamp's range: live state, held only while this process hears the
    // announcements, which a decision or its lifting makes in its own transaction (`stamp:<gtin>`, decision 055)
    const serial = stamp.serial;
    const suspension = await cachedLive(`stamp:${product.gtin.padStart(14, '0')}:${serial}:suspension`, () =>
      stampSuspension(db, product.gtin, serial),
    );
    verdict.suspendedSince = suspension?.since ?? null;
    if (lot?.status === 'recalled') verdict.kind = 'recalled';
    else if (verdict.suspendedSince) verdict.kind = 'suspended';
    else if (checked.evidence.length) verdict.kind = 'suspicious';
    else if (stamp.status === 'not_activated') verdict.kind = 'not_activated';
    else if (lot?.status === 'on_hold') verdict.kind = 'on_hold';
    else verdict.kind = 'genuine';
  } else {
    verdict.kind =
      lot?.status === 'recalled' ? 'recalled' : lot?.status === 'on_hold' ? 'on_hold' : 'product';
  }
  // "unchanged since approval", only when a signed checkpoint covers the approval (decision 057)
  const proven = await cached(`proof:product:${product.id}`, () =>
    provenApproval(db, { entityType: 'product', entityId: product.id }),
  );
  const excursions = lot
    ? await cached(`sensors:lot:${lot.id}`, () => publishedExcursionsOfLot(read, lot.id))
    : undefined;
  const parts = publishedParts(subject, proven, excursions, today());
  return {
    uri: request.uri,
    gtin: product.gtin,
    serial: request.serial,
    verdict,
    product: parts.product,
    producer: parts.producer,
    lot: parts.lot,
    journey,
    places,
    scan,
  };
}

type Proven = Awaited<ReturnType<typeof provenApproval>>;
type Excursions = Awaited<ReturnType<typeof publishedExcursionsOfLot>> | undefined;

interface PublishedParts {
  product: NonNullable<ConsumerView['product']>;
  producer: ConsumerView['producer'];
  lot: ConsumerView['lot'];
  // what they were built from
  organisation: Subject['organisation'];
  proven: Proven;
  excursions: Excursions;
  today: string;
  lotFields: readonly unknown[];
}

/**
 * The page's product, producer and lot sections, built once per product and lot while the resolver's memory holds
 * the same objects (decision 064): the product and organisation rows, the proof and the excursions are the cached
 * objects themselves, and the lot's shown fields and status are compared by value (the lot comes with its live status
 * attached, a new object per view). The same section objects for every stamp of a lot let the page find its kept
 * frame (consumer.page.ts); anything changed builds them again.
 */
const partsByProduct = new WeakMap<object, Map<string, PublishedParts>>();

function publishedParts(
  subject: Subject,
  proven: Proven,
  excursions: Excursions,
  day: string,
): PublishedParts {
  const { product, organisation, lot } = subject;
  const lotFields = lot ? [lot.lot, lot.productionDate, lot.expiryDate, lot.status] : [];
  let byLot = partsByProduct.get(product);
  const key = lot?.lot ?? '';
  const kept = byLot?.get(key);
  if (
    kept &&
    kept.organisation === organisation &&
    kept.proven === proven &&
    kept.excursions === excursions &&
    kept.today === day &&
    kept.lotFields.length === lotFields.length &&
    kept.lotFields.every((f, i) => f === lotFields[i])
  )
    return kept;
  const net =
    product.netQuantity !== null ? `${product.netQuantity} ${product.netQuantityUnit ?? ''}`.trim() : null;
  const parts: PublishedParts = {
    product: {
      name: product.name,
      images: product.images,
      brand: product.brand,
      netQuantity: net,
      appliedStandards: product.appliedStandards,
      shelfLifeDays: product.shelfLifeDays,
      ocopStars: product.ocop && product.ocop.validUntil >= day ? product.ocop.stars : null,
      geographicalIndication: product.geographicalIndication,
      certificationMark: product.certificationMark,
      verified: product.reviewStatus === 'approved',
      unchangedSince: proven
        ? { recordId: proven.recordId, date: localToday(proven.approvedAt.getTime()) }
        : null,
    },
    producer: organisation
      ? {
          name: organisation.name,
          address: [organisation.streetAddress, organisation.communeName].filter(Boolean).join(', ') || null,
          taxCode: organisation.taxCode,
          certificates: organisation.certificates
            .filter((c) => !c.validTo || c.validTo >= day)
            .map((c) => ({ kind: c.kind, number: c.number, issuer: c.issuer, validTo: c.validTo })),
        }
      : null,
    lot: lot
      ? {
          lot: lot.lot,
          productionDate: lot.productionDate,
          expiryDate: lot.expiryDate,
          status: lot.status,
          excursions,
        }
      : null,
    organisation,
    proven,
    excursions,
    today: day,
    lotFields,
  };
  if (!byLot) {
    byLot = new Map();
    partsByProduct.set(product, byLot);
  }
  byLot.set(key, parts);
  return parts;
}

function applyScanCheck(verdict: Verdict, checked: ScanCheck) {
  const { stats } = checked;
  verdict.scans = {
    counted: stats.counted,
    total: stats.total,
    firstAt: stats.firstAt,
    recent: stats.recent,
    recentNetworks: stats.recentNetworks,
    busy: checked.busy,
  };
  for (const e of checked.evidence) {
    if (e.kind === 'revoked') verdict.revoked = true;
    if (e.kind === 'lot_mismatch') verdict.lotMismatch = e.printedLot;
    if (e.kind === 'impossible_travel') verdict.travel = { km: e.km, minutes: e.minutes };
  }
}

const today = () => localToday();
