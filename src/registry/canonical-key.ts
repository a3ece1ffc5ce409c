/** The GS1 keys the registry keeps, read from a canonical Digital Link as the EPCIS module stores it. */
export type CanonicalKey =
  | { kind: 'trade-item'; gtin: string; lot: string | null; serial: string | null }
  | { kind: 'location'; gln: string; extension: string | null };

const tradeItem = /^https:\/\/id\.gs1\.org\/01\/(\d{14})(?:\/10\/([^/?#]+))?(?:\/21\/([^/?#]+))?$/;
const location = /^https:\/\/id\.gs1\.org\/414\/(\d{13})(?:\/254\/([^/?#]+))?$/;

const decode = (segment: string | undefined) => {
  if (segment === undefined) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

export function readCanonicalKey(id: string): CanonicalKey | null {
  const item = tradeItem.exec(id);
  if (item) return { kind: 'trade-item', gtin: item[1], lot: decode(item[2]), serial: decode(item[3]) };
  const place = location.exec(id);
  if (place) return { kind: 'location', gln: place[1], extension: decode(place[2]) };
  return null;
}
