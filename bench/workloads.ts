/**
 * Workloads more than one bench measures, written once: the trace chain (bench/trace.ts, bench/decade.bench.ts),
 * the capture documents (bench/capture.ts, bench/decade.bench.ts) and the annual report's plan
 * (bench/annual-report.bench.ts, bench/decade.bench.ts), and the organisation the captures belong to.
 */

import { organisations } from '../src/db/index.ts';
import { buildDigitalLink, checkDigit } from '../src/gs1/index.ts';
import { createIndicator, createPlan, indicatorFormulas, setTargets } from '../src/plan/index.ts';
import type { Actor, Db } from '../src/platform/index.ts';

/** A valid GTIN-14 and GLN numbered `n` under the bench's company prefix. */
export const benchGtin = (n: number) => {
  const body = `893609${String(n).padStart(6, '0')}`;
  return `0${body}${checkDigit(body)}`;
};
export const benchGln = (n: number) => {
  const body = `893609${String(n).padStart(6, '0')}`;
  return `${body}${checkDigit(body)}`;
};

/** The lots of the trace chain, as Digital Links: lot `step` of GTIN `step`, named `<prefix>-<step>`. */
export const chainLot = (prefix: string) => (step: number) =>
  buildDigitalLink([
    { ai: '01', value: benchGtin(step) },
    { ai: '10', value: `${prefix}-${step}` },
  ]);

/**
 * A harvest, then `steps` transformations, each shipped and received between two parties: the chain a trace walks
 * back from its last lot to its first (`lotOf(steps)` → `lotOf(0)`).
 */
export function traceChainEvents(lotOf: (step: number) => string, steps: number): Record<string, unknown>[] {
  const at = (minutes: number) => new Date(Date.UTC(2026, 5, 1) + minutes * 60_000).toISOString();
  const events: Record<string, unknown>[] = [
    {
      type: 'ObjectEvent',
      eventTime: at(0),
      eventTimeZoneOffset: '+07:00',
      action: 'ADD',
      bizStep: 'commissioning',
      quantityList: [{ epcClass: lotOf(0), quantity: 1000, uom: 'KGM' }],
    },
  ];
  for (let step = 1; step <= steps; step++) {
    const ship = (bizStep: string, minutes: number) => ({
      type: 'ObjectEvent',
      eventTime: at(minutes),
      eventTimeZoneOffset: '+07:00',
      action: 'OBSERVE',
      bizStep,
      quantityList: [{ epcClass: lotOf(step - 1), quantity: 1000, uom: 'KGM' }],
      sourceList: [
        { type: 'owning_party', source: buildDigitalLink([{ ai: '417', value: benchGln(10 + step) }]) },
      ],
      destinationList: [
        { type: 'owning_party', destination: buildDigitalLink([{ ai: '417', value: benchGln(11 + step) }]) },
      ],
    });
    events.push(ship('shipping', step * 100), ship('receiving', step * 100 + 30), {
      type: 'TransformationEvent',
      eventTime: at(step * 100 + 60),
      eventTimeZoneOffset: '+07:00',
      bizStep: 'commissioning',
      inputQuantityList: [{ epcClass: lotOf(step - 1), quantity: 1000, uom: 'KGM' }],
      outputQuantityList: [{ epcClass: lotOf(step), quantity: 1000, uom: 'KGM' }],
    });
  }
  return events;
}

/**
 * `count` realistic shipping events of May of `year`, one a second: two serialised items named after `run` (new
 * content, so new hashed eventIDs, on every run), a read point, a source and a destination.
 */
export function shippingEvents(run: string, count: number, year: number) {
  return Array.from({ length: count }, (_, i) => ({
    type: 'ObjectEvent',
    eventTime: new Date(Date.UTC(year, 4, 1, 0, 0, i)).toISOString(),
    eventTimeZoneOffset: '+07:00',
    epcList: [
      `https://id.gs1.org/01/08934567000017/21/${run}-${i}-a`,
      `urn:epc:id:sgtin:8934567.000001.${run}-${i}-b`,
    ],
    action: 'OBSERVE',
    bizStep: 'shipping',
    disposition: 'in_transit',
    readPoint: { id: 'https://id.gs1.org/414/8934567000000' },
    sourceList: [{ type: 'owning_party', source: 'https://id.gs1.org/417/8934567000000' }],
    destinationList: [{ type: 'location', destination: 'https://id.gs1.org/414/8934567000024' }],
  }));
}

/** The current plan for the annual report of `year`: one indicator per registered formula, each with its target. */
export async function reportPlan(db: Db, actor: Actor, year: number) {
  const plan = await createPlan(
    db,
    {
      title: 'Kế hoạch truy xuất nguồn gốc (bench)',
      startYear: year - 1,
      endYear: year + 3,
      isCurrent: true,
    },
    actor,
  );
  for (const [i, f] of indicatorFormulas().entries()) {
    const indicator = await createIndicator(
      db,
      plan.id,
      { code: `CT${i + 1}`, name: f.name.vi, formulaKey: f.key, unit: f.unit, direction: 'at_least' },
      actor,
    );
    await setTargets(
      db,
      indicator.id,
      { targets: [{ year, target: f.unit === 'percent' ? 80 : 1000 }] },
      actor,
    );
  }
  return plan;
}

/**
 * The approved enterprise that captures the workloads' events: it holds their company prefix 8934567, so none of
 * their keys is foreign (only an approved organisation captures, docs/security.md).
 */
export async function insertCapturer(db: Db, id: string) {
  await db.insert(organisations).values({
    id,
    name: 'Bench',
    type: 'enterprise',
    sector: 'agriculture',
    gs1CompanyPrefixes: ['8934567'],
    reviewStatus: 'approved',
  });
}
