import type { StampChangeRow, StampRangeRow, StampRequestRow } from './stamps.repo.ts';
import type { StampKind } from './stamps.schema.ts';
import { countByState, paintSegments } from './stamps.state.ts';
import { stampUri } from './stamps.uri.ts';

export function presentRequest(row: StampRequestRow, range: StampRangeRow | null) {
  return {
    id: row.id,
    organisationId: row.organisationId,
    gtin: row.gtin,
    quantity: row.quantity,
    approvedQuantity: row.approvedQuantity,
    kind: row.kind as StampKind,
    status: row.status,
    note: row.note,
    reason: row.reason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    range: range ? { id: range.id, firstSerial: range.firstSerial, lastSerial: range.lastSerial } : null,
  };
}

export function presentRange(range: StampRangeRow, changes: StampChangeRow[], baseUrl: string) {
  const segments = paintSegments(range.firstSerial, range.lastSerial, changes);
  return {
    id: range.id,
    requestId: range.requestId,
    organisationId: range.organisationId,
    gtin: range.gtin,
    kind: range.kind as StampKind,
    firstSerial: range.firstSerial,
    lastSerial: range.lastSerial,
    count: range.lastSerial - range.firstSerial + 1,
    counts: countByState(segments),
    segments: segments.map((s) => ({ ...s, since: s.since?.toISOString() ?? null })),
    history: changes.map((c) => ({
      action: c.action,
      firstSerial: c.firstSerial,
      lastSerial: c.lastSerial,
      lot: c.lot,
      reason: c.reason,
      actorName: c.actorName,
      eventId: c.eventId,
      at: c.at.toISOString(),
    })),
    sampleUri: stampUri(baseUrl, { gtin: range.gtin, serial: range.firstSerial }),
    createdAt: range.createdAt.toISOString(),
  };
}
