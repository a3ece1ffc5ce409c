import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
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
} from '../platform/index.ts';
import { indicatorFormula } from './formula.ts';
import type {
  IndicatorInput,
  IndicatorView,
  ManualValueInput,
  PlanDetail,
  PlanInput,
  PlanView,
  TargetsInput,
  TaskInput,
  TaskView,
} from './plan.api.ts';
import { checkEvidence, evidenceNames } from './plan.files.ts';
import { mayEditPlan, mayReadPlan } from './plan.policy.ts';
import { planIndicators, planManualValues, plans, planTargets, planTasks } from './plan.schema.ts';
import './plan.messages.ts';
import './audit-subjects.ts';

type PlanRow = typeof plans.$inferSelect;
type IndicatorRow = typeof planIndicators.$inferSelect;
type TaskRow = typeof planTasks.$inferSelect;

const audit = (
  tx: DbOrTx,
  actor: Actor | null,
  action: string,
  entityType: string,
  id: string,
  before: unknown,
  after: unknown,
) => recordAudit(tx, { actor, action, entityType, entityId: id, organisationId: null, before, after });

function mustEdit(actor: Actor) {
  if (!mayEditPlan(actor)) throw forbidden();
}
function mustRead(actor: Actor) {
  if (!mayReadPlan(actor)) throw forbidden();
}

export const presentPlan = (row: PlanRow): PlanView => ({
  id: row.id,
  title: row.title,
  decisionNumber: row.decisionNumber,
  decisionDate: row.decisionDate,
  signer: row.signer,
  agency: row.agency,
  startYear: row.startYear,
  endYear: row.endYear,
  isCurrent: row.isCurrent,
});

/** A task is overdue when its deadline (a day in the province) has passed and it is not done. */
export const isOverdue = (row: Pick<TaskRow, 'deadline' | 'state'>, today = localToday()) =>
  row.deadline !== null && row.deadline < today && row.state !== 'done';

export const presentTask = (
  row: TaskRow,
  today = localToday(),
  evidence: (ids: string[]) => TaskView['evidence'] = () => [],
): TaskView => ({
  id: row.id,
  planId: row.planId,
  position: row.position,
  code: row.code,
  what: row.what,
  who: row.who,
  partners: row.partners,
  expectedResult: row.expectedResult,
  deadline: row.deadline,
  state: row.state as TaskView['state'],
  overdue: isOverdue(row, today),
  fileIds: row.fileIds,
  evidence: evidence(row.fileIds),
  note: row.note,
});

async function findPlan(db: DbOrTx, id: string): Promise<PlanRow> {
  const [row] = await db.select().from(plans).where(eq(plans.id, id));
  if (!row) throw notFound('plan.not-found');
  return row;
}

async function findIndicator(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ indicator: planIndicators, plan: plans })
    .from(planIndicators)
    .innerJoin(plans, eq(plans.id, planIndicators.planId))
    .where(eq(planIndicators.id, id));
  if (!row) throw notFound('plan.indicator-not-found');
  return row;
}

async function findTask(db: DbOrTx, id: string): Promise<TaskRow> {
  const [row] = await db.select().from(planTasks).where(eq(planTasks.id, id));
  if (!row) throw notFound('plan.task-not-found');
  return row;
}

/** The plan the dashboard and reports follow, or null when the province has entered none. */
export async function currentPlan(db: DbOrTx): Promise<PlanView | null> {
  const [row] = await db.select().from(plans).where(eq(plans.isCurrent, true));
  return row ? presentPlan(row) : null;
}

/** The plan's indicators with their targets and hand-entered values, in the plan's order. */
export async function indicatorsOf(db: DbOrTx, planId: string): Promise<IndicatorView[]> {
  const rows = await db
    .select()
    .from(planIndicators)
    .where(eq(planIndicators.planId, planId))
    .orderBy(asc(planIndicators.position), asc(planIndicators.code));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const targets = await db
    .select()
    .from(planTargets)
    .where(inArray(planTargets.indicatorId, ids))
    .orderBy(asc(planTargets.year));
  const manual = await db
    .select()
    .from(planManualValues)
    .where(inArray(planManualValues.indicatorId, ids))
    .orderBy(asc(planManualValues.year));
  const evidence = await evidenceNames(
    db,
    manual.flatMap((m) => m.fileIds),
  );
  return rows.map((r) => presentIndicator(r, targets, manual, evidence));
}

