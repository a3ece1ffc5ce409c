import { registerCaptureRule } from '../epcis/index.ts';
import { connectPublicationListener } from '../registry/index.ts';
import { queueCapture } from './capture-items.ts';
import { queuePublication } from './publication-items.ts';

let connected = false;

/**
 * Hooks the outbox into the transactions of what leaves the province (decision 051): the registry's approvals,
 * withdrawals and lot status changes, and every EPCIS capture of an organisation. Once per process, however many
 * programs a test builds.
 */
export function connectSyncListeners(): void {
  if (connected) return;
  connected = true;
  connectPublicationListener(queuePublication);
  registerCaptureRule(queueCapture);
}
