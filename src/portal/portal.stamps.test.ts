import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressDigitalLink } from '../gs1/index.ts';
import { createTestApp, makeStampedProduct, type TestApp } from '../test/index.ts';

/**
 * The verify box reads what a stamp's label prints under its code (decision 020, the stamps module's label
 * layouts): the whole link, else the compressed one, broken across lines, and the element string of a
 * DataMatrix label. A stamp the province knows opens its consumer page; anything else is "not found" in words.
 */
let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;

beforeAll(async () => {
  t = await createTestApp();
  f = await makeStampedProduct(t, 'Bưởi da xanh Tân Triều');
}, 180_000);
afterAll(() => t?.close());

const check = (typed: string) =>
  t.app.inject({ method: 'GET', url: `/kiem-tra?ma=${encodeURIComponent(typed)}` });
/** A label's link as a person copies it: the lines it was printed on, a space or a line break between them. */
const asPrinted = (link: string, breakWith = '\n') =>
  `${link.slice(0, 24)}${breakWith}${link.slice(24, 50)}${breakWith}${link.slice(50)}`;

describe('a stamp’s printed code typed into the verify box', () => {
  it('the whole link, typed over its printed lines, with or without https://, opens the stamp’s page', async () => {
    const link = `${f.base}${f.stampPath(f.activeSerial)}`;
    const page = `/page${f.stampPath(f.activeSerial)}`;
    const typed = await check(asPrinted(link));
    expect(typed.statusCode, typed.body).toBe(303);
    expect(typed.headers.location).toBe(page);
    const noScheme = await check(asPrinted(link.replace(/^https:\/\//, ''), ' '));
    expect(noScheme.headers.location).toBe(page);
    // the page it leads to is the stamp's own
    const consumer = await t.app.inject({ url: page, headers: { accept: 'text/html' } });
    expect(consumer.statusCode).toBe(200);
    expect(consumer.body).toContain('Bưởi da xanh Tân Triều');
  });

  it('the compressed link of a small label and the element string of a DataMatrix label open the same page', async () => {
    const link = `${f.base}${f.stampPath(f.activeSerial)}`;
    const short = compressDigitalLink(link);
    expect(short.length).toBeLessThan(link.length);
    const compressed = await check(asPrinted(short.replace(/^https:\/\//, '')));
    expect(compressed.statusCode, compressed.body).toBe(303);
    expect(compressed.headers.location).toBe(`/page${f.stampPath(f.activeSerial)}`);
    const element = await check(`(01)${f.producer.gtin}(10)L2026-03(21)${f.activeSerial}`);
    expect(element.headers.location).toBe(`/page${f.stampPath(f.activeSerial)}`);
    // a stamp printed before activation carries no lot in its link
    const noLot = await check(`${f.base}${f.stampPath(f.activeSerial, false)}`);
    expect(noLot.headers.location).toBe(`/page${f.stampPath(f.activeSerial, false)}`);
  });

  it('an anti-counterfeit stamp opens its page with its secret; with a wrong secret it is not found', async () => {
    const typed = await check(asPrinted(f.antiUri));
    expect(typed.statusCode, typed.body).toBe(303);
    expect(typed.headers.location).toBe(`/page${f.antiUri.slice(f.base.length)}`);
    const compressed = await check(compressDigitalLink(f.antiUri));
    expect(compressed.headers.location).toBe(`/page${f.antiUri.slice(f.base.length)}`);
    const forged = await check(f.antiUri.replace(/\?s=.*/, '?s=AAAAAAAAAAAAAAAAAAAAAA'));
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toContain('Không tìm thấy tem có mã');
    const withoutSecret = await check(f.antiUri.replace(/\?s=.*/, ''));
    expect(withoutSecret.statusCode).toBe(404);
  });

  it('a serial the province never issued, or a lot it does not know, is "not found" in plain words', async () => {
    const serial = await check(`(01)${f.producer.gtin}(21)987654321`);
    expect(serial.statusCode).toBe(404);
    expect(serial.headers['content-type']).toContain('text/html');
    expect(serial.body).toContain('Không tìm thấy tem có mã');
    expect(serial.body).toContain('href="/"');
    const lot = await check(`${f.base}/01/${f.producer.gtin}/10/KHONG-CO`);
    expect(lot.statusCode).toBe(404);
    expect(lot.body).toContain('Không tìm thấy lô hàng');
    // the product's own number still leads to its portal page
    const product = await check(f.producer.gtin);
    expect(product.headers.location).toBe(`/san-pham/${f.producer.productId}`);
  });
});

describe('addresses nothing answers', () => {
  it('a one-segment address gives a browser the portal’s 404 page and a program the problem document', async () => {
    for (const path of ['/khong-co-trang-nay', '/abc']) {
      const page = await t.app.inject({ url: path, headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(page.statusCode).toBe(404);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('Không tìm thấy trang');
      expect(page.body).toContain('href="/"');
      expect(page.body).toContain('action="/tim-kiem"');
      const program = await t.app.inject({ url: path, headers: { accept: 'application/json' } });
      expect(program.statusCode).toBe(404);
      expect(program.headers['content-type']).toContain('application/problem+json');
      expect(program.json().type).toMatch(/route-not-found/);
    }
  });

  it('a compressed Digital Link of a stamp still resolves from the same one-segment address', async () => {
    const short = compressDigitalLink(`${f.base}${f.stampPath(f.activeSerial)}`);
    const res = await t.app.inject({ url: short.slice(f.base.length), headers: { accept: 'text/html' } });
    expect(res.statusCode).not.toBe(404);
  });
});
