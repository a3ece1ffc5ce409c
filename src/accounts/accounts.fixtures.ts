import crypto from 'node:crypto';
import type { Actor, Db, Role } from '../platform/index.ts';
import { createOrganisation, taxCodeCheckDigit } from '../registry/index.ts';
import type { TestApp } from '../test/index.ts';
import type { PersonRole } from './accounts.policy.ts';
import { createUser } from './users.service.ts';

/** Test factories for the accounts, review and audit suites (real sign-in, no test resolver). */

export const testPassword = 'Mật-khẩu-thử-2026';

const systemAdmin: Actor = {
  kind: 'user',
  id: crypto.randomUUID(),
  name: 'Fixture admin',
  role: 'dost_admin',
  organisationIds: [],
  sector: null,
  communes: [],
};

/** A valid, random ten-digit tax code. */
export function randomTaxCode(): string {
  for (;;) {
    const body = String(crypto.randomInt(0, 1e9)).padStart(9, '0');
    const check = taxCodeCheckDigit(body);
    if (check !== null) return `${body}${check}`;
  }
}

export async function makeOrganisation(
  db: Db,
  opts: {
    name?: string;
    sector?: 'agriculture' | 'industry_trade' | 'health';
    communeCode?: string;
    gs1CompanyPrefixes?: string[];
  } = {},
) {
  return createOrganisation(
    db,
    {
      name: opts.name ?? `Hợp tác xã thử ${crypto.randomInt(1e6)}`,
      taxCode: randomTaxCode(),
      type: 'cooperative',
      sector: opts.sector ?? 'agriculture',
      communeCode: opts.communeCode ?? '75W010',
      gs1CompanyPrefixes: opts.gs1CompanyPrefixes ?? [],
      glns: [],
    },
    systemAdmin,
  );
}

export async function makeUser(
  db: Db,
  role: PersonRole,
  scope: {
    organisationId?: string;
    sector?: 'agriculture' | 'industry_trade' | 'health';
    communes?: string[];
  } = {},
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
      communes: scope.communes ?? (role === 'commune_officer' ? ['75W010'] : undefined),
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

export async function makeSignedInUser(
  t: TestApp,
  role: PersonRole,
  scope: Parameters<typeof makeUser>[2] = {},
) {
  const user = await makeUser(t.db, role, scope);
  return { user, session: await signIn(t, user.email) };
}
