import { recordAudit } from '../audit/index.ts';
import { type Actor, badRequest, type Db, type DbOrTx, defineMessages, Problem } from '../platform/index.ts';
import { checkPassword } from './password-policy.ts';
import { deleteResetTokensOf } from './password-reset.repo.ts';
import { sessionLifetimeMs } from './resolve-actor.ts';
import { burnPasswordCheck, hashPassword, randomToken, sha256, verifyPassword } from './secrets.ts';
import {
  deleteExpiredSessionsOf,
  deleteSession,
  deleteUserSessions,
  insertSession,
} from './sessions.repo.ts';
import {
  claimAttempt,
  clearThrottle,
  delayedKeys,
  findDevice,
  forgiveAttempt,
  rememberDevice,
  sweepThrottle,
} from './sign-in-throttle.repo.ts';
import {
  accountKey,
  addressKey,
  addressWindow,
  deviceKey,
  normaliseEmail,
  progressiveDelay,
} from './sign-in-throttle.ts';
import {
  findUserByEmail,
  findUserById,
  noteSuccessfulSignIn,
  type UserRow,
  updateUser,
} from './users.repo.ts';

export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRow;
}

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  userAgent?: string;
  /** The `txng_device` cookie, when the browser has one. */
  deviceToken?: string | null;
}

/**
 * Email and password to a session, behind the throttle of docs/decisions/031-sign-in-throttling.md. Whether the
 * address names an account or not, the answer, the delay curve and the work done (one argon2 verification) are
 * the same; an attempt made while a delay runs is refused before any password is looked at.
 */
export async function signIn(db: Db, input: SignInInput): Promise<SignedIn & { deviceToken: string }> {
  const email = normaliseEmail(input.email);
  const account = accountKey(email);
  // only a token of the shape this program issues is looked up
  const presented = input.deviceToken && /^[\w-]{32,64}$/.test(input.deviceToken) ? input.deviceToken : null;
  const deviceHash = presented ? sha256(presented) : null;
  // a browser that signed in to this account before counts its failures apart from everyone else's
  const known = deviceHash && (await findDevice(db, deviceHash, account));
  const personal = known ? deviceKey(deviceHash) : account;
  const address = addressKey(input.ip);
  await sweepNowAndThen(db);
  const waitMs = await claimAttempt(db, [
    { key: personal, rule: progressiveDelay },
    { key: address, rule: addressWindow },
  ]);
  if (waitMs !== null) throw slowDown('accounts.slow-down', waitMs);

  const user = await findUserByEmail(db, email);
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await burnPasswordCheck(input.password);
  if (!user || !passwordOk) throw new Problem(401, 'accounts.sign-in-failed');
  await clearThrottle(db, personal);
  await forgiveAttempt(db, address);
  if (user.disabled) throw new Problem(403, 'accounts.disabled');

  const deviceToken = presented ?? randomToken();
  await rememberDevice(db, sha256(deviceToken), account);
  await noteSuccessfulSignIn(db, user.id);
  return { ...(await openSession(db, user, input)), deviceToken };
}

/** 429 with the wait in seconds, in the body and in Retry-After. */
export function slowDown(code: string, waitMs: number) {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new Problem(429, code, { params: { seconds }, headers: { 'retry-after': String(seconds) } });
}

let lastSweep = 0;
/** Old counts are dropped by sign-ins themselves, at most every ten minutes per process. */
async function sweepNowAndThen(db: Db) {
  if (Date.now() - lastSweep < 10 * 60_000) return;
  lastSweep = Date.now();
  await sweepThrottle(db);
}

/** Whether each of these accounts is waiting out a sign-in delay now. */
export async function delayedEmails(db: DbOrTx, emails: string[]): Promise<Set<string>> {
  const delayed = await delayedKeys(db, emails.map(accountKey));
  return new Set(emails.filter((e) => delayed.has(accountKey(e))));
}

/** An administrator lifts the delay of an account's e-mail; its known browsers keep counts of their own. */
export const liftDelay = (db: DbOrTx, email: string) => clearThrottle(db, accountKey(email));

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
  input: { currentPassword: string; newPassword: string; sessionId: string | null; demo: boolean },
): Promise<number> {
  if (actor.kind !== 'user') throw new Problem(403, 'accounts.people-only');
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, actor.id, { forUpdate: true });
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw badRequest([{ field: '/body/currentPassword', code: 'accounts.wrongPassword' }]);
    }
    checkPassword(
      input.newPassword,
      { email: user.email, name: user.name, demo: input.demo },
      '/body/newPassword',
    );
    await updateUser(tx, user.id, {
      passwordHash: await hashPassword(input.newPassword),
      passwordChangedAt: new Date(),
      mustChangePassword: false,
    });
    await deleteResetTokensOf(tx, user.id);
    const ended = await deleteUserSessions(tx, user.id, input.sessionId ?? undefined);
    await recordAudit(tx, { actor, action: 'change-password', entityType: 'user', entityId: user.id });
    return ended;
  });
}

defineMessages({
  'problem.accounts.sign-in-failed': { vi: 'Email hoặc mật khẩu không đúng', en: 'Wrong email or password' },
  // one answer for a delayed account, an unknown e-mail and a busy address: it says nothing about who exists
  'problem.accounts.slow-down': {
    vi: 'Đăng nhập không thành công quá nhiều lần; hãy thử lại sau {seconds} giây',
    en: 'Too many unsuccessful sign-ins; try again in {seconds} s',
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
});
