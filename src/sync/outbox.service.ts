import { recordAudit } from '../audit/index.ts';
import { type Actor, conflict, type Db, forbidden, type Lang, notFound } from '../platform/index.ts';
import * as repo from './outbox.repo.ts';
import { activeReceivers, receiverById, wakeWorkers } from './outbox.ts';
import type { ReceiverReason, SyncItem } from './receiver.ts';
import type { OutboxQuery, OutboxRowView, OutboxSummary } from './sync.api.ts';
import { mayManageSync } from './sync.policy.ts';
import { type OutboxRow, type SyncState, syncStates } from './sync.schema.ts';

const parkedByHand: ReceiverReason = {
  vi: 'Cán bộ Sở đã dừng gửi bản ghi này.',
  en: 'An officer of the department parked this record.',
};

function mustManage(actor: Actor) {
  if (!mayManageSync(actor)) throw forbidden();
}

const receiverLabel = (id: string, lang: Lang) => receiverById(id)?.label[lang] ?? id;

export function presentRow(row: OutboxRow, lang: Lang): OutboxRowView {
  const reasons = (row.reasons as ReceiverReason[] | null) ?? [];
  return {
    id: row.id,
    receiver: row.receiver,
    receiverLabel: receiverLabel(row.receiver, lang),
    label: row.label,
    kind: row.kind as OutboxRowView['kind'],
    action: row.action as OutboxRowView['action'],
    version: row.version,
    state: row.state as SyncState,
    attempts: row.attempts,
    reasons: reasons.map((r) => ({ text: r[lang] ?? r.vi, field: r.field ?? null })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    nextAttemptAt: row.state === 'queued' ? row.nextAttemptAt.toISOString() : null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
  };
}

/** The outbox at a glance, per receiver: how many rows in each state, and the oldest not yet delivered. */
export async function outboxSummary(
  db: Db,
  actor: Actor,
  lang: Lang,
  maxAttempts: number,
): Promise<OutboxSummary> {
  mustManage(actor);
  const [counts, oldest] = await Promise.all([repo.countsByReceiverAndState(db), repo.oldestUndelivered(db)]);
  const ids = [...new Set([...activeReceivers().map((r) => r.id), ...counts.map((c) => c.receiver)])];
  return {
    maxAttempts,
    receivers: ids.map((id) => {
      const zero = Object.fromEntries(syncStates.map((s) => [s, 0])) as Record<SyncState, number>;
      for (const c of counts) if (c.receiver === id) zero[c.state as SyncState] = Number(c.count);
      const first = oldest.find((o) => o.receiver === id);
      return {
        id,
        label: receiverLabel(id, lang),
        configured: receiverById(id) !== null,
        counts: zero,
        oldestUndelivered: first
          ? { label: first.label, createdAt: first.createdAt.toISOString(), state: first.state }
          : null,
      };
    }),
  };
}

export async function listOutbox(db: Db, actor: Actor, lang: Lang, query: OutboxQuery) {
  mustManage(actor);
  const { rows, total } = await repo.listRows(db, query);
  return { items: rows.map((r) => presentRow(r, lang)), total, page: query.page, pageSize: query.pageSize };
}

/**
 * Sends a parked or held record again from the first try, recorded in the audit log. A held record is checked
 * again against what its receiver requires: still refused, it stays held with the reasons as they are now.
 */
export async function retryRow(db: Db, actor: Actor, id: number, lang: Lang): Promise<OutboxRowView> {
  mustManage(actor);
  const row = await db.transaction(async (tx) => {
    const before = await repo.lockRow(tx, id);
    if (!before) throw notFound('sync.row-not-found');
    if (before.state !== 'failed' && before.state !== 'held') throw conflict('sync.not-retryable');
    const receiver = receiverById(before.receiver);
    const reasons = before.state === 'held' && receiver ? receiver.check(before.item as SyncItem) : [];
    const after = await repo.setRowState(tx, id, {
      state: reasons.length ? 'held' : 'queued',
      attempts: 0,
      nextAttemptAt: new Date(),
      reasons: reasons.length ? reasons : null,
    });
    await audit(tx, actor, 'retry', before, after);
    return after;
  });
  if (row.state === 'queued') wakeWorkers();
  return presentRow(row, lang);
}

/** Stops sending a waiting or held record until someone retries it, recorded in the audit log. */
export async function parkRow(db: Db, actor: Actor, id: number, lang: Lang): Promise<OutboxRowView> {
  mustManage(actor);
  const row = await db.transaction(async (tx) => {
    const before = await repo.lockRow(tx, id);
    if (!before) throw notFound('sync.row-not-found');
    if (before.state !== 'queued' && before.state !== 'held') throw conflict('sync.not-parkable');
    const after = await repo.setRowState(tx, id, { state: 'failed', reasons: [parkedByHand] });
    await audit(tx, actor, 'park', before, after);
    return after;
  });
  return presentRow(row, lang);
}

function audit(
  tx: Parameters<typeof recordAudit>[0],
  actor: Actor,
  action: string,
  before: OutboxRow,
  after: OutboxRow,
) {
  return recordAudit(tx, {
    actor,
    action,
    entityType: 'sync_outbox',
    entityId: String(before.id),
    organisationId: before.organisationId,
    // the record's name travels in the entry: the audit log looks labels up by uuid, and outbox rows are numbered
    before: { name: before.label, state: before.state, attempts: before.attempts },
    after: { name: after.label, state: after.state, attempts: after.attempts },
  });
}
