import { parseEventQuery, queryEvents, type StoredEvent } from '../epcis/index.ts';
import type { DbOrTx } from '../platform/index.ts';

export const epcisContextUrl = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
const perPage = 1000;

/** A period of the province's calendar days, both ends included (Vietnam keeps UTC+7 all year). */
export interface Period {
  from: string | null;
  to: string | null;
}

const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

/** The period's bounds as instants: its first day's start and the start of the day after its last. */
export function periodBounds(period: Period) {
  const end = period.to ? dayStart(period.to) : null;
  end?.setUTCDate(end.getUTCDate() + 1);
  return { from: period.from ? dayStart(period.from) : null, until: end };
}

/**
 * The events of the period captured by these organisations (`null`: every event of the province, the program's own
 * — stamps issued — included), in the order they were stored.
 */
export async function eventsOf(
  db: DbOrTx,
  organisationIds: string[] | null,
  period: Period,
): Promise<StoredEvent[]> {
  const { from, until } = periodBounds(period);
  const params: Record<string, string> = { perPage: String(perPage) };
  if (from) params.GE_eventTime = from.toISOString();
  if (until) params.LT_eventTime = until.toISOString();
  const query = parseEventQuery(params);
  const visibility = organisationIds
    ? { all: false as const, organisationIds, linkValues: [] }
    : { all: true as const };
  const events: StoredEvent[] = [];
  for (;;) {
    const page = await queryEvents(db, query, visibility);
    events.push(...page.events);
    const last = page.events.at(-1);
    if (!page.more || !last) return events;
    query.after = { pk: last.pk, at: null };
  }
}

/**
 * An EPCIS 2.0 JSON-LD EPCISDocument of the events as they were captured: the contexts their captures named are
 * gathered once at the top, beside the standard one.
 */
export function epcisDocumentOf(events: StoredEvent[], creationDate = new Date()) {
  const contexts = new Map<string, unknown>([[epcisContextUrl, epcisContextUrl]]);
  const eventList = events.map((event) => {
    const { '@context': context, ...rest } = event.document;
    for (const c of Array.isArray(context) ? context : context ? [context] : [])
      contexts.set(typeof c === 'string' ? c : JSON.stringify(c), c);
    return { ...rest, recordTime: event.recordTime.toISOString() };
  });
  return {
    '@context': [...contexts.values()],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: creationDate.toISOString(),
    epcisBody: { eventList },
  };
}
