import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/index.ts';
import {
  gln,
  gtin,
  type NationalPortalSimulator,
  startNationalPortalSimulator,
  taxCode,
} from '../test/index.ts';
import { DeliveryError } from './delivery-error.ts';
import { nationalPortalReceiver } from './national.receiver.ts';
import { type Receiver, type SyncItem, type SyncKind, syncKey } from './receiver.ts';
import { receiversFromConfig } from './receivers.ts';

let sim: NationalPortalSimulator;
let now = Date.now();
const receiver = (clientSecret = sim.clientSecret): Receiver =>
  nationalPortalReceiver({
    url: sim.url,
    clientId: sim.clientId,
    clientSecret,
    baseUrl: 'https://txng.dongnai.gov.vn',
    provinceName: 'Đồng Nai',
    now: () => now,
  });

function item(
  kind: SyncKind,
  payload: Record<string, unknown> | null,
  opts: Partial<SyncItem> = {},
): SyncItem {
  const recordId = opts.recordId ?? crypto.randomUUID();
  return {
    key: syncKey(kind, recordId, 1),
    kind,
    recordId,
    version: 1,
    action: 'upsert',
    payload,
    organisationId: null,
    ...opts,
  };
}

/** An organisation as the registry presents it, registered on the portal by its owner unless `unregistered`. */
function organisation(opts: { unregistered?: boolean; portalGln?: string } = {}) {
  const own = gln();
  const code = taxCode();
  if (!opts.unregistered) sim.registerEnterprise(code, opts.portalGln ?? own);
  return item('organisation', {
    name: 'Hợp tác xã Bưởi Tân Triều',
    taxCode: code,
    type: 'cooperative',
    glns: [own],
    streetAddress: 'Ấp Tân Triều',
    communeCode: '75W001',
    communeName: 'Xã Tân Bình',
  });
}

const product = (organisationId: string, fields: Record<string, unknown> = {}) =>
  item(
    'product',
    {
      organisationId,
      gtin: gtin(),
      name: 'Bưởi Tân Triều',
      description: 'Bưởi đường lá cam',
      images: ['/files/00000000-0000-4000-8000-000000000001'],
      productGroup: 'Trái cây',
      unit: 'quả',
      netQuantity: 1.5,
      netQuantityUnit: 'kg',
      appliedStandards: ['VietGAP'],
      ...fields,
    },
    { organisationId },
  );

const lot = (organisationId: string, ofGtin: string) =>
  item(
    'lot',
    {
      organisationId,
      gtin: ofGtin,
      lot: 'L2026-01',
      productionDate: '2026-11-02',
      quantity: 500,
      unit: 'kg',
    },
    { organisationId },
  );

const event = (organisationId: string, ofGtin: string) => {
  const eventID = `ni:///sha-256;${crypto.randomBytes(32).toString('hex')}?ver=CBV2.0`;
  return item(
    'event',
    {
      type: 'ObjectEvent',
      eventID,
      eventTime: '2026-11-02T08:00:00+07:00',
      eventTimeZoneOffset: '+07:00',
      action: 'OBSERVE',
      bizStep: 'harvesting',
      quantityList: [{ epcClass: `https://id.gs1.org/01/${ofGtin}/10/L2026-01`, quantity: 500, uom: 'KGM' }],
      readPoint: { id: `https://id.gs1.org/414/${gln()}` },
    },
    { recordId: eventID, organisationId },
  );
};

/** An organisation active on the portal and a product of it there. */
async function activeProduct(r: Receiver) {
  const org = organisation();
  const prod = product(org.recordId);
  expect(await r.deliver([org, prod])).toEqual([
    { key: org.key, status: 'confirmed' },
    { key: prod.key, status: 'confirmed' },
  ]);
  return { org, prod, gtin: String(prod.payload?.gtin) };
}

beforeAll(async () => {
  sim = await startNationalPortalSimulator();
});
afterAll(() => sim.close());
beforeEach(() => {
  now = Date.now();
});
afterEach(() => {
  sim.up();
  sim.failNext(0, 500);
});

