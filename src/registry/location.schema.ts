import { z } from 'zod';
import { listQuery, pageSchema, reviewStatuses } from './list-query.ts';

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

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z.array(position).min(4);
export const polygonSchema = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

export const locationInput = z.object({
  organisationId: z.uuid(),
  name: z.string().trim().min(2).max(300),
  gln: z.string().trim().optional(),
  locationAi: z.enum(locationAis).optional(),
  type: z.enum(locationTypes),
  growingAreaCode: z.string().trim().min(1).max(50).optional(),
  communeCode: z.string().trim().min(1).max(20).optional(),
  streetAddress: z.string().trim().max(300).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  polygon: polygonSchema.optional(),
  areaHectares: z.number().positive().max(1_000_000).optional(),
});
export type LocationInput = z.infer<typeof locationInput>;

export const locationPatch = locationInput.omit({ organisationId: true }).partial().strict();
export type LocationPatch = z.infer<typeof locationPatch>;

export const locationView = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  gln: z.string().nullable(),
  internalCode: z.string(),
  locationAi: z.string(),
  type: z.string().nullable(),
  growingAreaCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  streetAddress: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  polygon: z.unknown().nullable(),
  areaHectares: z.number().nullable(),
  reviewStatus: z.enum(reviewStatuses),
  reviewNote: z.string().nullable(),
  /** An edit waits for review while the approved version stays public (published.ts). */
  publicVersionKept: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LocationView = z.infer<typeof locationView>;

export const locationListQuery = listQuery(['name', 'createdAt', 'gln']).extend({
  organisationId: z.uuid().optional(),
  type: z.enum(locationTypes).optional(),
  communeCode: z.string().optional(),
});
export type LocationListQuery = z.infer<typeof locationListQuery>;

export const locationPage = pageSchema(locationView);
