import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressDigitalLink } from '../gs1/index.ts';
import { createTestApp, gln, makeStampedProduct, readJson, type TestApp } from '../test/index.ts';

let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;
const voc = 'https://gs1.org/voc/';

beforeAll(async () => {
  t = await createTestApp();
  f = await makeStampedProduct(t);
});
afterAll(() => t?.close());

const get = (url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' | 'OPTIONS' = 'GET') =>
  t.app.inject({ method, url, headers });
const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const machine = { accept: 'application/json' };

describe('GS1 conformance: requests and errors', () => {
  it('answers GET, HEAD and OPTIONS, with CORS', async () => {
    const path = f.stampPath(f.activeSerial);
    const g = await get(path);
    expect(g.statusCode).toBe(307);
    expect(g.headers['access-control-allow-origin']).toBe('*');
    const h = await get(path, {}, 'HEAD');
    expect(h.statusCode).toBe(307);
    expect(h.body).toBe('');
    const o = await get(
      path,
      { origin: 'https://app.example', 'access-control-request-method': 'GET' },
      'OPTIONS',
    );
    expect(o.statusCode).toBe(204);
    expect(o.headers.link).toBe(
      `<${f.base}${path}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`,
    );
    expect(o.headers.allow).toContain('HEAD');
    expect(o.headers['access-control-allow-methods']).toContain('GET');
  });

  it('supports every key qualifier of a GTIN in the standard order (22, 10, 21), and convenience alphas', async () => {
    for (const path of [
      `/01/${f.producer.gtin}`,
      `/01/${f.producer.gtin}/10/L2026-03`,
      `/01/${f.producer.gtin}/22/ABC/10/L2026-03/21/${f.activeSerial}`,
      `/01/${f.producer.gtin}/21/${f.activeSerial}`,
      `/gtin/${f.producer.gtin}/lot/L2026-03`,
      `/01/${f.producer.gtin.slice(1)}`,
    ]) {
      expect((await get(path)).statusCode, path).toBe(307);
    }
  });

  it('a malformed URI is a 400 — problem+json for machines, an HTML page for people — never a 200', async () => {
    for (const path of [
      `/01/${f.producer.gtin.slice(0, 13)}${(Number(f.producer.gtin[13]) + 1) % 10}`, // wrong check digit
      `/01/${f.producer.gtin}/21/1/10/L1`, // qualifiers out of order
      `/01/${f.producer.gtin}/99/x`, // not a qualifier of a GTIN
      '/01/abc',
      '/01',
    ]) {
      const m = await get(path, machine);
      expect(m.statusCode, path).toBe(400);
      expect(m.headers['content-type']).toContain('application/problem+json');
      const p = await get(path, browser);
      expect(p.statusCode, path).toBe(400);
      expect(p.headers['content-type']).toContain('text/html');
      expect(p.body).toContain('Mã không hợp lệ');
    }
  });

  it('tolerates a trailing slash', async () => {
    expect((await get(`/01/${f.producer.gtin}/`)).statusCode).toBe(307);
    expect((await get(`${f.stampPath(f.activeSerial)}/`)).statusCode).toBe(307);
  });

  it('says plainly when a well-formed code is unknown (404), for people and machines', async () => {
    const unknownSerial = f.stampPath(f.range.lastSerial + 10_000, false);
    const p = await get(unknownSerial, browser);
    expect(p.statusCode).toBe(404);
    expect(p.body).toContain('Mã không có trong hệ thống');
    const m = await get(unknownSerial, machine);
    expect(m.statusCode).toBe(404);
    expect(m.headers['content-type']).toContain('application/problem+json');
    expect((await get('/01/08935049500018', machine)).statusCode).toBe(404);
    expect((await get(`/414/${gln()}`, machine)).statusCode).toBe(404);
  });

  it('does not take over /api, /epcis, /files or /healthz', async () => {
    expect((await get('/healthz')).statusCode).toBe(200);
    expect((await get('/api/no-such-thing')).json().type).toBe('/problems/route-not-found');
  });
});

describe('GS1 conformance: links', () => {
  it('redirects to the one default link (the consumer page), passing the query string on', async () => {
    const res = await get(`${f.stampPath(f.activeSerial)}?utm_source=label&x=1`);
    expect(res.statusCode).toBe(307);
    expect(res.headers.location).toBe(`${f.base}/page${f.stampPath(f.activeSerial)}?utm_source=label&x=1`);
  });

  it('?linkType=X redirects to a link of that type; 404 when there is none', async () => {
    const epcis = await get(`${f.stampPath(f.activeSerial)}?linkType=gs1:epcis`);
    expect(epcis.statusCode).toBe(307);
    expect(epcis.headers.location).toContain('/epcis/events?MATCH_anyEPC=');
    const dpp = await get(`/01/${f.producer.gtin}?linkType=https://gs1.org/voc/dpp`);
    expect(dpp.headers.location).toBe(`${f.base}/dpp/01/${f.producer.gtin}?linkType=https://gs1.org/voc/dpp`);
    const none = await get(`/01/${f.producer.gtin}?linkType=gs1:recipeInfo`, machine);
    expect(none.statusCode).toBe(404);
    expect(none.headers['content-type']).toContain('application/problem+json');
  });

  it('Accept-Language chooses between links of one type', async () => {
    const en = await get(`/01/${f.producer.gtin}?linkType=gs1:pip`, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.headers.location).toContain('?lang=en');
    const vi = await get(`/01/${f.producer.gtin}?linkType=gs1:pip`, { 'accept-language': 'vi-VN' });
    expect(vi.headers.location).toContain('?lang=vi');
  });

  it('offers the linkset and the JSON-LD context in a Link header, even when redirecting', async () => {
    const res = await get(f.stampPath(f.activeSerial));
    expect(res.headers.link).toContain('rel="linkset"');
    expect(res.headers.link).toContain('linkType=linkset');
    expect(res.headers.link).toContain('rel="http://www.w3.org/ns/json-ld#context"');
  });
});

describe('GS1 conformance: linkset', () => {
  it('?linkType=linkset and Accept: application/linkset+json return the RFC 9264 linkset', async () => {
    const a = await get(`${f.stampPath(f.activeSerial)}?linkType=linkset`);
    const b = await get(f.stampPath(f.activeSerial), { accept: 'application/linkset+json' });
    for (const res of [a, b]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/linkset+json');
    }
    expect(a.json()).toEqual(b.json());
  });

  it("validates against GS1's linkset schema, with an itemDescription (the schema proved on its own examples)", async () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(
      readJson('gs1-linkset/gs1-linkset-schema.json'),
    );
    expect(validate(readJson('gs1-linkset/valid-gs1-example.json'))).toBe(true);
    expect(validate(readJson('gs1-linkset/invalid-gs1-example.json'))).toBe(false);
    for (const path of [f.stampPath(f.activeSerial), `/01/${f.producer.gtin}`]) {
      const res = await get(`${path}?linkType=linkset`);
      expect(res.statusCode, path).toBe(200);
      const linkset = res.json();
      expect([path, validate(linkset), validate.errors]).toEqual([path, true, null]);
      expect(linkset.linkset[0].itemDescription).toBe(f.producer.productName);
    }
  });

  it('resolves a compressed Digital Link in place, naming the uncompressed URI with owl:sameAs', async () => {
    const uncompressed = `${f.base}${f.stampPath(f.activeSerial)}`;
    const compressed = compressDigitalLink(uncompressed);
    const path = compressed.slice(f.base.length);
    expect(path.split('/')).toHaveLength(2); // one segment: really compressed
    const res = await get(`${path}?linkType=linkset`);
    expect(res.statusCode).toBe(200);
    expect(res.headers.link).toContain(`<${uncompressed}>; rel="owl:sameAs"`);
    expect(res.json().linkset[0].anchor).toBe(uncompressed);
    const person = await get(path, browser);
    expect(person.statusCode).toBe(307);
    expect(person.headers.location).toBe(`${f.base}/page${f.stampPath(f.activeSerial)}`);
    expect(person.headers.location).not.toBe(uncompressed); // never redirected to the uncompressed form here
  });

  it('answers a single path segment that is not a compressed Digital Link as an unknown address', async () => {
    for (const path of ['/favicon.ico', '/robots.txt', '/AAAAAAAAAAAAAAAA']) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    expect((await get('/healthz')).statusCode).toBe(200);
  });

  it('names the uncompressed URI as subject and includes every level up to the primary key', async () => {
    const set = (await get(`${f.stampPath(f.activeSerial)}/?linkType=linkset`)).json();
    const [entry] = set.linkset;
    expect(entry.anchor).toBe(`${f.base}${f.stampPath(f.activeSerial)}`);
    const pips = entry[`${voc}pip`].map((l: any) => l.href);
    expect(pips).toContain(`${f.base}/page${f.stampPath(f.activeSerial)}`);
    expect(pips).toContain(`${f.base}/page/01/${f.producer.gtin}/10/L2026-03`);
    expect(pips).toContain(`${f.base}/page/01/${f.producer.gtin}`);
    expect(entry[`${voc}recallStatus`]).toHaveLength(1);
    expect(entry[`${voc}dpp`]).toHaveLength(1);
  });

  it('the default link carries only href and title; linkType=gs1:defaultLink goes where no linkType goes', async () => {
    const [entry] = (await get(`/01/${f.producer.gtin}?linkType=linkset`)).json().linkset;
    expect(Object.keys(entry[`${voc}defaultLink`][0]).sort()).toEqual(['href', 'title']);
    for (const form of ['gs1:defaultLink', `${voc}defaultLink`]) {
      const res = await get(`/01/${f.producer.gtin}?linkType=${encodeURIComponent(form)}`, machine);
      expect([form, res.statusCode]).toEqual([form, 307]);
      // the request's query goes on to the target (GS1 resolver conformance: all key=value pairs)
      expect(String(res.headers.location).split('?')[0]).toBe(
        (await get(`/01/${f.producer.gtin}`, machine)).headers.location,
      );
    }
  });

  it('Accept: application/ld+json gets the linkset as JSON-LD, naming its context', async () => {
    const res = await get(`/01/${f.producer.gtin}`, { accept: 'application/ld+json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/ld+json');
    const body = res.json();
    expect(body['@context']).toBe(`${f.base}/.well-known/gs1resolver/linkset-context.jsonld`);
    expect(body.linkset[0].anchor).toBe(`${f.base}/01/${f.producer.gtin}`);
  });

  it('has exactly one default link, and every link has a target, a title, a media type and languages', async () => {
    const [entry] = (await get(`/01/${f.producer.gtin}?linkType=linkset`)).json().linkset;
    expect(entry[`${voc}defaultLink`]).toHaveLength(1);
    expect(entry[`${voc}defaultLink`][0].href).toBe(`${f.base}/page/01/${f.producer.gtin}`);
    for (const [rel, targets] of Object.entries(entry)) {
      if (rel === 'anchor' || rel === 'itemDescription') continue;
      expect(rel.startsWith(voc)).toBe(true);
      for (const target of targets as any[]) {
        expect(target.href).toMatch(/^https:\/\//);
        expect(target.title.length).toBeGreaterThan(3);
        if (rel === `${voc}defaultLink`) continue; // href and title only
        expect(target.type).toMatch(/^(text\/html|application\/ld\+json)$/);
        expect(target.hreflang.length).toBeGreaterThan(0);
      }
    }
  });

  it('serves the JSON-LD context it points to', async () => {
    const res = await get('/.well-known/gs1resolver/linkset-context.jsonld');
    expect(res.statusCode).toBe(200);
    expect(res.json()['@context'].gs1).toBe(voc);
  });
});

describe('GS1 conformance: description file', () => {
  it('/.well-known/gs1resolver describes the resolver and its primary keys', async () => {
    const res = await get('/.well-known/gs1resolver');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.resolverRoot).toBe(f.base);
    expect(body.supportedPrimaryKeys).toContain('01');
    expect(body.jsonLdContextLocation).toBe(`${f.base}/.well-known/gs1resolver/linkset-context.jsonld`);
  });
});

describe('stamps at the resolver', () => {
  it('resolves a stamp printed without its lot to the same page', async () => {
    const res = await get(f.stampPath(f.activeSerial, false));
    expect(res.headers.location).toBe(`${f.base}/page${f.stampPath(f.activeSerial, false)}`);
  });

  it('an anti-counterfeit stamp without its secret, or with a wrong one, is exactly an unknown code', async () => {
    const good = new URL(f.antiUri);
    expect((await get(`${good.pathname}${good.search}`)).statusCode).toBe(307);
    const wrong = await get(`${good.pathname}?s=AAAAAAAAAAAA`, machine);
    const missing = await get(good.pathname, machine);
    const unknown = await get(`/01/${f.producer.gtin}/21/99999999`, machine);
    for (const res of [wrong, missing, unknown]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().type).toBe('/problems/resolver.unknown-code');
    }
  });
});
