import crypto from 'node:crypto';
import {
  type AuditRow,
  auditChainPage,
  auditRowById,
  auditRowsInRange,
  ChainHashers,
  type ChainPageResult,
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

type Keys = Map<string, crypto.KeyObject | null>;
type Mark = Awaited<ReturnType<typeof allCheckpoints>>[number];

/** Where a check of the chain stands: everything up to `lastId` holds, and the checkpoints before `mark`. */
interface ChainState {
  report: ChainReport;
  mark: number;
  previousStatement: string | null;
  prevHash: string;
  lastId: number;
}

/**
 * Checks checkpoint `state.mark` against the records since the one before it (their Merkle root and count, and
 * the hash of the last of them) and, when it holds, moves on to the next checkpoint.
 */
function checkMark(
  state: ChainState,
  marks: Mark[],
  keys: Keys,
  tree: { root: string; count: number },
  headHash: string,
): Broken | null {
  const cp = marks[state.mark];
  const s = JSON.parse(cp.statement) as CheckpointStatement;
  const key = keys.get(cp.keyId);
  const where = `điểm mốc số ${cp.seq} (ký ngày ${vietnamTime(cp.issuedAt)})`;
  const broken = (text: string): Broken => ({ kind: 'checkpoint', recordId: cp.toId, eventId: null, text });
  if (canonicalJson(s) !== cp.statement || s.root !== cp.root || s.toId !== cp.toId || s.fromId !== cp.fromId)
    return broken(`Nội dung ${where} trong cơ sở dữ liệu đã bị sửa.`);
  if (!key || !crypto.verify(null, Buffer.from(cp.statement), key, Buffer.from(cp.signature, 'base64')))
    return broken(`Chữ ký của ${where} không hợp lệ.`);
  if (s.previous !== (state.previousStatement ? sha256Hex(state.previousStatement) : null))
    return broken(`${where} không nối với điểm mốc trước nó: một điểm mốc đã bị xoá hoặc thay.`);
  if (tree.root !== s.root || tree.count !== s.records || headHash !== s.headHash)
    return broken(
      `Các bản ghi từ số ${s.fromId + 1} đến ${s.toId} không còn khớp với ${where}: có bản ghi bị thêm, xoá hoặc sửa.`,
    );
  state.previousStatement = cp.statement;
  state.mark++;
  state.report.checkpoints++;
  return null;
}

/** Rows per page of the parallel pass: a power of two, so that each full page is one perfect Merkle subtree. */
const defaultPageSize = 8192;

/**
 * Recomputes the whole chain from the first record: every record's hash and link, every checkpoint's root, head,
 * link to the one before and signature, and every captured event against its capture's seal. Stops at the first
 * thing that does not hold and names it. `events: false` leaves the events out (a quicker check of the records).
 *
 * Two passes, one after the other, that name the same first break in the same words. The quick one reads pages
 * of rows as JSON text and hashes them in worker threads (`workers`, 0 for none) while the next pages are read; each
 * row's hash needs only its own stored columns and stored prev_hash, so only the pages' edges and the checkpoints are
 * joined here, in id order. It never reports a break itself: at the first part (a checkpoint's records, or a page
 * after the last checkpoint) where anything does not hold or looks unusual, it stops, and the careful pass — the
 * original row-by-row check through the ORM — goes on from the start of that part with everything before it held.
 * `parallel: false` runs the careful pass alone from the first record (as before the quick pass existed).
 */
export async function verifyChain(
  db: DbOrTx,
  opts: {
    batchSize?: number;
    events?: boolean;
    parallel?: boolean;
    workers?: number;
    /** Rows per page of the quick pass (a power of two; 8,192 unless told). */
    pageSize?: number;
    /** Told where the careful pass starts (after which record), when it runs: for tests and the bench. */
    onCarefulFrom?: (afterId: number) => void;
  } = {},
): Promise<ChainReport> {
  const checkEvents = opts.events ?? true;
  const keys: Keys = new Map((await publicKeys(db)).map((k) => [k.keyId, readPublicKey(k.publicKey)]));
  const marks = await allCheckpoints(db);
  const state: ChainState = {
    report: { valid: true, records: 0, checkpoints: 0, events: 0, broken: null },
    mark: 0,
    previousStatement: null,
    prevHash: genesisHash,
    lastId: 0,
  };
  if (opts.parallel !== false) {
    const pageSize = opts.pageSize ?? defaultPageSize;
    if (!Number.isInteger(Math.log2(pageSize))) throw new RangeError('pageSize must be a power of two');
    const done = await quickPass(db, marks, keys, state, checkEvents, { workers: opts.workers, pageSize });
    if (done) return state.report;
  }
  opts.onCarefulFrom?.(state.lastId);
  return carefulPass(db, marks, keys, state, checkEvents, opts.batchSize ?? 10_000);
}

/**
 * The quick pass. Parts in id order: the records of each checkpoint (after the previous checkpoint's last record, up
 * to its own), then the records after the last checkpoint, a page at a time. A part is taken into `state` only when
 * it all holds; returns true when the whole chain held, false where the careful pass must go on from `state`.
 */
async function quickPass(
  db: DbOrTx,
  marks: Mark[],
  keys: Keys,
  state: ChainState,
  checkEvents: boolean,
  { workers, pageSize }: { workers: number | undefined; pageSize: number },
): Promise<boolean> {
  const hashers = await ChainHashers.open(workers);
  // the parts: [afterId, toId] with the checkpoint each one ends at, then the open end
  const parts: { afterId: number; toId: number; mark: number | null }[] = [];
  let bound = 0;
  for (let m = 0; m < marks.length; m++) {
    if (marks[m].toId <= bound) break; // an empty or backward checkpoint: the careful pass words it
    parts.push({ afterId: bound, toId: marks[m].toId, mark: m });
    bound = marks[m].toId;
  }
  const regularMarks = parts.length === marks.length;
  if (regularMarks) parts.push({ afterId: bound, toId: Number.MAX_SAFE_INTEGER, mark: null });

  // Each part is read in pages, keyset, by a reader of its own: the part being joined and the next one are read at
  // once (two connections on PostgreSQL), each at most `ahead` pages ahead of the joining.
  const ahead = Math.max(2, hashers.size + 1);
  let stopped = false;
  const readers = parts.map((part) => ({
    after: part.afterId,
    finished: false,
    reading: null as Promise<void> | null,
    pages: [] as Promise<ChainPageResult>[],
    error: null as unknown,
  }));
  const kick = (k: number) => {
    const r = readers[k];
    if (!r || stopped || r.finished || r.reading || r.pages.length >= ahead) return;
    r.reading = (async () => {
      const page = await auditChainPage(db, r.after, parts[k].toId, pageSize);
      if (stopped) return;
      const checked = hashers.check(page.text);
      checked.catch(() => {}); // seen when joined; never left unhandled when the pass stops first
      r.pages.push(checked);
      if (page.count === pageSize && page.lastId !== null) r.after = page.lastId;
      else r.finished = true;
    })()
      .catch((err) => {
        r.error = err;
        r.finished = true;
      })
      .finally(() => {
        r.reading = null;
        kick(k);
      });
  };
  /** The next page of part `k`, hashed, or null after its last one. */
  const nextPage = async (k: number): Promise<ChainPageResult | null> => {
    const r = readers[k];
    for (;;) {
      kick(k);
      kick(k + 1);
      const page = r.pages.shift();
      if (page) {
        kick(k);
        return page;
      }
      if (r.error) throw r.error;
      if (r.finished) return null;
      await r.reading;
    }
  };

  try {
    let prevHash = state.prevHash;
    let lastId = state.lastId;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k];
      // what the part has added so far, taken into `state` when it all holds
      let tree = new MerkleAccumulator();
      let records = 0;
      let events = 0;
      const take = () => {
        state.report.records += records;
        state.report.events += events;
        state.prevHash = prevHash;
        state.lastId = lastId;
        tree = new MerkleAccumulator();
        records = 0;
        events = 0;
      };
      for (;;) {
        const page = await nextPage(k);
        if (!page) break;
        if (page.count === 0) continue;
        if (page.firstPrevHash !== prevHash || page.bad >= 0) return false;
        if (checkEvents)
          for (const id of page.captures) {
            const row = await auditRowById(db, id);
            if (!row || (await checkCapture(db, row))) return false;
            events += (row.after as CaptureSeal).events;
          }
        for (const subtree of page.subtrees) if (!tree.pushSubtree(subtree.hash, subtree.size)) return false;
        records += page.count;
        prevHash = page.lastHash!;
        lastId = page.lastId!;
        // after the last checkpoint, each page is a part of its own
        if (part.mark === null) take();
      }
      if (part.mark !== null) {
        if (records === 0 || lastId !== part.toId) return false;
        if (checkMark(state, marks, keys, { root: tree.root(), count: tree.count }, prevHash)) return false;
      }
      take();
    }
    return regularMarks;
  } finally {
    stopped = true;
    await Promise.all(readers.map((r) => r.reading));
    await hashers.close();
  }
}

