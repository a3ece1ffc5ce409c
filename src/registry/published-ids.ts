import { and, asc, eq, gt, isNotNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { locations, lots, organisations, products } from './registry.schema.ts';
import type { ReviewedEntity } from './review-status.ts';

const tables = { organisation: organisations, location: locations, product: products, lot: lots } as const;

/**
 * The rows of a kind that have a public version (approved, or an approved version kept while an edit waits:
 * published.ts), with their organisation, in id order from `after`: a page of what `getPublishedRecord` answers
 * for. Read-only; what reads the whole province (the outbox's backfill) pages through it.
 */
export async function listPublishedRecordIds(
  db: DbOrTx,
  entity: ReviewedEntity,
  page: { after: string | null; limit: number },
): Promise<{ id: string; organisationId: string }[]> {
  const table = tables[entity] as typeof locations;
  const owner = entity === 'organisation' ? organisations.id : table.organisationId;
  const published = or(eq(table.reviewStatus, 'approved'), isNotNull(table.publishedRow)) as SQL;
  return db
    .select({ id: table.id, organisationId: owner })
    .from(table)
    .where(page.after ? and(published, gt(table.id, page.after)) : published)
    .orderBy(asc(table.id))
    .limit(page.limit);
}
