import type { DbOrTx } from '../platform/index.ts';
import { chainHash, genesisHash } from './audit.chain.ts';
import { findAuditBatch } from './audit.repo.ts';

export interface ChainVerdict {
  valid: boolean;
  rows: number;
  /** Hash of the newest row: publish it elsewhere, and a later truncation of the log shows. */
  headHash: string;
  /** The first row whose stored hash or link does not match its content, when the chain is broken. */
  brokenAtId: number | null;
  checkedAt: string;
}

/** Recomputes the whole audit chain from the first row. */
export async function verifyAuditChain(db: DbOrTx, batchSize = 2000): Promise<ChainVerdict> {
  let prevHash = genesisHash;
  let afterId = 0;
  let rows = 0;
  for (;;) {
    const batch = await findAuditBatch(db, afterId, batchSize);
    for (const row of batch) {
      const expected = chainHash(prevHash, row);
      if (row.prevHash !== prevHash || row.hash !== expected) {
        return {
          valid: false,
          rows,
          headHash: prevHash,
          brokenAtId: row.id,
          checkedAt: new Date().toISOString(),
        };
      }
      prevHash = row.hash;
      rows++;
    }
    if (batch.length < batchSize) break;
    afterId = batch[batch.length - 1].id;
  }
  return { valid: true, rows, headHash: prevHash, brokenAtId: null, checkedAt: new Date().toISOString() };
}
