import { z } from 'zod';
import { syncKinds } from './receiver.ts';
import { syncStates } from './sync.schema.ts';

export const outboxRowView = z.object({
  id: z.number().int(),
  receiver: z.string(),
  /** The receiver in words ("Trung tâm dữ liệu (hub TXNG)"). */
  receiverLabel: z.string(),
  /** The record in words. */
  label: z.string(),
  kind: z.enum(syncKinds),
  action: z.enum(['upsert', 'withdraw']),
  version: z.number().int(),
  state: z.enum(syncStates),
  attempts: z.number().int(),
  /** The receiver's last answer or the check's reasons, in the request's language. */
  reasons: z.array(z.object({ text: z.string(), field: z.string().nullable() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
export type OutboxRowView = z.infer<typeof outboxRowView>;

export const outboxSummary = z.object({
  receivers: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      /** Whether this program delivers to it now (configured), or only has rows left for it. */
      configured: z.boolean(),
      counts: z.object(
        Object.fromEntries(syncStates.map((s) => [s, z.number().int()])) as {
          [K in (typeof syncStates)[number]]: z.ZodNumber;
        },
      ),
      /** The oldest record not yet confirmed (waiting, held, being sent or parked). */
      oldestUndelivered: z
        .object({ label: z.string(), createdAt: z.string(), state: z.enum(syncStates) })
        .nullable(),
    }),
  ),
  maxAttempts: z.number().int(),
});
export type OutboxSummary = z.infer<typeof outboxSummary>;

export const outboxQuery = z.object({
  state: z.enum(syncStates).optional(),
  receiver: z.string().max(50).optional(),
  kind: z.enum(syncKinds).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type OutboxQuery = z.infer<typeof outboxQuery>;

export const outboxPage = z.object({
  items: z.array(outboxRowView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** What "send everything approved" queued, per receiver and kind of record. */
export const queuedAll = z.object({
  receivers: z.array(
    z.object({
      id: z.string(),
      /** The receiver in words. */
      label: z.string(),
      queued: z.object(
        Object.fromEntries(syncKinds.map((k) => [k, z.number().int()])) as {
          [K in (typeof syncKinds)[number]]: z.ZodNumber;
        },
      ),
      total: z.number().int(),
    }),
  ),
});
export type QueuedAll = z.infer<typeof queuedAll>;
