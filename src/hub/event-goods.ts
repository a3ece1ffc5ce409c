import { epcUrnToDigitalLink } from '../gs1/index.ts';

const digitalLinkGoods = /\/01\/(\d{14})(?:\/10\/([^/?#"\s]+))?/g;
const epcUrns = /urn:epc:(?:id:sgtin|class:lgtin|idpat:sgtin):[^"\s]+/g;

/**
 * The products and lots an EPCIS event names (`gtin` and `gtin/lot`), whether as Digital Links or EPC URNs,
 * read from every identifier field at once: the served copy finds a lot's journey by them.
 */
export function eventGoods(event: Record<string, unknown>): string[] {
  const json = JSON.stringify(event);
  const found = new Set<string>();
  const add = (link: string) => {
    for (const m of link.matchAll(digitalLinkGoods)) {
      found.add(m[1]);
      if (m[2]) found.add(`${m[1]}/${decodeURIComponent(m[2])}`);
    }
  };
  add(json);
  for (const [urn] of json.matchAll(epcUrns)) {
    const link = epcUrnToDigitalLink(urn);
    if (link) add(link);
  }
  return [...found];
}

/** When the province recorded the event, for the lag; its event time when it says no record time. */
export function recordedAt(event: Record<string, unknown>): Date | null {
  const value = event.recordTime ?? event.eventTime;
  if (typeof value !== 'string') return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}
