/**
 * What leaves the province, and the one interface every receiver answers to (issue 14): the outbox queues
 * `SyncItem`s in the transaction of the change, the worker hands them to a `Receiver` in batches, and each item
 * comes back confirmed, rejected for good (parked with the receiver's reason in words) or to be tried again.
 *
 * The TXNG hub speaks this same shape on the wire: `POST /api/hub/deliveries` with `Authorization: Bearer <the
 * province node's key>` and the body `{ "items": SyncItem[] }` (at most 1,000) answers 200 `{ "results":
 * ItemOutcome[] }`, one per item in the same order. The hub applies each key once: a key it has seen is confirmed
 * again without being applied twice, and an older version arriving after a newer one is confirmed but not applied.
 */

/** The kinds of record that leave the province. */
export const syncKinds = ['organisation', 'location', 'product', 'lot', 'event', 'stamp'] as const;
export type SyncKind = (typeof syncKinds)[number];

export interface SyncItem {
  /** Stable per record and version, `${kind}:${recordId}:${version}`: the receiver's idempotency key. */
  key: string;
  kind: SyncKind;
  /** The record's id in the province (a UUID), or for an event its eventID. */
  recordId: string;
  /** Rises with each approved version of the record (1 for an event, which never changes). */
  version: number;
  /** `withdraw`: approval withdrawn, stamp revoked, lot recalled, event retracted by an error declaration. */
  action: 'upsert' | 'withdraw';
  /**
   * What was approved, as the public sees it: for registry kinds the published version as the registry's API
   * presents it (`GET /api/<kind>s/:id`); for an event the EPCIS 2.0 JSON-LD event; for a stamp
   * `{ uri, gtin, lot, serial, state }`. On a withdrawal the last payload sent, or null.
   */
  payload: Record<string, unknown> | null;
  /** The organisation the record belongs to, in the province. */
  organisationId: string | null;
  /** Why, in words, for a withdrawal. */
  reason?: string | null;
}

/** A reason a department officer reads, in both languages, naming the field in words when there is one. */
export interface ReceiverReason {
  vi: string;
  en: string;
  /** The payload's field the reason is about, as a dotted path (`images.0`), for the screen to point at. */
  field?: string;
}

export type ItemOutcome =
  | { key: string; status: 'confirmed' }
  /** The receiver refuses this item as it is: parked as failed at once, retried only by hand. */
  | { key: string; status: 'rejected'; reason: ReceiverReason }
  /** Not this time (busy, unreachable, token expired): tried again with backoff. */
  | { key: string; status: 'retry'; reason: ReceiverReason };

export interface Receiver {
  /** Stable, stored with each outbox row: `hub`, `national`. */
  readonly id: string;
  readonly label: { vi: string; en: string };
  /** The kinds this receiver takes; others are never queued for it. */
  readonly kinds: readonly SyncKind[];
  /**
   * What the receiver requires, checked before anything is queued: every reason the item would be refused
   * (for the national portal the ten data items of Circular 02/2024, a valid GTIN, a public image URL, net
   * quantity and unit). Empty when it may go.
   */
  check(item: SyncItem): ReceiverReason[];
  /**
   * Hands over a batch. Answers one outcome per item; a transport failure (connection refused, timeout, 5xx)
   * throws, and the worker treats the whole batch as `retry`.
   */
  deliver(items: SyncItem[]): Promise<ItemOutcome[]>;
}

export const syncKey = (kind: SyncKind, recordId: string, version: number) =>
  `${kind}:${recordId}:${version}`;
