import { recordAudit } from '../audit/index.ts';
import {
  type Actor,
  badRequest,
  type Db,
  type DbOrTx,
  defineMessages,
  forbidden,
  type Mail,
  notFound,
} from '../platform/index.ts';
import { canManageUser, canResetPasswords, type PersonRole } from './accounts.policy.ts';
import { liftDelay, slowDown } from './auth.service.ts';
import { checkPassword } from './password-policy.ts';
import { resetLink, resetMail } from './password-reset.mail.ts';
import { deleteResetTokensOf, insertResetToken, takeResetToken } from './password-reset.repo.ts';
import { actorOfUser } from './resolve-actor.ts';
import { hashPassword, randomToken, sha256 } from './secrets.ts';
import { deleteUserSessions } from './sessions.repo.ts';
import { claimAttempt, clearThrottle, forgiveAttempt } from './sign-in-throttle.repo.ts';
import {
  addressWindow,
  normaliseEmail,
  progressiveDelay,
  resetAccountKey,
  resetAddressKey,
} from './sign-in-throttle.ts';
import { findUserByEmail, findUserById, type UserRow, updateUser } from './users.repo.ts';

export const resetLinkLifetimeMs = 60 * 60_000;

/** A mail to send, and the link it carries (logged when the mail is only written to a file). */
export type ResetMail = Mail & { link: string };

async function issueResetLink(
  db: DbOrTx,
  user: UserRow,
  requestedBy: Actor | null,
  baseUrl: string,
): Promise<ResetMail> {
  const token = randomToken();
  await insertResetToken(db, {
    tokenHash: sha256(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + resetLinkLifetimeMs),
    requestedBy: requestedBy?.id ?? null,
  });
  const link = resetLink(baseUrl, token);
  const mail = resetMail(user, link, {
    byDepartment: requestedBy !== null,
    lifetimeMinutes: resetLinkLifetimeMs / 60_000,
  });
  return { ...mail, link };
}

/**
 * A forgotten password: a link for an account that exists and is enabled, nothing otherwise, and the same answer
 * either way (the caller sends the mail after answering, so its time says nothing either). Requests count under
 * the typed e-mail and the address with the sign-in curves (decision 031), on keys of their own.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; ip: string },
  baseUrl: string,
): Promise<ResetMail | null> {
  const email = normaliseEmail(input.email);
  const waitMs = await claimAttempt(db, [
    { key: resetAccountKey(email), rule: progressiveDelay },
    { key: resetAddressKey(input.ip), rule: addressWindow },
  ]);
  if (waitMs !== null) throw slowDown('accounts.reset-slow-down', waitMs);
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled) return null;
  return issueResetLink(db, user, null, baseUrl);
}

/**
 * Sets a new password with a link's token: the token is spent only when the password is accepted, and ends every
 * session of the account. Wrong tokens count against the address like failed sign-ins.
 */
export async function resetPassword(
  db: Db,
  input: { token: string; newPassword: string; ip: string; demo: boolean },
): Promise<number> {
  const address = resetAddressKey(input.ip);
  const waitMs = await claimAttempt(db, [{ key: address, rule: addressWindow }]);
  if (waitMs !== null) throw slowDown('accounts.reset-slow-down', waitMs);
  const ended = await db.transaction(async (tx) => {
    const userId = await takeResetToken(tx, sha256(input.token));
    const user = userId && (await findUserById(tx, userId, { forUpdate: true }));
    if (!user) throw badRequest([{ field: '/body/token', code: 'accounts.resetLinkInvalid' }]);
    // a refused password rolls the transaction back: the link still works for a better one
    checkPassword(
      input.newPassword,
      { email: user.email, name: user.name, demo: input.demo },
      '/body/newPassword',
    );
    await setPassword(tx, user, input.newPassword, { temporary: false });
    await recordAudit(tx, {
      actor: actorOfUser(user),
      action: 'reset-password',
      entityType: 'user',
      entityId: user.id,
      organisationId: user.organisationId,
      after: { by: 'link' },
    });
    return deleteUserSessions(tx, user.id);
  });
  await forgiveAttempt(db, address);
  return ended;
}

/** A new password: older links die with the old one, and a running sign-in delay is lifted. */
async function setPassword(tx: DbOrTx, user: UserRow, password: string, opts: { temporary: boolean }) {
  await updateUser(tx, user.id, {
    passwordHash: await hashPassword(password),
    passwordChangedAt: new Date(),
    mustChangePassword: opts.temporary,
  });
  await deleteResetTokensOf(tx, user.id);
  await liftDelay(tx, user.email);
  await clearThrottle(tx, resetAccountKey(user.email));
}

export type AdminReset = { method: 'mail' } | { method: 'temporary-password'; password: string };

/**
 * The department resets someone's password: a temporary one, to be changed at the next sign-in, or a reset link
 * by mail. Owners manage their staff but reset nobody's password.
 */
export async function resetPasswordByAdmin(
  db: Db,
  id: string,
  reset: AdminReset,
  actor: Actor,
  opts: { demo: boolean; baseUrl: string },
): Promise<{ sessionsEnded: number; mail: ResetMail | null }> {
  if (!canResetPasswords(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, id, { forUpdate: true });
    if (!user || !canManageUser(actor, user as UserRow & { role: PersonRole }))
      throw notFound('accounts.user-not-found');
    let mail: ResetMail | null = null;
    if (reset.method === 'temporary-password') {
      checkPassword(
        reset.password,
        { email: user.email, name: user.name, demo: opts.demo },
        '/body/password',
      );
      await setPassword(tx, user, reset.password, { temporary: true });
    } else {
      mail = await issueResetLink(tx, user, actor, opts.baseUrl);
    }
    // a link changes nothing until it is used (and ends the sessions then); a temporary password ends them now
    const sessionsEnded = mail ? 0 : await deleteUserSessions(tx, user.id);
    await recordAudit(tx, {
      actor,
      action: 'reset-password',
      entityType: 'user',
      entityId: user.id,
      organisationId: user.organisationId,
      after: { by: reset.method },
    });
    return { sessionsEnded, mail };
  });
}

defineMessages({
  'problem.accounts.reset-slow-down': {
    vi: 'Đã yêu cầu đặt lại mật khẩu quá nhiều lần; hãy thử lại sau {seconds} giây',
    en: 'Too many password reset requests; try again in {seconds} s',
  },
  'accounts.resetLinkInvalid': {
    vi: 'liên kết đặt lại mật khẩu không đúng, đã dùng hoặc đã hết hạn; hãy yêu cầu liên kết mới',
    en: 'the reset link is wrong, used or expired; ask for a new one',
  },
});
