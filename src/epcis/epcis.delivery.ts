import crypto from 'node:crypto';
import type { DbOrTx } from '../platform/index.ts';
import { translateEvents } from './epcis.epc-format.ts';
import { presentQueryDocument } from './epcis.presenter.ts';
import { type EventQuery, maxPerPage } from './epcis.query.ts';
import { queryEvents, type Visibility } from './epcis.service.ts';
import { type DeliveryCursor, settledPk } from './epcis.subscriptions.repo.ts';
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
 * The events a subscriber has not had yet, at most `batch`, with the cursor to store once they are delivered;
 * `more` when others wait. Events are read above the cursor in key order, skipping those already sent; the cursor
 * moves only to a settled key (epcis.subscriptions.repo `settledPk`), so a capture that commits after a later one,
 * under a smaller key, is still found. Read in one repeatable-read snapshot, so the cursor and the events agree.
 */
export async function collectEvents(
  db: DbOrTx,
  query: EventQuery,
  visibility: Visibility,
  cursor: DeliveryCursor,
  opts: { batch: number; settleSeconds: number },
): Promise<{ events: StoredEvent[]; cursorPk: number; more: boolean }> {
  return db.transaction(
    async (tx) => {
      const settled = await settledPk(tx, opts.settleSeconds);
      const events: StoredEvent[] = [];
      let more = false;
      for (let after = cursor.cursorPk; ; ) {
        const page = await queryEvents(
          tx,
          { ...query, after: { pk: after, at: null }, perPage: maxPerPage },
          visibility,
        );
        for (const event of page.events) {
          if (cursor.sent.has(event.pk)) continue;
          if (events.length === opts.batch) {
            more = true;
            break;
          }
          events.push(event);
        }
        if (more || !page.more) break;
        after = page.events[page.events.length - 1].pk;
      }
      // never past an event not yet sent: when more wait, they all lie above the last one of this batch
      const reach = more ? Math.min(settled, events[events.length - 1].pk) : settled;
      return { events, cursorPk: Math.max(cursor.cursorPk, reach), more };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The cursor after a batch was delivered: what it passed is forgotten. */
export function advance(cursor: DeliveryCursor, cursorPk: number, delivered: StoredEvent[]): DeliveryCursor {
  const sent = new Set([...cursor.sent, ...delivered.map((e) => e.pk)].filter((pk) => pk > cursorPk));
  return { cursorPk, sent };
}

/**
 * The EPCISQueryDocument a subscriber receives: one batch of the query's events, naming query and subscription,
 * identifiers written as the binding's default `GS1-EPC-Format` (Digital Links), as every query answer is.
 */
export function subscriptionDocument(events: StoredEvent[], queryName: string, subscriptionID: string) {
  const document = presentQueryDocument(events, queryName);
  const { resultsBody, ...results } = document.epcisBody.queryResults;
  return {
    ...document,
    epcisBody: {
      queryResults: {
        subscriptionID,
        ...results,
        resultsBody: { eventList: translateEvents(resultsBody.eventList, 'Always_GS1_Digital_Link') },
      },
    },
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
