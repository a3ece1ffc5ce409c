import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { makeOrganisation, makeSignedInUser, makeUser, signIn, testPassword } from './accounts.fixtures.ts';
import { sessions, users } from './accounts.schema.ts';
import { maxFailedAttempts } from './auth.service.ts';

describe('sign-in, sessions and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { realAuth: true });
  });
  afterAll(() => t.close());

  const signInRaw = (email: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, headers });

  it('signs in with a HttpOnly, SameSite=Lax, Secure cookie and answers /auth/me with the CSRF token', async () => {
    const org = await makeOrganisation(t.db);
    const user = await makeUser(t.db, 'org_owner', { organisationId: org.id });
    const res = await signInRaw(user.email.toUpperCase(), testPassword);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^txng_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Secure');
    const body = res.json();
    expect(body).toMatchObject({
      kind: 'user',
      role: 'org_owner',
      organisationIds: [org.id],
      email: user.email,
    });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(body.permissions).toContain('manage:user:organisation');

    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: cookie.split(';')[0] } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id, csrfToken: body.csrfToken });
  });

  it('stores only a hash of the session token', async () => {
    const user = await makeUser(t.db, 'inspector');
    const session = await signIn(t, user.email);
    const token = session.cookie.split('=')[1];
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(token);
    expect(rows[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('answers a wrong password and an unknown email alike, in the asked language', async () => {
    const user = await makeUser(t.db, 'inspector');
    const wrong = await signInRaw(user.email, 'not-the-password', { 'accept-language': 'en' });
    const unknown = await signInRaw('nobody@example.vn', 'not-the-password', { 'accept-language': 'en' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.json().title).toBe('Wrong email or password');
    expect(unknown.json().title).toBe(wrong.json().title);
  });

  it('rejects a malformed sign-in with a validation problem', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'x@y.vn' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ type: '/problems/validation', status: 400 });
  });

  it(`locks an account after ${maxFailedAttempts} wrong passwords, even against the right one, until an admin unlocks it`, async () => {
    const user = await makeUser(t.db, 'dost_reviewer');
    for (let i = 0; i < maxFailedAttempts; i++)
      expect((await signInRaw(user.email, `wrong-${i}`)).statusCode).toBe(401);
    const locked = await signInRaw(user.email, testPassword);
    expect(locked.statusCode).toBe(423);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

    const admin = await makeSignedInUser(t, 'dost_admin');
    const listed = await t.app.inject({ url: `/api/users/${user.id}`, headers: admin.session.read });
    expect(listed.json().locked).toBe(true);
    const unlock = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin.session.write,
      payload: { unlock: true },
    });
    expect(unlock.statusCode).toBe(200);
    expect((await signInRaw(user.email, testPassword)).statusCode).toBe(200);
  });

  it('limits sign-in attempts per address and email (429 with Retry-After)', async () => {
    const email = 'target@example.vn';
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      codes.push((await signInRaw(email, 'guess', { 'x-forwarded-for': '203.0.113.7' })).statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[10]).toBe(429);
    // another address is not held back by this one's guessing
    expect((await signInRaw(email, 'guess', { 'x-forwarded-for': '203.0.113.8' })).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated change without the CSRF token, and accepts it with the token', async () => {
    const user = await makeUser(t.db, 'inspector');
    const s = await signIn(t, user.email);
    const payload = { currentPassword: testPassword, newPassword: testPassword };
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.read,
      payload,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().type).toBe('/problems/accounts.csrf');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { ...s.read, 'x-csrf-token': 'x'.repeat(43) },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: s.write, payload });
    expect(ok.statusCode).toBe(200);
  });

  it('signs out this session only, or every session', async () => {
    const user = await makeUser(t.db, 'inspector');
    const a = await signIn(t, user.email);
    const b = await signIn(t, user.email);
    const c = await signIn(t, user.email);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: a.write });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await t.app.inject({ url: '/api/auth/me', headers: a.read })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/auth/me', headers: b.read })).statusCode).toBe(200);
    const all = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out-everywhere',
      headers: b.write,
    });
    expect(all.json()).toEqual({ sessionsEnded: 2 });
    expect((await t.app.inject({ url: '/api/auth/me', headers: c.read })).statusCode).toBe(401);
  });

  it('changes a password: the current one is checked, other sessions end, the old password stops working', async () => {
    const user = await makeUser(t.db, 'inspector');
    const here = await signIn(t, user.email);
    const elsewhere = await signIn(t, user.email);
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: here.write,
        payload: { currentPassword, newPassword },
      });
    const wrong = await change('wrong-password', 'Một-mật-khẩu-mới-1');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('/body/currentPassword');
    const weak = await change(testPassword, '1234567890');
    expect(weak.json().errors[0]).toMatchObject({
      field: '/body/newPassword',
      code: 'accounts.weakPassword',
    });
    const ok = await change(testPassword, 'Một-mật-khẩu-mới-1');
    expect(ok.json()).toEqual({ sessionsEnded: 1 });
    expect((await t.app.inject({ url: '/api/auth/me', headers: here.read })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: elsewhere.read })).statusCode).toBe(401);
    expect((await signInRaw(user.email, testPassword)).statusCode).toBe(401);
    expect((await signInRaw(user.email, 'Một-mật-khẩu-mới-1')).statusCode).toBe(200);
  });

  it('a disabled account loses its open session and cannot sign in', async () => {
    const admin = await makeSignedInUser(t, 'dost_admin');
    const victim = await makeSignedInUser(t, 'inspector');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${victim.user.id}`,
      headers: admin.session.write,
      payload: { disabled: true },
    });
    expect(res.json()).toMatchObject({ disabled: true });
    expect((await t.app.inject({ url: '/api/auth/me', headers: victim.session.read })).statusCode).toBe(401);
    expect((await signInRaw(victim.user.email, testPassword)).statusCode).toBe(403);
  });

  it('ends a session at its expiry, and slides the expiry of a session in use', async () => {
    const user = await makeUser(t.db, 'inspector');
    const s = await signIn(t, user.email);
    const soon = new Date(Date.now() + 60_000);
    await t.db.update(sessions).set({ expiresAt: soon }).where(eq(sessions.userId, user.id));
    const me = await t.app.inject({ url: '/api/auth/me', headers: s.read });
    expect(new Date(me.json().sessionExpiresAt).getTime()).toBeGreaterThan(Date.now() + 11 * 3600_000);
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    expect((await t.app.inject({ url: '/api/auth/me', headers: s.read })).statusCode).toBe(401);
  });

  it('ignores a forged or garbled cookie', async () => {
    for (const cookie of ['txng_session=forged', 'txng_session=%E0%A4%A', 'other=1']) {
      expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    }
  });
});
