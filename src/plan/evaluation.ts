import { eq } from 'drizzle-orm';
import type { Actor, DbOrTx, Lang } from '../platform/index.ts';
import { badRequest, forbidden, localToday, notFound } from '../platform/index.ts';
import { type FormulaResult, indicatorFormula, type Period, type Shared } from './formula.ts';
import type { EvaluatedIndicator, IndicatorView, PlanEvaluation } from './plan.api.ts';
import { mayReadPlan } from './plan.policy.ts';
import { plans } from './plan.schema.ts';
import { indicatorsOf, isOverdue, presentPlan, tasksOf } from './plan.service.ts';

const manualWords = {
  vi: (source: string | null) =>
    source ? `Số liệu nhập tay, nguồn: ${source}` : 'Số liệu nhập tay (chưa nhập cho năm này)',
  en: (source: string | null) =>
    source ? `Entered by hand, source: ${source}` : 'Entered by hand (none for this year yet)',
};

function met(value: number | null, target: number | null, direction: IndicatorView['direction']) {
  if (value === null || target === null) return null;
  return direction === 'at_most' ? value <= target : value >= target;
}

async function evaluateIndicator(
  db: DbOrTx,
  indicator: IndicatorView,
  period: Period,
  lang: Lang,
  shared: Shared,
): Promise<EvaluatedIndicator> {
  const year = Number(period.to.slice(0, 4));
  const target = indicator.targets.find((t) => t.year === year)?.target ?? null;
  const base = {
    id: indicator.id,
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    formulaKey: indicator.formulaKey,
    target,
  };
  if (indicator.formulaKey) {
    const formula = indicatorFormula(indicator.formulaKey);
    // a formula whose module is not loaded (or was withdrawn) leaves the figure missing, never a wrong one
    if (!formula)
      return { ...base, describe: indicator.description ?? '', value: null, source: 'missing', met: null };
    const result: FormulaResult = await formula.compute(db, period, shared);
    // a share of nothing is no figure: 0 of 0 organisations is not 0 %
    const value = indicator.unit === 'percent' && result.denominator === 0 ? null : result.value;
    return {
      ...base,
      describe: formula.describe[lang],
      value,
      ...(result.numerator !== undefined ? { numerator: result.numerator } : {}),
      ...(result.denominator !== undefined ? { denominator: result.denominator } : {}),
      source: 'computed',
      met: met(value, target, indicator.direction),
    };
  }
  const manual = indicator.manualValues.find((m) => m.year === year);
  if (!manual)
    return { ...base, describe: manualWords[lang](null), value: null, source: 'missing', met: null };
  return {
    ...base,
    describe: manualWords[lang](manual.source),
    value: manual.value,
    source: 'manual',
    manualSource: manual.source,
    met: met(manual.value, target, indicator.direction),
  };
}

/**
 * The plan measured over a period: each indicator's value (computed by its formula over the data as it stood at
 * the end of `period.to`, or the value entered by hand for that year) beside the target of `period.to`'s year, and
 * the tasks with their state (overdue as of the period's end, or today if that is sooner).
 */
export async function evaluatePlan(
  db: DbOrTx,
  planId: string,
  period: Period,
  lang: Lang = 'vi',
  shared: Shared = new Map(),
): Promise<PlanEvaluation> {
  if (period.to < period.from) throw badRequest([{ field: '/querystring/to', code: 'plan.periodOrder' }]);
  const [row] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!row) throw notFound('plan.not-found');
  const plan = presentPlan(row);
  const indicators = [];
  // one after another: the formulas are set-based statements, and the machine's database is shared
  for (const i of await indicatorsOf(db, planId))
    indicators.push(await evaluateIndicator(db, i, period, lang, shared));
  const today = localToday();
  const asOf = [period.to, today].sort()[0];
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      decisionNumber: plan.decisionNumber,
      decisionDate: plan.decisionDate,
      startYear: plan.startYear,
      endYear: plan.endYear,
    },
    period: { from: period.from, to: period.to },
    indicators,
    tasks: (await tasksOf(db, planId)).map((t) => ({
      id: t.id,
      what: t.what,
      who: t.who,
      deadline: t.deadline,
      state: t.state as PlanEvaluation['tasks'][number]['state'],
      overdue: isOverdue(t, asOf),
      evidenceCount: t.fileIds.length,
    })),
  };
}

/** The same, for a reader of the plan (the route). */
export async function evaluatePlanFor(db: DbOrTx, planId: string, period: Period, actor: Actor, lang: Lang) {
  if (!mayReadPlan(actor)) throw forbidden();
  return evaluatePlan(db, planId, period, lang);
}
