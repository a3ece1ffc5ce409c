import { chainHash } from './audit.chain.ts';
import { captureEntityType, MerkleAccumulator, recordLeaf, recordLeafFields } from './audit.merkle.ts';

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

export function checkChainPage(text: string): ChainPageResult {
  const rows = JSON.parse(text) as PageRow[];
  const acc = new MerkleAccumulator();
  const captures: number[] = [];
  let bad = -1;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const row = {
      id: r[0],
      at: new Date(r[1]),
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
    if ((i > 0 && row.prevHash !== rows[i - 1][13]) || chainHash(row.prevHash, row) !== row.hash) {
      bad = i;
      break;
    }
    if (row.entityType === captureEntityType) captures.push(row.id);
    acc.push(recordLeaf(recordLeafFields(row)));
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
