import crypto from 'node:crypto';
import type { Db } from '../platform/index.ts';
import { DeliveryError } from './delivery-error.ts';
import { onQueued } from './outbox.ts';
import type { ItemOutcome, Receiver, ReceiverReason } from './receiver.ts';
import { type Claimed, claimRows, type Recorded, recordOutcomes } from './sync.repo.ts';

export interface WorkerOptions {
  /** Tries after which a row is parked as failed (TXNG_SYNC_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** Items per delivery, at most the contract's 1,000. */
  batchSize?: number;
  /** How long a claim holds its rows: past it, a worker that died has its rows taken by another. */
  leaseMs?: number;
  /** The first retry's delay; each next one doubles, up to `maxDelayMs`, each drawn with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Between two looks at the outbox when nothing wakes the worker. */
  pollMs?: number;
  /** Deliveries in flight at once per receiver (SKIP LOCKED keeps their rows apart). */
  concurrency?: number;
  now?: () => Date;
  random?: () => number;
  log?: (message: string) => void;
}

const noAnswer: ReceiverReason = {
  vi: 'Nơi nhận không trả lời được yêu cầu gửi, sẽ gửi lại sau.',
  en: 'The receiver did not answer the delivery; it will be tried again.',
};

/**
 * The delay before try `attempts + 1`: exponential (base · 2^(attempts−1), capped), with "equal jitter" (half
 * fixed, half random) so that rows failed together do not come back together.
 */
export function backoffMs(attempts: number, base: number, max: number, random: () => number): number {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * The outbox's worker (decision 051): claims due rows per receiver with `FOR UPDATE SKIP LOCKED` and a lease,
 * hands them over in batches, records each outcome (confirmed; rejected → failed with the receiver's reason; to
 * be tried again → queued with backoff, failed after the last try). Several processes on one PostgreSQL each run
 * one; on PGlite the one process does. Nothing is lost to a crash: an expired lease makes its rows due again.
 */
export function createSyncWorker(db: Db, receivers: readonly Receiver[], options: WorkerOptions) {
  const o = {
    batchSize: 1000,
    leaseMs: 120_000,
    baseDelayMs: 10_000,
    maxDelayMs: 3_600_000,
    pollMs: 2_000,
    concurrency: 4,
    now: () => new Date(),
    random: Math.random,
    log: (_: string) => {},
    ...options,
  };
  const batchSize = Math.min(1000, Math.max(1, o.batchSize));

  /** One claim and delivery for a receiver: how many rows it took. */
  async function deliverBatch(receiver: Receiver): Promise<number> {
    const claim = crypto.randomUUID();
    const at = o.now();
    const rows = await claimRows(db, {
      receiver: receiver.id,
      batch: batchSize,
      claim,
      at,
      leaseUntil: new Date(at.getTime() + o.leaseMs),
    });
    if (!rows.length) return 0;
    let outcomes: ItemOutcome[];
    try {
      outcomes = await receiver.deliver(rows.map((r) => r.item));
    } catch (error) {
      const reason = error instanceof DeliveryError ? error.reason : noAnswer;
      if (!(error instanceof DeliveryError)) o.log(`sync: ${receiver.id} failed: ${String(error)}`);
      outcomes = rows.map((r) => ({ key: r.item.key, status: 'retry', reason }));
    }
    await recordOutcomes(db, claim, record(rows, outcomes, at));
    return rows.length;
  }

  function record(rows: Claimed[], outcomes: ItemOutcome[], at: Date): Recorded[] {
    const byKey = new Map(outcomes.map((out) => [out.key, out]));
    return rows.map((row) => {
      const out: ItemOutcome = byKey.get(row.item.key) ?? {
        key: row.item.key,
        status: 'retry',
        reason: noAnswer,
      };
      if (out.status === 'confirmed')
        return { id: row.id, state: 'confirmed', reasons: null, nextAttemptAt: null };
      if (out.status === 'rejected' || row.attempts >= o.maxAttempts)
        return { id: row.id, state: 'failed', reasons: [out.reason], nextAttemptAt: null };
      const delay = backoffMs(row.attempts, o.baseDelayMs, o.maxDelayMs, o.random);
      return {
        id: row.id,
        state: 'queued',
        reasons: [out.reason],
        nextAttemptAt: new Date(at.getTime() + delay),
      };
    });
  }

  /** Delivers everything due now, every receiver side by side: how many rows were handed over. */
  async function runOnce(): Promise<number> {
    const counts = await Promise.all(
      receivers.map(async (receiver) => {
        let total = 0;
        await Promise.all(
          Array.from({ length: Math.max(1, o.concurrency) }, async () => {
            for (;;) {
              const n = await deliverBatch(receiver);
              total += n;
              if (n < batchSize || stopping) return;
            }
          }),
        );
        return total;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  let stopping = false;
  let running: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let woken = false;
  const unsubscribe = onQueued(() => {
    woken = true;
    wake?.();
  });

  async function loop() {
    while (!stopping) {
      woken = false;
      try {
        await runOnce();
      } catch (error) {
        o.log(`sync: the outbox could not be read: ${String(error)}`);
      }
      if (stopping || woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, o.pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  return {
    runOnce,
    /** Runs until `stop`: delivers what is due, then waits for a change to be queued or the next poll. */
    start() {
      if (!running && receivers.length) running = loop();
    },
    /** Lets the delivery in flight finish and record its outcomes, then stops. */
    async stop() {
      stopping = true;
      unsubscribe();
      wake?.();
      await running;
    },
  };
}

export type SyncWorker = ReturnType<typeof createSyncWorker>;
