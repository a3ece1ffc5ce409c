import { eq } from 'drizzle-orm';
import { registerAuditSubject } from '../audit/index.ts';
import type { DbOrTx } from '../platform/index.ts';
import { syncOutbox } from './sync.schema.ts';

/** The audit log names an outbox row as the screen does: the record in words, and where it goes. */
registerAuditSubject('sync_outbox', async (db: DbOrTx, id: string) => {
  if (!/^\d+$/.test(id)) return null;
  const [row] = await db
    .select({ label: syncOutbox.label, receiver: syncOutbox.receiver })
    .from(syncOutbox)
    .where(eq(syncOutbox.id, Number(id)));
  return row ? `Gửi dữ liệu: ${row.label}` : null;
});
