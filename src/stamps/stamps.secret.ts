import crypto from 'node:crypto';
import type { Config } from '../platform/index.ts';

/**
 * Anti-counterfeit secrets: 72 random bits per stamp, printed once in the stamp's URL as `?s=…`, stored only
 * as HMAC-SHA-256 under a server key (TXNG_STAMP_KEY), so the database alone reveals nothing.
 */
const SECRET_BYTES = 9;
// stamps printed on a development machine keep verifying across restarts; production never uses this key
const developmentKey = 'txng-development-stamp-key';

let secrets: Pick<Config, 'stampKey' | 'scanSalt'> = { stampKey: null, scanSalt: null };

/**
 * The server secrets, set once at start from the configuration (buildApp). The configuration refuses to load in
 * production without them, so the development fallbacks below only ever serve development, tests and the demo.
 */
export function configureServerSecrets(config: Pick<Config, 'stampKey' | 'scanSalt'>) {
  secrets = { stampKey: config.stampKey, scanSalt: config.scanSalt };
}

/** TXNG_SCAN_SALT, or null when none is configured (each user picks its own fallback). */
export const configuredScanSalt = () => secrets.scanSalt;

const stampKey = () => secrets.stampKey ?? developmentKey;

export function newSecret(): string {
  return crypto.randomBytes(SECRET_BYTES).toString('base64url');
}

export function hashSecret(gtin: string, serial: number, secret: string): string {
  return crypto.createHmac('sha256', stampKey()).update(`${gtin}/${serial}/${secret}`).digest('hex');
}

const dummyHash = '0'.repeat(64);

/** Constant-time check; an unknown stamp (no stored hash) costs the same as a wrong secret. */
export function secretMatches(
  gtin: string,
  serial: number,
  secret: string | null,
  storedHash: string | null,
): boolean {
  const candidate = Buffer.from(hashSecret(gtin, serial, secret ?? ''), 'hex');
  const stored = Buffer.from(storedHash && /^[0-9a-f]{64}$/.test(storedHash) ? storedHash : dummyHash, 'hex');
  return crypto.timingSafeEqual(candidate, stored) && storedHash !== null && secret !== null;
}
