/** Everything the consumer page shows, already reduced to what the law asks to publish (no personal data). */
export type VerdictKind =
  | 'genuine'
  | 'unknown'
  | 'not_activated'
  | 'recalled'
  | 'suspended'
  | 'on_hold'
  | 'suspicious'
  | 'product';

export interface Verdict {
  kind: VerdictKind;
  producerName: string | null;
  lot: string | null;
  revoked: boolean;
  /** The stamp falls in a range an inspector suspended (src/inspections), since then; read fresh on every scan. */
  suspendedSince: Date | null;
  lotMismatch: string | null; // the lot printed on the label when it contradicts the activation
  /** Two scans too far apart for the time between them (the strong scan evidence). */
  travel: { km: number; minutes: number } | null;
  /** The stamp's counted scans; null for a code without serial. */
  scans: {
    /** This view was counted (not over a rate limit). */
    counted: boolean;
    total: number;
    firstAt: Date | null;
    recent: number;
    recentNetworks: number;
    /** Many scans or networks lately: a neutral note. */
    busy: boolean;
  } | null;
  windowHours: number;
}

export interface Place {
  name: string;
  latitude: number | null;
  longitude: number | null;
  polygon: unknown;
}

export interface JourneyStep {
  what: string; // a CBV bizStep short name or 'event'
  when: Date;
  where: string | null;
  who: string | null;
  /** The number of its place on the map (1 is where the lot was made), or null when the map does not show it. */
  place: number | null;
}

export interface ConsumerView {
  /** The Digital Link as scanned, without secrets. */
  uri: string;
  gtin: string;
  serial: string | null;
  verdict: Verdict;
  product: {
    name: string;
    images: string[];
    brand: string | null;
    netQuantity: string | null;
    appliedStandards: string[];
    shelfLifeDays: number | null;
    ocopStars: number | null;
    geographicalIndication: string | null;
    certificationMark: string | null;
    verified: boolean;
    /** The product's last approval, once a signed checkpoint covers it (decision 057): the proof's record and day. */
    unchangedSince?: { recordId: number; date: string } | null;
  } | null;
  producer: {
    name: string;
    address: string | null;
    taxCode: string | null;
    certificates: { kind: string; number: string; issuer: string; validTo: string | null }[];
  } | null;
  lot: {
    lot: string;
    productionDate: string | null;
    expiryDate: string | null;
    status: string;
    /** Storage excursions the department chose to show (decision 059), in plain Vietnamese. */
    excursions?: string[];
  } | null;
  journey: JourneyStep[];
  places: Place[];
  scan: { id: number; token: string } | null;
}
