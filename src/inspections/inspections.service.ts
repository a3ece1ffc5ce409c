import { and, count, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { findUserById } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { checkFilesOwnedBy } from '../files/index.ts';
import {
  type Actor,
  badRequest,
  conflict,
  type Db,
  type DbOrTx,
  type FieldError,
  forbidden,
  localToday,
  notFound,
  type Sector,
} from '../platform/index.ts';
import {
  getLot,
  getOrganisationsByIds,
  getProduct,
  getProductByGtin,
  organisationsOfUnits,
  readableOrganisationIds,
  setLotStatus,
} from '../registry/index.ts';
import { type LiftOutcome, restoreApproval, withdrawApproval } from './approval-withdrawal.ts';
import { checklistCodes } from './checklist.ts';
import type {
  ActionInput,
  ActionKind,
  ActionView,
  FindingInput,
  VisitInput,
  VisitListQuery,
} from './inspections.api.ts';
import { isInspectedSide, mayDecide, mayReadInspections } from './inspections.policy.ts';
import { inspectionActions, inspectionFindings, inspectionVisits } from './inspections.schema.ts';
import { signalFinding } from './inspections.signals.ts';
import { checkVisitPlan } from './plans.service.ts';
import { announceSuspension, forgetPublicData } from './public-cache.ts';
import { presentFinding, presentVisits } from './visit-details.ts';

type ActionRow = typeof inspectionActions.$inferSelect;

const maxSuspended = 10_000_000;

function presentAction(row: ActionRow): ActionView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    visitId: row.visitId,
    kind: row.kind as ActionKind,
    gtin: row.gtin,
    firstSerial: row.firstSerial,
    lastSerial: row.lastSerial,
    lotId: row.lotId,
    productId: row.productId,
    reason: row.reason,
    decidedAt: row.decidedAt.toISOString(),
    liftedAt: row.liftedAt?.toISOString() ?? null,
    liftReason: row.liftReason,
    liftOutcome: row.liftOutcome as LiftOutcome | null,
  };
}

const field = (name: string, code: string, params?: Record<string, unknown>): FieldError => ({
  field: `/body/${name}`,
  code,
  params,
});

async function organisationExists(db: DbOrTx, id: string) {
  return (await getOrganisationsByIds(db, [id])).length === 1;
}

/** The organisations an actor may read inspections of; null: all. Throws 403 for a role that reads none. */
async function readable(db: DbOrTx, actor: Actor): Promise<string[] | null> {
  if (!mayReadInspections(actor)) throw forbidden();
  if (isInspectedSide(actor)) return actor.organisationIds;
  return readableOrganisationIds(db, actor);
}

/** What the act applies to, checked against the organisation: every mistake named at once. */
async function checkTarget(db: DbOrTx, input: ActionInput) {
  const errors: FieldError[] = [];
  if (!(await organisationExists(db, input.organisationId)))
    throw badRequest([field('organisationId', 'inspections.organisationUnknown')]);
  if (input.visitId) {
    const [visit] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, input.visitId));
    if (visit?.organisationId !== input.organisationId)
      errors.push(field('visitId', 'inspections.visitUnknown'));
  }
  let gtin: string | null = null;
  if (input.kind === 'stamp_suspension') {
    if (!input.gtin) errors.push(field('gtin', 'inspections.gtinRequired'));
    else {
      const product = /^\d{8,14}$/.test(input.gtin) ? await getProductByGtin(db, input.gtin) : null;
      if (product?.organisationId !== input.organisationId)
        errors.push(field('gtin', 'inspections.gtinNotOwned'));
      else gtin = product.gtin.padStart(14, '0');
    }
    if (input.firstSerial === undefined) errors.push(field('firstSerial', 'inspections.serialRequired'));
    if (input.lastSerial === undefined) errors.push(field('lastSerial', 'inspections.serialRequired'));
    if (input.firstSerial !== undefined && input.lastSerial !== undefined) {
      if (input.lastSerial < input.firstSerial) errors.push(field('lastSerial', 'inspections.serialOrder'));
      else if (input.lastSerial - input.firstSerial + 1 > maxSuspended)
        errors.push(field('lastSerial', 'inspections.serialTooMany'));
    }
  }
  if (input.kind === 'lot_hold' || input.kind === 'lot_recall') {
    if (!input.lotId) errors.push(field('lotId', 'inspections.lotRequired'));
    else if ((await getLot(db, input.lotId))?.organisationId !== input.organisationId)
      errors.push(field('lotId', 'inspections.lotNotOwned'));
  }
  if (input.kind === 'approval_withdrawal' && input.productId) {
    if ((await getProduct(db, input.productId))?.organisationId !== input.organisationId)
      errors.push(field('productId', 'inspections.productNotOwned'));
  }
  if (errors.length) throw badRequest(errors);
  return { gtin };
}

