import crypto from 'node:crypto';
import { chainHashAt } from './audit.chain.ts';
import { captureEntityType, recordLeafData, recordLeafFields } from './audit.merkle.ts';

/**
 * The whole-chain check in pages that can be hashed apart from each other (decision 057, issue 16 §2): the database
 * hands a page back as one JSON text of the sealed columns (`auditChainPage` in audit.repo.ts: no ORM mapping, one
 * string to pass to a worker thread), and `checkChainPage` recomputes each row's hash from its own stored columns and its stored prev_hash, the links
 * inside the page, and the Merkle subtrees of the page's public leaves. Only the page's edges are left to join.
 */

/** What the hashing of one page found (all of it plain data, to cross a worker thread). */
export interface ChainPageResult {
  count: number;
  firstId: number | null;
  lastId: number | null;
  /** The first row's stored prev_hash: the caller joins it to the previous page's last hash. */
  firstPrevHash: string | null;
  lastHash: string | null;
  /** Index of the first row whose hash or link (inside the page) does not hold; -1 when all hold. */
  bad: number;
  /** Ids of the rows that seal a capture of EPCIS events (before `bad`), checked against their events by the caller. */
  captures: number[];
  /** The Merkle subtrees of the leaves before `bad`, largest first (`MerkleAccumulator.subtrees`). */
  subtrees: { hash: string; size: number }[];
}

type PageRow = [
  number,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  string,
  string,
  unknown,
  unknown,
  string,
  string,
];

const nodeTag = Buffer.from([1]);

/** MerkleAccumulator's tree kept as bytes between levels (no hex between a node and the next): the same hashes. */
class BytesTree {
  private stack: { hash: Buffer; size: number }[] = [];

  push(leaf: Buffer): void {
    let hash = leaf;
    let size = 1;
    while (this.stack.length && this.stack[this.stack.length - 1].size === size) {
      const left = this.stack.pop()!;
      hash = crypto.hash('sha256', Buffer.concat([nodeTag, left.hash, hash], 65), 'buffer');
      size *= 2;
    }
    this.stack.push({ hash, size });
  }

  subtrees(): { hash: string; size: number }[] {
    return this.stack.map((s) => ({ hash: s.hash.toString('hex'), size: s.size }));
  }
}

/**
 * PostgreSQL's text for a timestamptz in UTC with at most milliseconds, years 1000–9999: `2026-12-07 01:22:00.819+00`
 * (Date reads a year such as 0099 as 1999: such texts go through the Date).
 */
const utcMillis = /^([1-9]\d{3}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,3}))?\+00$/;

/**
 * What `new Date(text).toISOString()` gives for the column's text, without the Date when the text is in UTC and
 * has at most milliseconds (the two say the same then; any other text goes through the Date).
 */
export function isoOfTimestamp(text: string): string {
  const m = utcMillis.exec(text);
  if (!m) return new Date(text).toISOString();
  return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0')}Z`;
}

export function checkChainPage(text: string): ChainPageResult {
  const rows = JSON.parse(text) as PageRow[];
  const acc = new BytesTree();
  const captures: number[] = [];
  let bad = -1;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const at = isoOfTimestamp(r[1]);
    const row = {
      id: r[0],
      at: null as unknown as Date, // not read: its ISO text is `at` below
      actorId: r[2],
      actorKind: r[3],
      actorRole: r[4],
      actorName: r[5],
      organisationId: r[6],
      action: r[7],
      entityType: r[8],
      entityId: r[9],
      before: r[10],
      after: r[11],
      prevHash: r[12],
      hash: r[13],
    };
    if ((i > 0 && row.prevHash !== rows[i - 1][13]) || chainHashAt(row.prevHash, row, at) !== row.hash) {
      bad = i;
      break;
    }
    if (row.entityType === captureEntityType) captures.push(row.id);
    acc.push(crypto.hash('sha256', `\u0000${recordLeafData(recordLeafFields(row, at))}`, 'buffer'));
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    count: rows.length,
    firstId: first ? first[0] : null,
    lastId: last ? last[0] : null,
    firstPrevHash: first ? first[12] : null,
    lastHash: last ? last[13] : null,
    bad,
    captures,
    subtrees: acc.subtrees(),
  };
}
