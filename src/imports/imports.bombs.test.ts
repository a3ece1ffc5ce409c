import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../platform/index.ts';
import { changedTables, createTestApp, multipartBody, rowCounts, type TestApp } from '../test/index.ts';
import { takeImportSlot } from './in-flight.ts';
import { MAX_ROWS, readTable } from './table-file.ts';
import { archiveLimits } from './xlsx-archive.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const MB = 1024 * 1024;
const ownerOf = (organisationId: string) => t.as({ role: 'org_owner', organisationIds: [organisationId] });

function upload(file: Buffer, name: string, organisationId = crypto.randomUUID()) {
  const body = multipartBody({}, [{ name, data: file }]);
  return t.app.inject({
    method: 'POST',
    url: '/api/imports/products',
    headers: { ...ownerOf(organisationId), ...body.headers },
    payload: body.payload,
  });
}

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('products');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A real workbook whose shared strings are replaced by one string of `size` letters, packed as hard as DEFLATE can. */
async function bomb(size: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(
    await workbook([
      ['gtin', 'name'],
      ['8930000000019', 'x'],
    ]),
  );
  const huge = Buffer.alloc(size, 'a');
  const sst = Buffer.concat([
    Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'),
    huge,
    Buffer.from('</t></si><si><t>x</t></si></sst>'),
  ]);
  zip.file('xl/sharedStrings.xml', sst);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/**
 * Rewrites the uncompressed size an entry declares, in its local header and in the central directory: a zip that
 * lies. Written out here because no zip library will write a wrong size on purpose.
 */
function lieAboutSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const target = Buffer.from(name);
  for (let at = 0; at < out.length - 46; at++) {
    const signature = out.readUInt32LE(at);
    if (signature === 0x04034b50 && out.subarray(at + 30, at + 30 + target.length).equals(target))
      out.writeUInt32LE(size, at + 22);
    if (signature === 0x02014b50 && out.subarray(at + 46, at + 46 + target.length).equals(target))
      out.writeUInt32LE(size, at + 24);
  }
  return out;
}

/** Runs `work` while sampling the resident set size; gives back the highest growth over the start, in MB. */
async function peakGrowth(work: () => Promise<unknown>): Promise<number> {
  (globalThis as any).gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return (Math.max(peak, process.memoryUsage().rss) - start) / MB;
}

const errorCodes = (res: { json(): any }) => res.json().errors?.map((e: any) => e.code);

