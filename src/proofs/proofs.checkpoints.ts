import crypto from 'node:crypto';
import { and, asc, desc, gte, lt, sql } from 'drizzle-orm';
import {
  auditHead,
  auditRowsInRange,
  canonicalJson,
  MerkleAccumulator,
  recordLeaf,
  recordLeafFields,
  sha256Hex,
} from '../audit/index.ts';
import { type Db, type DbOrTx, localToday } from '../platform/index.ts';
import { signingKey } from './proofs.keys.ts';
import { checkpoints } from './proofs.schema.ts';

/** What a checkpoint signs (canonical JSON of it, byte for byte). */
export interface CheckpointStatement {
  type: 'txng-checkpoint';
  version: 1;
  province: string;
  seq: number;
  /** The records covered are those with fromId < id ≤ toId. */
  fromId: number;
  toId: number;
  records: number;
  /** Merkle root over the records' leaves (audit.merkle.ts), in id order. */
  root: string;
  /** The chain hash of record toId: it seals every record before it too. */
  headHash: string;
  /** sha256 of the previous checkpoint's statement: the checkpoints form a chain of their own. */
  previous: string | null;
  issuedAt: string;
  keyId: string;
}

export type Checkpoint = typeof checkpoints.$inferSelect;

const checkpointLock = 7_346_058;
export const leafBatch = 10_000;

/** The leaves of records afterId < id ≤ toId, in order (a batch at a time). */
export async function recordLeaves(db: DbOrTx, afterId: number, toId: number) {
  const leaves: string[] = [];
  const ids: number[] = [];
  let from = afterId;
  for (;;) {
    const rows = await auditRowsInRange(db, from, toId, leafBatch);
    for (const row of rows) {
      leaves.push(recordLeaf(recordLeafFields(row)));
      ids.push(row.id);
    }
    if (rows.length < leafBatch) break;
    from = rows[rows.length - 1].id;
  }
  return { leaves, ids };
}

/**
 * Signs a checkpoint over the records since the last one, or returns null when there are none. The head is read
 * without the chain's lock: a row is inserted only under that lock, so every row up to the committed head is
 * already committed and none can appear below it later.
 */
export async function makeCheckpoint(
  db: Db,
  opts: { province: string; keyFile: string | null; trigger: 'daily' | 'admin' | 'cli'; now?: Date },
): Promise<Checkpoint | null> {
  const key = await signingKey(db, opts.keyFile);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${checkpointLock})`);
    const last = await latestCheckpoint(tx);
    const fromId = last?.toId ?? 0;
    const head = await auditHead(tx);
    if (!head || head.id <= fromId) return null;
    const acc = new MerkleAccumulator();
    let from = fromId;
    for (;;) {
      const rows = await auditRowsInRange(tx, from, head.id, leafBatch);
      for (const row of rows) acc.push(recordLeaf(recordLeafFields(row)));
      if (rows.length < leafBatch) break;
      from = rows[rows.length - 1].id;
    }
    const statement: CheckpointStatement = {
      type: 'txng-checkpoint',
      version: 1,
      province: opts.province,
      seq: (last?.seq ?? 0) + 1,
      fromId,
      toId: head.id,
      records: acc.count,
      root: acc.root(),
      headHash: head.hash,
      previous: last ? sha256Hex(last.statement) : null,
      issuedAt: (opts.now ?? new Date()).toISOString(),
      keyId: key.keyId,
    };
    const text = canonicalJson(statement);
    const signature = crypto.sign(null, Buffer.from(text), key.privateKey).toString('base64');
    const [saved] = await tx
      .insert(checkpoints)
      .values({
        seq: statement.seq,
        fromId,
        toId: head.id,
        records: statement.records,
        root: statement.root,
        headHash: head.hash,
        keyId: key.keyId,
        statement: text,
        signature,
        issuedAt: new Date(statement.issuedAt),
        trigger: opts.trigger,
      })
      .returning();
    return saved;
  });
}

export async function latestCheckpoint(db: DbOrTx): Promise<Checkpoint | null> {
  const [row] = await db.select().from(checkpoints).orderBy(desc(checkpoints.seq)).limit(1);
  return row ?? null;
}

/** The checkpoint that covers record `id`, or null while none does yet. */
export async function checkpointCovering(db: DbOrTx, id: number): Promise<Checkpoint | null> {
  const [row] = await db
    .select()
    .from(checkpoints)
    .where(and(gte(checkpoints.toId, id), lt(checkpoints.fromId, id)))
    .orderBy(asc(checkpoints.seq))
    .limit(1);
  return row ?? null;
}

export function listCheckpoints(db: DbOrTx, page: { limit: number; offset: number }) {
  return db.select().from(checkpoints).orderBy(desc(checkpoints.seq)).limit(page.limit).offset(page.offset);
}

export function allCheckpoints(db: DbOrTx) {
  return db.select().from(checkpoints).orderBy(asc(checkpoints.seq));
}

/** What the public sees of a checkpoint: the signed statement as it was signed, the signature, the key's id. */
export function presentCheckpoint(row: Checkpoint) {
  return {
    seq: row.seq,
    statement: JSON.parse(row.statement) as CheckpointStatement,
    statementText: row.statement,
    signature: row.signature,
    keyId: row.keyId,
  };
}

/**
 * The daily checkpoint: every quarter of an hour, the first server process that finds no checkpoint issued today
 * (Vietnam's date) and records since the last one signs one. Two processes at once sign one (the checkpoint lock).
 */
export function startCheckpointSchedule(
  db: Db,
  opts: { province: string; keyFile: string | null; log: (message: string) => void; everyMs?: number },
): () => void {
  const tick = async () => {
    try {
      const last = await latestCheckpoint(db);
      if (last && localToday(last.issuedAt.getTime()) === localToday()) return;
      await makeCheckpoint(db, { province: opts.province, keyFile: opts.keyFile, trigger: 'daily' });
    } catch (err) {
      opts.log(`daily checkpoint failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const timer = setInterval(tick, opts.everyMs ?? 15 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
