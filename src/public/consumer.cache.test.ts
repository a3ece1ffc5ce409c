import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLotStatus, withdrawPublication } from '../registry/index.ts';
import {
  findSubject,
  parseResolverUrl,
  type ResolverListener,
  resolverCacheListening,
  startResolverListener,
} from '../resolver/index.ts';
import { revokeStamps, shareScanLocation } from '../stamps/index.ts';
import { adminActor, createTestApp, makeStampedProduct, makeUser, type TestApp } from '../test/index.ts';
import { buildConsumerView, unknownView } from './consumer.data.ts';
import { pageFramesBuilt, renderConsumerPage, renderConsumerPageBytes, withLang } from './consumer.page.ts';

/**
 * Decision 064: the consumer page is joined from a frame kept per product and language (the head, the product,
 * lot, producer and journey sections, the form) and the parts of the scan. For each state of a stamp the page
 * rendered from the kept frame is the page rendered with nothing kept, byte for byte; and a change announced (a
 * recall, an approved edit, a withdrawal) shows at the next view in a process that holds everything for 10 minutes.
 */
let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;
let listener: ResolverListener;
let inspector: Record<string, string>;
let owner: Record<string, string>;
let reviewer: Record<string, string>;

beforeAll(async () => {
  // a long cache: only an announcement can make a page change within the test
  t = await createTestApp({ resolverCacheSeconds: 600 });
  f = await makeStampedProduct(t, 'Bưởi "Đường lá cam" <loại 1>');
  const connectionString = (t.db as unknown as { $client: { options?: { connectionString?: string } } })
    .$client.options?.connectionString;
  listener = await startResolverListener({ db: t.db, databaseUrl: connectionString ?? null, log: () => {} });
  inspector = t.as({ role: 'inspector', id: (await makeUser(t.db, 'inspector')).id, name: 'Thanh tra viên' });
  owner = t.as({ role: 'org_owner', organisationIds: [f.producer.organisationId] });
  reviewer = t.as({ role: 'dost_reviewer' });
});
afterAll(async () => {
  await listener?.stop();
  await t?.close();
});

let ip = 0;
// each view from another network (a /24), so the repeat rule and the per-network cap never hold one back
const nextIp = () => `10.${Math.floor(++ip / 250)}.${(ip % 250) + 1}.9`;

/** One view of a code as the page's handler builds it (the scan recorded), rendered with and without the cache. */
async function renderBoth(path: string, lang: 'vi' | 'en' = 'vi', from = nextIp()) {
  const dl = parseResolverUrl(t.config.baseUrl, path);
  const subject = await findSubject(t.db, dl);
  const view = subject
    ? await buildConsumerView(t.db, dl, subject, { ip: from }, t.config.scan)
    : unknownView(dl, t.config.scan);
  const opts = { lang, province: t.config.provinceName, selfPath: `/page${path}`, reported: false };
  const cold = renderConsumerPage(view, opts, false);
  const warm = renderConsumerPage(view, opts);
  expect(warm).toBe(cold);
  expect(renderConsumerPage(view, opts)).toBe(cold);
  // the answer's bytes: the kept frame's encoded pieces and the view's own, the same page
  expect(renderConsumerPageBytes(view, opts).toString('utf8')).toBe(cold);
  expect(renderConsumerPageBytes(view, { ...opts, reported: true }).toString('utf8')).toBe(
    renderConsumerPage(view, { ...opts, reported: true }, false),
  );
  expect(renderConsumerPage(view, { ...opts, reported: true }, false)).toBe(
    renderConsumerPage(view, { ...opts, reported: true }),
  );
  return { view, page: cold };
}

const page = (path: string, from = nextIp()) =>
  t.app.inject({ url: `/page${path}`, headers: { accept: 'text/html', 'x-forwarded-for': from } });

