import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

// each import after resetModules is a fresh module instance: what a new server process would hold
async function freshModules() {
  vi.resetModules();
  return {
    secret: await import('./stamps.secret.ts'),
    scans: await import('./scans.service.ts'),
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('server secrets in production', () => {
  it('refuses to hash anti-counterfeit secrets without TXNG_STAMP_KEY, naming the variable', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('TXNG_STAMP_KEY', '');
    const { secret } = await freshModules();
    expect(() => secret.hashSecret('08930000000017', 1, 'abc')).toThrow(/TXNG_STAMP_KEY/);
    expect(() => secret.secretMatches('08930000000017', 1, 'abc', null)).toThrow(/TXNG_STAMP_KEY/);
  });

  it('refuses to hash networks or make scan tokens without TXNG_SCAN_SALT, even when TXNG_STAMP_KEY is set', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('TXNG_STAMP_KEY', 'a-real-stamp-key-from-the-secret-store');
    vi.stubEnv('TXNG_SCAN_SALT', '');
    const { scans } = await freshModules();
    expect(() => scans.networkId('203.0.113.7')).toThrow(/TXNG_SCAN_SALT/);
    expect(() => scans.scanToken(1)).toThrow(/TXNG_SCAN_SALT/);
  });

  it('works with both variables set, and every process derives the same scan token', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('TXNG_STAMP_KEY', 'a-real-stamp-key-from-the-secret-store');
    vi.stubEnv('TXNG_SCAN_SALT', 'a-real-scan-salt-from-the-secret-store');
    const one = await freshModules();
    const two = await freshModules();
    expect(one.secret.hashSecret('08930000000017', 1, 'abc')).toMatch(/^[0-9a-f]{64}$/);
    expect(one.scans.scanToken(42)).toBe(two.scans.scanToken(42));
    expect(one.scans.networkId('203.0.113.7')).toBe(two.scans.networkId('203.0.113.7'));
  });
});

describe('the scan-location token without a configured salt', () => {
  it('cannot be computed from the scan id alone: it is keyed per process, not with a constant', async () => {
    vi.stubEnv('NODE_ENV', 'test');
    vi.stubEnv('TXNG_SCAN_SALT', '');
    const one = await freshModules();
    const two = await freshModules();
    expect(one.scans.scanToken(7)).toBe(one.scans.scanToken(7));
    expect(one.scans.scanToken(7)).not.toBe(two.scans.scanToken(7));
    for (const guessedKey of ['txng-scan-salt', 'txng-development-scan-salt', '']) {
      const guess = crypto.createHmac('sha256', guessedKey).update('scan:7').digest('base64url').slice(0, 22);
      expect(one.scans.scanToken(7)).not.toBe(guess);
    }
  });

  it('is not the salt-keyed HMAC of the scan id even when a salt is configured', async () => {
    vi.stubEnv('NODE_ENV', 'test');
    vi.stubEnv('TXNG_SCAN_SALT', 'configured-salt');
    const { scans } = await freshModules();
    const plain = crypto
      .createHmac('sha256', 'configured-salt')
      .update('scan:7')
      .digest('base64url')
      .slice(0, 22);
    expect(scans.scanToken(7)).toHaveLength(22);
    expect(scans.scanToken(7)).not.toBe(plain);
  });
});
