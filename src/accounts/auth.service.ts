import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../platform/auth.ts';
import type { Db, DbOrTx } from '../platform/db.ts';
import { defineMessages } from '../platform/i18n.ts';
import { badRequest, Problem } from '../platform/problem.ts';
import { sessionLifetimeMs } from './resolve-actor.ts';
import { burnPasswordCheck, hashPassword, randomToken, sha256, verifyPassword } from './secrets.ts';
import {
  deleteExpiredSessionsOf,
  deleteSession,
  deleteUserSessions,
  insertSession,
} from './sessions.repo.ts';
import {
  findUserByEmail,
  findUserById,
  noteFailedSignIn,
  noteSuccessfulSignIn,
  type UserRow,
  updateUser,
} from './users.repo.ts';

/** After this many wrong passwords in a row the account is locked for `lockMs`. */
export const maxFailedAttempts = 5;
export const lockMs = 15 * 60 * 1000;
export const minPasswordLength = 10;

export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRow;
}

export async function signIn(
  db: Db,
  input: { email: string; password: string; ip?: string; userAgent?: string },
): Promise<SignedIn> {
  const user = await findUserByEmail(db, input.email.trim());
  if (!user) {
    await burnPasswordCheck(input.password);
    throw new Problem(401, 'accounts.sign-in-failed');
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    throw new Problem(423, 'accounts.locked', {
      params: { until: user.lockedUntil.toISOString() },
      headers: { 'retry-after': String(Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000)) },
    });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const after = await noteFailedSignIn(db, user.id, maxFailedAttempts, lockMs);
    if (after.lockedUntil && after.failedAttempts >= maxFailedAttempts) {
      await recordAudit(db, {
        actor: null,
        action: 'lock',
        entityType: 'user',
        entityId: user.id,
        after: { failedAttempts: after.failedAttempts },
      });
    }
    throw new Problem(401, 'accounts.sign-in-failed');
  }
  if (user.disabled) throw new Problem(403, 'accounts.disabled');
  await noteSuccessfulSignIn(db, user.id);
  return openSession(db, user, input);
}

/** Starts a session for a person whose identity is already established (sign-in, a fresh registration). */
export async function openSession(
  db: DbOrTx,
  user: UserRow,
  client: { ip?: string; userAgent?: string },
): Promise<SignedIn> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + sessionLifetimeMs);
  await deleteExpiredSessionsOf(db, user.id);
  await insertSession(db, {
    tokenHash: sha256(token),
    userId: user.id,
    csrfToken,
    expiresAt,
    ip: client.ip ?? null,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt, user };
}

export const signOut = (db: Db, sessionId: string) => deleteSession(db, sessionId);

export const signOutEverywhere = (db: Db, userId: string) => deleteUserSessions(db, userId);

/** Changing one's password ends every other session: whoever else knew the old one is out. */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; sessionId: string | null },
): Promise<number> {
  if (actor.kind !== 'user') throw new Problem(403, 'accounts.people-only');
  checkPasswordStrength(input.newPassword, '/body/newPassword');
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, actor.id, { forUpdate: true });
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw badRequest([{ field: '/body/currentPassword', code: 'accounts.wrongPassword' }]);
    }
    await updateUser(tx, user.id, {
      passwordHash: await hashPassword(input.newPassword),
      passwordChangedAt: new Date(),
    });
    const ended = await deleteUserSessions(tx, user.id, input.sessionId ?? undefined);
    await recordAudit(tx, { actor, action: 'change-password', entityType: 'user', entityId: user.id });
    return ended;
  });
}

export function checkPasswordStrength(password: string, field: string) {
  if (password.length < minPasswordLength || !/\D/.test(password) || new Set(password).size < 4) {
    throw badRequest([{ field, code: 'accounts.weakPassword', params: { minimum: minPasswordLength } }]);
  }
}

defineMessages({
  'problem.accounts.sign-in-failed': { vi: 'Email hoặc mật khẩu không đúng', en: 'Wrong email or password' },
  'problem.accounts.locked': {
    vi: 'Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần, thử lại sau {until}',
    en: 'The account is locked after too many wrong passwords; try again after {until}',
  },
  'problem.accounts.no-session': {
    vi: 'Yêu cầu này không đi kèm phiên đăng nhập nào',
    en: 'This request carries no session to end',
  },
  'problem.accounts.disabled': { vi: 'Tài khoản đã bị vô hiệu hóa', en: 'The account is disabled' },
  'problem.accounts.people-only': {
    vi: 'Chỉ người dùng đăng nhập mới làm được việc này, khóa API thì không',
    en: 'Only a signed-in person can do this, not an API key',
  },
  'accounts.wrongPassword': { vi: 'mật khẩu hiện tại không đúng', en: 'the current password is wrong' },
  'accounts.weakPassword': {
    vi: 'mật khẩu cần ít nhất {minimum} ký tự, không chỉ gồm chữ số',
    en: 'the password needs at least {minimum} characters, not only digits',
  },
});
