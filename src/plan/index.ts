import type { FastifyInstance } from 'fastify';
import './plan.messages.ts';
import './plan.policy.ts';
import './builtin-formulas.ts';
import { planRoutes } from './plan.routes.ts';

export { evaluatePlan } from './evaluation.ts';
// The plan's front door (docs/architecture.md): indicator formulas are registered here by the modules owning the data.
export {
  type FormulaResult,
  type IndicatorFormula,
  indicatorFormula,
  indicatorFormulas,
  once,
  type Period,
  registerIndicatorFormula,
  type Shared,
} from './formula.ts';
export { yearPeriod } from './period.ts';
export type {
  EvaluatedIndicator,
  IndicatorInput,
  IndicatorView,
  ManualValueInput,
  PlanEvaluation,
  PlanInput,
  PlanView,
  TaskInput,
  TaskView,
} from './plan.api.ts';
export {
  createIndicator,
  createPlan,
  createTask,
  currentPlan,
  setManualValue,
  setTargets,
  updateTask,
} from './plan.service.ts';

/** The province's plan: indicators (computed or entered by hand) with yearly targets, and its tasks. */
export default async function plan(app: FastifyInstance) {
  await app.register(planRoutes);
}
