import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  makeOrganisation,
  makeSignedInUser,
  makeUser,
  signIn,
  type TestApp,
  testPassword,
} from '../test/index.ts';
import { sessions, users } from './accounts.schema.ts';
import {
  accountKey,
  addressBlock,
  addressMaxFailures,
  delayAfter,
  freeAttempts,
} from './sign-in-throttle.ts';

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

  /** Time passes: every running delay has run out (tests do not wait for real seconds). */
  const letTheDelaysPass = () =>
    t.db.execute(
      sql`UPDATE sign_in_throttle SET not_before = now() - interval '1 second' WHERE not_before IS NOT NULL`,
    );
  /**
   * Six wrong passwords, each after the wait of the one before; then the account waits 8 s, long enough that the
   * next request certainly falls inside the wait on a busy machine.
   */
  const failSixTimes = async (email: string, headers: () => Record<string, string>) => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      await letTheDelaysPass();
      codes.push((await signInRaw(email, `wrong-${i}`, headers())).statusCode);
    }
    return codes;
  };
  let nextAddress = 10;
  /** A client address of its own, so one test's failures do not count against another's. */
  const freshAddress = () => ({ 'x-forwarded-for': `203.0.113.${nextAddress++}` });

  it('five wrong passwords do not lock the owner out once the delay has passed', async () => {
    const user = await makeUser(t.db, 'dost_reviewer');
    const from = freshAddress();
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await signInRaw(user.email, `wrong-${i}`, from)).statusCode);
      if (i < 4 && i >= freeAttempts - 1) await letTheDelaysPass();
    }
    expect(codes).toEqual([401, 401, 401, 401, 401]);
    // during the delay even the right password is not looked at
    const early = await signInRaw(user.email, testPassword, from);
    expect(early.statusCode).toBe(429);
    expect(Number(early.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(early.headers['retry-after'])).toBeLessThanOrEqual(delayAfter(5) / 1000);

    const admin = await makeSignedInUser(t, 'dost_admin');
    const listed = await t.app.inject({ url: `/api/users/${user.id}`, headers: admin.session.read });
    expect(listed.json().locked).toBe(true);

    await letTheDelaysPass();
    expect((await signInRaw(user.email, testPassword, from)).statusCode).toBe(200);
    // and the count starts again from nothing
    expect((await signInRaw(user.email, 'wrong-again', from)).statusCode).toBe(401);
    expect((await signInRaw(user.email, testPassword, from)).statusCode).toBe(200);
  });

  it('the delay doubles with each failure, up to a quarter of an hour', () => {
    expect([1, 2, 3, 4, 5, 6].map(delayAfter)).toEqual([0, 0, 1000, 2000, 4000, 8000]);
    expect(delayAfter(13)).toBe(15 * 60_000);
    expect(delayAfter(1000)).toBe(15 * 60_000);
  });

  it('an administrator lifts a running delay', async () => {
    const user = await makeUser(t.db, 'inspector');
    const from = freshAddress();
    await failSixTimes(user.email, () => from);
    expect((await signInRaw(user.email, testPassword, from)).statusCode).toBe(429);
    const admin = await makeSignedInUser(t, 'dost_admin');
    const unlock = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin.session.write,
      payload: { unlock: true },
    });
    expect(unlock.json().locked).toBe(false);
    expect((await signInRaw(user.email, testPassword, from)).statusCode).toBe(200);
  });

  it('a locked and an unknown account get the same answer', async () => {
    const user = await makeUser(t.db, 'inspector');
    const unknown = `nobody-${Date.now()}@example.vn`;
    const answers = async (email: string) => {
      const headers = { ...freshAddress(), 'accept-language': 'en' };
      const failures = await failSixTimes(email, () => headers);
      return { failures, held: await signInRaw(email, testPassword, headers) };
    };
    const known = await answers(user.email);
    const stranger = await answers(unknown);
    expect(known.failures).toEqual([401, 401, 401, 401, 401, 401]);
    expect(stranger.failures).toEqual(known.failures);
    // the same answer, but for a second of rounding in how long is left
    const shape = (r: typeof known.held) => ({
      status: r.statusCode,
      type: r.json().type,
      title: r.json().title.replace(/\d+/, 'N'),
      seconds: Number(r.headers['retry-after']),
    });
    const [a, b] = [shape(known.held), shape(stranger.held)];
    expect({ ...a, seconds: 0 }).toEqual({ ...b, seconds: 0 });
    expect(Math.abs(a.seconds - b.seconds)).toBeLessThanOrEqual(1);
    expect(a).toMatchObject({
      status: 429,
      type: '/problems/accounts.slow-down',
      title: 'Too many unsuccessful sign-ins; try again in N s',
    });
  });

  it('one address trying many e-mails is limited', async () => {
    const from = freshAddress();
    const codes: number[] = [];
    for (let i = 0; i < addressMaxFailures; i++) {
      codes.push((await signInRaw(`spray-${i}@example.vn`, 'Matkhau@2026', from)).statusCode);
    }
    expect(codes.every((c) => c === 401)).toBe(true);
    const held = await signInRaw('one-more@example.vn', 'Matkhau@2026', from);
    expect(held.statusCode).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // the owner of an account elsewhere is not held back by this address's spraying
    const user = await makeUser(t.db, 'inspector');
    expect((await signInRaw(user.email, testPassword, freshAddress())).statusCode).toBe(200);
  });

  it('the e-mail is normalised in the limiter key', async () => {
    const user = await makeUser(t.db, 'inspector');
    const [local, domain] = user.email.split('@');
    const spellings = [
      `  ${user.email.toUpperCase()}`,
      `${local[0].toUpperCase()}${local.slice(1)}@${domain.toUpperCase()} `,
      user.email,
    ];
    for (const email of [...spellings, ...spellings]) {
      await letTheDelaysPass();
      expect((await signInRaw(email, 'wrong', freshAddress())).statusCode).toBe(401);
    }
    // six failures under three spellings from six addresses are one account's: its 8 s delay runs
    expect((await signInRaw(user.email, testPassword, freshAddress())).statusCode).toBe(429);

    // composed and decomposed Unicode spell the same address
    const composed = 'ngườidùng@example.vn';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(accountKey(decomposed)).toBe(accountKey(composed));
    expect(accountKey(` ${composed.toUpperCase()} `)).toBe(accountKey(composed));
  });

  it('a browser that signed in before is not held back by someone else guessing', async () => {
    const user = await makeUser(t.db, 'inspector');
    const first = await signInRaw(user.email, testPassword, freshAddress());
    const cookies = ([] as string[]).concat(first.headers['set-cookie'] ?? []);
    const device = cookies.find((c) => c.startsWith('txng_device='));
    expect(device).toMatch(/HttpOnly/);
    expect(device).toMatch(/SameSite=Strict/);
    expect(device).toMatch(/Path=\/api\/auth\/sign-in/);
    const cookie = device!.split(';')[0];
    await failSixTimes(user.email, freshAddress);
    expect((await signInRaw(user.email, testPassword, freshAddress())).statusCode).toBe(429);
    // the owner's own browser counts apart
    expect((await signInRaw(user.email, testPassword, { ...freshAddress(), cookie })).statusCode).toBe(200);
    // the cookie serves that account only: a guesser holding it meets the account's running delay
    const other = await makeUser(t.db, 'inspector');
    await failSixTimes(other.email, freshAddress);
    expect((await signInRaw(other.email, testPassword, { ...freshAddress(), cookie })).statusCode).toBe(429);
  });

  it('parallel guesses cannot all slip in before the first failure is written', async () => {
    const user = await makeUser(t.db, 'inspector');
    // five failures and their waits behind: the next attempt is free, the one after it waits 8 s
    for (let i = 0; i < 5; i++) {
      await letTheDelaysPass();
      await signInRaw(user.email, `wrong-${i}`, freshAddress());
    }
    await letTheDelaysPass();
    const all = await Promise.all(
      Array.from({ length: 8 }, (_, i) => signInRaw(user.email, `parallel-${i}`, freshAddress())),
    );
    const codes = all.map((r) => r.statusCode);
    // checked first and written after the password, all eight would have been looked at
    expect(codes.filter((c) => c === 401)).toHaveLength(1);
    expect(codes.filter((c) => c === 429)).toHaveLength(7);
  });

  it('the address of an IPv6 client is its /64', () => {
    expect(addressBlock('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBlock('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressBlock('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBlock('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressBlock('192.0.2.1')).toBe('192.0.2.1');
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
