/**
 * Tamper evidence (issue 16 §2, decision 057): recomputing the whole audit chain — every record's hash and link,
 * every signed checkpoint's Merkle root and signature, and the events of the captures in it — beside two baselines
 * over the same rows in the same run: reading them bare (the same keyset batches, nothing computed) and reading them
 * with one plain sha256 per row — and beside the check as it was before its quick pass (row by row, `parallel:
 * false`). Node CPU seconds count the main thread and the worker threads. Then one proof: made from the database
 * (cold and with its checkpoint's leaves cached) and verified offline.
 *
 * `DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/chain-verify.bench.ts` works in a
 * scratch database `txng_bench_chain` (created and dropped); without DATABASE_URL, PGlite in memory.
 * TXNG_BENCH_RECORDS (default 1,000,000), TXNG_BENCH_CHECKPOINTS (10), TXNG_BENCH_CAPTURES (10 × 1,000 events).
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { auditRowsInRange, ChainHashers, canonicalJson, chainHash, genesisHash } from '../src/audit/index.ts';
import { captureEpcisDocument } from '../src/epcis/epcis.service.ts';
import { type CaptureSeal, captureRoot, storedEventsOfCapture } from '../src/epcis/index.ts';
import type { Database } from '../src/platform/db.ts';
import { makeCheckpoint, recordProof, verifyChain, verifyProof } from '../src/proofs/index.ts';
import { openBenchDatabase } from './scratch-database.ts';
import { insertCapturer, shippingEvents } from './workloads.ts';

const records = Number(process.env.TXNG_BENCH_RECORDS ?? 1_000_000);
const checkpointCount = Number(process.env.TXNG_BENCH_CHECKPOINTS ?? 10);
const captures = Number(process.env.TXNG_BENCH_CAPTURES ?? 10);
const organisationId = '00000000-0000-4000-8000-0000000000cf';
const scratchName = 'txng_bench_chain';
/** TXNG_BENCH_KEEP=1 keeps the scratch database; TXNG_BENCH_REUSE=1 measures again on the kept one, loading nothing. */
const keep = process.env.TXNG_BENCH_KEEP === '1';
const reuse = process.env.TXNG_BENCH_REUSE === '1';

const actions = ['create', 'update', 'submit', 'approve', 'activate'];
const types = ['product', 'lot', 'organisation', 'stamp_batch', 'location'];

/** Writes `count` chained rows after `prev` in batches (what recordAudit would have written, without its lock). */
async function writeRows(database: Database, count: number, start: { id: number; hash: string; at: number }) {
  let prev = start.hash;
  let at = start.at;
  const batch = 5000;
  for (let done = 0; done < count; done += batch) {
    const rows = [];
    for (let i = 0; i < Math.min(batch, count - done); i++) {
      const n = start.id + done + i + 1;
      at += 1000;
      const row = {
        at: new Date(at),
        actorId: `u-${n % 97}`,
        actorKind: 'user',
        actorRole: 'org_owner',
        actorName: `Người dùng ${n % 97}`,
        organisationId: null,
        action: actions[n % actions.length],
        entityType: types[n % types.length],
        entityId: crypto.randomUUID(),
        before: n % 3 ? { reviewStatus: 'draft', quantity: n % 1000 } : null,
        after: { reviewStatus: 'submitted', quantity: (n % 1000) + 1, note: 'Lô hàng sầu riêng' },
      };
      const hash = chainHash(prev, row);
      rows.push({ ...row, at: row.at.toISOString(), prevHash: prev, hash });
      prev = hash;
    }
    await database.db.execute(sql`INSERT INTO audit_log (at, actor_id, actor_kind, actor_role, actor_name,
      organisation_id, action, entity_type, entity_id, before, after, prev_hash, hash)
      SELECT at, "actorId", "actorKind", "actorRole", "actorName", "organisationId", action, "entityType",
        "entityId", before, after, "prevHash", hash
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(at timestamptz, "actorId" text, "actorKind" text,
        "actorRole" text, "actorName" text, "organisationId" uuid, action text, "entityType" text, "entityId" text,
        before jsonb, after jsonb, "prevHash" text, hash text)`);
  }
  return { hash: prev, at };
}

async function head(database: Database) {
  const { rows } = (await database.db.execute(
    sql`SELECT id, hash, extract(epoch FROM at) * 1000 AS at FROM audit_log ORDER BY id DESC LIMIT 1`,
  )) as unknown as { rows: { id: number; hash: string; at: number }[] };
  return rows[0]
    ? { id: Number(rows[0].id), hash: rows[0].hash, at: Number(rows[0].at) }
    : { id: 0, hash: genesisHash, at: Date.parse('2026-01-01T00:00:00Z') };
}

/** Wall-clock seconds and this process's CPU seconds (on PGlite the database's work is in it too). */
async function seconds<T>(run: () => Promise<T>): Promise<{ s: number; cpu: number; value: T }> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const value = await run();
  const cpu = process.cpuUsage(cpuStart);
  return { s: (performance.now() - start) / 1000, cpu: (cpu.user + cpu.system) / 1e6, value };
}

/** The baselines read the same rows in the same keyset batches as verifyChain. */
async function readAll(database: Database, perRow: (row: Record<string, unknown>) => void) {
  let after = 0;
  let n = 0;
  for (;;) {
    const batch = await auditRowsInRange(database.db, after, Number.MAX_SAFE_INTEGER, 10_000);
    for (const row of batch) perRow(row);
    n += batch.length;
    if (batch.length < 10_000) break;
    after = batch[batch.length - 1].id;
  }
  return n;
}

