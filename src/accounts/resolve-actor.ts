import type { FastifyRequest } from 'fastify';
import { type Actor, type ActorResolver, defineMessages, Problem, type Role } from '../platform/index.ts';
import { findApiKeyBySecretHash, touchApiKey } from './api-keys.repo.ts';
import { sameSecret, sha256 } from './secrets.ts';
import { extendSession, findLiveSession } from './sessions.repo.ts';
import type { UserRow } from './users.repo.ts';

export const sessionCookie = 'txng_session';
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;
const keyTouchIntervalMs = 60_000;

interface RequestSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
}
const sessionOf = new WeakMap<FastifyRequest, RequestSession>();

/** The session a request came with (sign-out and /auth/me need it), when it came with a cookie. */
export const requestSession = (request: FastifyRequest) => sessionOf.get(request) ?? null;

export function actorOfUser(user: UserRow): Actor {
  return {
    kind: 'user',
    id: user.id,
    name: user.name,
    role: user.role as Role,
    organisationIds: user.organisationId ? [user.organisationId] : [],
    sector: user.sector,
    communes: user.communes,
  };
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Unsafe requests to these answer 403 without the CSRF token; elsewhere (public forms) they count as anonymous. */
const guardedPrefixes = ['/api/', '/epcis'];
const csrfExempt = new Set([
  '/api/auth/sign-in',
  '/api/registrations',
  '/api/auth/password-reset-requests',
  '/api/auth/password-reset',
]);
/** All a person with a temporary password may do before choosing their own. */
const whileTemporaryPassword = new Set([
  '/api/auth/me',
  '/api/auth/password',
  '/api/auth/sign-out',
  '/api/auth/sign-out-everywhere',
]);

/**
 * The program's resolver: `Authorization: Bearer <API key>` or the `txng_session` cookie. A cookie-borne unsafe
 * request must repeat the session's CSRF token in `X-CSRF-Token`: another site can make a browser send the cookie,
 * but cannot read the token.
 */
export const resolveActor: ActorResolver = async (request) => {
  const db = request.server.db;
  const authorization = request.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new Problem(401, 'accounts.bad-authorization');
    const key = await findApiKeyBySecretHash(db, sha256(match[1]));
    const now = Date.now();
    if (!key || key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= now)) {
      throw new Problem(401, 'accounts.bad-api-key');
    }
    if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > keyTouchIntervalMs) await touchApiKey(db, key.id);
    return {
      kind: 'apiKey',
      id: key.id,
      name: key.name,
      role: 'api_client',
      organisationIds: key.organisationIds,
      sector: null,
      communes: [],
    };
  }

  // parsed by @fastify/cookie, registered before this resolver runs (src/app.ts)
  const token = request.cookies[sessionCookie];
  if (!token) return null;
  const found = await findLiveSession(db, sha256(token));
  if (!found || found.user.disabled) return null;
  const { session, user } = found;

  const path = request.url.split('?')[0];
  if (unsafeMethods.has(request.method) && !csrfExempt.has(path)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
      if (guardedPrefixes.some((p) => path.startsWith(p))) throw new Problem(403, 'accounts.csrf');
      return null;
    }
  }
  if (user.mustChangePassword && !whileTemporaryPassword.has(path)) {
    if (guardedPrefixes.some((p) => path.startsWith(p)))
      throw new Problem(403, 'accounts.must-change-password');
    return null;
  }
  // sliding expiry, written at most once per half lifetime rather than on every request
  let expiresAt = session.expiresAt;
  const now = Date.now();
  if (expiresAt.getTime() - now < sessionLifetimeMs / 2) {
    expiresAt = new Date(now + sessionLifetimeMs);
    await extendSession(db, session.id, expiresAt);
  }
  sessionOf.set(request, { id: session.id, csrfToken: session.csrfToken, expiresAt });
  return actorOfUser(user);
};

defineMessages({
  'problem.accounts.bad-authorization': {
    vi: 'Tiêu đề Authorization phải có dạng "Bearer <khóa API>"',
    en: 'The Authorization header must be "Bearer <API key>"',
  },
  'problem.accounts.bad-api-key': {
    vi: 'Khóa API không đúng, đã bị thu hồi hoặc đã hết hạn',
    en: 'The API key is wrong, revoked or expired',
  },
  'problem.accounts.must-change-password': {
    vi: 'Hãy đổi mật khẩu tạm thời trước khi tiếp tục',
    en: 'Change your temporary password before going on',
  },
  'problem.accounts.csrf': {
    vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (X-CSRF-Token)',
    en: 'The anti-forgery token (X-CSRF-Token) is missing or wrong',
  },
});
