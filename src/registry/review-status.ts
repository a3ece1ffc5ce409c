import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import { type Actor, conflict, type DbOrTx, notFound, Problem, type Tx } from '../platform/index.ts';
import { inTransaction } from './in-transaction.ts';
import { gtinBelongsTo, guardCompanyPrefixes, lockKeyClaims } from './key-ownership.ts';
import type { ReviewStatus } from './list-query.ts';
import { notifyPublication } from './publication-listeners.ts';
import { snapshotOf } from './published.ts';
import { locations, lots, organisations, products } from './registry.schema.ts';

export type ReviewedEntity = 'organisation' | 'location' | 'product' | 'lot';

const tables = { organisation: organisations, location: locations, product: products, lot: lots } as const;

/** The review workflow (docs/requirements.md §2 D.15): which status may follow which. */
const next: Record<ReviewStatus, ReviewStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'returned', 'rejected'],
  returned: ['submitted', 'draft'],
  approved: ['submitted', 'returned'],
  rejected: ['draft'],
};

const verbs: Record<ReviewStatus, string> = {
  draft: 'reopen',
  submitted: 'submit',
  approved: 'approve',
  returned: 'return',
  rejected: 'reject',
};

export const canMoveReviewStatus = (from: ReviewStatus, to: ReviewStatus) => next[from].includes(to);

/**
 * Moves a registry row along the review workflow and records it in the audit log, inside the caller's
 * transaction. Who may do it is the review module's decision; this enforces only the order of statuses.
 */
export async function setReviewStatus(
  db: DbOrTx,
  change: {
    entity: ReviewedEntity;
    id: string;
    status: ReviewStatus;
    note?: string | null;
    actor: Actor | null;
  },
): Promise<{ id: string; organisationId: string; from: ReviewStatus; to: ReviewStatus }> {
  return inTransaction(db, (tx) => moveReviewStatus(tx, change));
}

async function moveReviewStatus(
  tx: Tx,
  change: {
    entity: ReviewedEntity;
    id: string;
    status: ReviewStatus;
    note?: string | null;
    actor: Actor | null;
  },
) {
  const table = tables[change.entity];
  const [row] = await tx
    .select({
      id: table.id,
      reviewStatus: table.reviewStatus,
      reviewNote: table.reviewNote,
      owner: ownerColumn(change.entity),
    })
    .from(table as typeof organisations)
    .where(eq(table.id, change.id))
    .for('update');
  if (!row) throw notFound(`registry.${change.entity}-not-found`);
  const from = row.reviewStatus as ReviewStatus;
  if (!canMoveReviewStatus(from, change.status)) {
    throw conflict('registry.review-transition', { from, to: change.status });
  }
  if (change.status === 'approved') await recheckKeys(tx, change.entity, change.id);
  // approval makes the row itself public; an approved row leaving approval keeps its version public (published.ts)
  let publishedRow: Record<string, unknown> | null | undefined;
  if (change.status === 'approved') publishedRow = null;
  else if (from === 'approved') {
    const [whole] = await tx
      .select()
      .from(table as typeof organisations)
      .where(eq(table.id, change.id));
    publishedRow = snapshotOf(whole);
  }
  await tx
    .update(table as typeof organisations)
    .set({
      reviewStatus: change.status,
      reviewNote: change.note ?? null,
      updatedAt: new Date(),
      ...(publishedRow === undefined ? {} : { publishedRow }),
    })
    .where(eq(table.id, change.id));
  await recordAudit(tx, {
    actor: change.actor,
    action: verbs[change.status],
    entityType: change.entity,
    entityId: change.id,
    organisationId: row.owner,
    before: { reviewStatus: from, reviewNote: row.reviewNote },
    after: { reviewStatus: change.status, reviewNote: change.note ?? null },
  });
  if (change.status === 'approved')
    await notifyPublication(tx, {
      entity: change.entity,
      id: change.id,
      organisationId: row.owner,
      change: 'approved',
      reason: change.note ?? null,
    });
  return { id: change.id, organisationId: row.owner, from, to: change.status };
}

function ownerColumn(entity: ReviewedEntity) {
  return entity === 'organisation' ? organisations.id : tables[entity].organisationId;
}

/**
 * Approval checks the keys again: a prefix may have been taken by another organisation, or a product's GTIN left
 * its organisation's prefixes, since the row was submitted.
 */
async function recheckKeys(tx: Tx, entity: ReviewedEntity, id: string) {
  if (entity === 'organisation') {
    const [row] = await tx.select().from(organisations).where(eq(organisations.id, id));
    await lockKeyClaims(tx);
    await guardCompanyPrefixes(tx, row.gs1CompanyPrefixes, id, '/gs1CompanyPrefixes');
  } else if (entity === 'product') {
    const [row] = await tx
      .select({ gtin: products.gtin, prefixes: organisations.gs1CompanyPrefixes })
      .from(products)
      .innerJoin(organisations, eq(organisations.id, products.organisationId))
      .where(eq(products.id, id));
    if (!gtinBelongsTo(row.gtin, row.prefixes)) {
      throw new Problem(409, 'registry.gtin-not-own', {
        params: { gtin: row.gtin },
        errors: [{ field: '/gtin', code: 'registry.gtinPrefix' }],
      });
    }
  }
}

/**
 * The department takes a row off the public pages (published.ts): the version kept while an edit waits is
 * dropped, and the row goes back to its organisation as returned, with the reason (one waiting in the review queue
 * stays there, the reason noted). Recorded in the audit log. 409 when nothing of the row is public.
 */
export async function withdrawPublication(
  db: DbOrTx,
  change: { entity: ReviewedEntity; id: string; reason: string; actor: Actor },
): Promise<{ id: string; organisationId: string; reviewStatus: ReviewStatus }> {
  return inTransaction(db, async (tx) => {
    const table = tables[change.entity];
    const [row] = await tx
      .select({
        reviewStatus: table.reviewStatus,
        publishedRow: table.publishedRow,
        owner: ownerColumn(change.entity),
      })
      .from(table as typeof organisations)
      .where(eq(table.id, change.id))
      .for('update');
    if (!row) throw notFound(`registry.${change.entity}-not-found`);
    const from = row.reviewStatus as ReviewStatus;
    if (from !== 'approved' && !row.publishedRow) throw conflict('registry.nothing-published');
    // the owner gets the row back with the reason; a row waiting in the queue stays there for its reviewer
    const to: ReviewStatus = from === 'submitted' ? from : 'returned';
    await tx
      .update(table as typeof organisations)
      .set({ publishedRow: null, reviewStatus: to, reviewNote: change.reason, updatedAt: new Date() })
      .where(eq(table.id, change.id));
    await recordAudit(tx, {
      actor: change.actor,
      action: 'withdraw',
      entityType: change.entity,
      entityId: change.id,
      organisationId: row.owner,
      before: { reviewStatus: from, published: true },
      after: { reviewStatus: to, published: false, reason: change.reason },
    });
    await notifyPublication(tx, {
      entity: change.entity,
      id: change.id,
      organisationId: row.owner,
      change: 'withdrawn',
      reason: change.reason,
    });
    return { id: change.id, organisationId: row.owner, reviewStatus: to };
  });
}
