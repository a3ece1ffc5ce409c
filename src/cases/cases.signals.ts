import { and, eq, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/index.ts';
import type { DbOrTx, Tx } from '../platform/index.ts';
import { caseSignals, caseSteps, cases } from './cases.schema.ts';

export type CaseSubject =
  | { type: 'organisation'; organisationId: string }
  | { type: 'product'; organisationId: string; productId: string }
  | { type: 'lot'; organisationId: string; lotId: string }
  | { type: 'stamp_range'; organisationId: string; gtin: string; firstSerial: number; lastSerial: number };

export interface Signal {
  source: 'consumer_report' | 'inspection' | 'scan' | `check:${string}`; // check:mass_balance, check:timeline, ...
  subject: CaseSubject;
  summary: string; // one plain Vietnamese sentence a department officer understands
  evidence: Record<string, unknown>; // figures, ids of events/reports/visits behind it
  dedupeKey: string; // same key again = the same signal updated (count, lastSeenAt), not a new one
  at?: Date;
}

/** The one text a subject is known by: signals with the same key land in the same open case. */
export function subjectKey(subject: CaseSubject): string {
  switch (subject.type) {
    case 'organisation':
      return `organisation:${subject.organisationId}`;
    case 'product':
      return `product:${subject.organisationId}:${subject.productId}`;
    case 'lot':
      return `lot:${subject.organisationId}:${subject.lotId}`;
    case 'stamp_range':
      return `stamp_range:${subject.organisationId}:${subject.gtin}:${subject.firstSerial}-${subject.lastSerial}`;
  }
}

const isTransaction = (db: DbOrTx): db is Tx => typeof (db as Tx).rollback === 'function';

/** Any constant: the advisory lock class that keeps one open case per subject when signals arrive at once. */
const subjectLockClass = 7_346_012;

/**
 * Records the signal and attaches it to the open case of that subject (opening one in state 'triage' if none);
 * runs inside the caller's transaction when given one. Idempotent per dedupeKey: the same key again counts the
 * signal once more and moves its lastSeenAt, whatever case it is in (a closed case keeps it: no new case).
 */
export async function raiseSignal(
  db: DbOrTx,
  signal: Signal,
): Promise<{ caseId: string; signalId: string; created: boolean }> {
  if (!isTransaction(db)) return db.transaction((tx) => raiseSignal(tx, signal));
  const at = signal.at ?? new Date();
  const key = subjectKey(signal.subject);
  // one writer per subject and per key at a time: two reports of one stamp arriving together fold, not fork
  await db.execute(sql`SELECT pg_advisory_xact_lock(${subjectLockClass}, hashtext(${key}))`);
  await db.execute(sql`SELECT pg_advisory_xact_lock(${subjectLockClass + 1}, hashtext(${signal.dedupeKey}))`);

  const [known] = await db.select().from(caseSignals).where(eq(caseSignals.dedupeKey, signal.dedupeKey));
  if (known) {
    await db
      .update(caseSignals)
      .set({
        count: sql`${caseSignals.count} + 1`,
        lastSeenAt: sql`greatest(${caseSignals.lastSeenAt}, ${at.toISOString()}::timestamptz)`,
        summary: signal.summary,
        evidence: signal.evidence,
      })
      .where(eq(caseSignals.id, known.id));
    await db.update(cases).set({ updatedAt: new Date() }).where(eq(cases.id, known.caseId));
    return { caseId: known.caseId, signalId: known.id, created: false };
  }

  let [open] = await db
    .select({ id: cases.id, state: cases.state })
    .from(cases)
    .where(and(eq(cases.subjectKey, key), ne(cases.state, 'closed')))
    .limit(1);
  if (!open) {
    const s = signal.subject;
    const [row] = await db
      .insert(cases)
      .values({
        subjectType: s.type,
        subjectKey: key,
        organisationId: s.organisationId,
        productId: s.type === 'product' ? s.productId : null,
        lotId: s.type === 'lot' ? s.lotId : null,
        gtin: s.type === 'stamp_range' ? s.gtin : null,
        firstSerial: s.type === 'stamp_range' ? s.firstSerial : null,
        lastSerial: s.type === 'stamp_range' ? s.lastSerial : null,
        state: 'triage',
        openedAt: at,
        updatedAt: at,
      })
      .returning();
    open = { id: row.id, state: row.state };
    await db
      .insert(caseSteps)
      .values({ caseId: row.id, kind: 'opened', toState: 'triage', note: signal.summary, at });
    await recordAudit(db, {
      actor: null,
      action: 'open',
      entityType: 'case',
      entityId: row.id,
      organisationId: s.organisationId,
      after: { state: 'triage', subject: key, source: signal.source },
    });
  } else {
    await db.update(cases).set({ updatedAt: new Date() }).where(eq(cases.id, open.id));
  }
  const [inserted] = await db
    .insert(caseSignals)
    .values({
      caseId: open.id,
      source: signal.source,
      summary: signal.summary,
      evidence: signal.evidence,
      dedupeKey: signal.dedupeKey,
      firstSeenAt: at,
      lastSeenAt: at,
    })
    .returning({ id: caseSignals.id });
  await recordAudit(db, {
    actor: null,
    action: 'signal',
    entityType: 'case',
    entityId: open.id,
    organisationId: signal.subject.organisationId,
    after: { source: signal.source, summary: signal.summary, dedupeKey: signal.dedupeKey },
  });
  return { caseId: open.id, signalId: inserted.id, created: true };
}
