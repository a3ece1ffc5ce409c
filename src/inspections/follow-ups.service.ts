import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import { type Actor, badRequest, type Db, forbidden, localToday, notFound } from '../platform/index.ts';
import type { SanctionInput } from './inspections.api.ts';
import { mayDecide } from './inspections.policy.ts';
import { inspectionFindings, inspectionSanctions, inspectionVisits } from './inspections.schema.ts';
import { presentFinding, presentSanction } from './visit-details.ts';

async function visitOf(db: Db, id: string) {
  const [visit] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, id));
  if (!visit) throw notFound('inspections.not-found');
  return visit;
}

/**
 * A follow-up visit records, for a finding of the visit it follows up, whether it was fixed. Stored on the finding
 * (with the visit that checked it), audited; a later follow-up may record it again.
 */
export async function recordFollowUp(
  db: Db,
  actor: Actor,
  visitId: string,
  input: { findingId: string; result: 'fixed' | 'not_fixed' },
) {
  if (!mayDecide(actor)) throw forbidden();
  const visit = await visitOf(db, visitId);
  const [finding] = await db
    .select()
    .from(inspectionFindings)
    .where(eq(inspectionFindings.id, input.findingId));
  if (!visit.followUpOf || finding?.visitId !== visit.followUpOf)
    throw badRequest([{ field: '/body/findingId', code: 'inspections.notFollowedUp' }]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(inspectionFindings)
      .set({ fixResult: input.result, fixCheckedIn: visitId })
      .where(eq(inspectionFindings.id, input.findingId))
      .returning();
    await recordAudit(tx, {
      actor,
      action: input.result === 'fixed' ? 'follow-up:fixed' : 'follow-up:not-fixed',
      entityType: 'inspection_finding',
      entityId: input.findingId,
      organisationId: row!.organisationId,
      before: { fixResult: finding.fixResult, fixCheckedIn: finding.fixCheckedIn },
      after: { fixResult: row!.fixResult, fixCheckedIn: row!.fixCheckedIn },
    });
    return presentFinding(row!);
  });
}

/** An administrative fine decision of a visit; the owner reads it in its conclusions. */
export async function recordSanction(db: Db, actor: Actor, visitId: string, input: SanctionInput) {
  if (!mayDecide(actor)) throw forbidden();
  const visit = await visitOf(db, visitId);
  const errors = [];
  if (input.findingId) {
    const [finding] = await db
      .select()
      .from(inspectionFindings)
      .where(eq(inspectionFindings.id, input.findingId));
    if (finding?.visitId !== visitId)
      errors.push({ field: '/body/findingId', code: 'inspections.findingUnknown' });
  }
  if (input.decidedOn < visit.visitedOn)
    errors.push({ field: '/body/decidedOn', code: 'inspections.sanctionBeforeVisit' });
  else if (input.decidedOn > localToday())
    errors.push({ field: '/body/decidedOn', code: 'inspections.sanctionFuture' });
  if (errors.length) throw badRequest(errors);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspectionSanctions)
      .values({
        visitId,
        findingId: input.findingId ?? null,
        organisationId: visit.organisationId,
        decisionNumber: input.decisionNumber,
        decidedOn: input.decidedOn,
        amountVnd: input.amountVnd,
        legalBasis: input.legalBasis,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'inspection_sanction',
      entityId: row!.id,
      organisationId: row!.organisationId,
      after: presentSanction(row!),
    });
    return presentSanction(row!);
  });
}
