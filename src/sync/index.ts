import type { FastifyInstance } from 'fastify';
import { exportRoutes } from './export.routes.ts';
import { setReceivers } from './outbox.ts';
import type { Receiver } from './receiver.ts';
import { receiversFromConfig } from './receivers.ts';
import './sync.messages.ts';
import './sync.policy.ts';
import { syncRoutes } from './sync.routes.ts';
import { createSyncWorker } from './worker.ts';

export { runSyncCommand } from './backfill.cli.ts';
export { connectSyncListeners } from './connect.ts';
export { DeliveryError } from './delivery-error.ts';
export { runExportPackage } from './export.cli.ts';
export { hubReceiver, hubReceiverFromConfig } from './hub-receiver.ts';
export { nationalPortalReceiver, nationalReceiverFromConfig } from './national.receiver.ts';
export type { ItemOutcome, Receiver, ReceiverReason, SyncItem, SyncKind } from './receiver.ts';
export { syncKey, syncKinds } from './receiver.ts';
export { type ReceiverBuilder, receiversFromConfig } from './receivers.ts';
export { createSyncWorker, type SyncWorker, type WorkerOptions } from './worker.ts';

export interface SyncOptions {
  /** The receivers of this program; those the configuration names unless given. */
  receivers?: Receiver[];
}

/**
 * Delivery of what the province approved (issue 14, decision 051): the outbox screen's API under `/api/sync`, and,
 * when receivers are configured, the worker, started with the server and stopped when it closes.
 */
export default async function sync(app: FastifyInstance, opts: SyncOptions = {}) {
  const receivers = opts.receivers ?? receiversFromConfig(app.config);
  setReceivers(receivers);
  await app.register(syncRoutes);
  await app.register(exportRoutes);
  if (!receivers.length) return;
  const worker = createSyncWorker(app.db, receivers, {
    maxAttempts: app.config.sync.maxAttempts,
    log: (m) => app.log.warn(m),
  });
  app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => worker.stop());
}
