import fs from 'node:fs';
import { type Config, openDatabase } from '../platform/index.ts';
import { makeCheckpoint } from './proofs.checkpoints.ts';
import { verifyChain, verifyProof } from './proofs.verify.ts';

const usage = `Usage: txng verify <proof.json> [--key <public-key.pem>]
       txng verify --chain
`;

/**
 * `txng verify proof.json [--key k.pem]` checks a proof offline (no database, no network): the leaf, its Merkle
 * path, the checkpoint's signature, with the key given (a copy kept elsewhere) or else the one inside the proof.
 * `txng verify --chain` recomputes the whole chain, its checkpoints and the captured events against the database
 * and names the first thing that does not hold. Exit 0 when all holds, 1 when not, 2 on wrong use.
 */
export async function runVerifyCommand(
  args: string[],
  loadConfig: () => Config,
  out: NodeJS.WritableStream,
): Promise<number> {
  if (args[0] === '--chain') {
    const database = await openDatabase(loadConfig());
    try {
      const started = performance.now();
      const report = await verifyChain(database.db);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (report.valid) {
        out.write(
          `Toàn vẹn: ${report.records} bản ghi, ${report.events} sự kiện và ${report.checkpoints} điểm mốc đã ký đều khớp (${seconds} s).\n`,
        );
        return 0;
      }
      out.write(`KHÔNG toàn vẹn: ${report.broken!.text}\n`);
      out.write(`(đã kiểm ${report.records} bản ghi và ${report.checkpoints} điểm mốc trước chỗ hỏng)\n`);
      return 1;
    } finally {
      await database.close();
    }
  }
  const file = args.find((a) => !a.startsWith('--'));
  const keyAt = args.indexOf('--key');
  const keyFile = keyAt >= 0 ? args[keyAt + 1] : undefined;
  if (!file || (keyAt >= 0 && !keyFile)) {
    out.write(usage);
    return 2;
  }
  let proof: unknown;
  let key: string | undefined;
  try {
    proof = JSON.parse(fs.readFileSync(file, 'utf8'));
    key = keyFile ? fs.readFileSync(keyFile, 'utf8') : undefined;
  } catch (err) {
    out.write(`Không đọc được tệp: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const verdict = verifyProof(proof, key);
  const p = proof as {
    record?: { id?: unknown; action?: unknown; entityType?: unknown; at?: unknown };
    event?: { eventId?: unknown };
  };
  if (p?.record)
    out.write(
      `Bằng chứng của ${p.event ? `sự kiện ${String(p.event.eventId)}, ghi ở ` : ''}bản ghi số ${String(p.record.id)} (${String(p.record.action)} ${String(p.record.entityType)}, ${String(p.record.at)}):\n`,
    );
  for (const step of verdict.steps) out.write(`${step.ok ? '✓' : '✗'} ${step.text}\n`);
  if (!verdict.keyFromCaller)
    out.write(
      '! Khoá công khai lấy từ chính bằng chứng: hãy so với khoá tỉnh đã công bố (--key <tệp .pem>) để chắc chắn.\n',
    );
  out.write(verdict.valid ? 'Bằng chứng hợp lệ.\n' : 'Bằng chứng KHÔNG hợp lệ.\n');
  return verdict.valid ? 0 : 1;
}

/** `txng checkpoint`: signs a checkpoint now over the records since the last one. */
export async function runCheckpointCommand(
  _args: string[],
  config: Config,
  out: NodeJS.WritableStream,
): Promise<number> {
  const database = await openDatabase(config);
  try {
    const made = await makeCheckpoint(database.db, {
      province: config.provinceName,
      keyFile: config.checkpointKeyFile,
      trigger: 'cli',
    });
    out.write(
      made
        ? `Đã ký điểm mốc số ${made.seq}: ${made.records} bản ghi (số ${made.fromId + 1}–${made.toId}), gốc ${made.root}.\n`
        : 'Không có bản ghi mới kể từ điểm mốc trước.\n',
    );
    return 0;
  } finally {
    await database.close();
  }
}
