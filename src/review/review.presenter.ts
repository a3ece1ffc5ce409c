import { type Lang, t } from '../platform/index.ts';
import type { ApprovalNeed, Decision, PreCheck, ReviewItem } from './review.handlers.ts';
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
        ? checkName(check.code, lang)
        : t(lang, check.code, readableParams(check, lang)),
  };
}

/** A check's name without the placeholders its findings fill in. */
const checkName = (code: string, lang: Lang) => t(lang, code, {}).replace(/\s*[(:]?\s*\{\w+\}\)?/g, '');

/** Numbers in a finding as people read them: 150.000 in Vietnamese, 150,000 in English. */
function readableParams(check: PreCheck, lang: Lang) {
  if (!check.params) return check.params;
  const format = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');
  return Object.fromEntries(
    Object.entries(check.params).map(([k, v]) => [k, typeof v === 'number' ? format.format(v) : v]),
  );
}

export function presentApprovalNeed(need: ApprovalNeed, lang: Lang) {
  return {
    code: need.code,
    fields: [...need.fields],
    rule: need.rule,
    blocking: need.blocking,
    message: checkName(need.code, lang),
  };
}