function presentIndicator(
  row: IndicatorRow,
  targets: (typeof planTargets.$inferSelect)[],
  manual: (typeof planManualValues.$inferSelect)[],
  evidence: (ids: string[]) => TaskView['evidence'] = () => [],
): IndicatorView {
  return {
    id: row.id,
    planId: row.planId,
    position: row.position,
    code: row.code,
    name: row.name,
    formulaKey: row.formulaKey,
    unit: row.unit as IndicatorView['unit'],
    direction: row.direction as IndicatorView['direction'],
    description: row.description,
    targets: targets.filter((t) => t.indicatorId === row.id).map((t) => ({ year: t.year, target: t.target })),
    manualValues: manual
      .filter((m) => m.indicatorId === row.id)
      .map((m) => ({
        year: m.year,
        value: m.value,
        source: m.source,
        fileIds: m.fileIds,
        evidence: evidence(m.fileIds),
        enteredByName: m.enteredByName,
        enteredAt: m.enteredAt.toISOString(),
      })),
  };
}

export async function tasksOf(db: DbOrTx, planId: string): Promise<TaskRow[]> {
  return db
    .select()
    .from(planTasks)
    .where(eq(planTasks.planId, planId))
    .orderBy(asc(planTasks.position), asc(planTasks.createdAt));
}

export async function planDetail(db: DbOrTx, id: string, actor: Actor): Promise<PlanDetail> {
  mustRead(actor);
  const plan = await findPlan(db, id);
  const today = localToday();
  const tasks = await tasksOf(db, id);
  const evidence = await evidenceNames(
    db,
    tasks.flatMap((t) => t.fileIds),
  );
  return {
    ...presentPlan(plan),
    indicators: await indicatorsOf(db, id),
    tasks: tasks.map((t) => presentTask(t, today, evidence)),
  };
}

export async function currentPlanDetail(db: DbOrTx, actor: Actor): Promise<PlanDetail> {
  mustRead(actor);
  const current = await currentPlan(db);
  if (!current) throw notFound('plan.no-current');
  return planDetail(db, current.id, actor);
}

export async function listPlans(db: DbOrTx, actor: Actor): Promise<PlanView[]> {
  mustRead(actor);
  return (await db.select().from(plans).orderBy(asc(plans.startYear), asc(plans.createdAt))).map(presentPlan);
}

function checkYears(input: Pick<PlanInput, 'startYear' | 'endYear'>) {
  if (input.endYear < input.startYear) throw badRequest([{ field: '/body/endYear', code: 'plan.endYear' }]);
}

/** Enters a plan; `isCurrent` makes it the one the dashboard follows (the one before stops being current). */
export async function createPlan(
  db: Db,
  input: PlanInput & { isCurrent?: boolean },
  actor: Actor,
): Promise<PlanView> {
  mustEdit(actor);
  checkYears(input);
  return db.transaction(async (tx) => {
    if (input.isCurrent) await tx.update(plans).set({ isCurrent: false }).where(eq(plans.isCurrent, true));
    const [row] = await tx
      .insert(plans)
      .values({ ...planValues(input), isCurrent: input.isCurrent ?? false, createdBy: actor.id })
      .returning();
    await audit(tx, actor, 'create', 'plan', row.id, null, row);
    return presentPlan(row);
  });
}

const planValues = (input: PlanInput) => ({
  title: input.title,
  decisionNumber: input.decisionNumber ?? null,
  decisionDate: input.decisionDate ?? null,
  signer: input.signer ?? null,
  agency: input.agency ?? null,
  startYear: input.startYear,
  endYear: input.endYear,
});

export async function updatePlan(db: Db, id: string, input: PlanInput, actor: Actor): Promise<PlanView> {
  mustEdit(actor);
  checkYears(input);
  return db.transaction(async (tx) => {
    const before = await findPlan(tx, id);
    const [row] = await tx.update(plans).set(planValues(input)).where(eq(plans.id, id)).returning();
    await audit(tx, actor, 'update', 'plan', id, before, row);
    return presentPlan(row);
  });
}

