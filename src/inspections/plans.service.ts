import { and, count, desc, eq, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import { organisationsWithOpenCases } from '../cases/index.ts';
import { complianceOf } from '../catalogues/index.ts';
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
  Problem,
} from '../platform/index.ts';
import {
  findAdministrativeUnit,
  getOrganisationsByIds,
  type OrganisationView,
  readableOrganisationIds,
} from '../registry/index.ts';
import { mayDecide, mayReadPlans } from './inspections.policy.ts';
import { inspectionFindings, inspectionPlans, inspectionVisits } from './inspections.schema.ts';
import type { PlanInput, PlanState, PlanView } from './plans.api.ts';

type PlanRow = typeof inspectionPlans.$inferSelect;

const field = (name: string, code: string): FieldError => ({ field: `/body/${name}`, code });

/** Which state may follow which. */
const nextState: Record<PlanState, PlanState[]> = {
  draft: ['in_progress'],
  in_progress: ['closed'],
  closed: [],
};

/** Organisations at risk: an open fraud case, or a finding past its deadline that no follow-up found fixed. */
async function organisationsAtRisk(db: DbOrTx): Promise<string[]> {
  const late = await db
    .selectDistinct({ id: inspectionFindings.organisationId })
    .from(inspectionFindings)
    .where(
      and(
        lt(inspectionFindings.fixBy, localToday()),
        or(isNull(inspectionFindings.fixResult), ne(inspectionFindings.fixResult, 'fixed')),
      ),
    );
  return [...new Set([...(await organisationsWithOpenCases(db)), ...late.map((r) => r.id)])];
}

/** The organisations a catalogue list version names (through their products); null when no such version. */
async function organisationsOnList(db: DbOrTx, versionId: string, actor: Actor): Promise<string[] | null> {
  try {
    const view = await complianceOf(db, versionId, {}, actor);
    return [...new Set(view.rows.map((r) => r.organisationId))];
  } catch (err) {
    if (err instanceof Problem && err.status === 404) return null;
    throw err;
  }
}

const inScope = (o: OrganisationView, input: PlanInput) =>
  (!input.sector || o.sector === input.sector) &&
  (!input.communeCodes.length || (o.communeCode !== null && input.communeCodes.includes(o.communeCode)));

/** Checks the plan and chooses its targets; every mistake named at once, as a 400. */
async function resolveTargets(db: DbOrTx, actor: Actor, input: PlanInput): Promise<string[]> {
  const errors: FieldError[] = [];
  if (input.periodTo < input.periodFrom) errors.push(field('periodTo', 'inspections.periodOrder'));
  for (const [i, code] of input.communeCodes.entries())
    if (!findAdministrativeUnit(code)) errors.push(field(`communeCodes/${i}`, 'inspections.communeUnknown'));
  let targets: string[] = [];
  if (input.targetSource === 'list') {
    if (!input.catalogueVersionId) errors.push(field('catalogueVersionId', 'inspections.versionRequired'));
    else {
      const named = await organisationsOnList(db, input.catalogueVersionId, actor);
      if (!named) errors.push(field('catalogueVersionId', 'inspections.versionUnknown'));
      else targets = named;
    }
  } else if (input.targetSource === 'risk') targets = await organisationsAtRisk(db);
  else {
    if (!input.organisationIds.length)
      errors.push(field('organisationIds', 'inspections.organisationsRequired'));
    const found = await getOrganisationsByIds(db, input.organisationIds);
    for (const [i, id] of input.organisationIds.entries()) {
      const o = found.find((x) => x.id === id);
      if (!o) errors.push(field(`organisationIds/${i}`, 'inspections.organisationUnknown'));
      else if (!inScope(o, input)) errors.push(field(`organisationIds/${i}`, 'inspections.outsideScope'));
    }
    targets = [...new Set(input.organisationIds)];
  }
  if (errors.length) throw badRequest(errors);
  if (input.targetSource !== 'hand') {
    const orgs = await getOrganisationsByIds(db, targets);
    targets = orgs.filter((o) => inScope(o, input)).map((o) => o.id);
    if (!targets.length) throw badRequest([field('targetSource', 'inspections.noTargets')]);
  }
  return targets;
}

const values = (input: PlanInput, targets: string[]) => ({
  title: input.title,
  periodFrom: input.periodFrom,
  periodTo: input.periodTo,
  sector: input.sector ?? null,
  communeCodes: input.communeCodes,
  scopeNote: input.scopeNote || null,
  targetSource: input.targetSource,
  catalogueVersionId: input.targetSource === 'list' ? (input.catalogueVersionId ?? null) : null,
  targetOrganisationIds: targets,
});

export async function createPlan(db: Db, actor: Actor, input: PlanInput): Promise<PlanView> {
  if (!mayDecide(actor)) throw forbidden();
  const targets = await resolveTargets(db, actor, input);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspectionPlans)
      .values({ ...values(input, targets), createdBy: actor.id })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'inspection_plan',
      entityId: row!.id,
      after: row,
    });
    return row!.id;
  });
  return readPlan(db, actor, id);
}

async function lockedPlan(tx: DbOrTx, id: string): Promise<PlanRow> {
  const [row] = await tx.select().from(inspectionPlans).where(eq(inspectionPlans.id, id)).for('update');
  if (!row) throw notFound('inspections.plan-not-found');
  return row;
}

