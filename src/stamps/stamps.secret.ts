import crypto from 'node:crypto';

/**
 * Anti-counterfeit secrets: 72 random bits per stamp, printed once in the stamp's URL as `?s=…`, stored only
 * as HMAC-SHA-256 under a server key (env TXNG_STAMP_KEY), so the database alone reveals nothing.
 */
const SECRET_BYTES = 9;
// stamps printed on a development machine keep verifying across restarts; production never uses this key
const developmentKey = 'txng-development-stamp-key';

/**
 * A server secret from the environment. In production a missing one is an error, not a silent fallback: a key
 * anyone can read in the source would let them forge what it protects. Elsewhere the caller picks its fallback.
 */
export function serverSecret(name: string): string | undefined {
  const value = process.env[name];
  if (value) return value;
  if (process.env.NODE_ENV === 'production')
    throw new Error(`${name} must be set when NODE_ENV=production (see docs/operations.md)`);
  return undefined;
}

const stampKey = () => serverSecret('TXNG_STAMP_KEY') ?? developmentKey;

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
