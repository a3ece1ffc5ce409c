import type { Config } from '../platform/index.ts';
import { hubReceiverFromConfig } from './hub-receiver.ts';
import { nationalReceiverFromConfig } from './national.receiver.ts';
import type { Receiver } from './receiver.ts';

/** Builds one receiver from the configuration, or answers null when that receiver is not configured. */
export type ReceiverBuilder = (config: Config) => Receiver | null;

/**
 * Every receiver the province can deliver to, in one place: the TXNG hub (TXNG_HUB_URL, TXNG_HUB_KEY) and the
 * national portal (TXNG_NATIONAL_URL, TXNG_NATIONAL_CLIENT_ID, TXNG_NATIONAL_CLIENT_SECRET).
 */
const builders: ReceiverBuilder[] = [hubReceiverFromConfig, nationalReceiverFromConfig];

/** The receivers this configuration names, each once by id; none when nothing is configured. */
export function receiversFromConfig(config: Config, more: ReceiverBuilder[] = []): Receiver[] {
  const receivers = [...builders, ...more].map((build) => build(config)).filter((r) => r !== null);
  const ids = new Set<string>();
  for (const r of receivers) {
    if (ids.has(r.id)) throw new Error(`two receivers share the id ${r.id}`);
    ids.add(r.id);
  }
  return receivers;
}
