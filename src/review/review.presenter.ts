import { type Lang, t } from '../platform/index.ts';
import type { Decision, PreCheck, ReviewItem } from './review.handlers.ts';
import type { reviewDecisions } from './review.schema.ts';
import type { ItemStatus } from './review-items.schema.ts';

export function presentItem(row: ReviewItem) {
  return {
    id: row.id,
    entityType: row.entityType,
    entityId: row.entityId,
    organisationId: row.organisationId,
    sector: row.sector,
    communeCode: row.communeCode,
    title: row.title,
    status: row.status as ItemStatus,
    submittedAt: row.submittedAt.toISOString(),
    submittedBy: row.submittedBy,
    submitNote: row.submitNote,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    /** The reason given on return or rejection: what the producer reads to fix and resubmit. */
    reason: row.reason,
  };
}

export function presentDecision(row: typeof reviewDecisions.$inferSelect) {
  return {
    id: row.id,
    decision: row.decision as Decision,
    reason: row.reason,
    actorName: row.actorName,
    actorRole: row.actorRole,
    decidedAt: row.decidedAt.toISOString(),
  };
}

export function presentPreCheck(check: PreCheck, lang: Lang) {
  return {
    code: check.code,
    ok: check.ok,
    blocking: check.blocking,
    applies: check.applies !== false,
    // a check that does not apply has no finding to fill in: its name alone
    message:
      check.applies === false
        ? t(lang, check.code, {}).replace(/\s*[(:]?\s*\{\w+\}\)?/g, '')
        : t(lang, check.code, check.params),
  };
}
