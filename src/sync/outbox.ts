import type { DbOrTx } from '../platform/index.ts';
import type { Receiver, SyncItem, SyncKind } from './receiver.ts';
import * as repo from './sync.repo.ts';

let receivers: readonly Receiver[] = [];

/** The receivers of this program, set once as it starts (app.ts, from `receiversFromConfig`). */
export function setReceivers(list: readonly Receiver[]) {
  receivers = list;
}

export const activeReceivers = () => receivers;
export const receiverById = (id: string) => receivers.find((r) => r.id === id) ?? null;
export const anyReceiverTakes = (kind: SyncKind) => receivers.some((r) => r.kinds.includes(kind));

/**
 * Queues items for every receiver that takes their kind, inside the caller's transaction (the approval's, the
 * capture's): an upsert the receiver's check refuses is held with its reasons instead, and older versions of the
 * same record that have not gone yet are replaced.
 */
export async function queueItems(tx: DbOrTx, items: { item: SyncItem; label: string }[]) {
  for (const receiver of receivers) await queueFor(tx, receiver, items);
  if (items.length) wakeWorkers();
}

/** Queues for one receiver those of the items it takes, as `queueItems` does (the caller wakes the workers). */
export async function queueFor(tx: DbOrTx, receiver: Receiver, items: { item: SyncItem; label: string }[]) {
  const mine = items.filter(({ item }) => receiver.kinds.includes(item.kind));
  if (!mine.length) return;
  await repo.insertRows(
    tx,
    mine.map(({ item, label }) => {
      const reasons = item.action === 'upsert' ? receiver.check(item) : [];
      return {
        receiver: receiver.id,
        item,
        label,
        state: reasons.length ? 'held' : 'queued',
        reasons: reasons.length ? reasons : null,
      };
    }),
  );
  for (const { item } of mine) if (item.kind !== 'event') await repo.replaceOlder(tx, receiver.id, item);
}

const wakers = new Set<() => void>();
export const onQueued = (wake: () => void) => {
  wakers.add(wake);
  return () => wakers.delete(wake);
};
// the change is not committed yet when it queues: a short delay lets it land; the poll finds it otherwise
export function wakeWorkers() {
  setTimeout(() => {
    for (const wake of wakers) wake();
  }, 50).unref();
}
