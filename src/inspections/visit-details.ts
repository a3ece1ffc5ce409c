import { inArray } from 'drizzle-orm';
import type { Actor, DbOrTx } from '../platform/index.ts';
import { isInspectedSide } from './inspections.policy.ts';
import { inspectionFindings, inspectionSanctions, type inspectionVisits } from './inspections.schema.ts';

type VisitRow = typeof inspectionVisits.$inferSelect;
export type FindingRow = typeof inspectionFindings.$inferSelect;
type SanctionRow = typeof inspectionSanctions.$inferSelect;

export function presentFinding(row: FindingRow) {
  return {
    id: row.id,
    visitId: row.visitId,
    text: row.text,
    fileIds: row.fileIds,
    fixBy: row.fixBy,
    fixResult: row.fixResult as 'fixed' | 'not_fixed' | null,
    fixCheckedIn: row.fixCheckedIn,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentSanction(row: SanctionRow) {
  return {
    id: row.id,
    visitId: row.visitId,
    findingId: row.findingId,
    decisionNumber: row.decisionNumber,
    decidedOn: row.decidedOn,
    amountVnd: row.amountVnd,
    legalBasis: row.legalBasis,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Visits as they leave the system, with their findings, their sanctions and, for a follow-up visit, the findings
 * with a deadline of the visit it follows up (three queries however many visits).
 */
export async function presentVisits(db: DbOrTx, rows: VisitRow[], actor: Actor) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const earlier = [...new Set(rows.flatMap((r) => (r.followUpOf ? [r.followUpOf] : [])))];
  const [findings, sanctions] = await Promise.all([
    db
      .select()
      .from(inspectionFindings)
      .where(inArray(inspectionFindings.visitId, [...ids, ...earlier]))
      .orderBy(inspectionFindings.createdAt),
    db
      .select()
      .from(inspectionSanctions)
      .where(inArray(inspectionSanctions.visitId, ids))
      .orderBy(inspectionSanctions.decidedOn, inspectionSanctions.createdAt),
  ]);
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisationId,
    visitedOn: row.visitedOn,
    inspectorIds: row.inspectorIds,
    checklist: row.checklist,
    // the inspectors' own note never reaches the inspected organisation
    ...(isInspectedSide(actor) ? {} : { internalNote: row.internalNote }),
    followUpOf: row.followUpOf,
    planId: row.planId,
    caseId: row.caseId,
    findings: findings.filter((f) => f.visitId === row.id).map(presentFinding),
    followsUp: row.followUpOf
      ? findings.filter((f) => f.visitId === row.followUpOf && f.fixBy).map(presentFinding)
      : [],
    sanctions: sanctions.filter((s) => s.visitId === row.id).map(presentSanction),
  }));
}
