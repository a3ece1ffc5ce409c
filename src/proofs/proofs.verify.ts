import crypto from 'node:crypto';
import {
  type AuditRow,
  auditRowsInRange,
  canonicalJson,
  captureEntityType,
  chainHash,
  describeEntry,
  genesisHash,
  MerkleAccumulator,
  recordLeaf,
  recordLeafFields,
  rootFromPath,
  sha256Hex,
  vietnamTime,
} from '../audit/index.ts';
import {
  type CaptureSeal,
  captureRoot,
  eventLeaf,
  sealOrder,
  storedEventsOfCapture,
} from '../epcis/index.ts';
import type { DbOrTx } from '../platform/index.ts';
import type { Proof } from './proofs.build.ts';
import { allCheckpoints, type CheckpointStatement } from './proofs.checkpoints.ts';
import { keyIdOf, publicKeys, readPublicKey } from './proofs.keys.ts';

/** One step of a verification, in words for people (Vietnamese). */
export interface Step {
  ok: boolean;
  text: string;
}

export interface ProofVerdict {
  valid: boolean;
  steps: Step[];
  /** Whether the key came from the caller (a copy kept elsewhere) rather than from the proof itself. */
  keyFromCaller: boolean;
}

const isHex64 = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
const isPath = (v: unknown) =>
  Array.isArray(v) && v.every((s) => s && (s.side === 'left' || s.side === 'right') && isHex64(s.hash));

/** Checks a proof with nothing but itself and, better, a public key the caller kept (`trustedKey`, PEM). */
export function verifyProof(proof: unknown, trustedKey?: string): ProofVerdict {
  const steps: Step[] = [];
  const done = (keyFromCaller = false): ProofVerdict => ({
    valid: steps.length > 0 && steps.every((s) => s.ok),
    steps,
    keyFromCaller,
  });
  const p = proof as Proof;
  if (
    p?.type !== 'txng-proof' ||
    !p.record ||
    !p.checkpoint ||
    !isPath(p.record.path) ||
    typeof p.checkpoint.statementText !== 'string'
  ) {
    steps.push({
      ok: false,
      text: 'Tệp này không phải một bằng chứng TXNG (thiếu bản ghi, đường dẫn hoặc điểm mốc).',
    });
    return done();
  }
  if (p.event) {
    if (!isPath(p.event.path)) {
      steps.push({ ok: false, text: 'Đường dẫn của sự kiện không đúng dạng.' });
      return done();
    }
    const { eventId, isErrorDeclaration, contentHash, rowDigest } = p.event;
    const leaf = eventLeaf({ eventId, isErrorDeclaration, contentHash, rowDigest });
    steps.push({
      ok: leaf === p.event.leaf,
      text: `Dấu băm của sự kiện ${leaf === p.event.leaf ? 'khớp' : 'KHÔNG khớp'} với nội dung ghi trong bằng chứng.`,
    });
    const root = rootFromPath(leaf, p.event.path);
    const ok = root === p.event.captureRoot && root === p.record.seal;
    steps.push({
      ok,
      text: ok
        ? 'Sự kiện nằm trong lần gửi đã được niêm phong trong nhật ký.'
        : 'Sự kiện KHÔNG dẫn tới dấu niêm phong của lần gửi trong nhật ký.',
    });
  }
  let statement: CheckpointStatement;
  try {
    statement = JSON.parse(p.checkpoint.statementText);
  } catch {
    steps.push({ ok: false, text: 'Nội dung điểm mốc không đọc được.' });
    return done();
  }
  const r = p.record;
  const leaf = recordLeaf({
    id: r.id,
    at: r.at,
    action: r.action,
    entityType: r.entityType,
    entityRef: r.entityRef,
    hash: r.hash,
    seal: r.seal ?? null,
  });
  steps.push({
    ok: leaf === r.leaf,
    text: `Dấu băm của bản ghi ${leaf === r.leaf ? 'khớp' : 'KHÔNG khớp'} với nội dung ghi trong bằng chứng.`,
  });
  const inRange = r.id > statement.fromId && r.id <= statement.toId;
  const reaches = rootFromPath(leaf, r.path) === statement.root;
  steps.push({
    ok: inRange && reaches,
    text:
      inRange && reaches
        ? `Bản ghi nằm trong điểm mốc số ${statement.seq} (gốc Merkle khớp).`
        : `Bản ghi KHÔNG dẫn tới gốc Merkle của điểm mốc số ${statement.seq}.`,
  });
  const keyText = trustedKey ?? p.checkpoint.publicKey;
  const key = keyText ? readPublicKey(keyText) : null;
  if (!key) {
    steps.push({ ok: false, text: 'Không đọc được khoá công khai Ed25519.' });
    return done(trustedKey !== undefined);
  }
  const sameKey = keyIdOf(key) === statement.keyId;
  const signed =
    sameKey &&
    crypto.verify(
      null,
      Buffer.from(p.checkpoint.statementText),
      key,
      Buffer.from(p.checkpoint.signature, 'base64'),
    );
  const canonical = canonicalJson(statement) === p.checkpoint.statementText;
  steps.push({
    ok: signed && canonical,
    text: !sameKey
      ? `Điểm mốc được ký bằng khoá ${statement.keyId}, không phải khoá đã cho (${keyIdOf(key)}).`
      : signed && canonical
        ? `Chữ ký của ${statement.province} trên điểm mốc số ${statement.seq} (ngày ${vietnamTime(new Date(statement.issuedAt))}) hợp lệ.`
        : 'Chữ ký trên điểm mốc KHÔNG hợp lệ: điểm mốc đã bị sửa hoặc không do tỉnh ký.',
  });
  return done(trustedKey !== undefined);
}

