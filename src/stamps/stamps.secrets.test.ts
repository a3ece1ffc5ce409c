import crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../platform/index.ts';

// each import after resetModules is a fresh module instance: what a new server process would hold, configured as
// buildApp configures it
async function freshProcess(env: NodeJS.ProcessEnv) {
  vi.resetModules();
  const secret = await import('./stamps.secret.ts');
  secret.configureServerSecrets(loadConfig(env));
  return { secret, scans: await import('./scans.service.ts') };
}

const production = {
  NODE_ENV: 'production',
  TXNG_STAMP_KEY: 'a-real-stamp-key-from-the-secret-store',
  TXNG_SCAN_SALT: 'a-real-scan-salt-from-the-secret-store',
};

describe('server secrets in production', () => {
  it('refuses to start without TXNG_STAMP_KEY or TXNG_SCAN_SALT, naming each variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/TXNG_STAMP_KEY[\s\S]*TXNG_SCAN_SALT/);
    expect(() => loadConfig({ ...production, TXNG_STAMP_KEY: '' })).toThrow(/TXNG_STAMP_KEY/);
    const noSalt = () => loadConfig({ ...production, TXNG_SCAN_SALT: undefined });
    expect(noSalt).toThrow(/TXNG_SCAN_SALT/);
    expect(noSalt).not.toThrow(/TXNG_STAMP_KEY/);
  });

  it('works with both variables set, and every process derives the same scan token', async () => {
    const one = await freshProcess(production);
    const two = await freshProcess(production);
    expect(one.secret.hashSecret('08930000000017', 1, 'abc')).toMatch(/^[0-9a-f]{64}$/);
    expect(one.secret.hashSecret('08930000000017', 1, 'abc')).toBe(
      two.secret.hashSecret('08930000000017', 1, 'abc'),
    );
    expect(one.scans.scanToken(42)).toBe(two.scans.scanToken(42));
    expect(one.scans.networkId('203.0.113.7')).toBe(two.scans.networkId('203.0.113.7'));
  });

  it('keys stamp hashes with the configured key, not the development one', async () => {
    const configured = await freshProcess(production);
    const development = await freshProcess({});
    expect(configured.secret.hashSecret('08930000000017', 1, 'abc')).not.toBe(
      development.secret.hashSecret('08930000000017', 1, 'abc'),
    );
  });
});

describe('the scan-location token without a configured salt', () => {
  it('cannot be computed from the scan id alone: it is keyed per process, not with a constant', async () => {
    const one = await freshProcess({ NODE_ENV: 'test' });
    const two = await freshProcess({ NODE_ENV: 'test' });
    expect(one.scans.scanToken(7)).toBe(one.scans.scanToken(7));
    expect(one.scans.scanToken(7)).not.toBe(two.scans.scanToken(7));
    for (const guessedKey of ['txng-scan-salt', 'txng-development-scan-salt', '']) {
      const guess = crypto.createHmac('sha256', guessedKey).update('scan:7').digest('base64url').slice(0, 22);
      expect(one.scans.scanToken(7)).not.toBe(guess);
    }
  });

  it('is not the salt-keyed HMAC of the scan id even when a salt is configured', async () => {
    const { scans } = await freshProcess({ NODE_ENV: 'test', TXNG_SCAN_SALT: 'configured-salt' });
    const plain = crypto
      .createHmac('sha256', 'configured-salt')
      .update('scan:7')
      .digest('base64url')
      .slice(0, 22);
    expect(scans.scanToken(7)).toHaveLength(22);
    expect(scans.scanToken(7)).not.toBe(plain);
  });
});
