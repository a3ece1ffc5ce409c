import type { Db } from '../platform/index.ts';
import {
  advance,
  collectEvents,
  destinationError,
  postToWebhook,
  standingQuery,
  subscriptionDocument,
} from './epcis.delivery.ts';
import { readStoredQuery } from './epcis.named-queries.ts';
import type { EventQuery } from './epcis.query.ts';
import {
  nextScheduledTime,
  type QuerySchedule,
  readSchedule,
  type ScheduleMatcher,
} from './epcis.schedule.ts';
import type { Visibility } from './epcis.service.ts';
import * as repo from './epcis.subscriptions.repo.ts';

export interface DeliveryOptions {
  /** Failed deliveries in a row before a subscription is parked. */
  maxAttempts: number;
  /** The first retry's delay; each further one doubles, up to an hour. */
  retrySeconds: number;
  /** URL prefixes webhooks may go to; empty: any http(s) address. */
  allow: string[];
  /** The events of one subscription's organisation may read (the rule of GET /epcis/events). */
  visibilityOf: (organisationId: string) => Promise<Visibility>;
  batchSize?: number;
  timeoutMs?: number;
  pollMs?: number;
  /** Longer than any capture transaction lasts (epcis.subscriptions.repo `settledPk`). */
  settleSeconds?: number;
}

/** A WebSocket subscriber: its query, what its actor may read, and where its stream stands (kept in memory). */
export interface SocketSubscriber {
  subscriptionID: string;
  queryId: string;
  queryName: string;
  query: EventQuery;
  visibility: Visibility;
  schedule: ScheduleMatcher | null;
  reportIfEmpty: boolean;
  cursor: repo.DeliveryCursor;
  nextAt: Date;
  send(document: unknown): void;
  close(): void;
}

const maxDelaySeconds = 3600;
const leaseSeconds = 60;

/** The running dispatchers of this process (one per app). */
const dispatchers = new Set<SubscriptionDispatcher>();

/**
 * Called by the capture path after its transaction: stream subscribers get the new events now. A capture made
 * inside a caller's transaction (stage forms, diary, stamps) is not committed yet then; the next poll, within a
 * second, finds it.
 */
export function notifyCaptured() {
  for (const dispatcher of dispatchers) dispatcher.wake('capture');
}

/**
 * Delivers the events of named queries to their subscribers: webhooks (state in epcis_subscriptions, so nothing
 * is lost across failures and restarts) and WebSockets (state in memory, for as long as the socket is open).
 * Woken at once by captures; a poll finds retries and schedules that are due, and another process's captures.
 */
export class SubscriptionDispatcher {
  private readonly sockets = new Set<SocketSubscriber>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private wanted: 'capture' | 'poll' | null = null;
  private stopped = false;
  private lastSignature: string | null = null;
  private everyone = true;
  /** No active webhook subscription at the last look (and no socket): a capture's round has nobody to tell. */
  private nobody = false;
  private readonly db: Db;
  private readonly opts: DeliveryOptions;

  constructor(db: Db, opts: DeliveryOptions) {
    this.db = db;
    this.opts = opts;
  }

  start() {
    dispatchers.add(this);
    this.timer = setInterval(() => this.wake('poll'), this.opts.pollMs ?? 1000);
    this.timer.unref();
    // deliveries left pending by the last run resume now
    this.wake('poll');
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    dispatchers.delete(this);
    for (const socket of this.sockets) socket.close();
    await this.running;
  }

  addSocket(subscriber: SocketSubscriber) {
    this.sockets.add(subscriber);
  }

  removeSocket(subscriber: SocketSubscriber) {
    this.sockets.delete(subscriber);
  }

  /** Closes the WebSockets of a deleted query (the binding: its subscriptions end with it). */
  closeSocketsOf(queryId: string) {
    for (const socket of this.sockets) if (socket.queryId === queryId) socket.close();
  }

  /** A round for every subscriber, new events or not: a subscription was made or resumed. */
  wakeAll() {
    this.everyone = true;
    this.wake('poll');
  }

  /** Runs a round soon; rounds never overlap, and a wake during one runs another after it. */
  wake(reason: 'capture' | 'poll') {
    if (this.stopped) return;
    this.wanted = this.wanted === 'poll' || reason === 'poll' ? 'poll' : 'capture';
    if (this.running) return;
    this.running = (async () => {
      while (this.wanted && !this.stopped) {
        const reason_ = this.wanted;
        this.wanted = null;
        await this.round(reason_).catch((err) => console.error('EPCIS subscription round failed', err));
      }
      this.running = null;
    })();
  }

