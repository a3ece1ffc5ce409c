/**
 * The printed form of a stamp (docs/decisions/020-stamp-uri-and-secrets.md): `/01/{gtin}/21/{serial}` when printed before
 * activation, `/01/{gtin}/10/{lot}/21/{serial}` when the lot is known at print time; anti-counterfeit stamps
 * add `?s={secret}`. The resolver accepts both forms, so a label never goes stale.
 */
export function stampUri(
  baseUrl: string,
  stamp: { gtin: string; serial: number; lot?: string | null; secret?: string | null },
): string {
  const lot = stamp.lot ? `/10/${encodeDlValue(stamp.lot)}` : '';
  const secret = stamp.secret ? `?s=${stamp.secret}` : '';
  return `${baseUrl}/01/${stamp.gtin}${lot}/21/${stamp.serial}${secret}`;
}

/** GS1 Digital Link percent-encodes every character of a value that is not unreserved. */
export function encodeDlValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** GS1 element string (AIs in brackets) for GS1-128 / DataMatrix human-readable text. */
export function stampElementString(stamp: { gtin: string; serial: number; lot?: string | null }): string {
  return `(01)${stamp.gtin}${stamp.lot ? `(10)${stamp.lot}` : ''}(21)${stamp.serial}`;
}

/** Canonical GS1 Digital Link of the stamp instance, as EPCIS events name it. */
export const canonicalStampId = (gtin: string, serial: number) =>
  `https://id.gs1.org/01/${gtin}/21/${serial}`;

/** Serials are positive integers printed without leading zeros; anything else is not one of ours. */
export function parseSerial(value: string): number | null {
  return /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null;
}
