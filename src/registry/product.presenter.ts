import type { ReviewStatus } from './list-query.ts';
import type { ProductRow } from './product.repo.ts';
import type { ProductView } from './product.schema.ts';

export function presentProduct(row: ProductRow): ProductView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    gtin: row.gtin,
    name: row.name,
    description: row.description,
    images: row.images,
    brand: row.brand,
    modelCode: row.modelCode,
    productGroup: row.productGroup,
    sector: row.sector,
    unit: row.unit,
    netQuantity: row.netQuantity,
    netQuantityUnit: row.netQuantityUnit,
    shelfLifeDays: row.shelfLifeDays,
    appliedStandards: row.appliedStandards,
    conformityDeclaration: row.conformityDeclaration,
    riskTier: row.riskTier,
    ocop:
      row.ocopStars && row.ocopDecision && row.ocopValidUntil
        ? {
            stars: row.ocopStars,
            decision: row.ocopDecision,
            decisionDate: row.ocopDecisionDate,
            validUntil: row.ocopValidUntil,
          }
        : null,
    geographicalIndication: row.geographicalIndication,
    certificationMark: row.certificationMark,
    reviewStatus: row.reviewStatus as ReviewStatus,
    reviewNote: row.reviewNote,
    publicVersionKept: row.publishedRow != null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