/** A draft's title, period, scope and targets may change; a plan under way or closed stays as it was. */
export async function updatePlan(db: Db, actor: Actor, id: string, input: PlanInput): Promise<PlanView> {
  if (!mayDecide(actor)) throw forbidden();
  const targets = await resolveTargets(db, actor, input);
  await db.transaction(async (tx) => {
    const before = await lockedPlan(tx, id);
    if (before.state !== 'draft') throw conflict('inspections.plan-not-draft');
    const [row] = await tx
      .update(inspectionPlans)
      .set({ ...values(input, targets), updatedAt: new Date() })
      .where(eq(inspectionPlans.id, id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'update',
      entityType: 'inspection_plan',
      entityId: id,
      before,
      after: row,
    });
  });
  return readPlan(db, actor, id);
}

export async function movePlan(db: Db, actor: Actor, id: string, state: PlanState): Promise<PlanView> {
  if (!mayDecide(actor)) throw forbidden();
  await db.transaction(async (tx) => {
    const before = await lockedPlan(tx, id);
    const from = before.state as PlanState;
    if (!nextState[from].includes(state)) throw conflict('inspections.plan-transition', { from, to: state });
    await tx.update(inspectionPlans).set({ state, updatedAt: new Date() }).where(eq(inspectionPlans.id, id));
    await recordAudit(tx, {
      actor,
      action: state === 'in_progress' ? 'start' : 'close',
      entityType: 'inspection_plan',
      entityId: id,
      before: { state: from },
      after: { state },
    });
  });
  return readPlan(db, actor, id);
}

/** The reader's organisations (null: all); throws 403 for organisations and keys. */
async function planScope(db: DbOrTx, actor: Actor): Promise<string[] | null> {
  if (!mayReadPlans(actor)) throw forbidden();
  return readableOrganisationIds(db, actor);
}

/** An officer sees a plan that names an organisation of their scope, and only those of its targets. */
const visibleTargets = (row: PlanRow, scope: string[] | null) =>
  scope ? row.targetOrganisationIds.filter((id) => scope.includes(id)) : row.targetOrganisationIds;

function presentPlan(row: PlanRow) {
  return {
    id: row.id,
    title: row.title,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    sector: row.sector as PlanView['sector'],
    communeCodes: row.communeCodes,
    scopeNote: row.scopeNote,
    targetSource: row.targetSource as PlanView['targetSource'],
    catalogueVersionId: row.catalogueVersionId,
    state: row.state as PlanState,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function visitsOfPlans(db: DbOrTx, planIds: string[]) {
  if (!planIds.length) return [];
  return db
    .select({
      id: inspectionVisits.id,
      planId: inspectionVisits.planId,
      organisationId: inspectionVisits.organisationId,
      visitedOn: inspectionVisits.visitedOn,
    })
    .from(inspectionVisits)
    .where(inArray(inspectionVisits.planId, planIds))
    .orderBy(inspectionVisits.visitedOn);
}

export async function readPlan(db: DbOrTx, actor: Actor, id: string): Promise<PlanView> {
  const scope = await planScope(db, actor);
  const [row] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id));
  const targetIds = row ? visibleTargets(row, scope) : [];
  // a plan naming nobody of an officer's scope answers like a missing one
  if (!row || (scope && !targetIds.length)) throw notFound('inspections.plan-not-found');
  const [orgs, visits] = await Promise.all([getOrganisationsByIds(db, targetIds), visitsOfPlans(db, [id])]);
  const targets = targetIds.flatMap((orgId) => {
    const o = orgs.find((x) => x.id === orgId);
    if (!o) return [];
    return [
      {
        organisationId: o.id,
        name: o.name,
        sector: o.sector,
        communeCode: o.communeCode,
        visits: visits
          .filter((v) => v.organisationId === orgId)
          .map((v) => ({ id: v.id, visitedOn: v.visitedOn })),
      },
    ];
  });
  return { ...presentPlan(row), targets };
}

export async function listPlans(
  db: DbOrTx,
  actor: Actor,
  query: { state?: PlanState; organisationId?: string; page: number; pageSize: number },
) {
  const scope = await planScope(db, actor);
  const where = and(
    query.state ? eq(inspectionPlans.state, query.state) : undefined,
    query.organisationId
      ? sql`${inspectionPlans.targetOrganisationIds} @> ARRAY[${query.organisationId}]::uuid[]`
      : undefined,
    scope
      ? scope.length
        ? sql`${inspectionPlans.targetOrganisationIds} && ARRAY[${sql.join(
            scope.map((s) => sql`${s}`),
            sql`, `,
          )}]::uuid[]`
        : sql`FALSE`
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(inspectionPlans)
      .where(where)
      .orderBy(desc(inspectionPlans.periodFrom), desc(inspectionPlans.createdAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(inspectionPlans).where(where),
  ]);
  const visits = await visitsOfPlans(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => {
      const targets = visibleTargets(r, scope);
      const visited = new Set(visits.filter((v) => v.planId === r.id).map((v) => v.organisationId));
      return {
        ...presentPlan(r),
        targetCount: targets.length,
        visitedCount: targets.filter((t) => visited.has(t)).length,
      };
    }),
    page: query.page,
    pageSize: query.pageSize,
    total: total?.n ?? 0,
  };
}

/** A visit may name a plan under way (or still a draft) that targets its organisation. */
export async function checkVisitPlan(
  db: DbOrTx,
  planId: string,
  organisationId: string,
): Promise<string | null> {
  const [plan] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, planId));
  if (!plan) return 'inspections.planUnknown';
  if (plan.state === 'closed') return 'inspections.planClosed';
  if (!plan.targetOrganisationIds.includes(organisationId)) return 'inspections.notTarget';
  return null;
}