function checkFormula(input: IndicatorInput): FieldError[] {
  if (!input.formulaKey) return [];
  const formula = indicatorFormula(input.formulaKey);
  if (!formula) return [{ field: '/body/formulaKey', code: 'plan.formulaUnknown' }];
  if (formula.unit !== input.unit) return [{ field: '/body/unit', code: 'plan.formulaUnit' }];
  return [];
}

const indicatorValues = (input: IndicatorInput) => ({
  code: input.code,
  name: input.name,
  formulaKey: input.formulaKey ?? null,
  unit: input.unit,
  direction: input.direction,
  description: input.description ?? null,
});

async function codeTaken(db: DbOrTx, planId: string, code: string, except?: string) {
  const rows = await db
    .select({ id: planIndicators.id })
    .from(planIndicators)
    .where(and(eq(planIndicators.planId, planId), eq(planIndicators.code, code)));
  if (rows.some((r) => r.id !== except)) throw conflict('plan.code-taken');
}

export async function createIndicator(
  db: Db,
  planId: string,
  input: IndicatorInput,
  actor: Actor,
): Promise<IndicatorView> {
  mustEdit(actor);
  const errors = checkFormula(input);
  if (errors.length) throw badRequest(errors);
  return db.transaction(async (tx) => {
    await findPlan(tx, planId);
    await codeTaken(tx, planId, input.code);
    const position =
      input.position ??
      Number(
        (
          await tx
            .select({ n: sql<number>`coalesce(max(${planIndicators.position}), 0) + 1` })
            .from(planIndicators)
            .where(eq(planIndicators.planId, planId))
        )[0]?.n ?? 1,
      );
    const [row] = await tx
      .insert(planIndicators)
      .values({ ...indicatorValues(input), planId, position })
      .returning();
    await audit(tx, actor, 'create', 'plan_indicator', row.id, null, row);
    return presentIndicator(row, [], []);
  });
}

export async function updateIndicator(
  db: Db,
  id: string,
  input: IndicatorInput,
  actor: Actor,
): Promise<IndicatorView> {
  mustEdit(actor);
  const errors = checkFormula(input);
  if (errors.length) throw badRequest(errors);
  return db.transaction(async (tx) => {
    const { indicator: before } = await findIndicator(tx, id);
    await codeTaken(tx, before.planId, input.code, id);
    const [row] = await tx
      .update(planIndicators)
      .set({ ...indicatorValues(input), position: input.position ?? before.position })
      .where(eq(planIndicators.id, id))
      .returning();
    await audit(tx, actor, 'update', 'plan_indicator', id, before, row);
    return (await indicatorsOf(tx, row.planId)).find((i) => i.id === id) as IndicatorView;
  });
}

export async function deleteIndicator(db: Db, id: string, actor: Actor): Promise<void> {
  mustEdit(actor);
  await db.transaction(async (tx) => {
    const { indicator: before } = await findIndicator(tx, id);
    const [view] = (await indicatorsOf(tx, before.planId)).filter((i) => i.id === id);
    await tx.delete(planIndicators).where(eq(planIndicators.id, id));
    await audit(tx, actor, 'delete', 'plan_indicator', id, view, null);
  });
}

/** Sets the targets of the years given (a null target removes that year's); years must lie in the plan's period. */
export async function setTargets(
  db: Db,
  id: string,
  input: TargetsInput,
  actor: Actor,
): Promise<IndicatorView> {
  mustEdit(actor);
  return db.transaction(async (tx) => {
    const { indicator, plan } = await findIndicator(tx, id);
    const errors: FieldError[] = input.targets.flatMap((t, i) =>
      t.year < plan.startYear || t.year > plan.endYear
        ? [{ field: `/body/targets/${i}/year`, code: 'plan.yearOutside' }]
        : [],
    );
    if (errors.length) throw badRequest(errors);
    const before = (await indicatorsOf(tx, plan.id)).find((i) => i.id === id)?.targets;
    for (const t of input.targets) {
      if (t.target === null) {
        await tx
          .delete(planTargets)
          .where(and(eq(planTargets.indicatorId, id), eq(planTargets.year, t.year)));
      } else {
        await tx
          .insert(planTargets)
          .values({ indicatorId: id, year: t.year, target: t.target })
          .onConflictDoUpdate({
            target: [planTargets.indicatorId, planTargets.year],
            set: { target: t.target },
          });
      }
    }
    const after = (await indicatorsOf(tx, plan.id)).find((i) => i.id === indicator.id) as IndicatorView;
    await audit(tx, actor, 'update', 'plan_indicator', id, { targets: before }, { targets: after.targets });
    return after;
  });
}

