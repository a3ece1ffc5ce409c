import { currentPlan, evaluatePlan, type Shared } from '../plan/index.ts';
import type { DbOrTx } from '../platform/index.ts';
import type { ReportContent } from './reports.api.ts';

type PlanPart = Pick<ReportContent, 'plan' | 'indicators' | 'tasks'>;

/** The plan a new report follows when none is named: the one in force (null when the province has none). */
export async function planInForce(db: DbOrTx): Promise<string | null> {
  const plan = await currentPlan(db);
  return plan?.id ?? null;
}

/** The plan's indicators (value against target) and tasks over the period, as the report shows them. */
export async function planPart(
  db: DbOrTx,
  planId: string | null,
  from: string,
  to: string,
  shared?: Shared,
): Promise<PlanPart> {
  if (!planId) return { plan: null, indicators: [], tasks: [] };
  const e = await evaluatePlan(db, planId, { from, to }, 'vi', shared);
  return {
    plan: {
      id: e.plan.id,
      title: e.plan.title,
      decisionNumber: e.plan.decisionNumber ?? null,
      decisionDate: e.plan.decisionDate ?? null,
      startYear: e.plan.startYear,
      endYear: e.plan.endYear,
    },
    indicators: e.indicators.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      describe: i.describe ?? null,
      target: i.target ?? null,
      value: i.value ?? null,
      numerator: i.numerator ?? null,
      denominator: i.denominator ?? null,
      source: i.source,
      manualSource: i.manualSource ?? null,
      met: i.met ?? null,
    })),
    tasks: e.tasks.map((t) => ({
      id: t.id,
      what: t.what,
      who: t.who,
      deadline: t.deadline ?? null,
      state: t.state,
      overdue: t.overdue,
      evidenceCount: t.evidenceCount,
    })),
  };
}
