import { type Actor, type DbOrTx, type Sector, sideBySide, type Tx } from '../platform/index.ts';
import type { reviewItems } from './review.schema.ts';

export type ReviewItem = typeof reviewItems.$inferSelect;
export const decisions = ['approve', 'return', 'reject'] as const;
export type Decision = (typeof decisions)[number];

/** Where a thing to review sits, and what the queue calls it. */
export interface ReviewSubject {
  organisationId: string | null;
  sector: Sector | null;
  communeCode: string | null;
  title: string;
}

/**
 * One automatic check shown beside an item. `code` is a message key (defined in vi and en by the module that
 * owns the check); a failed `blocking` check stops approval, a failed non-blocking one is a warning.
 */
export interface PreCheck {
  code: string;
  ok: boolean;
  blocking: boolean;
  /** False when the check does not apply to this record (no OCOP to be valid, no shipment to be early). */
  applies?: boolean;
  params?: Record<string, unknown>;
}

/**
 * A pre-check that fields of the record settle: the owner's form marks those fields as needed for approval.
 * `rule` says whether every field must be given or one of them is enough.
 */
export interface ApprovalNeed {
  code: string;
  fields: readonly string[];
  rule: 'all' | 'any';
  blocking: boolean;
}

/**
 * The record under review as its module presents it, for the reviewer to read whole: as submitted, the version
 * the public sees while an edit waits (null when none is kept), and the ids of the stored files it names.
 */
export interface ReviewRecord {
  current: Record<string, unknown>;
  published: Record<string, unknown> | null;
  fileIds: string[];
}

/**
 * How a module plugs a kind of thing into the review workflow. `onDecision` runs inside the decision's
 * transaction (so the thing's status and the decision land together); `describe` and `onSubmit` let owners
 * submit through `POST /api/review/submissions` (a module that submits from its own routes with
 * `submitForReview` needs neither).
 */
/** What a decision may say beyond approve/return/reject: a stamp request approved for fewer stamps. */
export interface DecisionOptions {
  approvedQuantity?: number;
}

export interface ReviewHandler {
  onDecision(
    tx: Tx,
    item: ReviewItem,
    decision: Decision,
    actor: Actor,
    reason: string | null,
    options?: DecisionOptions,
  ): Promise<void>;
  preChecks?(db: DbOrTx, item: ReviewItem): Promise<PreCheck[]>;
  describe?(db: DbOrTx, entityId: string): Promise<ReviewSubject | null>;
  onSubmit?(tx: Tx, entityId: string, actor: Actor, note: string | null): Promise<void>;
  /** The fields a form can fill that approval checks: `GET /api/review/approval-needs`. */
  needs?: readonly ApprovalNeed[];
  /** The whole record, read-only, beside the checks. */
  record?(db: DbOrTx, item: ReviewItem): Promise<ReviewRecord | null>;
}

const handlers = new Map<string, ReviewHandler>();

/** Call once per entity type at import time of the owning module (e.g. `registerReviewHandler('stamp_request', …)`). */
export function registerReviewHandler(entityType: string, handler: ReviewHandler): void {
  if (handlers.has(entityType) && handlers.get(entityType) !== handler) {
    throw new Error(`review handler for "${entityType}" registered twice`);
  }
  handlers.set(entityType, handler);
}

export const reviewHandler = (entityType: string) => handlers.get(entityType) ?? null;

type PreCheckSource = (db: DbOrTx, item: ReviewItem) => Promise<PreCheck[]>;
const contributed = new Map<string, PreCheckSource[]>();

/**
 * A module above the owner adds checks of its own to a kind of record (the passport module: a product's e-label
 * complete for its goods group); they are run, shown and block approval like the owner's.
 */
export function contributePreChecks(entityType: string, source: PreCheckSource): void {
  contributed.set(entityType, [...(contributed.get(entityType) ?? []), source]);
}

/** The owner's checks followed by the contributed ones. */
export async function allPreChecks(
  handler: ReviewHandler | null,
  db: DbOrTx,
  item: ReviewItem,
): Promise<PreCheck[]> {
  const own = handler?.preChecks ? await handler.preChecks(db, item) : [];
  const more = await sideBySide(
    db,
    (contributed.get(item.entityType) ?? []).map((source) => () => source(db, item)),
  );
  return [...own, ...more.flat()];
}
export const reviewedEntityTypes = () => [...handlers.keys()].sort();