describe('the national portal receiver', () => {
  it('activates the organisation against its tax code and GLN, then sends its product, lot, place and event', async () => {
    const r = receiver();
    const { org, prod, gtin: g } = await activeProduct(r);
    const place = item('location', { organisationId: org.recordId, name: 'Vườn 1', gln: gln() });
    const made = lot(org.recordId, g);
    const happened = event(org.recordId, g);
    const outcomes = await r.deliver([place, made, happened]);
    expect(outcomes.map((o) => o.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);

    expect(sim.active.has(org.recordId)).toBe(true);
    const sent = sim.records.get('products')?.get(prod.recordId);
    expect(sent).toMatchObject({
      gtin: g,
      name: 'Bưởi Tân Triều',
      group: 'Trái cây',
      unit: 'quả',
      origin: 'Đồng Nai, Việt Nam',
      description: 'Bưởi đường lá cam',
      // a file this program serves is fetched by the portal from the province's public address
      images: ['https://txng.dongnai.gov.vn/files/00000000-0000-4000-8000-000000000001'],
    });
    expect(sim.records.get('production-orders')?.get(made.recordId)).toMatchObject({ lotNumber: 'L2026-01' });
    expect(sim.chains.has(g)).toBe(true);
    expect(sim.records.get('events')?.get(happened.recordId)).toMatchObject({
      chains: [g],
      eventTime: '2026-11-02T08:00:00+07:00',
    });
  });

  it('asks for a chain again when the portal lost it, and the event goes on the next try', async () => {
    const r = receiver();
    const { org, gtin: g } = await activeProduct(r);
    expect((await r.deliver([event(org.recordId, g)]))[0].status).toBe('confirmed');
    sim.chains.delete(g);
    const later = event(org.recordId, g);
    expect((await r.deliver([later]))[0]).toMatchObject({
      status: 'retry',
      reason: { vi: expect.stringContaining('sẽ gửi lại sau') },
    });
    expect((await r.deliver([later]))[0].status).toBe('confirmed');
    expect(sim.chains.has(g)).toBe(true);
  });

  it('refuses an organisation the portal has no profile for, or whose GLN is not the profile’s, in words', async () => {
    const r = receiver();
    const [unknown] = await r.deliver([organisation({ unregistered: true })]);
    expect(unknown).toMatchObject({
      status: 'rejected',
      reason: { field: 'taxCode', vi: expect.stringContaining('chưa có hồ sơ doanh nghiệp với mã số thuế') },
    });
    const [mismatch] = await r.deliver([organisation({ portalGln: gln() })]);
    expect(mismatch).toMatchObject({
      status: 'rejected',
      reason: { field: 'glns', vi: expect.stringContaining('không khớp với hồ sơ') },
    });
  });

  it('tries a product again later when its organisation is not active on the portal yet', async () => {
    const [outcome] = await receiver().deliver([product(crypto.randomUUID())]);
    expect(outcome).toMatchObject({
      status: 'retry',
      reason: { vi: expect.stringContaining('Hồ sơ tổ chức chưa được kích hoạt trên Cổng quốc gia') },
    });
  });

  it('names the field the portal refuses: an image it cannot fetch, a GTIN check digit', async () => {
    const r = receiver();
    const org = organisation();
    const image = 'https://anh.example.vn/buoi.jpg';
    sim.breakImage(image);
    const wrongDigit = gtin('0893000100010').replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    const outcomes = await r.deliver([
      org,
      product(org.recordId, { images: [image] }),
      product(org.recordId, { gtin: wrongDigit }),
    ]);
    expect(outcomes[1]).toMatchObject({
      status: 'rejected',
      reason: {
        field: 'images.0',
        vi: `Cổng quốc gia không tải được ảnh sản phẩm từ địa chỉ ${image}. Hãy kiểm tra ảnh còn đó và mở được từ Internet.`,
        en: expect.stringContaining('could not fetch the product image'),
      },
    });
    expect(outcomes[2]).toMatchObject({
      status: 'rejected',
      reason: {
        field: 'gtin',
        vi: `Số kiểm tra của mã GTIN ${wrongDigit} không đúng (Cổng quốc gia từ chối).`,
      },
    });
  });

  it('uses one token for many items, and after the portal drops it asks for a new one once (401)', async () => {
    const r = receiver();
    const before = sim.tokensIssued;
    const { org } = await activeProduct(r);
    expect(sim.tokensIssued).toBe(before + 1);
    sim.expireTokens();
    const [outcome] = await r.deliver([product(org.recordId)]);
    expect(outcome.status).toBe('confirmed');
    expect(sim.tokensIssued).toBe(before + 2);
    expect(sim.log.filter((l) => l.status === 401)).toHaveLength(1);
  });

  it('asks for a new token before the old one expires, without a refused request', async () => {
    sim.tokenLifetime = 300;
    try {
      const r = receiver();
      const { org } = await activeProduct(r);
      const issued = sim.tokensIssued;
      const refused = sim.log.filter((l) => l.status === 401).length;
      now += 271_000; // within 30 s of its expiry
      expect((await r.deliver([product(org.recordId)]))[0].status).toBe('confirmed');
      expect(sim.tokensIssued).toBe(issued + 1);
      expect(sim.log.filter((l) => l.status === 401)).toHaveLength(refused);
    } finally {
      sim.tokenLifetime = 3600;
    }
  });

  it('keeps the records when the portal refuses the credentials, saying which settings to check', async () => {
    const r = receiver('not-the-secret');
    await expect(r.deliver([organisation()])).rejects.toThrow(DeliveryError);
    await expect(r.deliver([organisation()])).rejects.toMatchObject({
      reason: { vi: expect.stringContaining('TXNG_NATIONAL_CLIENT_SECRET') },
    });
  });

  it('throws on a 5xx before anything went through, and keeps what was confirmed when it comes later', async () => {
    const r = receiver();
    sim.failNext(1, 503);
    await expect(r.deliver([organisation()])).rejects.toMatchObject({
      reason: { vi: 'Cổng quốc gia đang bận hoặc gặp sự cố (mã 503), sẽ gửi lại sau.' },
    });
    const org = organisation();
    const prod = product(org.recordId);
    sim.failNext(1, 502, 1);
    const outcomes = await r.deliver([org, prod]);
    expect(outcomes).toEqual([
      { key: org.key, status: 'confirmed' },
      {
        key: prod.key,
        status: 'retry',
        reason: expect.objectContaining({ en: expect.stringContaining('502') }),
      },
    ]);
    // tried again, the same item goes through
    expect((await r.deliver([prod]))[0].status).toBe('confirmed');
  });

  it('throws while the portal is down and delivers once it is back', async () => {
    const r = receiver();
    const org = organisation();
    sim.down();
    await expect(r.deliver([org])).rejects.toMatchObject({
      reason: { vi: expect.stringContaining('Không kết nối được tới Cổng quốc gia') },
    });
    sim.up();
    expect(await r.deliver([org])).toEqual([{ key: org.key, status: 'confirmed' }]);
  });

  it('sends a withdrawal as such, and one of a record the portal never had is confirmed', async () => {
    const r = receiver();
    const { prod } = await activeProduct(r);
    const withdrawal = {
      ...prod,
      key: syncKey('product', prod.recordId, 2),
      version: 2,
      action: 'withdraw' as const,
    };
    expect((await r.deliver([{ ...withdrawal, reason: 'Sở rút lại phê duyệt' }]))[0].status).toBe(
      'confirmed',
    );
    expect(sim.records.get('products')?.has(prod.recordId)).toBe(false);
    const never = item('lot', null, { action: 'withdraw', reason: 'Thu hồi lô' });
    expect((await r.deliver([never]))[0].status).toBe('confirmed');
  });

  it('is among the receivers when TXNG_NATIONAL_URL and its credentials are set', () => {
    const config = loadConfig({
      TXNG_NATIONAL_URL: sim.url,
      TXNG_NATIONAL_CLIENT_ID: sim.clientId,
      TXNG_NATIONAL_CLIENT_SECRET: sim.clientSecret,
    });
    expect(receiversFromConfig(config).map((r) => r.id)).toEqual(['national']);
    expect(receiversFromConfig(loadConfig({})).map((r) => r.id)).toEqual([]);
  });
});

describe('what the national portal requires, checked before anything is queued', () => {
  const r = () => receiver();
  const fieldsOf = (reasons: { field?: string }[]) => reasons.map((x) => x.field);

  it('refuses a product without image, net quantity or a valid GTIN, naming each field in words', () => {
    const reasons = r().check(
      product(crypto.randomUUID(), {
        images: [],
        netQuantity: null,
        gtin: gtin().replace(/\d$/, (d) => String((Number(d) + 1) % 10)),
      }),
    );
    expect(fieldsOf(reasons)).toEqual(['images', 'gtin', 'netQuantity']);
    expect(reasons.map((x) => x.vi)).toEqual([
      'Thiếu ảnh sản phẩm (mục 2 của Thông tư 02/2024/TT-BKHCN).',
      expect.stringMatching(/^Số kiểm tra của mã GTIN \d{14} không đúng\.$/),
      'Thiếu định lượng (khối lượng, thể tích tịnh) của sản phẩm: Cổng quốc gia yêu cầu định lượng và đơn vị.',
    ]);
  });

  it('refuses an image on a local address and a net quantity without unit', () => {
    const reasons = r().check(
      product(crypto.randomUUID(), { images: ['http://localhost:3000/files/a.jpg'], netQuantityUnit: '' }),
    );
    expect(fieldsOf(reasons)).toEqual(['images.0', 'netQuantityUnit']);
    expect(reasons[0].vi).toContain('địa chỉ nội bộ, không công khai trên Internet');
  });

  it('lets a complete product, organisation, lot and event go, and every withdrawal', () => {
    const org = organisation();
    const prod = product(org.recordId);
    const g = String(prod.payload?.gtin);
    for (const ok of [org, prod, lot(org.recordId, g), event(org.recordId, g)])
      expect(r().check(ok)).toEqual([]);
    expect(r().check(item('product', null, { action: 'withdraw' }))).toEqual([]);
  });

  it('refuses an organisation without a GLN and a lot without a production date', () => {
    const org = organisation();
    expect(fieldsOf(r().check({ ...org, payload: { ...org.payload, glns: [] } }))).toEqual(['glns']);
    const made = lot(org.recordId, gtin());
    expect(fieldsOf(r().check({ ...made, payload: { ...made.payload, productionDate: null } }))).toEqual([
      'productionDate',
    ]);
  });
});
