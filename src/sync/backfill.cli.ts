import { type Config, openDatabase } from '../platform/index.ts';
import { queueEverything } from './backfill.ts';
import { setReceivers } from './outbox.ts';
import { receiversFromConfig } from './receivers.ts';

const usage = 'Usage: txng sync queue-all\n';

/**
 * `txng sync queue-all`: queues for each configured receiver everything approved it has nothing of yet (the same
 * as the button of the screen "Đồng bộ dữ liệu"); the running server's worker sends it. Recorded in the audit log
 * as done by the system.
 */
export async function runSyncCommand(args: string[], config: Config, out: NodeJS.WritableStream) {
  if (args.length !== 1 || args[0] !== 'queue-all') {
    out.write(usage);
    return 2;
  }
  const receivers = receiversFromConfig(config);
  if (!receivers.length) {
    out.write('No receiver is configured (TXNG_HUB_URL, TXNG_NATIONAL_URL): nothing to queue.\n');
    return 1;
  }
  setReceivers(receivers);
  const database = await openDatabase(config);
  try {
    const { receivers: done } = await queueEverything(database.db);
    for (const r of done) {
      const what = Object.entries(r.queued)
        .filter(([, n]) => n)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(', ');
      out.write(`${r.id}: ${r.total} queued${what ? ` (${what})` : ''}.\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
