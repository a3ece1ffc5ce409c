/**
 * Stamp benchmarks: a 10,000-label A4 print sheet (aim < 15 s) and the allocation of 1,000,000 serials
 * (aim < 20 s), on the embedded database or on PostgreSQL when TXNG_BENCH_DATABASE_URL is set.
 *   npx tsx bench/stamps.ts
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { compressDigitalLink } from '../src/gs1/index.ts';
import { type Label, renderLabelSheet } from '../src/stamps/stamps.pdf.ts';
import { insertRange, insertRequest, reserveSerials, upsertSecrets } from '../src/stamps/stamps.repo.ts';
import { hashSecret, newSecret } from '../src/stamps/stamps.secret.ts';
import { stampUri } from '../src/stamps/stamps.uri.ts';
import { openTestDatabase } from '../src/test/app.ts';

if (process.env.TXNG_BENCH_DATABASE_URL)
  process.env.TXNG_TEST_DATABASE_URL = process.env.TXNG_BENCH_DATABASE_URL;

const base = 'https://txng.dongnai.gov.vn';
const gtin = '08935049500018';

async function pdfBench(count: number) {
  const labels: Label[] = [];
  for (let serial = 1; serial <= count; serial++) {
    const uri = stampUri(base, { gtin, serial: 1_000_000 + serial, lot: 'L2026-03', secret: newSecret() });
    labels.push({
      code: uri,
      link: uri,
      shortLink: compressDigitalLink(uri),
      elementString: null,
      productName: 'Bưởi Tân Triều loại 1 — hộp 2 quả',
      lot: 'L2026-03',
      productionDate: '2026-03-01',
      expiryDate: '2026-04-15',
    });
  }
  const started = performance.now();
  const cpu = process.cpuUsage();
  const pdf = await renderLabelSheet(labels, { layout: 'a4', carrier: 'qr', title: 'bench' });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  console.log(
    `PDF: ${count} anti-counterfeit QR labels (A4, ${Math.ceil(count / 24)} pages) in ${seconds.toFixed(1)} s wall, ` +
      `${((used.user + used.system) / 1e6).toFixed(1)} s CPU (${Math.round(count / seconds)} labels/s), ` +
      `${(pdf.length / 1024 / 1024).toFixed(1)} MB; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
}

async function allocationBench() {
  const database = await openTestDatabase();
  const db = database.db;
  try {
    const request = await insertRequest(db, {
      organisationId: '00000000-0000-4000-8000-000000000001',
      gtin,
      quantity: 1_000_000,
      kind: 'anti_counterfeit',
      requestedBy: 'bench',
      status: 'approved',
    });
    let started = performance.now();
    const { firstSerial, lastSerial } = await db.transaction(async (tx) => {
      const serials = await reserveSerials(tx, gtin, 1_000_000);
      await insertRange(tx, {
        requestId: request.id,
        organisationId: request.organisationId,
        gtin,
        kind: 'anti_counterfeit',
        ...serials,
      });
      return serials;
    });
    console.log(
      `Allocation: 1,000,000 serials (${firstSerial}–${lastSerial}) as one range in ${(performance.now() - started).toFixed(1)} ms [${database.kind}]`,
    );
    started = performance.now();
    const many = await Promise.all(
      Array.from({ length: 200 }, () => db.transaction((tx) => reserveSerials(tx, gtin, 5000))),
    );
    const sorted = many.sort((a, b) => a.firstSerial - b.firstSerial);
    const disjoint = sorted.every((r, i) => i === 0 || r.firstSerial === sorted[i - 1].lastSerial + 1);
    console.log(
      `Allocation: 200 concurrent requests of 5,000 in ${(performance.now() - started).toFixed(0)} ms, disjoint: ${disjoint} [${database.kind}]`,
    );
    // anti-counterfeit stamps need one secret hash per stamp: the cost of a million of them
    started = performance.now();
    const batch = 100_000;
    for (let from = 0; from < 1_000_000; from += batch) {
      const serials = Array.from({ length: batch }, (_, i) => firstSerial + from + i);
      const hashes = serials.map((s) => hashSecret(gtin, s, newSecret()));
      await db.transaction((tx) => upsertSecrets(tx, gtin, serials, hashes));
    }
    console.log(
      `Secrets: 1,000,000 anti-counterfeit secret hashes generated and stored in ${((performance.now() - started) / 1000).toFixed(1)} s [${database.kind}]`,
    );
  } finally {
    await database.close();
  }
}

await pdfBench(Number(process.env.TXNG_BENCH_LABELS ?? 10_000));
await allocationBench();