async function main() {
  const { database, kind, drop } = await openBenchDatabase(scratchName, { keep, reuse });
  try {
    if (!reuse) await load(database);
    await database.db.execute(sql`ANALYZE audit_log`);
    const total = (await head(database)).id;
    await measure(database, kind, total);
  } finally {
    await database.close();
    await drop();
  }
}

async function load(database: Database) {
  {
    await insertCapturer(database.db, organisationId);
    const load = await seconds(async () => {
      // the captures first (each one chained row sealing 1,000 events), then the records, a checkpoint per part
      for (let c = 0; c < captures; c++)
        await captureEpcisDocument(
          database.db,
          {
            '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
            type: 'EPCISDocument',
            schemaVersion: '2.0',
            creationDate: '2026-01-01T00:00:00Z',
            epcisBody: { eventList: shippingEvents(`chain${c}`, 1000, 2026) },
          },
          { organisationId },
        );
      const part = Math.ceil((records - captures) / checkpointCount);
      for (let k = 0; k < checkpointCount; k++) {
        const h = await head(database);
        await writeRows(database, Math.min(part, records - h.id), h);
        await makeCheckpoint(database.db, { province: 'Bench', keyFile: null, trigger: 'cli' });
      }
    });
    console.log(
      `loaded ${(await head(database)).id} records and ${checkpointCount} checkpoints in ${load.s.toFixed(0)} s`,
    );
  }
}

async function measure(database: Database, kind: string, total: number) {
  {
    const { rows: sealRows } = (await database.db.execute(
      sql`SELECT entity_id, after FROM audit_log WHERE entity_type = 'epcis_capture' ORDER BY id LIMIT 1`,
    )) as unknown as { rows: { entity_id: string; after: CaptureSeal }[] };
    const captureIdOf = sealRows[0].entity_id;
    const sealOf = sealRows[0].after;

    const bare = await seconds(() => readAll(database, () => {}));
    const sha = await seconds(() =>
      readAll(database, (row) => crypto.createHash('sha256').update(canonicalJson(row)).digest('hex')),
    );
    // before: the careful row-by-row pass alone (verifyChain as it was); after: the quick pass (pages hashed in
    // worker threads), which must finish without handing over to the careful one on a whole chain
    const before = await seconds(() => verifyChain(database.db, { parallel: false }));
    const handedOver: number[] = [];
    const onCarefulFrom = (id: number) => handedOver.push(id);
    const full = await seconds(() => verifyChain(database.db, { onCarefulFrom }));
    const recordsOnly = await seconds(() => verifyChain(database.db, { events: false, onCarefulFrom }));
    if (!full.value.valid || !before.value.valid) throw new Error(`chain broken: ${full.value.broken?.text}`);
    if (handedOver.length) throw new Error(`the quick pass handed over after record ${handedOver[0]}`);
    if (JSON.stringify(full.value) !== JSON.stringify(before.value)) throw new Error('reports differ');

    // one proof: a record in the middle of the last checkpoint
    const target = total - Math.floor(records / checkpointCount / 2);
    const cold = await seconds(() => recordProof(database.db, target));
    const warm = await seconds(() => recordProof(database.db, target));
    const proof = cold.value!;
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      if (!verifyProof(proof).valid) throw new Error('proof does not verify');
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    // what sealing adds to a capture in Node: the leaves and root of 1,000 stored events (then one audit row)
    const stored = await storedEventsOfCapture(database.db, captureIdOf, sealOf);
    const sealTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      captureRoot(stored);
      sealTimes.push(performance.now() - t0);
    }
    sealTimes.sort((a, b) => a - b);

    console.log(
      `\nChain verification, ${kind}, ${total.toLocaleString('en')} records (${captures} of them captures sealing ${full.value.events.toLocaleString('en')} events), ${full.value.checkpoints} checkpoints; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs\n`,
    );
    console.log('| what | seconds | records/s | Node CPU seconds |');
    console.log('|---|---:|---:|---:|');
    const line = (label: string, r: { s: number; cpu: number }) =>
      console.log(
        `| ${label} | ${r.s.toFixed(2)} | ${Math.round(total / r.s).toLocaleString('en')} | ${r.cpu.toFixed(2)} |`,
      );
    line('read every row, bare (baseline)', bare);
    line('read every row + one sha256 of it (baseline)', sha);
    line('before: `verifyChain` row by row (`parallel: false`), all of it', before);
    line(
      `\`verifyChain\`, pages in ${ChainHashers.defaultSize()} worker threads: records, links, checkpoints and signatures, no events`,
      recordsOnly,
    );
    line('`verifyChain` (`txng verify --chain`): all of it, the captured events too', full);
    console.log(
      `\nOne proof (record ${target}, checkpoint of ${Math.round(records / checkpointCount).toLocaleString('en')} records, path of ${proof.record.path.length} steps)\n`,
    );
    console.log('| what | ms |');
    console.log('|---|---:|');
    console.log(
      `| make it from the database, its checkpoint's leaves not cached | ${(cold.s * 1000).toFixed(0)} |`,
    );
    console.log(`| make it again (leaves cached) | ${(warm.s * 1000).toFixed(1)} |`);
    console.log(`| verify it offline (\`verifyProof\`), median of 200 | ${times[100].toFixed(2)} |`);
    console.log(`| verify it offline, slowest of 200 | ${times[199].toFixed(2)} |`);
    console.log(
      `\nSealing one capture of ${stored.length} events (leaves and Merkle root, Node only), median of 20: ${sealTimes[10].toFixed(1)} ms`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
