/**
 * The consumer page's own CPU per view (decision 064), in this process, without the database or the network: the
 * page rendered with nothing kept (every section, the journey and its map, the head: what a view cost before) beside
 * the page joined from its kept frame; the Digital Link parsed anew beside the kept parse; the secret's HMAC beside
 * the kept right secret. CPU time (process.cpuUsage), batches alternating, so a machine others load weighs on both
 * alike; the figure is µs of CPU per operation, median of the batches.
 *
 *   npx tsx bench/consumer-page.bench.ts [--batches=10] [--per-batch=2000]
 */
import { renderConsumerPage, renderConsumerPageBytes } from '../src/public/consumer.page.ts';
import type { ConsumerView } from '../src/public/consumer.view.ts';
import { parseResolverUrl } from '../src/resolver/index.ts';
import { verifyStamp } from '../src/stamps/index.ts';
import type { StampLookupRow } from '../src/stamps/stamps.repo.ts';
import { hashSecret, secretMatches } from '../src/stamps/stamps.secret.ts';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const batches = Number(args.batches ?? 10);
const perBatch = Number(args['per-batch'] ?? 2000);

// a stamp of a lot with a ten-step journey over five places, as the page shows one
const places = Array.from({ length: 5 }, (_, i) => ({
  name: `Điểm ${i + 1} — Kho Đồng Nai`,
  latitude: 10.9 + i * 0.05,
  longitude: 106.8 + i * 0.04,
  polygon: null,
}));
const journey = Array.from({ length: 10 }, (_, i) => ({
  what: ['harvesting', 'packing', 'shipping', 'receiving', 'storing'][i % 5],
  when: new Date(Date.UTC(2026, 10, 1 + i, 2)),
  where: `${places[i % 5].name}, Phường Biên Hòa`,
  who: 'Hợp tác xã Bưởi Tân Triều',
  place: (i % 5) + 1,
}));
const shared: Omit<ConsumerView, 'verdict' | 'serial' | 'uri' | 'scan'> = {
  gtin: '08936016000012',
  product: {
    name: 'Bưởi Tân Triều',
    images: ['/files/00000000-0000-4000-8000-000000000001', '/files/00000000-0000-4000-8000-000000000002'],
    brand: 'Tân Triều',
    netQuantity: '1.5 kg',
    appliedStandards: ['TCVN 12828:2019', 'VietGAP'],
    shelfLifeDays: 30,
    ocopStars: 4,
    geographicalIndication: 'Bưởi Tân Triều',
    certificationMark: null,
    verified: true,
    unchangedSince: { recordId: 1234, date: '2026-11-02' },
  },
  producer: {
    name: 'Hợp tác xã Bưởi Tân Triều',
    address: 'Ấp Tân Triều, Phường Biên Hòa',
    taxCode: '3600000001',
    certificates: [
      { kind: 'vietgap', number: 'VG-0001', issuer: 'Trung tâm chứng nhận', validTo: '2027-12-31' },
    ],
  },
  lot: {
    lot: 'L2026-03',
    productionDate: '2026-03-01',
    expiryDate: '2026-09-01',
    status: 'active',
    excursions: [],
  },
  journey,
  places,
};
const viewOf = (serial: number): ConsumerView => ({
  ...shared,
  uri: `https://txng.example.vn/01/08936016000012/10/L2026-03/21/${serial}`,
  serial: String(serial),
  verdict: {
    kind: 'genuine',
    producerName: 'Hợp tác xã Bưởi Tân Triều',
    lot: 'L2026-03',
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
  scan: { id: 1_000_000 + serial, token: 'abcdefghijklmnopqrstuv' },
});
const opts = (serial: number) => ({
  lang: 'vi' as const,
  province: 'Đồng Nai',
  selfPath: `/page/01/08936016000012/10/L2026-03/21/${serial}`,
  reported: false,
});

const base = 'https://txng.example.vn';
const secret = 'AbCdEfGhIjKl';
const row = {
  organisationId: 'o',
  kind: 'anti_counterfeit',
  lot: 'L2026-03',
  action: 'activate',
  changedAt: new Date(),
  secretHash: hashSecret('08936016000012', 7, secret),
} as unknown as StampLookupRow;

let sink = 0;
const cases: Record<string, (i: number) => unknown> = {
  'page, nothing kept (before)': (i) => renderConsumerPage(viewOf(i % 40), opts(i % 40), false),
  'page, from the kept frame': (i) => renderConsumerPage(viewOf(i % 40), opts(i % 40)),
  // what the answer's write paid with text (decision 064), and the bytes joined from encoded pieces (decision 069)
  'page text, encoded (064)': (i) => Buffer.from(renderConsumerPage(viewOf(i % 40), opts(i % 40))),
  'page bytes from encoded pieces (069)': (i) => renderConsumerPageBytes(viewOf(i % 40), opts(i % 40)),
  'Digital Link, an address not kept': (i) =>
    parseResolverUrl(base, `/01/08936016000012/10/L2026-03/21/${i}?s=${secret}`),
  'Digital Link, kept parse': (i) =>
    parseResolverUrl(base, `/01/08936016000012/10/L2026-03/21/${i % 40}?s=${secret}`),
  "the secret's HMAC (before)": () => secretMatches('08936016000012', 7, secret, row.secretHash),
  'the kept right secret': () =>
    verifyStamp(
      null as never,
      { gtin: '08936016000012', serial: '7', lot: 'L2026-03', secret },
      async () => row,
    ),
};

async function main() {
  const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let b = -1; b < batches; b++) {
    for (const [name, fn] of Object.entries(cases)) {
      const started = process.cpuUsage();
      for (let i = 0; i < perBatch; i++) {
        const out = fn(i + b * perBatch);
        if (out instanceof Promise) sink += (await out) ? 1 : 0;
        else sink += typeof out === 'string' ? out.length : 1;
      }
      const used = process.cpuUsage(started);
      if (b >= 0) cpu[name].push((used.user + used.system) / perBatch); // the first batch warms up
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const page = renderConsumerPage(viewOf(1), opts(1));
  console.log(
    `Consumer page CPU (decisions 064, 069): ${batches} batches × ${perBatch}, the page ${page.length} characters, ` +
      `load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`,
  );
  for (const [name, xs] of Object.entries(cpu))
    console.log(`${name.padEnd(38)} ${median(xs).toFixed(1).padStart(7)} µs CPU each (median)`);
  if (sink < 0) console.log(sink);
}
await main();
