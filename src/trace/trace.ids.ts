/** What trace reads from a canonical Digital Link (the form the EPCIS module stores identifiers in). */
export interface ItemKey {
  gtin: string | null;
  lot: string | null;
  serial: string | null;
  sscc: string | null;
}

const stem = 'https://id.gs1.org';
const tradeItem = /^https:\/\/id\.gs1\.org\/01\/(\d{14})(?:\/10\/([^/?#]+))?(?:\/21\/([^/?#]+))?$/;
const logisticUnit = /^https:\/\/id\.gs1\.org\/00\/(\d{18})$/;
const glnKey = /^https:\/\/id\.gs1\.org\/(?:414|417)\/(\d{13})(?:\/254\/[^/?#]+)?$/;

const decode = (segment: string | undefined) => {
  if (segment === undefined) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

export function itemKey(id: string): ItemKey {
  const item = tradeItem.exec(id);
  if (item) return { gtin: item[1], lot: decode(item[2]), serial: decode(item[3]), sscc: null };
  const unit = logisticUnit.exec(id);
  return { gtin: null, lot: null, serial: null, sscc: unit ? unit[1] : null };
}

/** The GLN of a location (414) or party (417) Digital Link, without any extension; null otherwise. */
export const glnOf = (id: string | null | undefined) => (id ? (glnKey.exec(id)?.[1] ?? null) : null);

export const partyIdForGln = (gln: string) => `${stem}/417/${gln}`;
export const locationIdForGln = (gln: string) => `${stem}/414/${gln}`;
export const isPartyId = (id: string) => id.startsWith(`${stem}/417/`);

/** An organisation without a GLN is named in events by `urn:txng:org:<its id>` (chain/parties.ts). */
export const organisationOfPartyId = (id: string) => /^urn:txng:org:([0-9a-f-]{36})$/i.exec(id)?.[1] ?? null;
