import { describe, expect, it, vi } from 'vitest';
import { renderConsumerPage } from './consumer.page.ts';
import type { ConsumerView } from './consumer.view.ts';

// The consumer page's journey and map are rendered once per journey and language (decision 055): the bytes are the
// ones an uncached rendering gives, and the verdict is still rendered per request.

const view = (): ConsumerView => ({
  uri: 'https://txng.example.vn/01/08936016000017/10/L1/21/7',
  gtin: '08936016000017',
  serial: '7',
  verdict: {
    kind: 'genuine',
    producerName: 'HTX Tân Triều',
    lot: 'L1',
    revoked: false,
    suspendedSince: null,
    lotMismatch: null,
    travel: null,
    scans: {
      counted: true,
      total: 1,
      firstAt: new Date('2026-12-01T02:00:00Z'),
      recent: 1,
      recentNetworks: 1,
      busy: false,
    },
    windowHours: 24,
  },
  product: {
    name: 'Bưởi Tân Triều',
    images: [],
    brand: null,
    netQuantity: '1 kg',
    appliedStandards: ['VietGAP'],
    shelfLifeDays: 30,
    ocopStars: 4,
    geographicalIndication: null,
    certificationMark: null,
    verified: true,
  },
  producer: { name: 'HTX Tân Triều', address: 'Vĩnh Cửu, Đồng Nai', taxCode: '3600000001', certificates: [] },
  lot: { lot: 'L1', productionDate: '2026-11-20', expiryDate: null, status: 'active' },
  journey: [
    {
      what: 'harvesting',
      when: new Date('2026-11-20T01:00:00Z'),
      where: 'Vườn bưởi A',
      who: 'HTX Tân Triều',
      place: 1,
    },
    { what: 'shipping', when: new Date('2026-11-21T03:30:00Z'), where: 'Kho Biên Hòa', who: null, place: 2 },
  ],
  places: [
    { name: 'Vườn bưởi A', latitude: 10.95, longitude: 106.93, polygon: null },
    { name: 'Kho Biên Hòa', latitude: 10.96, longitude: 106.84, polygon: null },
  ],
  scan: { id: 42, token: 'tok' },
});

const opts = (lang: 'vi' | 'en') => ({ lang, province: 'Đồng Nai', selfPath: '/page/01/x', reported: false });

describe('cached page fragments', () => {
  it('gives the same bytes as an uncached rendering, in each language', () => {
    const shared = view();
    for (const lang of ['vi', 'en'] as const) {
      const first = renderConsumerPage(shared, opts(lang));
      const again = renderConsumerPage(shared, opts(lang)); // the journey's fragment from memory
      const fresh = renderConsumerPage(view(), opts(lang)); // new objects: nothing held for them
      expect(again).toBe(first);
      expect(fresh).toBe(first);
    }
  });

  it('renders the verdict per request beside a kept journey', () => {
    const shared = view();
    const genuine = renderConsumerPage(shared, opts('en'));
    const revoked = renderConsumerPage(
      {
        ...shared,
        verdict: { ...shared.verdict, kind: 'suspicious', revoked: true },
        scan: { id: 43, token: 't2' },
      },
      opts('en'),
    );
    expect(revoked).not.toBe(genuine);
    expect(revoked).toContain('This stamp has been revoked.');
    expect(revoked).toContain('data-scan="43"');
    const uncached = renderConsumerPage(
      {
        ...view(),
        verdict: { ...shared.verdict, kind: 'suspicious', revoked: true },
        scan: { id: 43, token: 't2' },
      },
      opts('en'),
    );
    expect(revoked).toBe(uncached);
  });

  it('keys the fragment by the journey the cache holds: a new journey object renders anew', () => {
    const shared = view();
    const before = renderConsumerPage(shared, opts('vi'));
    // the resolver's cache replaces the journey (TTL or an announced change): a new object, a new fragment
    const changed = {
      ...shared,
      journey: [...shared.journey, { ...shared.journey[1], where: 'Chợ Long Khánh', place: null }],
    };
    const after = renderConsumerPage(changed, opts('vi'));
    expect(after).toContain('Chợ Long Khánh');
    expect(before).not.toContain('Chợ Long Khánh');
  });
});

/**
 * The page names its texts by key; a key whose messages module the page does not import shows as the key itself
 * ("public.unchangedSince") wherever no other module happened to load that catalogue first. Here the page is loaded in
 * a module graph of its own (test files of a fork share modules, decision 068), every section with a text of its own
 * shown, in both languages.
 */
describe('the consumer page loaded alone', () => {
  it.each(['vi', 'en'] as const)('shows every text it names, none as its key (%s)', async (lang) => {
    vi.resetModules();
    const page = await import('./consumer.page.ts');
    const full = view();
    full.product = { ...full.product!, unchangedSince: { recordId: 12, date: '2026-11-02' } };
    full.producer!.certificates = [
      { kind: 'vietgap', number: 'VG-1', issuer: 'Trung tâm', validTo: '2027-12-31' },
    ];
    const html = page.renderConsumerPage(full, { ...opts(lang), reported: true });
    expect(html).toContain(
      lang === 'vi' ? 'Dữ liệu không thay đổi từ khi được duyệt' : 'Data unchanged since',
    );
    expect(html).toContain('/kiem-chung/ban-ghi/12');
    // a key is a namespaced chain of words without spaces, as the page's text
    expect(html.match(/>[^<]*\b(?:public|proof|passport|stamps|platform)\.[a-zA-Z]+[^<]*</g) ?? []).toEqual(
      [],
    );
  });
});
