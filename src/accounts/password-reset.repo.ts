import { and, eq, gt, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { passwordResetTokens } from './accounts.schema.ts';

export async function insertResetToken(db: DbOrTx, values: typeof passwordResetTokens.$inferInsert) {
  await db.insert(passwordResetTokens).values(values);
}

/**
 * Takes a live token out of the table and answers whose it was: deleting it is what makes it single-use, also
 * when two requests present it at once (only one of them gets the row back).
 */
export async function takeResetToken(db: DbOrTx, tokenHash: string): Promise<string | null> {
  const [row] = await db
    .delete(passwordResetTokens)
    .where(and(eq(passwordResetTokens.tokenHash, tokenHash), gt(passwordResetTokens.expiresAt, new Date())))
    .returning({ userId: passwordResetTokens.userId });
  return row?.userId ?? null;
}

/** Once a password is set, no older link may set another; expired links of anyone go with them. */
export async function deleteResetTokensOf(db: DbOrTx, userId: string) {
  await db
    .delete(passwordResetTokens)
    .where(or(eq(passwordResetTokens.userId, userId), lt(passwordResetTokens.expiresAt, new Date())));
}
