import { and, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { signInDevices, signInThrottle } from './accounts.schema.ts';
import type { ThrottleRule } from './sign-in-throttle.ts';

export interface Claim {
  key: string;
  rule: ThrottleRule;
}

/**
 * Admits one attempt under every claim, or none: the rows are locked while the rules decide, so two processes (or
 * two parallel requests) never both take the last free attempt. Returns how long to wait when any rule refuses,
 * and then changes nothing: waiting out a delay is free, hammering during it does not lengthen it.
 */
export async function claimAttempt(db: DbOrTx, claims: Claim[], now = new Date()): Promise<number | null> {
  const keys = claims.map((c) => c.key);
  return db.transaction(async (tx) => {
    await tx
      .insert(signInThrottle)
      .values(keys.map((key) => ({ key, failures: 0, windowStartedAt: now, lastAttemptAt: now })))
      .onConflictDoNothing();
    // always locked in key order, so two requests sharing keys cannot deadlock
    const rows = await tx
      .select()
      .from(signInThrottle)
      .where(inArray(signInThrottle.key, keys))
      .orderBy(signInThrottle.key)
      .for('update');
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const admissions = claims.map((c) => {
      const row = byKey.get(c.key);
      return { key: c.key, admission: c.rule.admit(row && row.failures > 0 ? row : null, now) };
    });
    const waits = admissions.flatMap((a) =>
      'refusedForMs' in a.admission ? [a.admission.refusedForMs] : [],
    );
    if (waits.length) return Math.max(...waits);
    for (const { key, admission } of admissions) {
      if ('next' in admission)
        await tx.update(signInThrottle).set(admission.next).where(eq(signInThrottle.key, key));
    }
    return null;
  });
}

/** A successful sign-in wipes its account's (or browser's) count. */
export async function clearThrottle(db: DbOrTx, key: string) {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

/** The attempt that succeeded is taken back from its address's count; the address's other failures stay. */
export async function forgiveAttempt(db: DbOrTx, key: string) {
  await db
    .update(signInThrottle)
    .set({ failures: sql`greatest(${signInThrottle.failures} - 1, 0)` })
    .where(eq(signInThrottle.key, key));
}

/** Which of these keys are waiting out a delay now (the user list's "locked"). */
export async function delayedKeys(db: DbOrTx, keys: string[], now = new Date()): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db
    .select({ key: signInThrottle.key })
    .from(signInThrottle)
    .where(and(inArray(signInThrottle.key, keys), gt(signInThrottle.notBefore, now)));
  return new Set(rows.map((r) => r.key));
}

export async function findDevice(db: DbOrTx, tokenHash: string, accountKey: string) {
  const [row] = await db
    .select()
    .from(signInDevices)
    .where(and(eq(signInDevices.tokenHash, tokenHash), eq(signInDevices.accountKey, accountKey)));
  return row ?? null;
}

export async function rememberDevice(db: DbOrTx, tokenHash: string, accountKey: string) {
  await db
    .insert(signInDevices)
    .values({ tokenHash, accountKey })
    .onConflictDoUpdate({
      target: [signInDevices.tokenHash, signInDevices.accountKey],
      set: { lastSeenAt: new Date() },
    });
}

/** Counts nobody has touched for a day and browsers unseen for half a year are dropped. */
export async function sweepThrottle(db: DbOrTx, now = new Date()) {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60_000);
  await db
    .delete(signInThrottle)
    .where(
      and(
        lt(signInThrottle.lastAttemptAt, dayAgo),
        or(isNull(signInThrottle.notBefore), lt(signInThrottle.notBefore, now)),
      ),
    );
  const halfYearAgo = new Date(now.getTime() - 183 * 24 * 60 * 60_000);
  await db.delete(signInDevices).where(lt(signInDevices.lastSeenAt, halfYearAgo));
}
