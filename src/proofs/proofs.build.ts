import { eq } from 'drizzle-orm';
import {
  auditRowById,
  captureEntityType,
  inclusionPath,
  latestAuditOf,
  type PathStep,
  type RecordLeafFields,
  recordLeaf,
  recordLeafFields,
} from '../audit/index.ts';
import {
  type CaptureSeal,
  type EventLeafFields,
  eventLeaf,
  eventLeafFields,
  sealOrder,
  storedEventsById,
  storedEventsOfCapture,
} from '../epcis/index.ts';
import type { DbOrTx } from '../platform/index.ts';
import {
  type Checkpoint,
  type CheckpointStatement,
  checkpointCovering,
  presentCheckpoint,
  recordLeaves,
} from './proofs.checkpoints.ts';
import { checkpointKeys } from './proofs.schema.ts';

/**
 * A proof anyone can keep and check offline (`txng verify proof.json`): the leaf, its Merkle path to the signed
 * checkpoint's root, and the checkpoint with its signature and public key. For an event, first the path from the
 * event to its capture's root, which the capture's record carries as its `seal`.
 */
export interface Proof {
  type: 'txng-proof';
  version: 1;
  event?: EventLeafFields & { leaf: string; path: PathStep[]; captureRoot: string };
  record: RecordLeafFields & { leaf: string; path: PathStep[] };
  checkpoint: {
    seq: number;
    statement: CheckpointStatement;
    statementText: string;
    signature: string;
    keyId: string;
    publicKey: string;
  };
}

/** Leaves of a checkpoint's records, kept for the few latest checkpoints: many proofs ask the same one. */
const leafCache = new Map<string, Promise<{ leaves: string[]; ids: number[] }>>();
const leafCacheSize = 4;

function leavesOf(db: DbOrTx, checkpoint: Checkpoint) {
  // by root too: two databases in one process (tests, a hub beside a province) both have a checkpoint 1
  const key = `${checkpoint.seq}:${checkpoint.root}`;
  let found = leafCache.get(key);
  if (!found) {
    found = recordLeaves(db, checkpoint.fromId, checkpoint.toId);
    found.catch(() => leafCache.delete(key));
    leafCache.set(key, found);
    if (leafCache.size > leafCacheSize) leafCache.delete(leafCache.keys().next().value!);
  }
  return found;
}

/** Forgets the cached leaves (tests that change rows behind the program's back). */
export const forgetProofCache = () => leafCache.clear();

/** The proof of audit record `id`, or null when the record is unknown or no checkpoint covers it yet. */
export async function recordProof(db: DbOrTx, id: number): Promise<Proof | null> {
  const row = await auditRowById(db, id);
  if (!row) return null;
  const checkpoint = await checkpointCovering(db, id);
  if (!checkpoint) return null;
  const { leaves, ids } = await leavesOf(db, checkpoint);
  const index = ids.indexOf(id);
  if (index < 0) return null;
  const fields = recordLeafFields(row);
  const [key] = await db
    .select({ publicKey: checkpointKeys.publicKey })
    .from(checkpointKeys)
    .where(eq(checkpointKeys.keyId, checkpoint.keyId));
  return {
    type: 'txng-proof',
    version: 1,
    record: { ...fields, leaf: recordLeaf(fields), path: inclusionPath(leaves, index) },
    checkpoint: { ...presentCheckpoint(checkpoint), publicKey: key?.publicKey ?? '' },
  };
}

/** The proof of a captured event (its original, not a later declaration), or null when there is none yet. */
export async function eventProof(db: DbOrTx, eventId: string): Promise<Proof | null> {
  const stored = (await storedEventsById(db, eventId)).find((e) => !e.isErrorDeclaration);
  if (!stored) return null;
  const sealRow = await latestAuditOf(db, {
    entityType: captureEntityType,
    entityId: stored.captureId,
    actions: ['capture'],
  });
  if (!sealRow) return null;
  const full = await auditRowById(db, sealRow.id);
  const seal = full?.after as CaptureSeal | null;
  if (!seal?.root) return null;
  const events = sealOrder(await storedEventsOfCapture(db, stored.captureId, seal));
  const leaves = events.map((e) => eventLeaf(eventLeafFields(e)));
  const index = events.findIndex((e) => e.eventId === eventId && !e.isErrorDeclaration);
  const record = await recordProof(db, sealRow.id);
  if (!record || index < 0) return null;
  const fields = eventLeafFields(events[index]);
  return {
    ...record,
    event: { ...fields, leaf: leaves[index], path: inclusionPath(leaves, index), captureRoot: seal.root },
  };
}

/** The approval a consumer page can stand on: the record's last approval, when a checkpoint covers it. */
export async function provenApproval(
  db: DbOrTx,
  subject: { entityType: string; entityId: string },
): Promise<{ recordId: number; approvedAt: Date } | null> {
  const row = await latestAuditOf(db, { ...subject, actions: ['approve'] });
  if (!row) return null;
  const checkpoint = await checkpointCovering(db, row.id);
  return checkpoint ? { recordId: row.id, approvedAt: row.at } : null;
}
