import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createTestApp,
  makeOrganisation,
  makeSignedInUser,
  makeUser,
  type Session,
  signIn,
  type TestApp,
  testPassword,
} from '../test/index.ts';
import { passwordResetTokens } from './accounts.schema.ts';
import { freeAttempts } from './sign-in-throttle.ts';

const newPassword = 'Bầu-trời-xanh-ngắt-42';

describe('forgotten passwords, reset links and the department’s resets', () => {
  let t: TestApp;
  let client = 0;
  beforeAll(async () => {
    t = await createTestApp({}, { realAuth: true });
  });
  afterAll(() => t.close());

  // every test its own client address, so the address budget of one does not spill into another
  const fromNewAddress = () => ({ 'x-forwarded-for': `198.51.100.${++client}` });
  const askForLink = (email: string, headers = fromNewAddress()) =>
    t.app.inject({ method: 'POST', url: '/api/auth/password-reset-requests', payload: { email }, headers });
  const setWithLink = (token: string, password: string, headers = fromNewAddress()) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { token, newPassword: password },
      headers,
    });
  const signInRaw = (email: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password },
      headers: fromNewAddress(),
    });
  const isSignedIn = async (s: Session) =>
    (await t.app.inject({ url: '/api/auth/me', headers: s.read })).statusCode === 200;

  /** The mails written to the outbox (no SMTP server in tests) that are addressed to this e-mail, decoded. */
  async function mailsTo(email: string): Promise<string[]> {
    const dir = t.config.mail.outboxDir;
    const files = await readdir(dir).catch(() => [] as string[]);
    const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
    return texts.map(decodeQuotedPrintable).filter((text) => text.includes(`To: ${email}`));
  }
  /** Waits for the mail (it is sent after the answer) and returns the reset link's token. */
  async function tokenMailedTo(email: string, count = 1): Promise<string> {
    const mails = await vi.waitFor(
      async () => {
        const found = await mailsTo(email);
        if (found.length < count) throw new Error(`no mail to ${email} yet`);
        return found;
      },
      { timeout: 5000, interval: 50 },
    );
    const links = mails.flatMap((m) => [
      ...m.matchAll(/https:\/\/txng\.example\.vn\/app\/reset-password\?token=([\w-]+)/g),
    ]);
    return links.at(-1)![1];
  }

  it('answers the same for an unknown e-mail, and mails a link only to an account that exists', async () => {
    const user = await makeUser(t.db, 'inspector');
    const known = await askForLink(user.email.toUpperCase());
    const unknown = await askForLink(`nobody-${Date.now()}@example.vn`);
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    const token = await tokenMailedTo(user.email);
    expect(token).toMatch(/^[\w-]{40,}$/);
    const [mail] = await mailsTo(user.email);
    expect(mail).toContain('Subject: =?UTF-8?');
    expect(mail).toContain('60 phút');
    // only the token's hash is stored
    const rows = await t.db.select().from(passwordResetTokens);
    expect(rows.map((r) => r.tokenHash)).not.toContain(token);
  });

  it('a link sets a new password once, ends every session and lifts nothing else', async () => {
    const user = await makeUser(t.db, 'inspector');
    const a = await signIn(t, user.email);
    const b = await signIn(t, user.email);
    await askForLink(user.email);
    const token = await tokenMailedTo(user.email);

    const weak = await setWithLink(token, '1234567890');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({
      field: '/body/newPassword',
      code: 'accounts.weakPassword',
    });

    // the refused password did not spend the link
    const ok = await setWithLink(token, newPassword);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ sessionsEnded: 2 });
    expect(await isSignedIn(a)).toBe(false);
    expect(await isSignedIn(b)).toBe(false);
    expect((await signInRaw(user.email, testPassword)).statusCode).toBe(401);
    expect((await signInRaw(user.email, newPassword)).statusCode).toBe(200);

    const again = await setWithLink(token, `${newPassword}-2`);
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0]).toMatchObject({ field: '/body/token', code: 'accounts.resetLinkInvalid' });
  });

  it('refuses an expired link, and a link older than the password set since', async () => {
    const user = await makeUser(t.db, 'inspector');
    await askForLink(user.email);
    const expired = await tokenMailedTo(user.email);
    await t.db
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResetTokens.userId, user.id));
    const late = await setWithLink(expired, newPassword);
    expect(late.statusCode).toBe(400);
    expect(late.json().errors[0].field).toBe('/body/token');

    await askForLink(user.email);
    const first = await tokenMailedTo(user.email, 2);
    const s = await signIn(t, user.email);
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.write,
      payload: { currentPassword: testPassword, newPassword },
    });
    expect(change.statusCode).toBe(200);
    expect((await setWithLink(first, `${newPassword}-2`)).statusCode).toBe(400);
  });

  it('slows down repeated requests for one e-mail, known or not, with the same answer', async () => {
    const user = await makeUser(t.db, 'inspector');
    const unknown = `nobody-else-${Date.now()}@example.vn`;
    for (const email of [user.email, unknown]) {
      for (let i = 0; i < freeAttempts; i++) expect((await askForLink(email)).statusCode).toBe(202);
      const slowed = await askForLink(email);
      expect(slowed.statusCode).toBe(429);
      expect(slowed.json().type).toBe('/problems/accounts.reset-slow-down');
      expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    }
    // a request asked for a link, not a sign-in: the account's sign-in is not delayed
    expect((await signInRaw(user.email, testPassword)).statusCode).toBe(200);
  });

  it('counts wrong tokens against the address', async () => {
    const from = fromNewAddress();
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await setWithLink(`forged-${i}`, newPassword, from)).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 400)).toBe(true);
    expect(codes[30]).toBe(429);
  });

  it('the department sets a temporary password, which must be changed before anything else', async () => {
    const admin = await makeSignedInUser(t, 'dost_admin');
    const person = await makeSignedInUser(t, 'inspector');
    const temporary = 'Tạm-thời-đổi-ngay-7';
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${person.user.id}/password-reset`,
      headers: admin.session.write,
      payload: { method: 'temporary-password', password: temporary },
    });
    expect(reset.json()).toEqual({ method: 'temporary-password', sessionsEnded: 1 });
    expect(await isSignedIn(person.session)).toBe(false);

    const s = await signIn(t, person.user.email, temporary);
    const me = await t.app.inject({ url: '/api/auth/me', headers: s.read });
    expect(me.json().mustChangePassword).toBe(true);
    const elsewhere = await t.app.inject({ url: '/api/lots', headers: s.read });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().type).toBe('/problems/accounts.must-change-password');

    const change = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.write,
      payload: { currentPassword: temporary, newPassword },
    });
    expect(change.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: s.read })).json().mustChangePassword).toBe(
      false,
    );
    expect((await t.app.inject({ url: '/api/lots', headers: s.read })).statusCode).toBe(200);

    const audit = await t.app.inject({
      url: `/api/audit?entityId=${person.user.id}`,
      headers: admin.session.read,
    });
    expect(audit.json().items.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['reset-password', 'change-password']),
    );
  });

  it('the department mails a reset link; the sessions end when the link is used', async () => {
    const admin = await makeSignedInUser(t, 'dost_admin');
    const person = await makeSignedInUser(t, 'org_staff', {
      organisationId: (await makeOrganisation(t.db)).id,
    });
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${person.user.id}/password-reset`,
      headers: admin.session.write,
      payload: { method: 'mail' },
    });
    expect(reset.json()).toEqual({ method: 'mail', sessionsEnded: 0 });
    const token = await tokenMailedTo(person.user.email);
    expect((await mailsTo(person.user.email))[0]).toContain('Quản trị viên của Sở');
    expect(await isSignedIn(person.session)).toBe(true);
    expect((await setWithLink(token, newPassword)).json()).toEqual({ sessionsEnded: 1 });
    expect(await isSignedIn(person.session)).toBe(false);
  });

  it('should not let an organisation owner reset anyone’s password, their own staff included', async () => {
    const org = await makeOrganisation(t.db);
    const owner = await makeSignedInUser(t, 'org_owner', { organisationId: org.id });
    const staff = await makeUser(t.db, 'org_staff', { organisationId: org.id });
    for (const payload of [{ method: 'mail' }, { method: 'temporary-password', password: newPassword }]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/users/${staff.id}/password-reset`,
        headers: owner.session.write,
        payload,
      });
      expect(res.statusCode).toBe(403);
    }
    // nor through the account's edit
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${staff.id}`,
      headers: owner.session.write,
      payload: { password: newPassword },
    });
    expect(patch.statusCode).toBe(400);
    expect((await signInRaw(staff.email, testPassword)).statusCode).toBe(200);
  });

  it('the department’s temporary password meets the password policy', async () => {
    const admin = await makeSignedInUser(t, 'dost_admin');
    const person = await makeUser(t.db, 'inspector');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/users/${person.id}/password-reset`,
      headers: admin.session.write,
      payload: { method: 'temporary-password', password: `${person.email}!` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: '/body/password',
      code: 'accounts.personalPassword',
    });
  });
});

describe('when the mail server refuses', () => {
  it('a forgotten-password request answers as always; the department hears that the mail did not go', async () => {
    // nothing listens on port 9 here: the connection is refused at once
    const t = await createTestApp(
      {
        mail: {
          smtp: 'smtp://127.0.0.1:9',
          from: 'TXNG <no-reply@txng.example.vn>',
          outboxDir: '/nonexistent',
        },
      },
      { realAuth: true },
    );
    try {
      const person = await makeUser(t.db, 'inspector');
      const asked = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset-requests',
        payload: { email: person.email },
      });
      expect(asked.statusCode).toBe(202);
      const admin = await makeSignedInUser(t, 'dost_admin');
      const reset = await t.app.inject({
        method: 'POST',
        url: `/api/users/${person.id}/password-reset`,
        headers: admin.session.write,
        payload: { method: 'mail' },
      });
      expect(reset.statusCode).toBe(502);
      expect(reset.json().type).toBe('/problems/accounts.mail-failed');
    } finally {
      await t.close();
    }
  });
});

/** Enough of RFC 2045's quoted-printable to read a mail's text: soft line breaks and =XX bytes. */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes = joined.replace(/=([0-9A-F]{2})/g, (_, hex) => `%${hex}`);
  try {
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'));
  } catch {
    return joined;
  }
}
