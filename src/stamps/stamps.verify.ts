import crypto from 'node:crypto';
import type { Db } from '../platform/index.ts';
import { lookupStamp, type StampLookupRow } from './stamps.repo.ts';
import { secretMatches } from './stamps.secret.ts';
import { parseSerial } from './stamps.uri.ts';

export type StampStatus = 'unknown' | 'not_activated' | 'revoked' | 'active';

export interface StampCheck {
  status: StampStatus;
  serial: number | null;
  organisationId: string | null;
  kind: string | null;
  /** The lot the stamp was activated to. */
  lot: string | null;
  activatedAt: Date | null;
  /** The URI names a lot other than the one the stamp was activated to: a forged or copied label. */
  lotMismatch: boolean;
}

const unknown: StampCheck = {
  status: 'unknown',
  serial: null,
  organisationId: null,
  kind: null,
  lot: null,
  activatedAt: null,
  lotMismatch: false,
};

/**
 * The secret last found right for a stamp's row as the resolver holds it (decision 064): the same row object until
 * the stamp changes (a reprint announces itself and the row is read again). Compared in constant time with what a
 * scan gives, and the HMAC is computed only when that is not it: only someone holding the right secret gets the
 * quicker answer, and every other secret costs what it cost before.
 */
const rightSecrets = new WeakMap<StampLookupRow, Buffer>();
const noSecret = Buffer.alloc(12);

function secretChecked(
  row: StampLookupRow,
  input: { gtin: string; secret: string | null },
  serial: number,
): boolean {
  const given = Buffer.from(input.secret ?? '');
  const known = rightSecrets.get(row);
  const against = known ?? noSecret;
  const same = given.length === against.length && crypto.timingSafeEqual(given, against);
  if (known && same) return true;
  const ok = secretMatches(input.gtin, serial, input.secret, row.secretHash);
  if (ok) rightSecrets.set(row, given);
  return ok;
}

/**
 * What a scanned stamp is. An anti-counterfeit stamp with a missing or wrong secret is reported exactly as
 * an unknown serial, so neither serials nor secrets can be enumerated; the secret check runs either way.
 */
export async function verifyStamp(
  db: Db,
  input: { gtin: string; serial: string; lot: string | null; secret: string | null },
  /** Where the resolver keeps stamps it looked up (its in-process memory, `stamp:<gtin>:<serial>`). */
  remember: (key: string, load: () => Promise<StampLookupRow | null>) => Promise<StampLookupRow | null> = (
    _key,
    load,
  ) => load(),
): Promise<StampCheck> {
  const serial = parseSerial(input.serial);
  const row =
    serial === null
      ? null
      : await remember(`stamp:${input.gtin}:${serial}`, () => lookupStamp(db, input.gtin, serial));
  if (row && serial !== null && row.kind === 'anti_counterfeit' && !secretChecked(row, input, serial))
    return unknown;
  // the secret is checked for an unknown serial too, so it costs what a wrong one costs; a stamp that has no secret
  // to check says it is known in its answer anyway
  if (!row || serial === null) {
    const given = Buffer.from(input.secret ?? '');
    if (given.length === noSecret.length) crypto.timingSafeEqual(given, noSecret);
    secretMatches(input.gtin, serial ?? 0, input.secret, null);
    return unknown;
  }
  const status: StampStatus =
    row.action === 'revoke' ? 'revoked' : row.action === 'activate' ? 'active' : 'not_activated';
  return {
    status,
    serial,
    organisationId: row.organisationId,
    kind: row.kind,
    lot: status === 'active' ? row.lot : null,
    activatedAt: status === 'active' ? row.changedAt : null,
    lotMismatch: status === 'active' && input.lot !== null && input.lot !== row.lot,
  };
}
