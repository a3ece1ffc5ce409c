import type { Tx } from '../platform/index.ts';
import { getPublishedRecord, type PublicationChange } from '../registry/index.ts';
import { anyReceiverTakes, queueItems } from './outbox.ts';
import { type SyncItem, syncKey } from './receiver.ts';
import { nextVersion } from './sync.repo.ts';

/** A lot in these states is off the market: the receivers hear it as a withdrawal. */
const withdrawnLotStatuses = new Set(['recalled', 'destroyed']);

/**
 * The registry's publication listener (decision 051), inside the change's transaction: an approval queues the
 * approved version, a withdrawal queues the withdrawal with the last version sent, a lot's status change queues
 * the lot again (a recall as a withdrawal). An edit waiting for review is never heard: what leaves is what was
 * approved, and a changed record leaves again only once re-approved.
 */
export async function queuePublication(tx: Tx, change: PublicationChange): Promise<void> {
  if (!anyReceiverTakes(change.entity)) return;
  const published = await getPublishedRecord(tx, change.entity, change.id);
  const withdraw =
    change.change === 'withdrawn' ||
    (change.entity === 'lot' && withdrawnLotStatuses.has(String(published?.status)));
  // nothing of the record was ever public: a status change of an unapproved lot has nothing to tell
  if (!published && !withdraw) return;
  const { version, payload } = await nextVersion(tx, change.entity, change.id, published);
  const item: SyncItem = {
    key: syncKey(change.entity, change.id, version),
    kind: change.entity,
    recordId: change.id,
    version,
    action: withdraw ? 'withdraw' : 'upsert',
    payload,
    organisationId: change.organisationId,
    reason: withdraw ? change.reason : null,
  };
  await queueItems(tx, [{ item, label: recordLabel(change.entity, payload) }]);
}

const nouns = { organisation: 'Cơ sở', location: 'Địa điểm', product: 'Sản phẩm', lot: 'Lô' } as const;

/** The record as an officer names it: "Sản phẩm Bưởi Tân Triều (GTIN 08930000000012)", "Lô L01 của Bưởi". */
export function recordLabel(entity: PublicationChange['entity'], payload: Record<string, unknown> | null) {
  const p = payload ?? {};
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  switch (entity) {
    case 'product':
      return `${nouns.product} ${text(p.name) ?? 'chưa có tên'}${text(p.gtin) ? ` (GTIN ${p.gtin})` : ''}`;
    case 'lot':
      return `${nouns.lot} ${text(p.lot) ?? ''}${text(p.productName) ? ` của ${p.productName}` : ''}`.trim();
    default:
      return `${nouns[entity]} ${text(p.name) ?? 'chưa có tên'}`;
  }
}
