import { epcUrnToDigitalLink } from '../gs1/index.ts';

const digitalLinkGoods = /\/01\/(\d{14})(?:\/10\/([^/?#"\s]+))?/;

/** The EPCIS 2.0 fields that name goods: instance lists, quantity lists (their `epcClass`) and a parent. */
const instanceLists = ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'];
const quantityLists = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'];

/**
 * The products and lots an EPCIS event names (`gtin` and `gtin/lot`), whether as Digital Links or EPC URNs: the
 * served copy finds a lot's journey by them. Only the fields that identify goods are read, not the whole event.
 */
export function eventGoods(event: Record<string, unknown>): string[] {
  const found = new Set<string>();
  const add = (id: unknown) => {
    if (typeof id !== 'string') return;
    const link = id.startsWith('urn:epc:') ? epcUrnToDigitalLink(id) : id;
    const m = link ? digitalLinkGoods.exec(link) : null;
    if (!m) return;
    found.add(m[1]);
    if (m[2]) found.add(`${m[1]}/${decodeURIComponent(m[2])}`);
  };
  add(event.parentID);
  for (const name of instanceLists) {
    const list = event[name];
    if (Array.isArray(list)) for (const id of list) add(id);
  }
  for (const name of quantityLists) {
    const list = event[name];
    if (Array.isArray(list))
      for (const q of list) add(q && typeof q === 'object' ? (q as { epcClass?: unknown }).epcClass : null);
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
