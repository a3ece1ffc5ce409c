import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** An opaque random token, URL-safe (session cookies, CSRF tokens, API key secrets). */
export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url');

/** Tokens are long and random, so a fast hash is enough to make a stolen table useless. */
export const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest('hex');

/** Constant-time comparison of two strings (CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

// argon2id with the library's defaults (19 MiB, t=2): about 12 ms here.
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// made once, as the module loads, so the first unknown e-mail does not take a hash's time longer than the rest
const dummyHash: Promise<string> = hashPassword(randomToken());

/**
 * Spends the time a real check would, so a missing account cannot be told from a wrong password by timing: an
 * argon2id verification with the same parameters, against a hash nobody knows the password of. Always false.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  await verifyPassword(await dummyHash, password);
  return false;
}
