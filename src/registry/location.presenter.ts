import type { ReviewStatus } from './list-query.ts';
import type { LocationRow } from './location.repo.ts';
import type { LocationView } from './location.schema.ts';
import { communeName } from './organisation.presenter.ts';

export function presentLocation(row: LocationRow): LocationView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    gln: row.gln,
    internalCode: row.internalCode,
    locationAi: row.locationAi,
    type: row.type,
    growingAreaCode: row.growingAreaCode,
    communeCode: row.communeCode,
    communeName: communeName(row.communeCode),
    streetAddress: row.streetAddress,
    latitude: row.latitude,
    longitude: row.longitude,
    polygon: row.polygon ?? null,
    areaHectares: row.areaHectares,
    reviewStatus: row.reviewStatus as ReviewStatus,
    reviewNote: row.reviewNote,
    publicVersionKept: row.publishedRow != null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
