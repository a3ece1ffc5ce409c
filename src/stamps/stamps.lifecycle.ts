import type { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import {
  type Actor,
  badRequest,
  type Db,
  type DbOrTx,
  forbidden,
  notFound,
  Problem,
} from '../platform/index.ts';
import './stamps.messages.ts';
import { type StampAction, stampEventDocument } from './stamps.events.ts';
import { canHandleStamps, canRevokeStamps, visibleOrganisations } from './stamps.policy.ts';
import { captureEvent, findLot } from './stamps.ports.ts';
import * as repo from './stamps.repo.ts';
import type { stampRunBody } from './stamps.schema.ts';
import { paintSegments, type Segment, type StampState } from './stamps.state.ts';

type RunInput = z.infer<typeof stampRunBody>;
export interface Run {
  firstSerial: number;
  lastSerial: number;
}

/** GS1 lots are up to 20 characters of the AI encodable set 82. */
const lotPattern = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

export async function getStampRange(db: Db, actor: Actor, id: string) {
  const range = await repo.findRange(db, id);
  const visible = visibleOrganisations(actor);
  if (!range || (visible && !visible.includes(range.organisationId)))
    throw notFound('stamps.range-not-found');
  return { range, changes: await repo.listChanges(db, id) };
}

export async function listStampRanges(db: Db, actor: Actor) {
  return repo.listRanges(db, visibleOrganisations(actor));
}

/** Turns the body into sorted, merged runs inside the range: whole range, first…last, or a list. */
export function toRuns(range: repo.StampRangeRow, input: RunInput): Run[] {
  let runs: Run[];
  if (input.serials) {
    const sorted = [...new Set(input.serials)].sort((a, b) => a - b);
    runs = [];
    for (const s of sorted) {
      const last = runs[runs.length - 1];
      if (last && last.lastSerial + 1 === s) last.lastSerial = s;
      else runs.push({ firstSerial: s, lastSerial: s });
    }
  } else {
    const first = input.firstSerial ?? range.firstSerial;
    const last = input.lastSerial ?? (input.firstSerial !== undefined ? first : range.lastSerial);
    if (first > last) throw badRequest([{ field: '/lastSerial', code: 'stamps.runInvalid' }]);
    runs = [{ firstSerial: first, lastSerial: last }];
  }
  for (const run of runs) {
    for (const serial of [run.firstSerial, run.lastSerial]) {
      if (serial < range.firstSerial || serial > range.lastSerial)
        throw badRequest([
          {
            field: input.serials ? '/serials' : '/firstSerial',
            code: 'stamps.serialOutsideRange',
            params: { serial },
          },
        ]);
    }
  }
  return runs;
}

/** Which current states each action may start from; anything else is a conflict naming the first bad run. */
const allowedFrom: Record<Exclude<StampAction, 'print' | 'reprint'>, StampState[]> = {
  activate: ['allocated', 'deactivated'],
  deactivate: ['active'],
  revoke: ['allocated', 'active', 'deactivated'],
};
const conflictCode = {
  activate: 'stamps.not-activatable',
  deactivate: 'stamps.not-active',
  revoke: 'stamps.already-revoked',
};

export async function activateStamps(
  db: Db,
  actor: Actor,
  rangeId: string,
  input: RunInput & { lot: string },
) {
  if (!lotPattern.test(input.lot)) throw badRequest([{ field: '/lot', code: 'stamps.lotInvalid' }]);
  return changeStamps(db, actor, rangeId, input, 'activate', input.lot, null);
}

export async function deactivateStamps(
  db: Db,
  actor: Actor,
  rangeId: string,
  input: RunInput & { reason?: string },
) {
  return changeStamps(db, actor, rangeId, input, 'deactivate', null, input.reason ?? null);
}

export async function revokeStamps(
  db: Db,
  actor: Actor,
  rangeId: string,
  input: RunInput & { reason?: string },
) {
  return changeStamps(db, actor, rangeId, input, 'revoke', null, input.reason ?? null);
}

async function changeStamps(
  db: Db,
  actor: Actor,
  rangeId: string,
  input: RunInput,
  action: Exclude<StampAction, 'print' | 'reprint'>,
  lot: string | null,
  reason: string | null,
) {
  const found = await repo.findRange(db, rangeId);
  if (!found) throw notFound('stamps.range-not-found');
  const allowed =
    action === 'revoke'
      ? canRevokeStamps(actor, found.organisationId)
      : canHandleStamps(actor, found.organisationId);
  if (!allowed) throw forbidden();
  const runs = toRuns(found, input);
  if (lot && !(await findLot(db, found.gtin, lot)))
    throw badRequest([{ field: '/lot', code: 'stamps.lotUnknown' }]);
  return db.transaction(async (tx) => {
    // the range row lock serialises changes to one range, so two activations cannot both pass the check
    const range = await repo.lockRange(tx, rangeId);
    const segments = paintSegments(range.firstSerial, range.lastSerial, await repo.listChanges(tx, rangeId));
    for (const run of runs) {
      const bad = overlapping(segments, run).find((s) => !allowedFrom[action].includes(s.state));
      if (bad)
        throw new Problem(409, conflictCode[action], {
          params: {
            first: Math.max(bad.firstSerial, run.firstSerial),
            last: Math.min(bad.lastSerial, run.lastSerial),
          },
        });
    }
    const at = new Date();
    for (const run of runs) await recordChange(tx, actor, range, run, action, { lot, reason, at });
    await recordAudit(tx, {
      actor,
      action,
      entityType: 'stamp_range',
      entityId: rangeId,
      organisationId: range.organisationId,
      after: { runs, lot, reason },
    });
    return { range, changes: await repo.listChanges(tx, rangeId) };
  });
}

/** Writes one change row and captures its EPCIS event in the caller's transaction. */
export async function recordChange(
  tx: DbOrTx,
  actor: Actor,
  range: repo.StampRangeRow,
  run: Run,
  action: StampAction,
  opts: { lot: string | null; reason: string | null; at: Date },
) {
  const { eventId, document } = stampEventDocument({ action, gtin: range.gtin, ...run, ...opts });
  await captureEvent(tx, document, range.organisationId);
  await repo.insertChange(tx, {
    rangeId: range.id,
    gtin: range.gtin,
    ...run,
    action,
    lot: opts.lot,
    reason: opts.reason,
    actorId: actor.id,
    actorName: actor.name,
    eventId,
    at: opts.at,
  });
}

export function overlapping(segments: Segment[], run: Run): Segment[] {
  return segments.filter((s) => s.lastSerial >= run.firstSerial && s.firstSerial <= run.lastSerial);
}
