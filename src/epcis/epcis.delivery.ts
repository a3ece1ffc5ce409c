import crypto from 'node:crypto';
import type { DbOrTx } from '../platform/index.ts';
import { presentQueryDocument } from './epcis.presenter.ts';
import { type EventQuery, maxPerPage } from './epcis.query.ts';
import { queryEvents, type Visibility } from './epcis.service.ts';
import { type DeliveryCursor, lateEvents, readSnapshot } from './epcis.subscriptions.repo.ts';
import type { StoredEvent } from './epcis.types.ts';

/** A named query prepared for a subscription: capture order, no limits, from its initial record time on. */
export function standingQuery(query: EventQuery, initialRecordTime: Date): EventQuery {
  return {
    ...query,
    times: [...query.times, { column: 'record_time', op: '>=', value: initialRecordTime.toISOString() }],
    order: { column: null, direction: 'ASC' },
    eventCountLimit: null,
    maxEventCount: null,
    after: null,
  };
}

/**
 * The events a subscriber has not had yet, at most `batch` new ones, and the cursor to store once they are
 * delivered; `more` when others wait. Read in one repeatable-read snapshot, so the cursor and the events agree:
 * events committed later under a key below the cursor are found by the transactions the cursor remembers.
 */
export async function collectEvents(
  db: DbOrTx,
  query: EventQuery,
  visibility: Visibility,
  cursor: DeliveryCursor,
  batch: number,
): Promise<{ events: StoredEvent[]; next: DeliveryCursor; more: boolean }> {
  return db.transaction(
    async (tx) => {
      const snapshot = await readSnapshot(tx);
      const events = await lateMatches(tx, query, visibility, cursor);
      const fresh = await queryEvents(
        tx,
        { ...query, after: { pk: cursor.cursorPk, at: null }, perPage: batch },
        visibility,
      );
      events.push(...fresh.events);
      const { pendingXids, horizonXid } = snapshot;
      const cursorPk = fresh.more
        ? fresh.events[fresh.events.length - 1].pk
        : Math.max(cursor.cursorPk, snapshot.maxPk);
      return { events, next: { cursorPk, pendingXids, horizonXid }, more: fresh.more };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Late events (committed after the cursor passed their key) that the query and the visibility let through. */
async function lateMatches(db: DbOrTx, query: EventQuery, visibility: Visibility, cursor: DeliveryCursor) {
  const late = await lateEvents(db, cursor);
  if (!late.length) return [];
  const pks = new Set(late.map((e) => e.pk));
  const byId: EventQuery = {
    ...query,
    equals: [...query.equals, { column: 'event_id', values: [...new Set(late.map((e) => e.eventId))] }],
    perPage: maxPerPage,
  };
  const found: StoredEvent[] = [];
  for (let after: EventQuery['after'] = null; ; ) {
    const page = await queryEvents(db, { ...byId, after }, visibility);
    // an eventID names its original and its declarations: only the late rows themselves
    found.push(...page.events.filter((e) => pks.has(e.pk)));
    if (!page.more) return found;
    after = { pk: page.events[page.events.length - 1].pk, at: null };
  }
}

/** The EPCISQueryDocument a subscriber receives: one batch of the query's events, naming query and subscription. */
export function subscriptionDocument(events: StoredEvent[], queryName: string, subscriptionID: string) {
  const document = presentQueryDocument(events, queryName);
  return {
    ...document,
    epcisBody: { queryResults: { subscriptionID, ...document.epcisBody.queryResults } },
  };
}

/** The GS1-Signature of a body: `sha256=` and the hex HMAC-SHA256 of its bytes under the subscriber's token. */
export function signatureOf(body: string, token: string): string {
  return `sha256=${crypto.createHmac('sha256', token).update(body).digest('hex')}`;
}

/**
 * Posts a document to a webhook. Anything but a 2xx answer within `timeoutMs` is a failure (thrown); redirects
 * are not followed, so an allowed address cannot send the events on to one that is not.
 */
export async function postToWebhook(
  dest: string,
  document: unknown,
  opts: { signatureToken: string | null; timeoutMs: number },
) {
  const body = JSON.stringify(document);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'GS1-EPCIS-Version': '2.0.0',
    'GS1-CBV-Version': '2.0.0',
  };
  if (opts.signatureToken) headers['GS1-Signature'] = signatureOf(body, opts.signatureToken);
  const response = await fetch(dest, {
    method: 'POST',
    body,
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(opts.timeoutMs),
  });
  await response.body?.cancel();
  if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status}`);
}

/** Where webhooks may go: http(s) only, and under one of the allowed prefixes when the department set any. */
export function destinationError(dest: string, allow: string[]): string | null {
  let url: URL;
  try {
    url = new URL(dest);
  } catch {
    return 'epcis.subscription.destScheme';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'epcis.subscription.destScheme';
  if (allow.length && !allow.some((prefix) => url.href.startsWith(new URL(prefix).href)))
    return 'epcis.subscription.destNotAllowed';
  return null;
}
