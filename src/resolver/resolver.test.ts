import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationCertificates } from '../db/index.ts';
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

  it('says plainly when a well-formed code is unknown: 404 for an unknown product, its own page for an unknown serial', async () => {
    const unknownSerial = f.stampPath(f.range.lastSerial + 10_000, false);
    const p = await get(unknownSerial, browser);
    expect(p.statusCode).toBe(404);
    expect(p.body).toContain('Mã không có trong hệ thống');
    // a machine walks up to the product's links (GS1 resolver); the default link is still the serial's own page,
    // which says it is not registered
    const m = await get(unknownSerial, machine);
    expect(m.statusCode).toBe(307);
    expect(m.headers.location).toBe(`${f.base}/page${unknownSerial}`);
    const page = await get(`/page${unknownSerial}`, browser);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Mã không có trong hệ thống');
    const product = await get('/01/08935049500018', machine);
    expect(product.statusCode).toBe(404);
    expect(product.headers['content-type']).toContain('application/problem+json');
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

  it('several links that match equally (two certificates) are 300 Multiple Choices; one is a redirect', async () => {
    const other = await makeStampedProduct(t, 'Mật ong hoa cà phê');
    const files = [`${f.base}/files/vietgap-cert`, `${f.base}/files/organic-cert`];
    await t.db.insert(organisationCertificates).values([
      {
        organisationId: other.producer.organisationId,
        kind: 'vietgap',
        number: 'VG-01',
        issuer: 'Sở NN',
        fileUrl: files[0],
      },
      {
        organisationId: other.producer.organisationId,
        kind: 'organic',
        number: 'OR-02',
        issuer: 'Cục TT',
        fileUrl: files[1],
      },
    ]);
    for (const accept of [machine, { ...machine, 'accept-language': 'vi' }]) {
      const res = await get(`/01/${other.producer.gtin}/10/L2026-03?linkType=gs1:certificationInfo`, accept);
      expect(res.statusCode).toBe(300);
      expect(res.headers['content-type']).toContain('application/linkset+json');
      const [entry] = res.json().linkset;
      expect(entry.anchor).toBe(`${f.base}/01/${other.producer.gtin}`);
      const offered = entry[`${voc}certificationInfo`];
      expect(offered.map((l: any) => l.href).sort()).toEqual([...files].sort());
      expect(offered.find((l: any) => l.href === files[0]).title).toBe('VIETGAP VG-01 — Sở NN');
      for (const href of files)
        expect(res.headers.link).toContain(`<${href}>; rel="${voc}certificationInfo"`);
    }
    // the producer of the first product has one certificate at most: a plain redirect, or none (404)
    expect((await get(`/01/${f.producer.gtin}?linkType=gs1:certificationInfo`, machine)).statusCode).toBe(
      404,
    );
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
    const unknownSerial = `/01/${f.producer.gtin}/21/99999999`;
    for (const path of [f.stampPath(f.activeSerial), `/01/${f.producer.gtin}`, unknownSerial]) {
      const res = await get(`${path}?linkType=linkset`);
      expect(res.statusCode, path).toBe(200);
      const linkset = res.json();
      expect([path, validate(linkset), validate.errors]).toEqual([path, true, null]);
      expect(linkset.linkset.at(-1).itemDescription).toBe(f.producer.productName);
    }
    const [item, lot] = (await get(`${f.stampPath(f.activeSerial)}?linkType=linkset`)).json().linkset;
    expect(item.itemDescription).toBe(`${f.producer.productName}, lô L2026-03, số sê-ri ${f.activeSerial}`);
    expect(lot.itemDescription).toBe(`${f.producer.productName}, lô L2026-03`);
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

  it('names the uncompressed URI as subject and gives every level up to the primary key its own anchor', async () => {
    const set = (await get(`${f.stampPath(f.activeSerial)}/?linkType=linkset`)).json();
    const [item, lot, product] = set.linkset;
    expect(set.linkset).toHaveLength(3);
    expect(item.anchor).toBe(`${f.base}${f.stampPath(f.activeSerial)}`);
    expect(lot.anchor).toBe(`${f.base}/01/${f.producer.gtin}/10/L2026-03`);
    expect(product.anchor).toBe(`${f.base}/01/${f.producer.gtin}`);
    const pips = (entry: any) => entry[`${voc}pip`].map((l: any) => l.href.split('?')[0]);
    // each level's links are its own: no level repeats another's
    expect(new Set(pips(item))).toEqual(new Set([`${f.base}/page${f.stampPath(f.activeSerial)}`]));
    expect(new Set(pips(lot))).toEqual(new Set([`${f.base}/page/01/${f.producer.gtin}/10/L2026-03`]));
    expect(new Set(pips(product))).toEqual(new Set([`${f.base}/page/01/${f.producer.gtin}`]));
    expect(lot[`${voc}recallStatus`]).toHaveLength(1);
    // the passport: a page in vi and en and its JSON-LD, for the product and for the lot; the e-label: the product's
    expect(product[`${voc}dpp`]).toHaveLength(4);
    expect(lot[`${voc}dpp`]).toHaveLength(4);
    expect(product[`${voc}epil`]).toHaveLength(3);
    expect(item[`${voc}dpp`]).toBeUndefined();
    // the default link is the URI asked about's, once
    expect(item[`${voc}defaultLink`]).toEqual([
      { href: `${f.base}/page${f.stampPath(f.activeSerial)}`, title: expect.any(String) },
    ]);
    expect(lot[`${voc}defaultLink`]).toBeUndefined();
    expect(product[`${voc}defaultLink`]).toBeUndefined();
  });

  it('an unknown serial under a known product walks up to the product, and still says it is not registered', async () => {
    const path = `/01/${f.producer.gtin}/10/L2026-03/21/NOT-A-STAMP`;
    const [item, lot, product] = (await get(`${path}?linkType=linkset`)).json().linkset;
    expect(item.anchor).toBe(`${f.base}${path}`);
    expect(item.itemDescription).toBe(
      `${f.producer.productName}, lô L2026-03, số sê-ri NOT-A-STAMP (không có trong hệ thống)`,
    );
    // the serial itself has only its page (which says it is unknown); nothing that would vouch for it
    expect(
      Object.keys(item)
        .filter((k) => k.startsWith(voc))
        .sort(),
    ).toEqual([`${voc}defaultLink`, `${voc}pip`]);
    expect(lot[`${voc}pip`]).toHaveLength(3);
    expect(lot[`${voc}traceability`]).toBeUndefined(); // under an unknown serial, the lot is not vouched for either
    expect(product[`${voc}dpp`]).toHaveLength(4);
    // linkType asks walk up: the product's passport answers for the unknown serial
    const dpp = await get(`${path}?linkType=gs1:dpp`, machine);
    expect(dpp.statusCode).toBe(307);
    expect(dpp.headers.location).toBe(`${f.base}/dpp/01/${f.producer.gtin}?linkType=gs1:dpp`);
    // and an unknown lot: the lot's page says so, the product's links answer the rest
    const unknownLot = await get(`/01/${f.producer.gtin}/10/NO-SUCH-LOT?linkType=linkset`);
    const [noLot, itsProduct] = unknownLot.json().linkset;
    expect(noLot.itemDescription).toContain('(không có trong hệ thống)');
    expect(itsProduct.anchor).toBe(`${f.base}/01/${f.producer.gtin}`);
    const person = await get(`/01/${f.producer.gtin}/10/NO-SUCH-LOT`, browser);
    expect(person.statusCode).toBe(404);
    expect(person.body).toContain('Mã không có trong hệ thống');
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
    // each walks up to the product, the default link being the code's own page, which says it is unknown
    for (const [res, path] of [
      [wrong, good.pathname],
      [missing, good.pathname],
      [unknown, `/01/${f.producer.gtin}/21/99999999`],
    ] as const) {
      expect(res.statusCode).toBe(307);
      expect(String(res.headers.location).split('?')[0]).toBe(`${f.base}/page${path}`);
    }
    for (const url of [`/page${good.pathname}?s=AAAAAAAAAAAA`, `/page${good.pathname}`]) {
      const page = await get(url, browser);
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('Mã không có trong hệ thống');
    }
    const a = (await get(`${good.pathname}?linkType=linkset`)).json();
    const b = (await get(`/01/${f.producer.gtin}/21/99999999?linkType=linkset`)).json();
    expect(Object.keys(a.linkset[0]).sort()).toEqual(Object.keys(b.linkset[0]).sort());
  });
});
