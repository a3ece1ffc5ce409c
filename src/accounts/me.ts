import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, type DbOrTx, permissionsOf } from '../platform/index.ts';
import type { MeView } from './auth.schema.ts';
import type { SignedIn } from './auth.service.ts';
import { requestSession, sessionCookie } from './resolve-actor.ts';
import { findUserById } from './users.repo.ts';

/** Remembers that this browser signed in before (docs/decisions/031-sign-in-throttling.md). */
export const deviceCookie = 'txng_device';
const deviceCookieMaxAgeS = 183 * 24 * 60 * 60;

const secure = (reply: FastifyReply) => reply.server.config.baseUrl.startsWith('https:');

/**
 * A browser-session cookie (no Expires): the server alone decides when the session ends (sliding expiry,
 * sign-out). Secure whenever the program is served over https.
 */
export function setSessionCookie(reply: FastifyReply, token: string | null) {
  reply.setCookie(sessionCookie, token ?? '', {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(reply),
    ...(token === null ? { maxAge: 0 } : {}),
  });
}

/** Only the sign-in route reads it, so only that path receives it. */
export function setDeviceCookie(reply: FastifyReply, token: string) {
  reply.setCookie(deviceCookie, token, {
    path: '/api/auth/sign-in',
    httpOnly: true,
    sameSite: 'strict',
    secure: secure(reply),
    maxAge: deviceCookieMaxAgeS,
  });
}

/** The caller as `/auth/me` shows it; after a sign-in, the new session's token replaces the request's own. */
export async function describeActor(
  db: DbOrTx,
  request: FastifyRequest,
  actor: Actor,
  fresh?: SignedIn,
): Promise<MeView> {
  const session = requestSession(request);
  const user = actor.kind === 'user' ? (fresh?.user ?? (await findUserById(db, actor.id))) : null;
  return {
    kind: actor.kind,
    id: actor.id,
    name: actor.name,
    email: user?.email ?? null,
    role: actor.role,
    organisationIds: actor.organisationIds,
    sector: actor.sector,
    communes: actor.communes,
    permissions: permissionsOf(actor),
    csrfToken: fresh?.csrfToken ?? session?.csrfToken ?? null,
    sessionExpiresAt: (fresh?.expiresAt ?? session?.expiresAt)?.toISOString() ?? null,
    mustChangePassword: user?.mustChangePassword ?? false,
  };
}
