import { eq } from 'drizzle-orm';
import { registerAuditSubject } from '../audit/index.ts';
import type { DbOrTx } from '../platform/index.ts';
import { planIndicators, plans, planTasks } from './plan.schema.ts';

/** The audit log names the plan's records as people know them: the plan's title, an indicator's code and name. */
registerAuditSubject('plan', async (db: DbOrTx, id: string) => {
  const [row] = await db.select({ title: plans.title }).from(plans).where(eq(plans.id, id));
  return row?.title ?? null;
});
registerAuditSubject('plan_indicator', async (db: DbOrTx, id: string) => {
  const [row] = await db
    .select({ code: planIndicators.code, name: planIndicators.name })
    .from(planIndicators)
    .where(eq(planIndicators.id, id));
  return row ? `Chỉ tiêu ${row.code}: ${row.name}` : null;
});
registerAuditSubject('plan_task', async (db: DbOrTx, id: string) => {
  const [row] = await db.select({ what: planTasks.what }).from(planTasks).where(eq(planTasks.id, id));
  return row ? `Nhiệm vụ: ${row.what}` : null;
});
