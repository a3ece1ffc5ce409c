import { eq } from 'drizzle-orm';
import { registerAuditSubject } from '../audit/index.ts';
import { apiKeys, users } from './accounts.schema.ts';

// the audit log names people and keys by name, never by id or email alone
registerAuditSubject('user', async (db, id) => {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
});
registerAuditSubject('api_key', async (db, id) => {
  const [row] = await db.select({ name: apiKeys.name }).from(apiKeys).where(eq(apiKeys.id, id));
  return row?.name ?? null;
});
