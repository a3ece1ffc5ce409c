import { describe, expect, it, vi } from 'vitest';
import type { ConsumerView } from './consumer.view.ts';

/**
 * The consumer page names its texts by key; a key whose messages module the page does not import shows as the key
 * itself ("public.unchangedSince") wherever no other module happened to load that catalogue first. The page is
 * loaded here in a module graph of its own (test files of a fork share modules, decision 068), with every section
 * that has a text of its own, in both languages.
 */
const view: ConsumerView = {
  gtin: '08936016000012',
  serial: '7',
  uri: 'https://txng.example.vn/01/08936016000012/10/L1/21/7',
  product: {
    name: 'Bưởi Tân Triều',
    images: ['/files/00000000-0000-4000-8000-000000000001'],
    brand: 'Tân Triều',
    netQuantity: '1.5 kg',
    appliedStandards: ['VietGAP'],
    shelfLifeDays: 30,
    ocopStars: 4,
    geographicalIndication: 'Bưởi Tân Triều',
    certificationMark: 'Bưởi Biên Hòa',
    verified: true,
    unchangedSince: { recordId: 12, date: '2026-11-02' },
  },
  producer: {
    name: 'Hợp tác xã Tân Triều',
    address: 'Phường Biên Hòa',
    taxCode: '3600000001',
    certificates: [{ kind: 'vietgap', number: 'VG-1', issuer: 'Trung tâm', validTo: '2027-12-31' }],
  },
  lot: {
    lot: 'L1',
    productionDate: '2026-03-01',
    expiryDate: '2026-09-01',
    status: 'active',
    excursions: [],
  },
  journey: [
    { what: 'harvesting', when: new Date(Date.UTC(2026, 10, 1, 2)), where: 'Vườn', who: 'HTX', place: 1 },
    { what: 'shipping', when: new Date(Date.UTC(2026, 10, 2, 2)), where: 'Kho', who: 'HTX', place: 2 },
  ],
  places: [
    { name: 'Vườn', latitude: 10.9, longitude: 106.8, polygon: null },
    { name: 'Kho', latitude: 10.95, longitude: 106.85, polygon: null },
  ],
  verdict: {
    kind: 'genuine',
    producerName: 'Hợp tác xã Tân Triều',
    lot: 'L1',
    revoked: false,
    suspendedSince: null,
    lotMismatch: null,
    travel: null,
    scans: {
      counted: true,
      total: 3,
      firstAt: new Date(Date.UTC(2026, 11, 1, 2)),
      recent: 3,
      recentNetworks: 3,
      busy: false,
    },
    windowHours: 72,
  },
  scan: { id: 1, token: 'abcdefghijklmnopqrstuv' },
};

describe('the consumer page loaded alone', () => {
  it.each(['vi', 'en'] as const)('shows every text it names, none as its key (%s)', async (lang) => {
    vi.resetModules();
    const { renderConsumerPage } = await import('./consumer.page.ts');
    const page = renderConsumerPage(view, {
      lang,
      province: 'Đồng Nai',
      selfPath: '/page/01/x',
      reported: true,
    });
    expect(page).toContain(
      lang === 'vi' ? 'Dữ liệu không thay đổi từ khi được duyệt' : 'Data unchanged since',
    );
    expect(page).toContain('/kiem-chung/ban-ghi/12');
    // a key is a namespaced word chain with no space: public.x, proof.x, passport.x as the page's text
    expect(page.match(/>[^<]*\b(?:public|proof|passport|stamps|platform)\.[a-zA-Z]+[^<]*</g) ?? []).toEqual(
      [],
    );
  });
});
