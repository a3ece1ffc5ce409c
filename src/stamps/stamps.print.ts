import type { z } from 'zod';
import { compressDigitalLink } from '../gs1/index.ts';
import { type Actor, badRequest, conflict, type Db, forbidden, notFound } from '../platform/index.ts';
import { recordChange, toRuns } from './stamps.lifecycle.ts';
import type { Label } from './stamps.pdf.ts';
import { renderLabelSheet } from './stamps.pdf.ts';
import { canHandleStamps } from './stamps.policy.ts';
import { findLot, findProduct, type LotRef } from './stamps.ports.ts';
import * as repo from './stamps.repo.ts';
import { maxStampsPerPrint, type stampPrintBody } from './stamps.schema.ts';
import { hashSecret, newSecret } from './stamps.secret.ts';
import { paintSegments } from './stamps.state.ts';
import { stampElementString, stampUri } from './stamps.uri.ts';

/**
 * Print sheet for a run of a range. Revoked stamps are skipped. Anti-counterfeit stamps get fresh secrets
 * here — they exist only in this PDF, the database keeps their hashes — so printing them again is an explicit
 * reprint that voids the earlier print. Every print is recorded as a 'print' or 'reprint' change with its EPCIS
 * event. The PDF is rendered before anything is stored: a failure stores nothing.
 */
export async function printStamps(
  db: Db,
  actor: Actor,
  rangeId: string,
  query: z.infer<typeof stampPrintBody>,
  baseUrl: string,
): Promise<Buffer> {
  const run = await preparePrintRun(db, actor, rangeId, query, baseUrl);
  const pdf = await renderLabelSheet(run.labels, {
    layout: query.layout,
    carrier: query.carrier,
    title: run.title,
  });
  await run.commit();
  return pdf;
}

/** The labels of a print job and the writes that make them valid (secret hashes, the print record). */
export async function preparePrintRun(
  db: Db,
  actor: Actor,
  rangeId: string,
  query: z.infer<typeof stampPrintBody>,
  baseUrl: string,
): Promise<{ labels: Label[]; title: string; commit: () => Promise<void> }> {
  const range = await repo.findRange(db, rangeId);
  if (!range) throw notFound('stamps.range-not-found');
  if (!canHandleStamps(actor, range.organisationId)) throw forbidden();
  const [run] = toRuns(range, { firstSerial: query.firstSerial, lastSerial: query.lastSerial });
  const count = run.lastSerial - run.firstSerial + 1;
  if (count > maxStampsPerPrint)
    throw badRequest([
      { field: '/lastSerial', code: 'stamps.tooMany', params: { maximum: maxStampsPerPrint } },
    ]);
  const anti = range.kind === 'anti_counterfeit';
  // the secret travels only in the URL, which a GS1 element string cannot carry
  if (anti && query.carrier === 'gs1-datamatrix')
    throw badRequest([{ field: '/carrier', code: 'stamps.secretNeedsLink' }]);
  if (
    anti &&
    !query.reprint &&
    (await repo.countSecrets(db, range.gtin, run.firstSerial, run.lastSerial)) > 0
  )
    throw conflict('stamps.already-printed');

  const product = await findProduct(db, range.gtin);
  const segments = paintSegments(range.firstSerial, range.lastSerial, await repo.listChanges(db, rangeId));
  const lots = new Map<string, LotRef | null>();
  const labels: Label[] = [];
  const serials: number[] = [];
  const hashes: string[] = [];
  for (const s of segments) {
    if (s.state === 'revoked') continue;
    if (s.lot && !lots.has(s.lot)) lots.set(s.lot, await findLot(db, range.gtin, s.lot));
    const lotRef = s.lot ? lots.get(s.lot) : null;
    const from = Math.max(s.firstSerial, run.firstSerial);
    const to = Math.min(s.lastSerial, run.lastSerial);
    for (let serial = from; serial <= to; serial++) {
      const secret = anti ? newSecret() : null;
      if (secret) {
        serials.push(serial);
        hashes.push(hashSecret(range.gtin, serial, secret));
      }
      const stamp = { gtin: range.gtin, serial, lot: s.lot, secret };
      const uri = stampUri(baseUrl, stamp);
      const elementString = query.carrier === 'gs1-datamatrix' ? stampElementString(stamp) : null;
      labels.push({
        code: elementString ?? uri,
        // the whole address, secret included: typed in, it opens the same page as the code
        link: uri,
        shortLink: compressDigitalLink(uri),
        elementString,
        productName: product?.name ?? range.gtin,
        lot: s.lot,
        productionDate: lotRef?.productionDate ?? null,
        expiryDate: lotRef?.expiryDate ?? null,
      });
    }
  }
  const commit = async () => {
    await db.transaction(async (tx) => {
      await repo.lockRange(tx, rangeId);
      // checked again under the lock: two first prints at once would otherwise both store hashes, voiding one PDF
      if (
        anti &&
        !query.reprint &&
        (await repo.countSecrets(tx, range.gtin, run.firstSerial, run.lastSerial)) > 0
      )
        throw conflict('stamps.already-printed');
      if (anti) await repo.upsertSecrets(tx, range.gtin, serials, hashes);
      const action = query.reprint ? 'reprint' : 'print';
      await recordChange(tx, actor, range, run, action, { lot: null, reason: null, at: new Date() });
    });
  };
  return { labels, title: `${product?.name ?? range.gtin} ${run.firstSerial}–${run.lastSerial}`, commit };
}
