/**
 * Shapes the registry API returns (see the server's `*.schema.ts`); the web app keeps its own copy, except for the
 * sectors, which are one vocabulary with the server's.
 */
export type ReviewStatus = 'draft' | 'submitted' | 'approved' | 'returned' | 'rejected';

export const organisationTypes = ['enterprise', 'cooperative', 'household'] as const;
export { officerSectors, sectors } from '../../platform/vocabulary.ts';
export const certificateKinds = [
  'food_safety',
  'vietgap',
  'globalgap',
  'organic',
  'haccp',
  'iso22000',
  'other',
] as const;

export interface Organisation {
  id: string;
  name: string;
  taxCode: string | null;
  type: string;
  sector: string;
  communeCode: string | null;
  communeName: string | null;
  streetAddress: string | null;
  representative: string | null;
  phone: string | null;
  email: string | null;
  gs1CompanyPrefixes: string[];
  glns: string[];
  reviewStatus: ReviewStatus;
  reviewNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Certificate {
  id: string;
  kind: string;
  number: string;
  issuer: string;
  validFrom: string | null;
  validTo: string | null;
  fileUrl: string | null;
}

export interface OrganisationDetail extends Organisation {
  certificates: Certificate[];
}

export interface AdministrativeUnit {
  code: string;
  name: string;
  kind: string;
}

export const locationTypes = [
  'farm',
  'growing_area',
  'barn',
  'workshop',
  'packing_house',
  'slaughterhouse',
  'warehouse',
  'shop',
  'market',
  'school_kitchen',
] as const;
export const locationAis = ['414', '416', '417'] as const;

export interface Location {
  id: string;
  organisationId: string;
  name: string;
  gln: string | null;
  internalCode: string;
  locationAi: string;
  type: string;
  growingAreaCode: string | null;
  communeCode: string | null;
  communeName: string | null;
  streetAddress: string | null;
  latitude: number | null;
  longitude: number | null;
  polygon:
    | { type: 'Polygon'; coordinates: [number, number][][] }
    | { type: 'MultiPolygon'; coordinates: [number, number][][][] }
    | null;
  areaHectares: number | null;
  reviewStatus: ReviewStatus;
  reviewNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export const riskTiers = ['low', 'medium', 'high'] as const;

export interface Product {
  id: string;
  organisationId: string;
  gtin: string;
  name: string;
  description: string | null;
  images: string[];
  brand: string | null;
  modelCode: string | null;
  productGroup: string | null;
  sector: string | null;
  unit: string | null;
  netQuantity: number | null;
  netQuantityUnit: string | null;
  shelfLifeDays: number | null;
  appliedStandards: string[];
  conformityDeclaration: string | null;
  riskTier: string | null;
  ocop: { stars: number; decision: string; decisionDate: string | null; validUntil: string } | null;
  geographicalIndication: string | null;
  certificationMark: string | null;
  mandatory: boolean;
  priority: boolean;
  reviewStatus: ReviewStatus;
  reviewNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export const lotStatuses = ['active', 'on_hold', 'recalled', 'destroyed'] as const;

export interface Lot {
  id: string;
  organisationId: string;
  productId: string;
  productName: string;
  gtin: string;
  lot: string;
  productionDate: string | null;
  expiryDate: string | null;
  quantity: number | null;
  unit: string | null;
  locationId: string | null;
  inputLotIds: string[];
  status: (typeof lotStatuses)[number];
  reviewStatus: ReviewStatus;
  reviewNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StoredFile {
  id: string;
  url: string;
  thumbnailUrl: string | null;
  originalName: string | null;
}

export const stampKinds = ['traceability', 'anti_counterfeit'] as const;

export interface StampRequest {
  id: string;
  organisationId: string;
  gtin: string;
  quantity: number;
  kind: (typeof stampKinds)[number];
  status: string;
  note: string | null;
  reason: string | null;
  decidedAt: string | null;
  createdAt: string;
  range: { id: string; firstSerial: number; lastSerial: number } | null;
}

export interface StampRangeSummary {
  id: string;
  requestId: string;
  organisationId: string;
  gtin: string;
  kind: string;
  firstSerial: number;
  lastSerial: number;
  createdAt: string;
}

export interface StampRange extends StampRangeSummary {
  count: number;
  counts: { allocated: number; active: number; deactivated: number; revoked: number };
  segments: {
    firstSerial: number;
    lastSerial: number;
    state: string;
    lot: string | null;
    since: string | null;
  }[];
  history: {
    action: string;
    firstSerial: number;
    lastSerial: number;
    lot: string | null;
    reason: string | null;
    actorName: string | null;
    eventId: string | null;
    at: string;
  }[];
  sampleUri: string;
}