/** Enters (or corrects) the value of a hand-entered indicator for a year, with where the figure comes from. */
export async function setManualValue(
  db: Db,
  id: string,
  input: ManualValueInput,
  actor: Actor,
): Promise<IndicatorView> {
  mustEdit(actor);
  return db.transaction(async (tx) => {
    const { indicator, plan } = await findIndicator(tx, id);
    const errors: FieldError[] = [];
    if (indicator.formulaKey) errors.push({ field: '/body/value', code: 'plan.manualOnly' });
    if (input.year < plan.startYear || input.year > plan.endYear)
      errors.push({ field: '/body/year', code: 'plan.yearOutside' });
    errors.push(...(await checkEvidence(tx, input.fileIds, '/body/fileIds')));
    if (errors.length) throw badRequest(errors);
    const values = {
      value: input.value,
      source: input.source,
      fileIds: input.fileIds,
      enteredBy: actor.id,
      enteredByName: actor.name,
      enteredAt: new Date(),
    };
    const [before] = await tx
      .select()
      .from(planManualValues)
      .where(and(eq(planManualValues.indicatorId, id), eq(planManualValues.year, input.year)));
    const [row] = await tx
      .insert(planManualValues)
      .values({ indicatorId: id, year: input.year, ...values })
      .onConflictDoUpdate({ target: [planManualValues.indicatorId, planManualValues.year], set: values })
      .returning();
    await audit(tx, actor, before ? 'update' : 'create', 'plan_indicator', id, before ?? null, row);
    return (await indicatorsOf(tx, plan.id)).find((i) => i.id === id) as IndicatorView;
  });
}

const taskValues = (input: TaskInput) => ({
  code: input.code ?? null,
  what: input.what,
  who: input.who,
  partners: input.partners ?? null,
  expectedResult: input.expectedResult ?? null,
  deadline: input.deadline ?? null,
  state: input.state,
  fileIds: input.fileIds,
  note: input.note ?? null,
});

export async function createTask(db: Db, planId: string, input: TaskInput, actor: Actor): Promise<TaskView> {
  mustEdit(actor);
  return db.transaction(async (tx) => {
    await findPlan(tx, planId);
    const errors = await checkEvidence(tx, input.fileIds, '/body/fileIds');
    if (errors.length) throw badRequest(errors);
    const position =
      input.position ??
      Number(
        (
          await tx
            .select({ n: sql<number>`coalesce(max(${planTasks.position}), 0) + 1` })
            .from(planTasks)
            .where(eq(planTasks.planId, planId))
        )[0]?.n ?? 1,
      );
    const [row] = await tx
      .insert(planTasks)
      .values({ ...taskValues(input), planId, position })
      .returning();
    await audit(tx, actor, 'create', 'plan_task', row.id, null, row);
    return presentTask(row, localToday(), await evidenceNames(tx, row.fileIds));
  });
}

export async function updateTask(db: Db, id: string, input: TaskInput, actor: Actor): Promise<TaskView> {
  mustEdit(actor);
  return db.transaction(async (tx) => {
    const before = await findTask(tx, id);
    const errors = await checkEvidence(tx, input.fileIds, '/body/fileIds');
    if (errors.length) throw badRequest(errors);
    const [row] = await tx
      .update(planTasks)
      .set({ ...taskValues(input), position: input.position ?? before.position, updatedAt: new Date() })
      .where(eq(planTasks.id, id))
      .returning();
    await audit(tx, actor, 'update', 'plan_task', id, before, row);
    return presentTask(row, localToday(), await evidenceNames(tx, row.fileIds));
  });
}

export async function deleteTask(db: Db, id: string, actor: Actor): Promise<void> {
  mustEdit(actor);
  await db.transaction(async (tx) => {
    const before = await findTask(tx, id);
    await tx.delete(planTasks).where(eq(planTasks.id, id));
    await audit(tx, actor, 'delete', 'plan_task', id, before, null);
  });
}
