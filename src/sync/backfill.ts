import { recordAudit } from '../audit/index.ts';
import { parseEventQuery, queryEvents, type StoredEvent } from '../epcis/index.ts';
import { type Actor, type Db, type DbOrTx, forbidden, sideBySide } from '../platform/index.ts';
import { getPublishedRecord, listPublishedRecordIds, type ReviewedEntity } from '../registry/index.ts';
import { eventItem } from './capture-items.ts';
import { activeReceivers, queueFor, wakeWorkers } from './outbox.ts';
import { recordLabel } from './publication-items.ts';
import { type Receiver, type SyncItem, type SyncKind, syncKey } from './receiver.ts';
import type { QueuedAll } from './sync.api.ts';
import { mayManageSync } from './sync.policy.ts';
import * as repo from './sync.repo.ts';

const chunk = 1000;
const entities: ReviewedEntity[] = ['organisation', 'location', 'product', 'lot'];
/** A lot off the market was never the receiver's: a withdrawal of what it never had tells it nothing. */
const offMarket = new Set(['recalled', 'destroyed']);

type Counts = Map<string, Record<SyncKind, number>>;
type Queued = { item: SyncItem; label: string };

/**
 * Queues for each configured receiver what the province approved before the receiver was there (a province that
 * turns sync on later, a receiver added): every record with a public version and every event its organisations
 * captured, with their error declarations as withdrawals, that the receiver has nothing of in its outbox. A record
 * keeps the version it was given; one whose approved version changed since it last left (approved while sync was
 * off) gets the next, for every receiver, as an approval would. Idempotent, and one transaction per thousand
 * records, so a province of a million events never holds one giant transaction.
 */
export async function queueEverything(db: Db, actor: Actor | null = null): Promise<QueuedAll> {
  if (actor && !mayManageSync(actor)) throw forbidden();
  const receivers = activeReceivers();
  const counts: Counts = new Map(receivers.map((r) => [r.id, zero()]));
  for (const entity of entities) {
    const takers = receivers.filter((r) => r.kinds.includes(entity));
    if (!takers.length) continue;
    for (let after: string | null = null; ; ) {
      const page = await listPublishedRecordIds(db, entity, { after, limit: chunk });
      if (!page.length) break;
      await db.transaction((tx) => queueRecords(tx, entity, page, takers, counts));
      after = page.at(-1)!.id;
    }
  }
  const eventTakers = receivers.filter((r) => r.kinds.includes('event'));
  if (eventTakers.length) {
    const query = parseEventQuery({ perPage: String(chunk) });
    for (;;) {
      const page = await queryEvents(db, query, { all: true });
      await db.transaction((tx) => queueEvents(tx, page.events, eventTakers, counts));
      const last = page.events.at(-1);
      if (!page.more || !last) break;
      query.after = { pk: last.pk, at: null };
    }
  }
  const result = {
    receivers: receivers.map((r) => {
      const queued = counts.get(r.id)!;
      return { id: r.id, label: r.label.vi, queued, total: sum(queued) };
    }),
  };
  await db.transaction(async (tx) => {
    for (const r of result.receivers)
      await recordAudit(tx, {
        actor,
        action: 'queue-all',
        entityType: 'sync_receiver',
        entityId: r.id,
        // the receiver's name and the count travel in the entry: the log reads it in words
        after: { name: `${r.label} (${r.total} bản ghi)` },
      });
  });
  if (result.receivers.some((r) => r.total)) wakeWorkers();
  return result;
}

async function queueRecords(
  tx: DbOrTx,
  entity: ReviewedEntity,
  page: { id: string; organisationId: string }[],
  takers: Receiver[],
  counts: Counts,
) {
  const ids = page.map((p) => p.id);
  const versions = await repo.currentVersions(tx, entity, ids);
  const had = await sideBySide(
    tx,
    takers.map((r) => () => repo.recordsQueuedFor(tx, r.id, entity, ids)),
  );
  const perReceiver: Queued[][] = takers.map(() => []);
  for (const { id, organisationId } of page) {
    const published = await getPublishedRecord(tx, entity, id);
    if (!published || (entity === 'lot' && offMarket.has(String(published.status)))) continue;
    const known = versions.get(id);
    const changed = !known || stableJson(known.payload) !== stableJson(published);
    const missing = takers.filter((_, i) => !had[i].has(id));
    if (!changed && !missing.length) continue;
    // a version already given keeps its number: the receivers that have it must not hear it twice
    const version = changed ? (await repo.nextVersion(tx, entity, id, published)).version : known.version;
    const item: SyncItem = {
      key: syncKey(entity, id, version),
      kind: entity,
      recordId: id,
      version,
      action: 'upsert',
      payload: published,
      organisationId,
      reason: null,
    };
    const label = recordLabel(entity, published);
    takers.forEach((r, i) => {
      if (changed || missing.includes(r)) perReceiver[i].push({ item, label });
    });
  }
  for (const [i, receiver] of takers.entries()) {
    await queueFor(tx, receiver, perReceiver[i]);
    counts.get(receiver.id)![entity] += perReceiver[i].length;
  }
}

async function queueEvents(tx: DbOrTx, events: StoredEvent[], takers: Receiver[], counts: Counts) {
  // the program's own events (stamps issued) never leave by capture either: only organisations' do
  const items = events
    .filter((e) => e.organisationId !== null)
    .map((e) =>
      eventItem(e.eventId, e.document, e.organisationId!, e.document.errorDeclaration !== undefined),
    );
  const keys = items.map(({ item }) => item.key);
  for (const receiver of takers) {
    const had = await repo.keysQueuedFor(tx, receiver.id, keys);
    const missing = items.filter(({ item }) => !had.has(item.key));
    await queueFor(tx, receiver, missing);
    counts.get(receiver.id)!.event += missing.length;
  }
}

const zero = (): Record<SyncKind, number> => ({
  organisation: 0,
  location: 0,
  product: 0,
  lot: 0,
  event: 0,
  stamp: 0,
});
const sum = (c: Record<SyncKind, number>) => Object.values(c).reduce((a, b) => a + b, 0);

/** JSON with its keys sorted: a payload read back from jsonb has its keys in another order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
