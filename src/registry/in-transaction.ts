import type { DbOrTx, Tx } from '../platform/index.ts';

/** Runs `work` in the caller's transaction, or in a new one when given the database itself. */
export function inTransaction<T>(db: DbOrTx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return typeof (db as Tx).rollback === 'function' ? work(db as Tx) : db.transaction(work);
}
