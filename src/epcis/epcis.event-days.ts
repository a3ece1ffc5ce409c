import { type DayCounts, type DbOrTx, dayCounts } from '../platform/index.ts';

// Events recorded per day (epcis_event_days, decision 066): the report's key figure "events recorded" sums a row a
// day for its running total and counts live only the events written since the last roll-up. Read from the events'
// keys (epcis_event_keys: one unpartitioned row per event, with its record time and declaration flag), so walking
// past the mark is one index range, not one per monthly partition of the events. Error declarations are not counted.
const eventDays = dayCounts({
  source: {
    table: 'epcis_event_keys',
    key: 'event_pk',
    time: 'record_time',
    where: 'NOT is_error_declaration',
  },
  days: { table: 'epcis_event_days', count: 'events' },
  mark: { table: 'epcis_rollup_marks', column: 'last_pk', name: 'event_days' },
  // a capture still open keeps its record time (its transaction's start) with a key numbered later
  settleMinutes: 10,
});

export type EventCounts = DayCounts;

/** Rolls up the events written since the last roll-up (and settled); returns how many (declarations too) it passed. */
export const rollUpEventDays = (db: DbOrTx): Promise<number> => eventDays.rollUp(db);

/** Events (not error declarations) recorded up to the end of `to` and from the start of `from`, Vietnam days. */
export const eventCounts = (db: DbOrTx, from: string, to: string): Promise<EventCounts> =>
  eventDays.count(db, from, to);