/** The careful pass: row by row through the ORM, from `state` on; names the first thing that does not hold. */
async function carefulPass(
  db: DbOrTx,
  marks: Mark[],
  keys: Keys,
  state: ChainState,
  checkEvents: boolean,
  batchSize: number,
): Promise<ChainReport> {
  const report = state.report;
  const fail = (broken: Broken): ChainReport => ({ ...report, valid: false, broken });
  let acc = new MerkleAccumulator();
  const mark = () => {
    const broken = checkMark(state, marks, keys, { root: acc.root(), count: acc.count }, state.prevHash);
    if (!broken) acc = new MerkleAccumulator();
    return broken;
  };

  let next = auditRowsInRange(db, state.lastId, Number.MAX_SAFE_INTEGER, batchSize);
  for (;;) {
    const batch = await next;
    // the next batch is read while this one is hashed
    if (batch.length === batchSize)
      next = auditRowsInRange(db, batch[batch.length - 1].id, Number.MAX_SAFE_INTEGER, batchSize);
    for (const row of batch) {
      if (state.mark < marks.length && row.id > marks[state.mark].toId) {
        const broken = mark();
        if (broken) return fail(broken);
      }
      const prevHash = state.prevHash;
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
      state.prevHash = row.hash;
      state.lastId = row.id;
      report.records++;
    }
    if (batch.length < batchSize) break;
  }
  if (state.mark < marks.length && state.lastId === marks[state.mark].toId) {
    const broken = mark();
    if (broken) return fail(broken);
  }
  if (state.mark < marks.length)
    return fail({
      kind: 'checkpoint',
      recordId: marks[state.mark].toId,
      eventId: null,
      text: `Điểm mốc số ${marks[state.mark].seq} đã ký tới bản ghi số ${marks[state.mark].toId}, nhưng nhật ký chỉ còn tới bản ghi số ${state.lastId}: các bản ghi cuối đã bị xoá.`,
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
