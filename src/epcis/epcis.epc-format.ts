import { sql } from 'drizzle-orm';
import { digitalLinkToEpcUrn, epcUrnToDigitalLink } from '../gs1/index.ts';
import { type DbOrTx, Problem } from '../platform/index.ts';
import { selectRows } from './epcis.repo.ts';

/**
 * The REST binding's `GS1-EPC-Format` request header: how the identifiers of the events answered are written.
 * Absent means `Always_GS1_Digital_Link` (the binding's default); `No_Preference` lets TXNG choose, and it chooses
 * Digital Links too.
 */
export const epcFormats = [
  'No_Preference',
  'Always_GS1_Digital_Link',
  'Always_EPC_URN',
  'Never_Translates',
] as const;
export type EpcFormat = (typeof epcFormats)[number];

/** The `GS1-CBV-XML-Format` request header (XML answers only). */
export const cbvXmlFormats = ['No_Preference', 'Always_Web_URI', 'Always_URN', 'Never_Translates'] as const;
export type CbvXmlFormat = (typeof cbvXmlFormats)[number];

/** A header's value among the allowed ones; absent → the default; anything else is a 400 naming the header. */
export function headerChoice<T extends string>(
  value: string | string[] | undefined,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new Problem(400, 'epcis-header-invalid', {
    errors: [{ field: name, code: 'epcis.header.value', params: { name, allowed: allowed.join(', ') } }],
  });
}

/** GS1 keys whose company prefix starts after one leading digit (indicator, extension, or GRAI's padding zero). */
const afterOneDigit = new Set(['00', '01', '8003']);
const keyInLink =
  /^https?:\/\/[^/?#]+(?:\/[^?#]*?)?\/(00|01|253|255|401|402|414|417|8003|8004|8006|8010|8017|8018)\/([^/?#]+)/;

/**
 * Writes the identifiers of events as the reader asked: EPCs, parent IDs, classes in quantity lists, read points,
 * business locations, sources, destinations and business transactions. A URN becomes a Digital Link on
 * id.gs1.org; a Digital Link becomes an EPC URN when the company prefix of its key is one an organisation
 * registered (a Digital Link does not say where the prefix ends, so an unregistered one stays a Digital Link).
 */
export function translateEvents(
  events: Record<string, unknown>[],
  format: EpcFormat,
  companyPrefixes: readonly string[] = [],
): Record<string, unknown>[] {
  if (format === 'Never_Translates') return events;
  const write =
    format === 'Always_EPC_URN'
      ? (v: string) => (v.startsWith('urn:') ? v : (toUrn(v, companyPrefixes) ?? v))
      : (v: string) => (v.startsWith('urn:epc:') ? (epcUrnToDigitalLink(v) ?? v) : v);
  return events.map((event) => translateEvent(event, write));
}

/** Identifiers on their own (the `/epcs` listing), written as the reader asked. */
export function translateIds(
  ids: string[],
  format: EpcFormat,
  companyPrefixes: readonly string[] = [],
): string[] {
  if (format !== 'Always_EPC_URN') return ids;
  return ids.map((v) => (v.startsWith('urn:') ? v : (toUrn(v, companyPrefixes) ?? v)));
}

function toUrn(link: string, prefixes: readonly string[]): string | null {
  const m = keyInLink.exec(link);
  if (!m) return null;
  const digits = afterOneDigit.has(m[1]) ? m[2].slice(1) : m[2];
  let length = 0;
  for (const p of prefixes) if (p.length > length && digits.startsWith(p)) length = p.length;
  if (length < 6 || length > 12) return null;
  return digitalLinkToEpcUrn(link, length);
}

const idLists = ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'];
const quantityLists = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'];
const typedLists: [string, string][] = [
  ['sourceList', 'source'],
  ['destinationList', 'destination'],
  ['bizTransactionList', 'bizTransaction'],
];

function translateEvent(event: Record<string, unknown>, write: (v: string) => string) {
  const out: Record<string, unknown> = { ...event };
  const str = (v: unknown) => (typeof v === 'string' ? write(v) : v);
  for (const key of idLists) if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(str);
  if (typeof out.parentID === 'string') out.parentID = write(out.parentID);
  for (const key of quantityLists)
    if (Array.isArray(out[key]))
      out[key] = (out[key] as Record<string, unknown>[]).map((q) =>
        q && typeof q === 'object' ? { ...q, epcClass: str(q.epcClass) } : q,
      );
  for (const key of ['readPoint', 'bizLocation']) {
    const place = out[key] as Record<string, unknown> | undefined;
    if (place && typeof place === 'object' && typeof place.id === 'string')
      out[key] = { ...place, id: write(place.id) };
  }
  for (const [list, field] of typedLists)
    if (Array.isArray(out[list]))
      out[list] = (out[list] as Record<string, unknown>[]).map((item) =>
        item && typeof item === 'object' ? { ...item, [field]: str(item[field]) } : item,
      );
  return out;
}

/** Every GS1 company prefix an organisation registered: where a Digital Link's key splits for its EPC URN. */
export async function registeredCompanyPrefixes(db: DbOrTx): Promise<string[]> {
  const rows = await selectRows<{ prefix: string }>(
    db,
    sql`SELECT DISTINCT unnest(gs1_company_prefixes) AS prefix FROM organisations`,
  );
  return rows.map((r) => r.prefix);
}
