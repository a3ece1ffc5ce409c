import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';
import { makeLot, makeProducer } from './factories/index.ts';
import { type FuzzContext, type FuzzRequest, type Operation, operationsOf } from './fuzz/operations.ts';
import { changedTables, rowCounts } from './row-counts.ts';

/**
 * Property-based fuzz over every route: requests generated from the OpenAPI schemas and mutated (wrong types, NUL
 * and lone surrogates, huge strings, missing and extra fields, bad UUIDs and dates), query strings, path parameters,
 * headers, multipart files, CSV and XLSX, sent anonymously and as an administrator and an owner. Asserted: no
 * answer is 5xx, and a refused request leaves every table's row count as it was.
 *
 * Fixed seed and a small budget in CI; longer on demand: TXNG_FUZZ_RUNS=500 TXNG_FUZZ_SEED=7 npx vitest run src/test/fuzz.test.ts
 * (TXNG_FUZZ_SHRINK=1 shrinks a failure to its smallest form, slowly).
 */
const runs = Number(process.env.TXNG_FUZZ_RUNS ?? 6);
const seed = Number(process.env.TXNG_FUZZ_SEED ?? 20_260_601);
const shrink = process.env.TXNG_FUZZ_SHRINK === '1';
/** TXNG_FUZZ_ROUTE='PATCH /api/lots/{id}' fuzzes that route alone (as the OpenAPI document writes it). */
const only = process.env.TXNG_FUZZ_ROUTE;
/** TXNG_FUZZ_STATS=1 prints, for each route, how its answers ended: how far into the code the requests got. */
const stats = process.env.TXNG_FUZZ_STATS === '1' ? new Map<string, Map<string, number>>() : null;

/** A status, and for a 400 the first field and code it names. */
function outcome(res: { statusCode: number; body: string }): string {
  if (res.statusCode !== 400 || !res.body.startsWith('{')) return String(res.statusCode);
  const first = (JSON.parse(res.body) as { errors?: { field: string; code: string }[] }).errors?.[0];
  return `400 ${first?.field} ${first?.code}`;
}

let t: TestApp;
let operations: Operation[];

async function spreadsheet(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('data');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Uploads worth sending: good and bad spreadsheets, a small bomb, an image, a PDF. */
async function preparedFiles(gtin: string, lot: string): Promise<Buffer[]> {
  const bombZip = await JSZip.loadAsync(await spreadsheet([['gtin', 'name']]));
  bombZip.file('xl/sharedStrings.xml', `<sst><si><t>${'a'.repeat(30 * 1024 * 1024)}</t></si></sst>`);
  return [
    await spreadsheet([
      ['gtin', 'name', 'unit'],
      [gtin, 'Bưởi', 'hộp'],
      ['8930000000019', 'x\u0001', ''],
    ]),
    await spreadsheet([
      ['gtin', 'lot', 'production_date', 'quantity', 'unit'],
      [gtin, lot, '2026-02-31', 5, 'KGM'],
    ]),
    await spreadsheet([
      ['stage', 'event_time', 'gtin', 'lot'],
      ['harvest', '2026-13-01 08:00', gtin, lot],
    ]),
    await bombZip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    }),
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c83c28' } })
      .png()
      .toBuffer(),
    Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  ];
}

/** What the fuzz aims at: real rows (so ids reach the code behind a 404), three actors, prepared uploads. */
async function fuzzContext(): Promise<FuzzContext> {
  const producer = await makeProducer(t.db);
  const lot = await makeLot(t.db, { ...producer, lot: 'FUZZ-01' });
  return {
    known: {
      uuids: [producer.organisationId, producer.productId, producer.locationId, lot.id],
      strings: [producer.gtin, 'FUZZ-01', 'products.csv', 'lots.xlsx', 'products', 'lots', 'events'],
    },
    epcIds: [
      `https://id.gs1.org/01/${producer.gtin}/21/1`,
      `https://id.gs1.org/01/${producer.gtin}/10/FUZZ-01`,
      'urn:epc:id:sgtin:0614141.107346.2017',
      'urn:epc:class:lgtin:0614141.107346.LOT1',
      'https://id.gs1.org/414/8934567000000',
    ],
    prepared: await preparedFiles(producer.gtin, 'FUZZ-01'),
    actors: {
      anonymous: {},
      admin: t.as({ role: 'dost_admin' }),
      owner: t.as({ role: 'org_owner', organisationIds: [producer.organisationId] }),
    },
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  operations = operationsOf(document, await fuzzContext());
}, 120_000);
afterAll(() => t?.close());

/** GETs of the JSON API and EPCIS read only; everything else may write, so its refusals are checked for leftovers. */
const mayWrite = (r: FuzzRequest) => r.method !== 'GET' || !/^\/(api|epcis)\//.test(r.url);

const describeRequest = (r: FuzzRequest, status: number, body: string) =>
  `${r.method} ${r.url.slice(0, 300)} as ${r.actor} (${r.headers['content-type'] ?? 'no body type'}) → ${status} ${body.slice(0, 300)}`;

/**
 * Rows a refusal writes on purpose. A capture that fails validation is kept as a failed capture job, so the client
 * can read back why (EPCIS 2.0 capture interface); its events, ids and links are still not stored. A refused
 * sign-in counts the failure (sign-in throttling, decision 031).
 */
/** Table → how many rows one refusal may add there. */
const recordsOfRefusals = new Map([
  ['epcis_capture_jobs', 1],
  // one count per e-mail and one per address
  ['sign_in_throttle', 2],
]);

/** The check of one request to `route`: status below 500, and a refusal leaves the tables as they were. */
const check = (route: string) => async (request: FuzzRequest) => {
  const before = mayWrite(request) ? await rowCounts(t.db) : null;
  const res = await t.app.inject(request);
  if (stats) {
    const counts = stats.get(route) ?? new Map<string, number>();
    counts.set(outcome(res), (counts.get(outcome(res)) ?? 0) + 1);
    stats.set(route, counts);
  }
  if (res.statusCode >= 500) throw new Error(describeRequest(request, res.statusCode, res.body));
  if (before && res.statusCode >= 400) {
    const changed = changedTables(before, await rowCounts(t.db)).filter(
      (c) => !(c.after > c.before && c.after - c.before <= (recordsOfRefusals.get(c.table) ?? 0)),
    );
    if (changed.length)
      throw new Error(
        `half-stored ${JSON.stringify(changed)}: ${describeRequest(request, res.statusCode, res.body)}`,
      );
  }
};

describe('fuzz: every route, hostile input', () => {
  it(`answers no request with 5xx and stores nothing from a refused one (${runs} runs a route, seed ${seed})`, async () => {
    expect(operations.length).toBeGreaterThan(90);
    if (only) expect(operations.map((op) => `${op.method} ${op.path}`)).toContain(only);
    const failures: string[] = [];
    for (const [i, op] of operations.entries()) {
      if (only && `${op.method} ${op.path}` !== only) continue;
      const run = await fc.check(fc.asyncProperty(op.request, check(`${op.method} ${op.path}`)), {
        seed: seed + i,
        numRuns: runs,
        endOnFailure: !shrink,
      });
      // every failing route is listed, each with the request that failed and the seed that replays it
      if (run.failed)
        failures.push(`${op.method} ${op.path} (seed ${seed + i}): ${(run.errorInstance as Error)?.message}`);
    }
    if (stats)
      console.log(
        [...stats]
          .map(([route, counts]) => `${route} ${JSON.stringify(Object.fromEntries(counts))}`)
          .join('\n'),
      );
    expect(failures).toEqual([]);
  }, 600_000);
});
