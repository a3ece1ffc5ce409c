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
  const secretOk = secretMatches(input.gtin, serial ?? 0, input.secret, row?.secretHash ?? null);
  if (!row || serial === null) return unknown;
  if (row.kind === 'anti_counterfeit' && !secretOk) return unknown;
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
