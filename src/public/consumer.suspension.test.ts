import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ResolverListener, resolverCacheListening, startResolverListener } from '../resolver/index.ts';
import { createTestApp, makeStampedProduct, makeUser, type TestApp } from '../test/index.ts';

/**
 * A listening process holds a stamp's suspension as live state (decisions 055, 062): a suspension and its lifting
 * announce themselves in their own transaction, so the page shows them without waiting for the cache's seconds.
 * (inspections.test.ts checks the same on a process that holds nothing.)
 */
let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;
let listener: ResolverListener;
let inspector: Record<string, string>;

beforeAll(async () => {
  // a long cache: only the announcement can make the page change within the test
  t = await createTestApp({ resolverCacheSeconds: 600 });
  f = await makeStampedProduct(t, 'Bưởi Phúc Trạch');
  const connectionString = (t.db as unknown as { $client: { options?: { connectionString?: string } } })
    .$client.options?.connectionString;
  listener = await startResolverListener({ db: t.db, databaseUrl: connectionString ?? null, log: () => {} });
  inspector = t.as({ role: 'inspector', id: (await makeUser(t.db, 'inspector')).id, name: 'Thanh tra viên' });
});
afterAll(async () => {
  await listener?.stop();
  await t?.close();
});

const stampPage = async (serial: number, ip: string) => {
  const page = await t.app.inject({
    url: `/page${f.stampPath(serial)}`,
    headers: { accept: 'text/html', 'x-forwarded-for': ip },
  });
  expect(page.statusCode).toBe(200);
  return page.body;
};

/** The page as soon as it says `text`: an announcement arrives after its commit, within milliseconds. */
async function pageSaying(serial: number, text: string, absent = false) {
  for (let i = 0; i < 50; i++) {
    const body = await stampPage(serial, `198.51.100.${i + 1}`);
    if (body.includes(text) !== absent) return body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the page did not ${absent ? 'drop' : 'show'} "${text}" within a second`);
}

describe('a suspension in a listening process', () => {
  it('shows within a second of the decision, and its lifting too, though the stamp is held in memory', async () => {
    expect(resolverCacheListening()).toBe(true);
    const serial = f.activeSerial;
    expect(await stampPage(serial, '203.0.113.1')).toContain('Sản phẩm chính hãng');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/inspections/actions',
      headers: inspector,
      payload: {
        organisationId: f.producer.organisationId,
        kind: 'stamp_suspension',
        gtin: f.producer.gtin,
        firstSerial: serial,
        lastSerial: serial,
        reason: 'Tem dán trên sản phẩm không đúng lô',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await pageSaying(serial, 'tạm đình chỉ')).not.toContain('Sản phẩm chính hãng');
    const lifted = await t.app.inject({
      method: 'POST',
      url: `/api/inspections/actions/${res.json().id}/lift`,
      headers: inspector,
      payload: { reason: 'Cơ sở đã khắc phục' },
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(await pageSaying(serial, 'tạm đình chỉ', true)).toContain('Sản phẩm chính hãng');
  });
});
