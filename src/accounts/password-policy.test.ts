import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/index.ts';
import { createTestApp, makeSignedInUser, type TestApp, taxCode, testPassword } from '../test/index.ts';
import { runCreateAdmin } from './accounts.cli.ts';
import { demoPassword, isCommonPassword, passwordProblem } from './password-policy.ts';

const owner = { email: 'tran.thi.binh@example.vn', name: 'Trần Thị Bình' };
const codeOf = (password: string, demo = false) =>
  passwordProblem(password, { ...owner, demo }, '/body/password')?.code ?? null;

describe('password policy', () => {
  it('common passwords are refused', () => {
    for (const p of [
      '1q2w3e4r5t',
      'qwertyuiop',
      'matkhau123',
      'anhyeuem123',
      'Password@2026',
      'Iloveyou2024!',
    ])
      expect([p, codeOf(p)]).toEqual([p, 'accounts.commonPassword']);
    // dressed-up forms of a listed word are the same word
    expect(isCommonPassword('Mật-Khẩu.123')).toBe(true);
    expect(isCommonPassword('MATKHAU@2024!!')).toBe(true);
    expect(isCommonPassword('123456a@')).toBe(true);
    // a phrase of one's own passes
    expect(codeOf('mưa-chiều-trên-đồi-chè-37')).toBeNull();
    expect(codeOf(testPassword)).toBeNull();
  });

  it('the demo password outside the demo is refused', () => {
    expect(codeOf(demoPassword)).toBe('accounts.demoPassword');
    expect(codeOf(demoPassword.toLowerCase())).toBe('accounts.demoPassword');
    expect(codeOf(demoPassword, true)).toBeNull();
  });

  it("the account's own e-mail or name is refused", () => {
    expect(codeOf('tran.thi.binh@example.vn')).toBe('accounts.personalPassword');
    expect(codeOf('TranThiBinh-2026')).toBe('accounts.personalPassword');
    // accents folded, case ignored: Bình typed as BINH
    expect(codeOf('xin-chao-BINH-99')).toBe('accounts.personalPassword');
    // short name parts (Thị, An) would refuse half of all phrases: only parts of four letters or more count
    expect(codeOf('thi-xa-hoa-lan-77')).toBeNull();
  });

  it('keeps the length rule', () => {
    expect(codeOf('short')).toBe('accounts.weakPassword');
    expect(codeOf('12345678901234')).toBe('accounts.weakPassword');
    expect(codeOf('aaaaaaaaaaaa')).toBe('accounts.weakPassword');
  });
});

describe('every place a password is set meets the policy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { realAuth: true });
  });
  afterAll(() => t.close());

  const fieldError = (res: { json(): any }) => res.json().errors?.[0];

  it('self-registration, an administrator creating or resetting, and a change of one’s own', async () => {
    const registration = await t.app.inject({
      method: 'POST',
      url: '/api/registrations',
      headers: { 'accept-language': 'en' },
      payload: {
        account: { email: 'lan.nguyen@example.vn', name: 'Nguyễn Thị Lan', password: 'anhyeuem2024' },
        organisation: {
          name: 'Hợp tác xã Mật khẩu',
          taxCode: taxCode(),
          type: 'cooperative',
          sector: 'agriculture',
          communeCode: '75W010',
        },
      },
    });
    expect(registration.statusCode).toBe(400);
    expect(fieldError(registration)).toMatchObject({
      field: '/body/account/password',
      code: 'accounts.commonPassword',
      message: expect.stringContaining('too common'),
    });

    const admin = await makeSignedInUser(t, 'dost_admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.session.write,
      payload: {
        email: 'kiem.tra@example.vn',
        name: 'Lê Văn Kiểm',
        role: 'inspector',
        password: demoPassword,
      },
    });
    expect(fieldError(created)).toMatchObject({ field: '/body/password', code: 'accounts.demoPassword' });
    expect(fieldError(created).message).toContain('mật khẩu mẫu');

    const person = await makeSignedInUser(t, 'inspector');
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${person.user.id}/password-reset`,
      headers: admin.session.write,
      payload: { method: 'temporary-password', password: `${person.user.email}!` },
    });
    expect(fieldError(reset)).toMatchObject({ field: '/body/password', code: 'accounts.personalPassword' });

    const change = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: person.session.write,
      payload: { currentPassword: testPassword, newPassword: 'qwertyuiop123' },
    });
    expect(fieldError(change)).toMatchObject({ field: '/body/newPassword', code: 'accounts.commonPassword' });
  });

  it('create-admin refuses a common password from the environment', async () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (chunk) => {
      written += chunk;
    });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-create-admin-'));
    try {
      const code = await runCreateAdmin(
        ['first.admin@example.vn', 'Quản', 'trị'],
        loadConfig({ TXNG_ADMIN_PASSWORD: 'admin@12345', TXNG_DEMO: '0', TXNG_DATA_DIR: dataDir }),
        out,
      );
      expect(code).toBe(1);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    expect(written).toContain('accounts.commonPassword');
  });
});