/** Where the whole chain broke first, in words, or nothing when it holds. */
export interface ChainReport {
  valid: boolean;
  records: number;
  checkpoints: number;
  events: number;
  /** The first thing that does not hold, in plain words (Vietnamese), with its record id or eventID. */
  broken: {
    kind: 'record' | 'event' | 'checkpoint';
    recordId: number | null;
    eventId: string | null;
    text: string;
  } | null;
}

type Broken = NonNullable<ChainReport['broken']>;

const recordWords = (row: AuditRow) => `bản ghi số ${row.id} của nhật ký (${describeEntry(row, 'vi')})`;

/**
 * Recomputes the whole chain from the first record: every record's hash and link, every checkpoint's root, head,
 * link to the one before and signature, and every captured event against its capture's seal. Stops at the first
 * thing that does not hold and names it. `events: false` leaves the events out (a quicker check of the records).
 */
export async function verifyChain(
  db: DbOrTx,
  opts: { batchSize?: number; events?: boolean } = {},
): Promise<ChainReport> {
  const batchSize = opts.batchSize ?? 10_000;
  const checkEvents = opts.events ?? true;
  const keys = new Map((await publicKeys(db)).map((k) => [k.keyId, readPublicKey(k.publicKey)]));
  const marks = await allCheckpoints(db);
  const report: ChainReport = { valid: true, records: 0, checkpoints: 0, events: 0, broken: null };
  const fail = (broken: Broken): ChainReport => ({ ...report, valid: false, broken });

  let mark = 0;
  let previousStatement: string | null = null;
  let acc = new MerkleAccumulator();
  let prevHash = genesisHash;
  let lastId = 0;

  const checkMark = (headHash: string): Broken | null => {
    const cp = marks[mark];
    const s = JSON.parse(cp.statement) as CheckpointStatement;
    const key = keys.get(cp.keyId);
    const where = `điểm mốc số ${cp.seq} (ký ngày ${vietnamTime(cp.issuedAt)})`;
    const broken = (text: string): Broken => ({ kind: 'checkpoint', recordId: cp.toId, eventId: null, text });
    if (
      canonicalJson(s) !== cp.statement ||
      s.root !== cp.root ||
      s.toId !== cp.toId ||
      s.fromId !== cp.fromId
    )
      return broken(`Nội dung ${where} trong cơ sở dữ liệu đã bị sửa.`);
    if (!key || !crypto.verify(null, Buffer.from(cp.statement), key, Buffer.from(cp.signature, 'base64')))
      return broken(`Chữ ký của ${where} không hợp lệ.`);
    if (s.previous !== (previousStatement ? sha256Hex(previousStatement) : null))
      return broken(`${where} không nối với điểm mốc trước nó: một điểm mốc đã bị xoá hoặc thay.`);
    if (acc.root() !== s.root || acc.count !== s.records || headHash !== s.headHash)
      return broken(
        `Các bản ghi từ số ${s.fromId + 1} đến ${s.toId} không còn khớp với ${where}: có bản ghi bị thêm, xoá hoặc sửa.`,
      );
    previousStatement = cp.statement;
    acc = new MerkleAccumulator();
    mark++;
    report.checkpoints++;
    return null;
  };

  let next = auditRowsInRange(db, 0, Number.MAX_SAFE_INTEGER, batchSize);
  for (;;) {
    const batch = await next;
    // the next batch is read while this one is hashed
    if (batch.length === batchSize)
      next = auditRowsInRange(db, batch[batch.length - 1].id, Number.MAX_SAFE_INTEGER, batchSize);
    for (const row of batch) {
      if (mark < marks.length && row.id > marks[mark].toId) {
        const broken = checkMark(prevHash);
        if (broken) return fail(broken);
      }
      if (row.prevHash !== prevHash || row.hash !== chainHash(prevHash, row)) {
        const linked = row.prevHash === prevHash;
        return fail({
          kind: 'record',
          recordId: row.id,
          eventId: null,
          text: linked
            ? `${recordWords(row)} đã bị sửa sau khi ghi: nội dung không còn khớp dấu băm niêm phong của nó.`
            : `Trước ${recordWords(row)} có bản ghi bị xoá hoặc sửa: dấu nối với bản ghi trước không khớp.`,
        });
      }
      if (checkEvents && row.entityType === captureEntityType) {
        const broken = await checkCapture(db, row);
        if (broken) return fail(broken);
        report.events += (row.after as CaptureSeal).events;
      }
      acc.push(recordLeaf(recordLeafFields(row)));
      prevHash = row.hash;
      lastId = row.id;
      report.records++;
    }
    if (batch.length < batchSize) break;
  }
  if (mark < marks.length && lastId === marks[mark].toId) {
    const broken = checkMark(prevHash);
    if (broken) return fail(broken);
  }
  if (mark < marks.length)
    return fail({
      kind: 'checkpoint',
      recordId: marks[mark].toId,
      eventId: null,
      text: `Điểm mốc số ${marks[mark].seq} đã ký tới bản ghi số ${marks[mark].toId}, nhưng nhật ký chỉ còn tới bản ghi số ${lastId}: các bản ghi cuối đã bị xoá.`,
    });
  return report;
}