/**
 * Decides an outcome act: a warning, a suspension of a range of stamps, a lot put on hold or recalled. The act,
 * the lot's status (through the registry, its own audit entry) and the audit entry land together or not at all.
 */
export async function decideAction(db: Db, actor: Actor, input: ActionInput): Promise<ActionView> {
  if (!mayDecide(actor)) throw forbidden();
  const view = await db.transaction(async (tx) => {
    const { gtin } = await checkTarget(tx, input);
    const suspension = input.kind === 'stamp_suspension';
    const lot = input.kind === 'lot_hold' || input.kind === 'lot_recall';
    const withdrawal = input.kind === 'approval_withdrawal';
    // the department's own withdrawal (audited by the registry): the stamps answer as withdrawn at the next scan
    const withdrawn = withdrawal
      ? await withdrawApproval(tx, actor, {
          productId: input.productId ?? null,
          organisationId: input.organisationId,
          reason: input.reason,
        })
      : null;
    const [row] = await tx
      .insert(inspectionActions)
      .values({
        organisationId: input.organisationId,
        visitId: input.visitId ?? null,
        kind: input.kind,
        gtin: suspension ? gtin : null,
        firstSerial: suspension ? input.firstSerial : null,
        lastSerial: suspension ? input.lastSerial : null,
        lotId: lot ? input.lotId : null,
        productId: withdrawal ? (input.productId ?? null) : null,
        withdrawnFrom: withdrawn?.withdrawnFrom ?? null,
        withdrawnStamp: withdrawn?.withdrawnStamp ?? null,
        reason: input.reason,
        decidedBy: actor.id,
      })
      .returning();
    // the consumer pages in every process drop the suspension they hold for the GTIN's stamps at commit
    if (suspension && gtin) await announceSuspension(tx, gtin);
    if (lot) {
      // the registry's own status change (audited there): the consumer page reads a lot's status fresh
      await setLotStatus(
        tx as unknown as Db,
        input.lotId!,
        { status: input.kind === 'lot_hold' ? 'on_hold' : 'recalled', note: input.reason },
        actor,
      );
    }
    await recordAudit(tx, {
      actor,
      action: `decide:${input.kind}`,
      entityType: 'inspection_action',
      entityId: row!.id,
      organisationId: row!.organisationId,
      after: presentAction(row!),
    });
    return presentAction(row!);
  });
  if (view.kind === 'approval_withdrawal') forgetPublicData();
  return view;
}

