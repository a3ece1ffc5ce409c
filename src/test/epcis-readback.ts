import { isDeepStrictEqual } from 'node:util';
import { canonicalId } from '../gs1/index.ts';
import type { TestApp } from './app.ts';

type Json = Record<string, any>;

const asList = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

/**
 * An event as the repository should answer it (docs/epcis.md, Capture): the event as sent, its document's @context
 * with the event's own appended, the eventID it was given or the one the capture answered, and no recordTime of its
 * own (the repository sets it and the caller checks it apart).
 */
export function asStored(event: Json, documentContext: unknown, eventId: string): Json {
  const { '@context': own, recordTime: _sentRecordTime, ...fields } = event;
  const context =
    own === undefined
      ? documentContext
      : documentContext === undefined
        ? own
        : [...asList(documentContext), ...asList(own)].filter(
            // each item once: an event repeating its document's item is not named twice
            (item, i, all) => all.findIndex((other) => JSON.stringify(other) === JSON.stringify(item)) === i,
          );
  return { '@context': context, ...fields, eventID: eventId };
}

/**
 * Every place where `read` differs from `sent`, as `pointer: sent …, read …`, one line per differing leaf; empty
 * when they are equal. `same` may declare two differing leaves equal (and say nothing about others).
 */
export function differences(
  sent: unknown,
  read: unknown,
  same: (sent: unknown, read: unknown, pointer: string) => boolean = () => false,
  pointer = '',
): string[] {
  if (isDeepStrictEqual(sent, read) || same(sent, read, pointer)) return [];
  const bothObjects =
    sent !== null &&
    read !== null &&
    typeof sent === 'object' &&
    typeof read === 'object' &&
    Array.isArray(sent) === Array.isArray(read);
  if (!bothObjects) return [`${pointer || '/'}: sent ${show(sent)}, read ${show(read)}`];
  const keys = new Set([...Object.keys(sent as Json), ...Object.keys(read as Json)]);
  return [...keys].flatMap((key) =>
    differences(
      (sent as Json)[key],
      (read as Json)[key],
      same,
      `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    ),
  );
}

const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value).slice(0, 160));

/**
 * The stored events with this eventID, read at GET /epcis/events/{eventID} (identifiers written as `epcFormat`
 * asks, the REST binding's GS1-EPC-Format; its default when absent): the original event, its error declaration,
 * or both. The caller picks by `errorDeclaration`.
 */
export async function readEvents(
  t: TestApp,
  headers: Record<string, string>,
  eventId: string,
  epcFormat?: string,
): Promise<Json[]> {
  const res = await t.app.inject({
    url: `/epcis/events/${encodeURIComponent(eventId)}`,
    headers: epcFormat ? { ...headers, 'gs1-epc-format': epcFormat } : headers,
  });
  if (res.statusCode !== 200) throw new Error(`GET /epcis/events/${eventId}: ${res.statusCode} ${res.body}`);
  return res.json().epcisBody.queryResults.resultsBody.eventList;
}

/** The one stored event with this eventID that is (or is not) an error declaration. */
export async function readEvent(
  t: TestApp,
  headers: Record<string, string>,
  eventId: string,
  declaration: boolean,
  epcFormat?: string,
): Promise<Json> {
  const found = (await readEvents(t, headers, eventId, epcFormat)).filter(
    (e) => (e.errorDeclaration !== undefined) === declaration,
  );
  if (found.length !== 1) throw new Error(`${found.length} stored events for ${eventId}`);
  return found[0];
}

/** A recordTime the repository set: an ISO 8601 UTC instant of the last hour (never one the event was sent with). */
export const isRecordTime = (value: unknown) =>
  typeof value === 'string' &&
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value) &&
  Date.parse(value) <= Date.now() &&
  Date.now() - Date.parse(value) < 3_600_000;

/** Where an event names a GS1 identifier that the answer may write as an EPC URN or as a Digital Link. */
const identifierPlace =
  /^\/((epcList|childEPCs|inputEPCList|outputEPCList)\/\d+|parentID|(quantityList|childQuantityList|inputQuantityList|outputQuantityList)\/\d+\/epcClass|(readPoint|bizLocation)\/id|sourceList\/\d+\/source|destinationList\/\d+\/destination|bizTransactionList\/\d+\/bizTransaction)$/;

/**
 * An EPC URN answered as the Digital Link on id.gs1.org of the same identifier (GS1-EPC-Format:
 * Always_GS1_Digital_Link, the binding's default), at a place where an event names one.
 */
export function sameAsDigitalLink(sent: unknown, read: unknown, pointer: string): boolean {
  return (
    identifierPlace.test(pointer) &&
    typeof sent === 'string' &&
    typeof read === 'string' &&
    sent.startsWith('urn:epc:') &&
    read.startsWith('https://id.gs1.org/') &&
    canonicalId(sent) === canonicalId(read)
  );
}
