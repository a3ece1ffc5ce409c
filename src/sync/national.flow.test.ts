import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureEpcisDocument } from '../epcis/index.ts';
import {
  createTestApp,
  epcisDocument,
  gtin,
  makeLocation,
  makeLot,
  makeOrganisation,
  makeProduct,
  type NationalPortalSimulator,
  objectEvent,
  startNationalPortalSimulator,
  type TestApp,
} from '../test/index.ts';
import { nationalPortalReceiver } from './national.receiver.ts';
import { setReceivers } from './outbox.ts';
import type { Receiver } from './receiver.ts';
import { createSyncWorker } from './worker.ts';

// From the department's approval to the national portal: the registry's records and a capture go through the outbox
// and the worker to the portal's simulator, as the program does with TXNG_NATIONAL_URL set.

let t: TestApp;
let sim: NationalPortalSimulator;
let national: Receiver;

async function outbox(recordId: string) {
  const result = (await t.db.execute(
    sql`SELECT state, reasons FROM sync_outbox WHERE record_id = ${recordId} ORDER BY id`,
  )) as unknown as { rows: { state: string; reasons: { vi: string; field?: string }[] | null }[] };
  return result.rows;
}

/** The worker's runs until nothing is left to hand over now. */
async function deliverAll() {
  const worker = createSyncWorker(t.db, [national], { maxAttempts: 5, baseDelayMs: 0, random: () => 0 });
  for (let run = 0; run < 5; run++) if (!(await worker.runOnce())) return;
}

beforeAll(async () => {
  sim = await startNationalPortalSimulator();
  t = await createTestApp();
  national = nationalPortalReceiver({
    url: sim.url,
    clientId: sim.clientId,
    clientSecret: sim.clientSecret,
    baseUrl: t.config.baseUrl,
    provinceName: t.config.provinceName,
  });
  setReceivers([national]);
});
afterAll(async () => {
  setReceivers([]);
  await t.close();
  await sim.close();
});

describe('approved data reaches the national portal', () => {
  it('delivers the organisation, its place, product, lot and event once approved, and holds what it would refuse', async () => {
    const own = gtin();
    const spare = gtin();
    const organisation = await makeOrganisation(t.db, {
      ownGtins: [own, spare],
      streetAddress: 'Ấp Tân Triều',
    });
    sim.registerEnterprise(String(organisation.taxCode), String(organisation.gln));
    const place = await makeLocation(t.db, organisation.id);
    const product = await makeProduct(t.db, organisation.id, { gtin: own });
    const lot = await makeLot(t.db, { productId: product.id, lot: 'L-01', locationId: place.id });
    await captureEpcisDocument(
      t.db,
      epcisDocument([
        objectEvent('s1', {
          epcList: [`https://id.gs1.org/01/${own}/21/s1`],
          readPoint: { id: `https://id.gs1.org/414/${organisation.gln}` },
        }),
      ]),
      { organisationId: organisation.id },
    );
    const imageless = await makeProduct(t.db, organisation.id, { gtin: spare, images: [] });

    await deliverAll();

    for (const id of [organisation.id, place.id, product.id, lot.id])
      expect((await outbox(id)).map((r) => r.state)).toEqual(['confirmed']);
    expect(sim.active.has(organisation.id)).toBe(true);
    expect(sim.records.get('products')?.get(product.id)).toMatchObject({
      gtin: own,
      images: ['https://txng.example.vn/files/00000000-0000-4000-8000-000000000001'],
    });
    expect(sim.records.get('production-orders')?.get(lot.id)).toMatchObject({ lotNumber: 'L-01' });
    expect(sim.records.get('events')?.size).toBe(1);
    expect(sim.chains.has(own)).toBe(true);

    const [held] = await outbox(imageless.id);
    expect(held.state).toBe('held');
    expect(held.reasons).toEqual([
      expect.objectContaining({
        field: 'images',
        vi: 'Thiếu ảnh sản phẩm (mục 2 của Thông tư 02/2024/TT-BKHCN).',
      }),
    ]);
    expect(sim.records.get('products')?.has(imageless.id)).toBe(false);
  });
});
