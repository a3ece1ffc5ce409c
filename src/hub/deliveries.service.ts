import type { Db } from '../platform/index.ts';
import type { ItemOutcome } from '../sync/index.ts';
import * as repo from './deliveries.repo.ts';
import { eventGoods, recordedAt } from './event-goods.ts';
import type { SyncItemBody } from './hub.api.ts';
import { refusal } from './item-checks.ts';
import { fold } from './text-fold.ts';

interface Held {
  version: number;
  withdrawn: boolean;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const stateKey = (kind: string, recordId: string) => `${kind}\u0000${recordId}`;

/** Whether an item changes what the hub holds: a newer version, or the withdrawal of the version it holds. */
function supersedes(item: SyncItemBody, held: Held | undefined): boolean {
  if (!held) return true;
  if (item.version !== held.version) return item.version > held.version;
  return item.action === 'withdraw' && !held.withdrawn;
}

function recordRow(nodeId: string, item: SyncItemBody, at: Date): repo.RecordInsert {
  const p = item.payload ?? null;
  const name = str(p?.name) ?? str(p?.productName);
  const gtin = str(p?.gtin);
  const lot = item.kind === 'lot' || item.kind === 'stamp' ? str(p?.lot) : null;
  const taxCode = str(p?.taxCode);
  return {
    nodeId,
    kind: item.kind,
    recordId: item.recordId,
    version: item.version,
    withdrawn: item.action === 'withdraw',
    withdrawalReason: item.action === 'withdraw' ? (item.reason ?? null) : null,
    payload: p,
    organisationId: item.organisationId,
    name,
    gtin,
    lot,
    taxCode,
    searchText: fold(
      [name, gtin, lot, taxCode, item.kind === 'stamp' ? str(p?.serial) : null].filter(Boolean).join(' '),
    ),
    receivedAt: at,
  };
}

function eventRow(nodeId: string, item: SyncItemBody, at: Date): repo.EventInsert {
  const p = item.payload ?? null;
  const eventTime = p && typeof p.eventTime === 'string' ? new Date(p.eventTime) : null;
  return {
    nodeId,
    eventId: item.recordId,
    version: item.version,
    withdrawn: item.action === 'withdraw',
    payload: p,
    eventTime: eventTime && !Number.isNaN(eventTime.getTime()) ? eventTime : null,
    goods: p ? eventGoods(p) : [],
    receivedAt: at,
  };
}

/**
 * Stores one delivery of a node (the contract of src/sync/receiver.ts): every item answered in order, each key
 * applied at most once, older versions confirmed but not applied, all rows of a kind written in one multi-row
 * statement per 500, and the delivery logged, in one transaction.
 */
export async function receiveDelivery(db: Db, nodeId: string, items: SyncItemBody[]): Promise<ItemOutcome[]> {
  const at = new Date();
  const outcomes: ItemOutcome[] = [];
  const records = new Map<string, repo.RecordInsert>();
  const events = new Map<string, repo.EventInsert>();
  const rejections: { key: string; vi: string; en: string }[] = [];
  let applied = 0;
  let unchanged = 0;
  let withdrawn = 0;
  let oldest: Date | null = null;

  await db.transaction(async (tx) => {
    const refusals = items.map(refusal);
    const accepted = items.filter((_, i) => !refusals[i]);
    // one connection: one statement after the other
    const heldRecords = await repo.currentRecords(tx, nodeId, [
      ...new Set(accepted.filter((i) => i.kind !== 'event').map((i) => i.recordId)),
    ]);
    const heldEvents = await repo.currentEvents(tx, nodeId, [
      ...new Set(accepted.filter((i) => i.kind === 'event').map((i) => i.recordId)),
    ]);
    const held = new Map<string, Held>();
    for (const r of heldRecords) held.set(stateKey(r.kind, r.recordId), r);
    for (const e of heldEvents) held.set(stateKey('event', e.eventId), e);

    for (const [i, item] of items.entries()) {
      const rejection = refusals[i];
      if (rejection) {
        outcomes.push({ key: item.key, status: 'rejected', reason: rejection });
        rejections.push({ key: item.key, vi: rejection.vi, en: rejection.en });
        continue;
      }
      outcomes.push({ key: item.key, status: 'confirmed' });
      const k = stateKey(item.kind, item.recordId);
      if (!supersedes(item, held.get(k))) {
        unchanged++;
        continue;
      }
      applied++;
      if (item.action === 'withdraw') withdrawn++;
      held.set(k, { version: item.version, withdrawn: item.action === 'withdraw' });
      if (item.kind === 'event') {
        events.set(item.recordId, eventRow(nodeId, item, at));
        const recorded = item.payload ? recordedAt(item.payload) : null;
        if (recorded && (!oldest || recorded < oldest)) oldest = recorded;
      } else records.set(k, recordRow(nodeId, item, at));
    }
    await repo.upsertRecords(tx, [...records.values()]);
    await repo.upsertEvents(tx, [...events.values()]);
    await repo.logDelivery(tx, {
      nodeId,
      receivedAt: at,
      items: items.length,
      applied,
      unchanged,
      rejected: rejections.length,
      withdrawn,
      lagSeconds: oldest ? Math.max(0, (at.getTime() - (oldest as Date).getTime()) / 1000) : null,
      rejections: rejections.slice(0, 20),
    });
  });
  return outcomes;
}