/** The page as soon as it says `text`: an announcement arrives after its commit, within milliseconds. */
async function pageSaying(path: string, text: string) {
  for (let i = 0; i < 50; i++) {
    const res = await page(path);
    if (res.body.includes(text)) return res;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the page did not show "${text}" within a second`);
}

describe('the consumer page from kept fragments (decision 064)', () => {
  it('a second stamp of the lot reuses the first one’s frame, and both give the bytes of an uncached rendering', async () => {
    expect(resolverCacheListening()).toBe(true);
    const first = await renderBoth(f.stampPath(f.activeSerial));
    expect(first.page).toContain('Sản phẩm chính hãng');
    expect(first.page).toContain('Bưởi &#34;Đường lá cam&#34; &#60;loại 1&#62;');
    const built = pageFramesBuilt();
    const second = await renderBoth(f.stampPath(f.activeSerial + 5));
    expect(pageFramesBuilt()).toBe(built);
    expect(second.view.product).toBe(first.view.product);
    expect(second.page).toContain(`<dt>Số sê-ri</dt><dd>${f.activeSerial + 5}</dd>`);
    // each language has its frame
    const english = await renderBoth(f.stampPath(f.activeSerial + 6), 'en');
    expect(english.page).toContain('Genuine product');
    // the same stamp again: counted scans, another verdict text, the same frame
    const again = await renderBoth(f.stampPath(f.activeSerial), 'vi');
    expect(again.page).toMatch(/Mã này đã được quét 2 lần/);
  });

  it('byte for byte in every state: not activated, a code without serial, an unknown serial, another lot, revoked', async () => {
    expect((await renderBoth(f.stampPath(f.inactiveSerial, false))).page).toContain(
      'Tem chưa được kích hoạt',
    );
    expect((await renderBoth(`/01/${f.producer.gtin}`)).page).toContain('Thông tin sản phẩm');
    expect((await renderBoth(`/01/${f.producer.gtin}/10/L2026-03`)).page).toContain('Thông tin sản phẩm');
    const unknown = await renderBoth(`/01/${f.producer.gtin}/21/${f.range.lastSerial + 5000}`);
    expect(unknown.view.product).toBeNull();
    expect(unknown.page).toContain('Mã không có trong hệ thống');
    expect((await renderBoth(`/01/${f.producer.gtin}/10/L2099/21/${f.activeSerial + 2}`)).page).toContain(
      'Số lô in trên tem (L2099) khác với lô đã kích hoạt',
    );
    await revokeStamps(
      t.db,
      { ...adminActor, role: 'org_owner', organisationIds: [f.producer.organisationId] },
      f.range.id,
      {
        serials: [f.activeSerial + 3],
        reason: 'mất cắp',
      },
    );
    const revoked = await pageSaying(f.stampPath(f.activeSerial + 3), 'Nghi vấn hàng giả');
    expect(revoked.body).toContain('Nghi vấn hàng giả');
    expect((await renderBoth(f.stampPath(f.activeSerial + 3))).page).toContain('Nghi vấn hàng giả');
    // the anti-counterfeit stamp with its secret, and with a wrong one (an unknown code)
    const anti = new URL(f.antiUri);
    expect((await renderBoth(`${anti.pathname}${anti.search}`)).page).toContain('Sản phẩm chính hãng');
    expect((await renderBoth(`${anti.pathname}?s=AAAAAAAAAAAA`)).page).toContain(
      'Mã không có trong hệ thống',
    );
    expect((await renderBoth(`${anti.pathname}${anti.search}`)).page).toContain('Sản phẩm chính hãng');
  });

  it('byte for byte for a cloned label: scans far apart in too little time', async () => {
    const path = f.stampPath(f.activeSerial + 7);
    const hanoi = await renderBoth(path, 'vi', '198.51.100.7');
    await shareScanLocation(t.db, hanoi.view.scan!.id, hanoi.view.scan!.token, 21.03, 105.85);
    const daNang = await renderBoth(path, 'vi', '192.0.2.7');
    await shareScanLocation(t.db, daNang.view.scan!.id, daNang.view.scan!.token, 16.05, 108.22);
    const third = await renderBoth(path, 'en', '100.64.3.7');
    expect(third.view.verdict.kind).toBe('suspicious');
    expect(third.page).toContain('Suspicious: possibly counterfeit');
  });

  it('byte for byte for a suspended stamp, shown at the next view', async () => {
    const serial = f.activeSerial + 8;
    expect((await renderBoth(f.stampPath(serial))).page).toContain('Sản phẩm chính hãng');
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
    await pageSaying(f.stampPath(serial), 'Tem đã bị tạm đình chỉ');
    expect((await renderBoth(f.stampPath(serial))).page).toContain('Tem đã bị tạm đình chỉ');
  });

  it('an approved edit of the product shows at the next view, from a new frame', async () => {
    expect((await page(f.stampPath(f.activeSerial + 9))).body).toContain('Đường lá cam');
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/products/${f.producer.productId}`,
      headers: owner,
      payload: { name: 'Bưởi Đường lá cam loại đặc biệt' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/review/submissions',
      headers: owner,
      payload: { entityType: 'product', entityId: f.producer.productId },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/review/items/${submitted.json().id}/decision`,
      headers: reviewer,
      payload: { decision: 'approve' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const built = pageFramesBuilt();
    const after = await pageSaying(f.stampPath(f.activeSerial + 9), 'Bưởi Đường lá cam loại đặc biệt');
    expect(after.body).not.toContain('&#60;loại 1&#62;');
    expect(pageFramesBuilt()).toBeGreaterThan(built);
    expect((await renderBoth(f.stampPath(f.activeSerial + 10))).page).toContain('loại đặc biệt');
  });

  it('a recall shows at the next view of every stamp of the lot, byte for byte', async () => {
    const path = f.stampPath(f.activeSerial + 11);
    expect((await page(path)).body).toContain('Sản phẩm chính hãng');
    await setLotStatus(t.db, f.lot.id, { status: 'recalled', note: 'Phát hiện nấm mốc' }, adminActor);
    const recalled = await pageSaying(path, 'Lô hàng đang bị thu hồi');
    expect(recalled.body).not.toContain('Sản phẩm chính hãng');
    expect((await renderBoth(f.stampPath(f.activeSerial + 12))).page).toContain('Lô hàng đang bị thu hồi');
    expect((await renderBoth(f.stampPath(f.activeSerial + 12), 'en')).page).toContain(
      'This lot is being recalled',
    );
  });

  it('a product withdrawn from publication is an unknown code at the next view', async () => {
    const path = f.stampPath(f.activeSerial + 13);
    expect((await page(path)).statusCode).toBe(200);
    await withdrawPublication(t.db, {
      entity: 'product',
      id: f.producer.productId,
      reason: 'Thông tin sai',
      actor: adminActor,
    });
    for (let i = 0; i < 50; i++) {
      const res = await page(path);
      if (res.statusCode === 404) {
        expect(res.body).toContain('Mã không có trong hệ thống');
        expect(res.body).not.toContain('Đường lá cam');
        return;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the withdrawn product was still shown after a second');
  });
});

describe('the other language’s address', () => {
  it('is what the URL parser gives, for plain addresses and odd ones', () => {
    const slow = (path: string, lang: 'vi' | 'en') => {
      const url = new URL(path, 'http://local');
      url.searchParams.set('lang', lang);
      return `${url.pathname}${url.search}`;
    };
    const paths = [
      '/page/01/08936016000017/10/L2026-03/21/7',
      '/page/01/08936016000017/21/7?s=AbC-_12xyz09',
      '/page/01/08936016000017/21/7?s=a&lang=vi',
      '/page/01/08936016000017/21/7?lang=vi&s=a&lang=en',
      '/page/01/08936016000017/21/7?xlang=1',
      '/page/01/08936016000017/21/7?s=a+b',
      '/page/01/08936016000017/21/7?s=a%20b',
      '/page/01/08936016000017/21/7?s',
      '/page/01/08936016000017/21/7?',
      '/page/01/08936016000017/21/7?s=~',
      '/page/01/0893/10/L.1/21/7',
      '/page/01/0893/10/./21/7',
      '/page/01/0893/10/../21/7',
      '/page/01/0893/10/a./b',
      '/page/01/0893/10/L%2F1/21/7',
      '/page/01/0893/10/Lô 1/21/7',
      '/page/01/0893/10/L"1/21/7',
      '//evil.example/x',
      '/page/x?a=1&&b=2',
      '/page/x?a=1#frag',
      '/kiem-chung',
    ];
    for (const path of paths)
      for (const lang of ['vi', 'en'] as const) expect(withLang(path, lang), path).toBe(slow(path, lang));
  });
});
