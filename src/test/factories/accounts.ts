import crypto from 'node:crypto';
import { createUser, type PersonRole } from '../../accounts/index.ts';
import type { Db, officerSectors, Role } from '../../platform/index.ts';
import type { TestApp } from '../app.ts';

/** The password of every account the factories make: long and uncommon enough for the password policy. */
export const testPassword = 'Mật-khẩu-thử-2026';

/**
 * A person's account with the scope the role needs: an organisation for owners and staff (`organisationId`), a
 * sector for a sector officer (agriculture unless said), communes for a commune officer (75W001 unless said).
 */
export async function makeUser(
  db: Db,
  role: PersonRole,
  scope: { organisationId?: string; sector?: (typeof officerSectors)[number]; communes?: string[] } = {},
) {
  return createUser(
    db,
    {
      email: `${role.replace('_', '-')}-${crypto.randomBytes(4).toString('hex')}@example.vn`,
      name: `Người thử ${role}`,
      role,
      password: testPassword,
      organisationId: scope.organisationId,
      sector: scope.sector ?? (role === 'sector_officer' ? 'agriculture' : undefined),
      communes: scope.communes ?? (role === 'commune_officer' ? ['75W001'] : undefined),
    },
    null,
    { demo: false },
  );
}

/** A signed-in browser: the cookie, and the headers an unsafe request needs (cookie + CSRF token). */
export interface Session {
  userId: string;
  role: Role;
  cookie: string;
  csrfToken: string;
  /** For GET. */
  read: Record<string, string>;
  /** For POST/PUT/PATCH/DELETE. */
  write: Record<string, string>;
}

export async function signIn(t: TestApp, email: string, password = testPassword): Promise<Session> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  const me = res.json();
  return {
    userId: me.id,
    role: me.role,
    cookie,
    csrfToken: me.csrfToken,
    read: { cookie },
    write: { cookie, 'x-csrf-token': me.csrfToken },
  };
}

/** `makeUser`, then `signIn`. */
export async function makeSignedInUser(
  t: TestApp,
  role: PersonRole,
  scope: Parameters<typeof makeUser>[2] = {},
) {
  const user = await makeUser(t.db, role, scope);
  return { user, session: await signIn(t, user.email) };
}
