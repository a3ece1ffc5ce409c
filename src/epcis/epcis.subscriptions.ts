import { z } from 'zod';
import { badRequest, type DbOrTx, type FieldError, notFound } from '../platform/index.ts';
import { destinationError } from './epcis.delivery.ts';
import { nextScheduledTime, type QuerySchedule, readSchedule } from './epcis.schedule.ts';
import type { NamedQuery, Subscription } from './epcis.subscriptions.repo.ts';
import * as repo from './epcis.subscriptions.repo.ts';

const scheduleField = z.string().min(1).max(200).optional();
export const querySchedule = z.object({
  second: scheduleField,
  minute: scheduleField,
  hour: scheduleField,
  dayOfMonth: scheduleField,
  month: scheduleField,
  dayOfWeek: scheduleField,
});

/** The body of POST /queries/{queryName}/subscriptions (the binding's query subscription). */
export const subscriptionInput = z.object({
  dest: z.string().min(1).max(2000).optional(),
  signatureToken: z.string().min(1).max(1000).optional(),
  reportIfEmpty: z.boolean().default(false),
  stream: z.literal(true).optional(),
  schedule: querySchedule.optional(),
  initialRecordTime: z.iso.datetime({ offset: true }).optional(),
});
export type SubscriptionInput = z.infer<typeof subscriptionInput>;

/**
 * Whether a subscription says when to report: `stream: true` or a schedule, never both (the binding's
 * SubscriptionControlsException). Returns the schedule read to the minute, or throws 400 naming what is wrong.
 */
export function subscriptionControls(input: { stream?: boolean; schedule?: QuerySchedule }, at = '/body') {
  const errors: FieldError[] = [];
  if ((input.stream === true) === (input.schedule !== undefined))
    errors.push({ field: at, code: 'epcis.subscription.streamOrSchedule' });
  const read = input.schedule ? readSchedule(input.schedule, `${at}/schedule`) : null;
  if (read && 'errors' in read) errors.push(...read.errors);
  if (errors.length) throw badRequest(errors, 'epcis-subscription-controls');
  return read && 'matcher' in read ? read.matcher : null;
}

/** Subscribes a webhook to a named query; its events are sent from `initialRecordTime` (default: now) on. */
export async function createSubscription(
  db: DbOrTx,
  query: NamedQuery,
  input: SubscriptionInput,
  allow: string[],
): Promise<Subscription> {
  const matcher = subscriptionControls(input);
  if (input.dest === undefined)
    throw badRequest(
      [{ field: '/body/dest', code: 'epcis.subscription.destMissing' }],
      'epcis-subscription-controls',
    );
  const refused = destinationError(input.dest, allow);
  if (refused) throw badRequest([{ field: '/body/dest', code: refused }], 'epcis-subscription-controls');
  const now = new Date();
  return repo.insertSubscription(db, {
    queryId: query.id,
    organisationId: query.organisationId,
    dest: input.dest,
    signatureToken: input.signatureToken ?? null,
    stream: input.stream === true,
    schedule: input.schedule ?? null,
    reportIfEmpty: input.reportIfEmpty,
    initialRecordTime: input.initialRecordTime ? new Date(input.initialRecordTime) : now,
    nextAttemptAt: matcher ? nextScheduledTime(matcher, now) : now,
  });
}

export async function requireSubscription(db: DbOrTx, query: NamedQuery, id: string) {
  const subscription = z.uuid().safeParse(id).success ? await repo.findSubscription(db, query.id, id) : null;
  if (!subscription) throw notFound('epcis-subscription-not-found');
  return subscription;
}

export function listSubscriptions(db: DbOrTx, query: NamedQuery, after: string | null, limit: number) {
  return repo.listSubscriptions(db, query.id, after, limit);
}

export async function deleteSubscription(db: DbOrTx, query: NamedQuery, id: string) {
  await repo.deleteSubscription(db, (await requireSubscription(db, query, id)).id);
}

/** Un-parks a subscription (TXNG's resource): delivery starts again where the cursor stopped. */
export async function resumeSubscription(db: DbOrTx, query: NamedQuery, id: string) {
  const subscription = await requireSubscription(db, query, id);
  await repo.resumeSubscription(db, subscription.id);
  return repo.findSubscription(db, query.id, id) as Promise<Subscription>;
}

/** A subscription as the binding answers it (never its secret), with TXNG's delivery state. */
export function presentSubscription(s: Subscription, queryName: string) {
  return {
    subscriptionID: s.id,
    queryName,
    dest: s.dest,
    ...(s.stream ? { stream: true } : { schedule: s.schedule }),
    reportIfEmpty: s.reportIfEmpty,
    initialRecordTime: s.initialRecordTime.toISOString(),
    createdAt: s.createdAt.toISOString(),
    lastNotifiedAt: s.lastNotifiedAt?.toISOString(),
    signed: s.signatureToken !== null,
    status: s.status,
    attempts: s.attempts,
    nextAttemptAt: s.nextAttemptAt.toISOString(),
    lastError: s.lastError,
  };
}
