import crypto from 'node:crypto';

/**
 * A Merkle tree of the shape RFC 9162 (Certificate Transparency 2.0) gives: a leaf is sha256(0x00 ‖ data), a node
 * sha256(0x01 ‖ left ‖ right), and n leaves split at the largest power of two below n. The two prefixes keep a
 * leaf from passing for a node. Hashes travel as lowercase hex.
 */
const nodeTag = Buffer.from([1]);

export const sha256Hex = (text: string): string => crypto.hash('sha256', text, 'hex');

/** sha256(0x00 ‖ data): the NUL character is the one byte 0x00 in UTF-8. */
export function leafHash(data: string): string {
  return crypto.hash('sha256', `\u0000${data}`, 'hex');
}

export function nodeHash(left: string, right: string): string {
  return crypto.hash(
    'sha256',
    Buffer.concat([nodeTag, Buffer.from(left, 'hex'), Buffer.from(right, 'hex')]),
    'hex',
  );
}

/** The root of an empty tree: sha256 of nothing. */
export const emptyRoot = sha256Hex('');

/**
 * Builds a root one leaf at a time without keeping the leaves: the stack holds the roots of the perfect subtrees
 * so far (as the binary digits of the count), and folding them from the right gives RFC 9162's root.
 */
export class MerkleAccumulator {
  private stack: { hash: string; size: number }[] = [];
  count = 0;

  push(leaf: string): void {
    let node = { hash: leaf, size: 1 };
    while (this.stack.length && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop()!;
      node = { hash: nodeHash(left.hash, node.hash), size: left.size * 2 };
    }
    this.stack.push(node);
    this.count++;
  }

  /**
   * Adds a perfect subtree of `size` leaves (a power of two) built elsewhere, as if its leaves had been pushed one
   * by one: only where the count so far is a multiple of `size` and the subtree is no larger than the last one held
   * (then the stacks join exactly as the binary digits of the count do). Returns false, adding nothing, otherwise.
   */
  pushSubtree(hash: string, size: number): boolean {
    const last = this.stack[this.stack.length - 1];
    if (this.count % size !== 0 || (last && last.size < size)) return false;
    let node = { hash, size };
    while (this.stack.length && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop()!;
      node = { hash: nodeHash(left.hash, node.hash), size: left.size * 2 };
    }
    this.stack.push(node);
    this.count += size;
    return true;
  }

  /** The perfect subtrees held, largest (leftmost) first: what `pushSubtree` takes to join this to another. */
  subtrees(): { hash: string; size: number }[] {
    return this.stack.map((s) => ({ ...s }));
  }

  root(): string {
    if (!this.stack.length) return emptyRoot;
    let acc = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) acc = nodeHash(this.stack[i].hash, acc);
    return acc;
  }
}

export function merkleRoot(leaves: readonly string[]): string {
  const acc = new MerkleAccumulator();
  for (const leaf of leaves) acc.push(leaf);
  return acc.root();
}

/** One step up from a leaf: the sibling's hash and on which side it sits. */
export interface PathStep {
  side: 'left' | 'right';
  hash: string;
}

/** The siblings from leaf `index` up to the root, bottom first. */
export function inclusionPath(leaves: readonly string[], index: number): PathStep[] {
  if (index < 0 || index >= leaves.length) throw new RangeError('leaf index outside the tree');
  const steps: PathStep[] = [];
  let lo = 0;
  let hi = leaves.length;
  // walk down from the root, noting the other half at each split, then reverse
  while (hi - lo > 1) {
    const n = hi - lo;
    let k = 1;
    while (k * 2 < n) k *= 2;
    if (index - lo < k) {
      steps.push({ side: 'right', hash: merkleRoot(leaves.slice(lo + k, hi)) });
      hi = lo + k;
    } else {
      steps.push({ side: 'left', hash: merkleRoot(leaves.slice(lo, lo + k)) });
      lo = lo + k;
    }
  }
  return steps.reverse();
}

/** The root a leaf and its path lead to. */
export function rootFromPath(leaf: string, path: readonly PathStep[]): string {
  let acc = leaf;
  for (const step of path) acc = step.side === 'left' ? nodeHash(step.hash, acc) : nodeHash(acc, step.hash);
  return acc;
}

/** What a record of the audit chain shows the public: nothing personal, the rest by hash. */
export interface RecordLeafFields {
  id: number;
  at: string;
  action: string;
  entityType: string;
  /** sha256 of `entityType:entityId`: whoever knows the record can check it, nobody else learns it. */
  entityRef: string;
  /** The row's chain hash, which seals all of it (who, before, after) and every row before it. */
  hash: string;
  /** For a capture of EPCIS events: the Merkle root of its events (epcis.seal.ts). */
  seal: string | null;
}

export const entityRefOf = (entityType: string, entityId: string) => sha256Hex(`${entityType}:${entityId}`);

/** The entity type of the record that seals one capture of EPCIS events. */
export const captureEntityType = 'epcis_capture';

export function recordLeafFields(
  row: {
    id: number;
    at: Date;
    action: string;
    entityType: string;
    entityId: string;
    hash: string;
    after: unknown;
  },
  at = row.at.toISOString(),
): RecordLeafFields {
  const after = row.after as { root?: unknown } | null;
  return {
    id: row.id,
    at,
    action: row.action,
    entityType: row.entityType,
    entityRef: entityRefOf(row.entityType, row.entityId),
    hash: row.hash,
    seal: row.entityType === captureEntityType && typeof after?.root === 'string' ? after.root : null,
  };
}

/** canonicalJson({ kind: 'record', ...fields }), written with its keys already in order (it runs once per record). */
export const recordLeaf = (f: RecordLeafFields) => leafHash(recordLeafData(f));

/** What a record's leaf hashes (after the 0x00): canonicalJson({ kind: 'record', ...fields }). */
export const recordLeafData = (f: RecordLeafFields) =>
  JSON.stringify({
    action: f.action,
    at: f.at,
    entityRef: f.entityRef,
    entityType: f.entityType,
    hash: f.hash,
    id: f.id,
    kind: 'record',
    seal: f.seal,
  });
