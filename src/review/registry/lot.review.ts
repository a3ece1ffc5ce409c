import { findEventsByIds, type StoredEvent } from '../../epcis/index.ts';
import { buildDigitalLink } from '../../gs1/index.ts';
import { type DbOrTx, localToday, sideBySide } from '../../platform/index.ts';
import { getLot, getOrganisation, getProduct } from '../../registry/index.ts';
import type { PreCheck, ReviewHandler } from '../review.handlers.ts';
import { approvalNeeds, checkNeed } from './approval-needs.ts';
import { lotRecord } from './records.ts';
import { bizStepName, check, localTime, notApplicable, present, registryStatusHooks } from './shared.ts';

const needs = approvalNeeds.lot;

/** Clocks of phones in the field drift: an event a few minutes ahead is not "in the future". */
const clockSkewMs = 5 * 60_000;
/** Dates of production are local (Asia/Ho_Chi_Minh) calendar days. */
const startOfLocalDay = (isoDate: string) => new Date(`${isoDate}T00:00:00+07:00`);

function lotEvents(db: DbOrTx, gtin: string, lot: string): Promise<StoredEvent[]> {
  try {
    const id = buildDigitalLink([
      { ai: '01', value: gtin },
      { ai: '10', value: lot },
    ]);
    return findEventsByIds(db, { ids: [id] });
  } catch {
    return Promise.resolve([]);
  }
}

/**
 * What a lot's events show (docs/requirements.md §2 D.15): stages recorded, none in the future, and no shipment
 * before the lot came into being.
 */
export function timelineChecks(
  events: StoredEvent[],
  productionDate: string | null,
  now = Date.now(),
): PreCheck[] {
  const future = events.find((e) => e.eventTime.getTime() > now + clockSkewMs);
  const shipments = events.filter((e) => bizStepName(e.bizStep) === 'shipping');
  const origins = events.filter((e) =>
    ['commissioning', 'harvesting', 'transforming', 'creating_class_instance'].includes(
      bizStepName(e.bizStep) ?? '',
    ),
  );
  const firstOrigin = Math.min(
    ...origins.map((e) => e.eventTime.getTime()),
    productionDate ? startOfLocalDay(productionDate).getTime() : Number.POSITIVE_INFINITY,
  );
  const early = shipments.find((e) => e.eventTime.getTime() < firstOrigin);
  return [
    check('review.check.tt02.stages', events.length > 0, false, { count: events.length }),
    events.length
      ? check('review.check.noFutureEvent', !future, true, {
          time: future ? localTime(future.eventTime) : '',
        })
      : notApplicable('review.check.noFutureEvent'),
    shipments.length
      ? check('review.check.noShipmentBeforeOrigin', !early, true, {
          time: early ? localTime(early.eventTime) : '',
        })
      : notApplicable('review.check.noShipmentBeforeOrigin'),
  ];
}

export async function lotChecks(db: DbOrTx, id: string): Promise<PreCheck[]> {
  const lot = await getLot(db, id);
  if (!lot) return [check('review.check.exists', false, true)];
  const [product, events] = await sideBySide(db, [
    () => getProduct(db, lot.productId),
    () => lotEvents(db, lot.gtin, lot.lot),
  ]);
  const today = localToday();
  return [
    check('review.check.productApproved', product?.reviewStatus === 'approved', true),
    checkNeed(needs.productionDate, lot),
    lot.productionDate
      ? check('review.check.productionNotFuture', lot.productionDate <= today, true)
      : notApplicable('review.check.productionNotFuture'),
    check(
      'review.check.expiryAfterProduction',
      !lot.expiryDate || !lot.productionDate || lot.expiryDate > lot.productionDate,
      true,
    ),
    check('review.check.tt02.expiry', present(lot.expiryDate) || !!product?.shelfLifeDays, false),
    checkNeed(needs.source, lot),
    ...timelineChecks(events, lot.productionDate),
  ];
}

export const lotReview: ReviewHandler = {
  ...registryStatusHooks('lot'),
  describe: async (db, id) => {
    const lot = await getLot(db, id);
    if (!lot) return null;
    const product = await getProduct(db, lot.productId);
    const org = await getOrganisation(db, lot.organisationId);
    return {
      organisationId: lot.organisationId,
      sector: product?.sector ?? org?.sector ?? null,
      communeCode: org?.communeCode ?? null,
      title: `${lot.productName} — lô ${lot.lot}`,
    };
  },
  preChecks: (db, item) => lotChecks(db, item.entityId),
  needs: Object.values(needs),
  record: lotRecord,
};
