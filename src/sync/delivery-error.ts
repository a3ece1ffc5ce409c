import type { ReceiverReason } from './receiver.ts';

/**
 * A receiver's transport failure (unreachable, timed out, 5xx): the worker tries the whole batch again later and
 * shows `reason` on the screen. Any other error thrown by `deliver` is shown as "the receiver did not answer".
 */
export class DeliveryError extends Error {
  readonly reason: ReceiverReason;
  constructor(reason: ReceiverReason) {
    super(reason.en);
    this.name = 'DeliveryError';
    this.reason = reason;
  }
}