  /**
   * A capture's round: stream subscribers. A poll's: schedules and retries that are due, and, when events arrived
   * since the last poll (from another process, or committed after the capture's wake), every subscriber.
   */
  private async round(reason: 'capture' | 'poll') {
    // with nobody subscribed, captures cost nothing here; the poll looks again every second (another process may
    // have made a subscription) and a subscription made here wakes everything at once (wakeAll)
    if (!this.sockets.size) {
      if (reason === 'capture' && this.nobody) return;
      if (reason === 'poll') {
        this.nobody = !(await repo.anyActiveSubscription(this.db));
        if (this.nobody && !this.everyone) return;
      }
    } else this.nobody = false;
    let which: 'stream' | 'others' | 'all' = 'stream';
    if (reason === 'poll') {
      const signature = await repo.eventsSignature(this.db, this.settleSeconds);
      which = signature === this.lastSignature && !this.everyone ? 'others' : 'all';
      this.lastSignature = signature;
      this.everyone = false;
    }
    const now = new Date();
    const due = await repo.claimDueSubscriptions(this.db, { leaseSeconds, which });
    const sockets = [...this.sockets].filter((socket) =>
      socket.schedule ? socket.nextAt <= now : which !== 'others',
    );
    await Promise.all([
      ...due.map((subscription) => this.deliver(subscription)),
      ...sockets.map((socket) => this.push(socket)),
    ]);
  }

  /** One webhook subscription: every new event in batches; on failure the cursor stays and a retry waits. */
  private async deliver(sub: Awaited<ReturnType<typeof repo.claimDueSubscriptions>>[number]) {
    const schedule = sub.schedule ? readSchedule(sub.schedule as QuerySchedule, '/schedule') : null;
    const matcher = schedule && 'matcher' in schedule ? schedule.matcher : null;
    let attempts = sub.attempts;
    let reported = false;
    try {
      const refused = destinationError(sub.dest, this.opts.allow);
      if (refused) throw new Error(`destination refused (${refused})`);
      const query = standingQuery(readStoredQuery(sub.query), sub.initialRecordTime);
      const visibility = await this.opts.visibilityOf(sub.organisationId);
      let cursor = { cursorPk: sub.cursorPk, sent: await repo.sentPks(this.db, sub.id, sub.cursorPk) };
      for (;;) {
        const { events, cursorPk, more } = await collectEvents(
          this.db,
          query,
          visibility,
          cursor,
          this.limits,
        );
        const sending: boolean =
          events.length > 0 || (matcher !== null && sub.reportIfEmpty && !reported && !more);
        if (sending)
          await postToWebhook(sub.dest, subscriptionDocument(events, sub.queryName, sub.id), {
            signatureToken: sub.signatureToken,
            timeoutMs: this.opts.timeoutMs ?? 10_000,
          });
        reported ||= sending;
        attempts = 0;
        cursor = advance(cursor, cursorPk, events);
        const now = new Date();
        await repo.recordDelivered(
          this.db,
          sub.id,
          { cursorPk, sentPks: events.map((e) => e.pk) },
          {
            notified: sending,
            nextAttemptAt: !more && matcher ? nextScheduledTime(matcher, now) : now,
            releaseLease: !more,
          },
        );
        if (!more || this.stopped) return;
      }
    } catch (err) {
      attempts += 1;
      const delay = Math.min(this.opts.retrySeconds * 2 ** (attempts - 1), maxDelaySeconds);
      const park = attempts >= this.opts.maxAttempts;
      await repo.recordFailed(this.db, sub.id, {
        attempts,
        error: describe(err),
        nextAttemptAt: new Date(Date.now() + delay * 1000),
        park,
      });
      // the retry comes when due, not at the next poll
      if (!park) setTimeout(() => this.wake('poll'), delay * 1000).unref();
    }
  }

  /** One WebSocket subscriber: new events as they come (stream) or on its schedule. */
  private async push(socket: SocketSubscriber) {
    const now = new Date();
    if (socket.schedule && socket.nextAt > now) return;
    try {
      let reported = false;
      for (;;) {
        const { events, cursorPk, more } = await collectEvents(
          this.db,
          socket.query,
          socket.visibility,
          socket.cursor,
          this.limits,
        );
        const sending: boolean =
          events.length > 0 || (socket.schedule !== null && socket.reportIfEmpty && !reported && !more);
        if (sending) socket.send(subscriptionDocument(events, socket.queryName, socket.subscriptionID));
        reported ||= sending;
        socket.cursor = advance(socket.cursor, cursorPk, events);
        if (!more) break;
      }
      socket.nextAt = socket.schedule ? nextScheduledTime(socket.schedule, now) : now;
    } catch (err) {
      console.error('EPCIS WebSocket subscription failed', err);
      socket.close();
    }
  }

  private get settleSeconds() {
    return this.opts.settleSeconds ?? 600;
  }

  private get limits() {
    return { batch: this.opts.batchSize ?? 100, settleSeconds: this.settleSeconds };
  }
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${err.message}: ${cause.code ?? cause.message}` : err.message;
}
