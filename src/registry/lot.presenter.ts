import { buildDigitalLink } from '../gs1/index.ts';
import type { ReviewStatus } from './list-query.ts';
import type { ScopedLotRow } from './lot.repo.ts';
import type { LotStatus, LotView } from './lot.schema.ts';

export function presentLot(row: ScopedLotRow): LotView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    productId: row.productId,
    productName: row.productName,
    gtin: row.gtin,
    lot: row.lot,
    digitalLink: buildDigitalLink([
      { ai: '01', value: row.gtin },
      { ai: '10', value: row.lot },
    ]),
    productionDate: row.productionDate,
    expiryDate: row.expiryDate,
    quantity: row.quantity,
    unit: row.unit,
    locationId: row.locationId,
    inputLotIds: row.inputLotIds,
    status: row.status as LotStatus,
    reviewStatus: row.reviewStatus as ReviewStatus,
    reviewNote: row.reviewNote,
    publicVersionKept: row.publishedRow != null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