/** Lifts an act; only an inspector or the admin, with a reason. A lot goes back to active. */
export async function liftAction(db: Db, actor: Actor, id: string, reason: string): Promise<ActionView> {
  if (!mayDecide(actor)) throw forbidden();
  const view = await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(inspectionActions)
      .where(eq(inspectionActions.id, id))
      .for('update');
    if (!before) throw notFound('inspections.not-found');
    if (before.liftedAt) throw conflict('inspections.already-lifted');
    const liftOutcome =
      before.kind === 'approval_withdrawal' ? await restoreApproval(tx, actor, before, reason) : null;
    const [row] = await tx
      .update(inspectionActions)
      .set({ liftedAt: new Date(), liftedBy: actor.id, liftReason: reason, liftOutcome })
      .where(eq(inspectionActions.id, id))
      .returning();
    if (before.kind === 'stamp_suspension' && before.gtin) await announceSuspension(tx, before.gtin);
    if (before.lotId && (before.kind === 'lot_hold' || before.kind === 'lot_recall')) {
      await setLotStatus(tx as unknown as Db, before.lotId, { status: 'active', note: reason }, actor);
    }
    await recordAudit(tx, {
      actor,
      action: `lift:${before.kind}`,
      entityType: 'inspection_action',
      entityId: id,
      organisationId: before.organisationId,
      before: presentAction(before),
      after: presentAction(row!),
    });
    return presentAction(row!);
  });
  if (view.kind === 'approval_withdrawal') forgetPublicData();
  return view;
}

export async function listActions(
  db: DbOrTx,
  actor: Actor,
  query: { organisationId?: string; page: number; pageSize: number },
) {
  const scope = await readable(db, actor);
  const where = and(
    scope
      ? inArray(inspectionActions.organisationId, scope.length ? scope : ([sql`NULL`] as never))
      : undefined,
    query.organisationId ? eq(inspectionActions.organisationId, query.organisationId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(inspectionActions)
      .where(where)
      .orderBy(desc(inspectionActions.decidedAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(inspectionActions).where(where),
  ]);
  return { items: rows.map(presentAction), page: query.page, pageSize: query.pageSize, total: total?.n ?? 0 };
}

/**
 * The suspension in force over one stamp, for the consumer page. A listening server process holds it as live state
 * (consumer.data.ts, decision 062), dropped at commit by the `stamp:<gtin>` a decision or its lifting announces in its
 * transaction; elsewhere it is read on every scan, so a decision or its lifting shows at the very next request.
 */
export async function stampSuspension(
  db: DbOrTx,
  gtin: string,
  serial: number,
): Promise<{ since: Date } | null> {
  const [row] = await db
    .select({ since: inspectionActions.decidedAt })
    .from(inspectionActions)
    .where(
      and(
        eq(inspectionActions.kind, 'stamp_suspension'),
        eq(inspectionActions.gtin, gtin.padStart(14, '0')),
        lte(inspectionActions.firstSerial, serial),
        gte(inspectionActions.lastSerial, serial),
        isNull(inspectionActions.liftedAt),
      ),
    )
    .orderBy(inspectionActions.decidedAt)
    .limit(1);
  return row ?? null;
}

// ---- visits and findings ----

export async function recordVisit(db: Db, actor: Actor, input: VisitInput) {
  if (!mayDecide(actor)) throw forbidden();
  const errors: FieldError[] = [];
  if (!(await organisationExists(db, input.organisationId)))
    errors.push(field('organisationId', 'inspections.organisationUnknown'));
  if (input.visitedOn > localToday()) errors.push(field('visitedOn', 'inspections.dateFuture'));
  for (const [i, id] of input.inspectorIds.entries()) {
    const user = /^[0-9a-f-]{36}$/i.test(id) ? await findUserById(db, id) : null;
    if (user?.role !== 'inspector' || user.disabled)
      errors.push(field(`inspectorIds/${i}`, 'inspections.inspectorUnknown'));
  }
  for (const [i, c] of input.checklist.entries())
    if (!checklistCodes.has(c.item)) errors.push(field(`checklist/${i}/item`, 'inspections.checklistItem'));
  if (input.planId) {
    const wrong = await checkVisitPlan(db, input.planId, input.organisationId);
    if (wrong) errors.push(field('planId', wrong));
  }
  if (input.followUpOf) {
    const [first] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, input.followUpOf));
    if (first?.organisationId !== input.organisationId)
      errors.push(field('followUpOf', 'inspections.visitUnknown'));
  }
  if (errors.length) throw badRequest(errors);
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspectionVisits)
      .values({
        organisationId: input.organisationId,
        visitedOn: input.visitedOn,
        inspectorIds: input.inspectorIds,
        checklist: input.checklist.map((c) => ({ item: c.item, result: c.result, note: c.note ?? null })),
        internalNote: input.internalNote ?? null,
        followUpOf: input.followUpOf ?? null,
        planId: input.planId ?? null,
        caseId: input.caseId ?? null,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'inspection_visit',
      entityId: row!.id,
      organisationId: row!.organisationId,
      after: { ...row!, internalNote: undefined },
    });
    return row!;
  });
  return (await presentVisits(db, [row], actor))[0]!;
}

