import { desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import type { Actor, Db, DbOrTx } from '../platform/index.ts';
import type { Check } from './check.ts';
import { type CheckRunView, checkRuns } from './checks.schema.ts';
import type { RaiseSignal } from './contract.ts';

let raise: RaiseSignal | null = null;

/**
 * The program hands the cases module's `raiseSignal` here when both are loaded (checks do not import cases);
 * without it a run still records its findings' count and first summaries.
 */
export function connectCaseSignals(raiseSignal: RaiseSignal | null): void {
  raise = raiseSignal;
}

/** The advisory lock key of a check: one 64-bit number per name, the same in every process. */
export const lockKey = (name: string) => sql`hashtextextended(${`txng:check:${name}`}, 0)`;

export interface RunOptions {
  trigger: 'schedule' | 'manual';
  /** The person who asked (an on-demand run); the audit entry names them. */
  actor?: Actor | null;
  now?: Date;
  /** A scheduled run is skipped when the check last started less than this many ms ago (another process ran it). */
  minGapMs?: number;
}

/**
 * Runs one check in one transaction that holds its advisory lock (`pg_try_advisory_xact_lock`): a second process
 * asking at the same moment gets `ran: false` and does nothing. Findings become signals in the same transaction,
 * so a run's signals and its record land together; a failing check rolls back and is recorded with its error.
 */
export async function runCheck(
  db: Db,
  check: Check,
  opts: RunOptions,
): Promise<{ ran: boolean; run: CheckRunView | null }> {
  const now = opts.now ?? new Date();
  const startedAt = new Date();
  let outcome: { ran: boolean; run: CheckRunView | null };
  try {
    outcome = await db.transaction(async (tx) => {
      const locked = await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${lockKey(check.name)}) AS ok`);
      if (!(locked as unknown as { rows: { ok: boolean }[] }).rows[0]?.ok) return { ran: false, run: null };
      if (opts.minGapMs) {
        const [last] = await tx
          .select({ startedAt: checkRuns.startedAt })
          .from(checkRuns)
          .where(eq(checkRuns.check, check.name))
          .orderBy(desc(checkRuns.startedAt))
          .limit(1);
        if (last && startedAt.getTime() - last.startedAt.getTime() < opts.minGapMs)
          return { ran: false, run: null };
      }
      const findings = await check.run(tx, { now });
      let created = 0;
      if (raise)
        for (const f of findings) {
          const r = await raise(tx, { ...f, source: `check:${check.name}`, at: f.at ?? now });
          if (r.created) created++;
        }
      const [row] = await tx
        .insert(checkRuns)
        .values({
          check: check.name,
          trigger: opts.trigger,
          requestedBy: opts.actor?.id ?? null,
          startedAt,
          finishedAt: new Date(),
          findings: findings.length,
          signalsCreated: raise ? created : null,
          sample: findings.slice(0, 20).map((f) => f.summary),
        })
        .returning();
      await recordAudit(tx, {
        actor: opts.actor ?? null,
        action: 'run',
        entityType: 'check_run',
        entityId: row.id,
        after: { check: check.name, trigger: opts.trigger, findings: findings.length },
      });
      return { ran: true, run: runView(row) };
    });
  } catch (error) {
    const [row] = await db
      .insert(checkRuns)
      .values({
        check: check.name,
        trigger: opts.trigger,
        requestedBy: opts.actor?.id ?? null,
        startedAt,
        finishedAt: new Date(),
        error: error instanceof Error ? error.message.slice(0, 2000) : String(error),
      })
      .returning();
    outcome = { ran: true, run: runView(row) };
  }
  return outcome;
}

export function runView(r: typeof checkRuns.$inferSelect): CheckRunView {
  return {
    id: r.id,
    check: r.check,
    trigger: r.trigger as 'schedule' | 'manual',
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    durationMs: r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
    findings: r.findings,
    signalsCreated: r.signalsCreated,
    sample: r.sample,
    error: r.error,
  };
}

/** The latest run of each check. */
export async function lastRuns(db: DbOrTx): Promise<Map<string, CheckRunView>> {
  const latest = await db
    .selectDistinctOn([checkRuns.check])
    .from(checkRuns)
    .orderBy(checkRuns.check, desc(checkRuns.startedAt));
  return new Map(latest.map((r) => [r.check, runView(r)]));
}

/**
 * The in-server scheduler: every `intervalMs`, each check in turn, skipped where another process ran it within
 * half the interval. Returns a stop function (the server calls it on close).
 */
export function startScheduler(
  db: Db,
  checks: () => Check[],
  intervalMs: number,
  log?: (msg: string) => void,
): () => void {
  let stopped = false;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (stopped || running) return;
    running = (async () => {
      for (const check of checks()) {
        if (stopped) break;
        const r = await runCheck(db, check, { trigger: 'schedule', minGapMs: intervalMs / 2 });
        if (r.run?.error) log?.(`check ${check.name} failed: ${r.run.error}`);
      }
    })()
      .catch((e) => log?.(`checks scheduler: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  const first = setTimeout(tick, Math.min(intervalMs, 60_000));
  first.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
    clearTimeout(first);
  };
}