describe('spreadsheet bombs', () => {
  it('an .xlsx bomb is refused before parsing and memory stays bounded', async () => {
    const file = await bomb(60 * MB);
    expect(file.length).toBeLessThan(200 * 1024);
    // warm up: the first import loads exceljs and the route's code
    await upload(await workbook([['gtin', 'name']]), 'warm.xlsx');
    const before = await rowCounts(t.db);
    const began = Date.now();
    let answers: { statusCode: number; json(): any }[] = [];
    const growth = await peakGrowth(async () => {
      // four at once, from four organisations: what cost 2.5 GB before
      answers = await Promise.all([1, 2, 3, 4].map(() => upload(file, 'bom.xlsx')));
    });
    for (const res of answers) {
      expect(res.statusCode).toBe(413);
      expect(errorCodes(res)).toEqual(['imports.xlsxTooLarge']);
    }
    expect(growth).toBeLessThan(150);
    expect(Date.now() - began).toBeLessThan(5000);
    expect(changedTables(before, await rowCounts(t.db))).toEqual([]);
  });

  it('an .xlsx whose entry unpacks to more than it declares is stopped at the declared size', async () => {
    const liar = lieAboutSize(await bomb(20 * MB), 'xl/sharedStrings.xml', 4096);
    const growth = await peakGrowth(async () => {
      const res = await upload(liar, 'liar.xlsx');
      expect(res.statusCode).toBe(413);
      expect(errorCodes(res)).toEqual(['imports.xlsxTooLarge']);
    });
    expect(growth).toBeLessThan(150);
  });

  it('an .xlsx under the size caps but compressed absurdly is refused', async () => {
    const dense = await bomb(archiveLimits.entryBytes - MB);
    const res = await upload(dense, 'dense.xlsx');
    expect(res.statusCode).toBe(413);
    expect(res.json().errors[0].message).toMatch(/giải nén/);
  });

  it('an .xlsx that is not a zip inside is 400, not a parser crash', async () => {
    const junk = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), crypto.randomBytes(2000)]);
    const res = await upload(junk, 'junk.xlsx');
    expect(res.statusCode).toBe(400);
    expect(errorCodes(res)).toEqual(['imports.malformedXlsx']);
  });

  it('stops streaming at the row limit', async () => {
    const rows = (n: number) => [
      ['gtin', 'name'],
      ...Array.from({ length: n }, (_, i) => [`893000000${i}`, `Sản phẩm ${i}`]),
    ];
    const atLimit = await readTable(await workbook(rows(MAX_ROWS)));
    expect(atLimit.rows).toHaveLength(MAX_ROWS);
    expect(atLimit.rows.at(-1)!.row).toBe(MAX_ROWS + 1);
    await expect(readTable(await workbook(rows(MAX_ROWS + 1)))).rejects.toMatchObject({
      errors: [{ code: 'imports.tooManyRows' }],
    });
  });

  it("a cell over Excel's 32,767 characters, or holding a NUL, is refused naming the cell", async () => {
    const long = await workbook([
      ['gtin', 'name'],
      ['8930000000019', 'a'.repeat(40_000)],
    ]);
    await expect(readTable(long)).rejects.toMatchObject({
      errors: [{ field: '/rows/2/name', code: 'imports.cellTooLong' }],
    });
    const csv = Buffer.from('gtin,name\n8930000000019,ch\u0000om\n');
    const before = await rowCounts(t.db);
    const res = await upload(csv, 'nul.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: '/rows/2/name', code: 'field.unstorableText' }),
    ]);
    expect(changedTables(before, await rowCounts(t.db))).toEqual([]);
  });

  it('a CSV of nothing but line breaks, or of one line of commas, is refused at once and memory stays bounded', async () => {
    for (const [text, code] of [
      ['\n'.repeat(9 * MB), 'imports.tooManyRows'],
      [','.repeat(9 * MB), 'imports.tooManyColumns'],
      [`gtin,name\n${'8930000000019,x\n'.repeat(MAX_ROWS + 1)}`, 'imports.tooManyRows'],
    ] as const) {
      const began = Date.now();
      const growth = await peakGrowth(async () => {
        const res = await upload(Buffer.from(text), 'bom.csv');
        expect(res.statusCode).toBe(400);
        expect(errorCodes(res)).toEqual([code]);
      });
      expect(growth).toBeLessThan(150);
      expect(Date.now() - began).toBeLessThan(3000);
    }
  });
});

describe('imports in flight', () => {
  it('a third import at once for one organisation is 429 with Retry-After', async () => {
    const organisationId = crypto.randomUUID();
    const held = [takeImportSlot(organisationId), takeImportSlot(organisationId)];
    try {
      const busy = await upload(Buffer.from('gtin,name\n'), 'a.csv', organisationId);
      expect(busy.statusCode).toBe(429);
      expect(busy.headers['retry-after']).toBe('10');
      expect(busy.json().title).toMatch(/thử lại sau 10 giây/);
      // another organisation is not held up by this one
      expect((await upload(Buffer.from('gtin,name\n'), 'a.csv')).statusCode).toBe(200);
    } finally {
      for (const release of held) release();
    }
    expect((await upload(Buffer.from('gtin,name\n'), 'a.csv', organisationId)).statusCode).toBe(200);
  });

  it('slots are given back however the import ends, and once only', () => {
    const organisationId = crypto.randomUUID();
    const limits = { perOrganisation: 1, total: 4, retryAfterSeconds: 10 };
    const release = takeImportSlot(organisationId, limits);
    expect(() => takeImportSlot(organisationId, limits)).toThrow(
      expect.objectContaining<Partial<Problem>>({ status: 429 }),
    );
    release();
    release();
    const again = takeImportSlot(organisationId, limits);
    again();
  });
});