export async function addFinding(db: Db, actor: Actor, visitId: string, input: FindingInput) {
  if (!mayDecide(actor)) throw forbidden();
  const [visit] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, visitId));
  if (!visit) throw notFound('inspections.not-found');
  const errors: FieldError[] = await checkFilesOwnedBy(
    db,
    input.fileIds,
    visit.organisationId,
    '/body/fileIds',
  );
  if (input.fixBy && input.fixBy <= visit.visitedOn) errors.push(field('fixBy', 'inspections.fixByPast'));
  if (errors.length) throw badRequest(errors);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspectionFindings)
      .values({
        visitId,
        organisationId: visit.organisationId,
        text: input.text,
        fileIds: input.fileIds,
        fixBy: input.fixBy ?? null,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'inspection_finding',
      entityId: row!.id,
      organisationId: row!.organisationId,
      after: row,
    });
    await signalFinding(tx, { visit, finding: row! });
    return presentFinding(row!);
  });
}

export async function readVisit(db: DbOrTx, actor: Actor, id: string) {
  const scope = await readable(db, actor);
  const [row] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, id));
  // another organisation's visit answers like a missing one
  if (!row || (scope && !scope.includes(row.organisationId))) throw notFound('inspections.not-found');
  return (await presentVisits(db, [row], actor))[0]!;
}

/** The organisations of a commune and/or a sector (both: the sector's in that commune); null when neither is asked. */
async function organisationsIn(db: DbOrTx, q: { communeCode?: string; sector?: Sector }) {
  if (!q.communeCode && !q.sector) return null;
  const found = q.communeCode
    ? await organisationsOfUnits(db, { communeCodes: [q.communeCode], sectors: [] })
    : await organisationsOfUnits(db, { communeCodes: [], sectors: [q.sector!] });
  return found.filter((o) => !q.sector || o.sector === q.sector).map((o) => o.id);
}

export async function listVisits(db: DbOrTx, actor: Actor, query: VisitListQuery) {
  const scope = await readable(db, actor);
  const place = await organisationsIn(db, query);
  const among = (ids: string[]) =>
    inArray(inspectionVisits.organisationId, ids.length ? ids : ([sql`NULL`] as never));
  const where = and(
    scope ? among(scope) : undefined,
    place ? among(place) : undefined,
    query.organisationId ? eq(inspectionVisits.organisationId, query.organisationId) : undefined,
    query.from ? gte(inspectionVisits.visitedOn, query.from) : undefined,
    query.to ? lte(inspectionVisits.visitedOn, query.to) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(inspectionVisits)
      .where(where)
      .orderBy(desc(inspectionVisits.visitedOn), desc(inspectionVisits.createdAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(inspectionVisits).where(where),
  ]);
  const names = new Map(
    (
      await getOrganisationsByIds(
        db,
        rows.map((r) => r.organisationId),
      )
    ).map((o) => [o.id, o.name]),
  );
  return {
    items: (await presentVisits(db, rows, actor)).map((v) => ({
      ...v,
      organisationName: names.get(v.organisationId) ?? '',
    })),
    page: query.page,
    pageSize: query.pageSize,
    total: total?.n ?? 0,
  };
}
