import { isIPv6 } from 'node:net';
import { sha256 } from './secrets.ts';

/**
 * How failed sign-ins slow the next attempt down (docs/decisions/031-sign-in-throttling.md). Pure rules over a
 * stored count; `sign-in-throttle.repo.ts` applies them atomically.
 */

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lastAttemptAt: Date;
  notBefore: Date | null;
}

export type Admission = { refusedForMs: number } | { next: ThrottleState };

export interface ThrottleRule {
  admit(state: ThrottleState | null, now: Date): Admission;
}

/** Free attempts before the delay starts, the delay's ceiling, and when an account's count is forgotten. */
export const freeAttempts = 3;
export const maxDelayMs = 15 * 60_000;
const forgetAfterMs = 24 * 60 * 60_000;

/** The wait after `failures` failures in a row: none for the first few, then 1 s, 2 s, 4 s … up to 15 min. */
export function delayAfter(failures: number): number {
  if (failures < freeAttempts) return 0;
  return Math.min(2 ** (failures - freeAttempts) * 1000, maxDelayMs);
}

/**
 * Per account (or per known browser of an account): each failure doubles the wait before the next attempt, but
 * nothing ever refuses a correct password once the wait has passed. The attempt is counted as it is admitted and
 * forgiven if it succeeds, so parallel guesses cannot all slip in before the first failure is written.
 */
export const progressiveDelay: ThrottleRule = {
  admit(state, now) {
    if (state?.notBefore && state.notBefore > now) {
      return { refusedForMs: state.notBefore.getTime() - now.getTime() };
    }
    const stale = !state || now.getTime() - state.lastAttemptAt.getTime() > forgetAfterMs;
    const failures = (stale ? 0 : state.failures) + 1;
    const delay = delayAfter(failures);
    return {
      next: {
        failures,
        windowStartedAt: stale ? now : state.windowStartedAt,
        lastAttemptAt: now,
        notBefore: delay ? new Date(now.getTime() + delay) : null,
      },
    };
  },
};

/** Per client address, across every e-mail: password spraying tries one password on many accounts. */
export const addressWindowMs = 15 * 60_000;
export const addressMaxFailures = 30;

export const addressWindow: ThrottleRule = {
  admit(state, now) {
    if (state?.notBefore && state.notBefore > now) {
      return { refusedForMs: state.notBefore.getTime() - now.getTime() };
    }
    const expired = !state || now.getTime() - state.windowStartedAt.getTime() >= addressWindowMs;
    const windowStartedAt = expired ? now : state.windowStartedAt;
    const failures = (expired ? 0 : state.failures) + 1;
    return {
      next: {
        failures,
        windowStartedAt,
        lastAttemptAt: now,
        notBefore:
          failures >= addressMaxFailures ? new Date(windowStartedAt.getTime() + addressWindowMs) : null,
      },
    };
  },
};

/** The form of an e-mail the limiter counts under: `Ana@X.vn `, `ana@x.vn` and its decomposed spelling are one. */
export const normaliseEmail = (email: string) => email.trim().normalize('NFC').toLowerCase();

export const accountKey = (email: string) => sha256(`account:${normaliseEmail(email)}`);
export const deviceKey = (tokenHash: string) => sha256(`device:${tokenHash}`);
export const addressKey = (ip: string) => sha256(`address:${addressBlock(ip)}`);
/** Password reset mails and links count apart from sign-ins: asking for a link costs no sign-in attempt. */
export const resetAccountKey = (email: string) => sha256(`reset:${normaliseEmail(email)}`);
export const resetAddressKey = (ip: string) => sha256(`reset-address:${addressBlock(ip)}`);

/**
 * The unit one client controls: an IPv4 address, or an IPv6 /64 (a single subscriber is usually given a whole
 * /64, so counting single IPv6 addresses would let one client rotate through billions of them).
 */
export function addressBlock(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
