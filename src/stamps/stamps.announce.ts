import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';

/** The PostgreSQL channel the resolver's processes listen on (docs/decisions/055-resolver-at-scale.md). */
export const resolverChannel = 'txng_resolver';

/**
 * Announces, inside the change's transaction, that what the resolver holds in memory under `key` changed
 * (`stamp:<gtin>`, `lot:<gtin>:<lot>`, `*`): PostgreSQL delivers the notification to every listening process at
 * commit, and not at all on rollback. Same on PGlite (one process, its own listener).
 */
export async function announceResolverChange(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${resolverChannel}, ${key})`);
}