async function checkCapture(db: DbOrTx, row: AuditRow): Promise<Broken | null> {
  const seal = row.after as CaptureSeal;
  const stored = sealOrder(await storedEventsOfCapture(db, row.entityId, seal));
  const { root, leafPrefixes } = captureRoot(stored);
  if (root === seal.root && stored.length === seal.events) return null;
  const words = `lần gửi sự kiện ghi ở bản ghi số ${row.id} (lúc ${vietnamTime(row.at)})`;
  // the first event whose leaf is not the one sealed at its place: the one changed (or the first after a gap)
  let at = 0;
  while (
    at < stored.length &&
    leafPrefixes.slice(at * 8, at * 8 + 8) === seal.leafPrefixes?.slice(at * 8, at * 8 + 8)
  )
    at++;
  const suspect = stored[at] ?? null;
  if (stored.length !== seal.events)
    return {
      kind: 'event',
      recordId: row.id,
      eventId: suspect?.eventId ?? null,
      text:
        `${words} niêm phong ${seal.events} sự kiện, nay còn ${stored.length}: có sự kiện bị xoá hoặc chuyển đi` +
        (suspect ? ` (ngay trước hoặc tại sự kiện ${suspect.eventId}).` : ' (ở cuối danh sách).'),
    };
  return {
    kind: 'event',
    recordId: row.id,
    eventId: suspect?.eventId ?? null,
    text: suspect
      ? `Sự kiện ${suspect.eventId} (${words}) đã bị sửa sau khi ghi: nội dung không còn khớp dấu niêm phong.`
      : `Dấu niêm phong của ${words} không khớp các sự kiện đang lưu.`,
  };
}
