/**
 * The namespace of TXNG's own fields in EPCIS events (`txng:stage`, `txng:diaryEntry`, `txng:growingAreaCode`…).
 * A URN, not the deployment's URL: events keep one meaning whichever province captured them.
 */
export const TXNG_NAMESPACE = 'urn:txng:epcis:';

/**
 * The sectors of the provincial administration, one spelling everywhere: organisations and products (registry),
 * sector officers (accounts), review items and the back office. Stored as written here.
 */
export const sectors = ['agriculture', 'industry_trade', 'health', 'other'] as const;
export type Sector = (typeof sectors)[number];

/** The sectors a sector officer can answer for: each has its department; `other` has none. */
export const officerSectors = [
  'agriculture',
  'industry_trade',
  'health',
] as const satisfies readonly Sector[];
