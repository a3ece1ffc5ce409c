import type { z } from 'zod';
import { type Actor, type Db, forbidden } from '../platform/index.ts';
import { canReadSuspicions, seesScanPlaces, visibleOrganisations } from './stamps.policy.ts';
import { lookupStamp } from './stamps.repo.ts';
import type { suspicionListQuery, suspicionResponse } from './stamps.schema.ts';
import { secretMatches } from './stamps.secret.ts';
import { parseSerial } from './stamps.uri.ts';
import * as repo from './suspicions.repo.ts';

export const recordSuspicion = repo.upsertSuspicion;

/**
 * A code the page answered as unknown may be evidence: a serial TXNG never issued for a GTIN it issued stamps
 * of (one suspicion per GTIN: the latest serial is kept), or an anti-counterfeit stamp scanned with a secret
 * that is not its own (a copied or reprinted label). A missing secret is no evidence: people type serials.
 * The consumer sees the same "unknown code" page either way.
 */
export async function noteUnknownStamp(
  db: Db,
  code: { gtin: string; serial: string; secret: string | null },
): Promise<void> {
  const serial = parseSerial(code.serial);
  if (serial === null) return;
  const row = await lookupStamp(db, code.gtin, serial);
  if (!row) {
    const owner = await repo.stampOwnerOfGtin(db, code.gtin);
    if (owner)
      await recordSuspicion(db, {
        organisationId: owner,
        gtin: code.gtin,
        serial: null,
        kind: 'unknown_serial',
        evidence: { serial },
      });
    return;
  }
  const wrongSecret =
    row.kind === 'anti_counterfeit' &&
    Boolean(code.secret) &&
    !secretMatches(code.gtin, serial, code.secret, row.secretHash);
  if (wrongSecret)
    await recordSuspicion(db, {
      organisationId: row.organisationId,
      gtin: code.gtin,
      serial,
      kind: 'secret_mismatch',
      evidence: { printed: row.secretHash !== null },
    });
}

type Query = z.infer<typeof suspicionListQuery>;
type SuspicionView = z.infer<typeof suspicionResponse>;

export async function listSuspicions(db: Db, actor: Actor, query: Query) {
  if (!canReadSuspicions(actor)) throw forbidden();
  const organisationIds = visibleOrganisations(actor);
  const { rows, total } =
    organisationIds && organisationIds.length === 0
      ? { rows: [], total: 0 }
      : await repo.listSuspicions(db, { ...query, organisationIds });
  const detailed = seesScanPlaces(actor);
  return {
    items: rows.map(
      (r): SuspicionView => ({
        id: r.id,
        organisationId: r.organisationId,
        gtin: r.gtin,
        serial: r.serial,
        kind: r.kind,
        state: r.state,
        count: r.count,
        firstSeenAt: r.firstSeenAt.toISOString(),
        lastSeenAt: r.lastSeenAt.toISOString(),
        evidence: detailed ? r.evidence : withoutPlaces(r.evidence),
      }),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The evidence without coordinates: an organisation learns how far and how fast, not where people were. */
function withoutPlaces(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'latitude' && key !== 'longitude')
      .map(([key, v]) => [
        key,
        v && typeof v === 'object' && !Array.isArray(v) ? withoutPlaces(v as Record<string, unknown>) : v,
      ]),
  );
}
