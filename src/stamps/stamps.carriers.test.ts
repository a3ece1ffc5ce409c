import fs from 'node:fs';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { carrierMatrix, renderCarrierPng } from './stamps.carriers.ts';
import { renderLabelSheet } from './stamps.pdf.ts';
import { stampUri } from './stamps.uri.ts';

const require = createRequire(import.meta.url);

beforeAll(() => {
  // the reader's wasm comes from node_modules, never from a CDN
  const wasm = fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
    },
  });
});

const base = 'https://txng.example.vn';
const stamp = { gtin: '08935049500018', serial: 1000123, lot: 'L2026/03' };

async function decode(png: Buffer) {
  const [result] = await readBarcodes(new Uint8Array(png), { tryHarder: true, textMode: 'HRI' });
  return result;
}

describe('stamp carriers decode back to what was encoded', () => {
  it('QR code holds the Digital Link URI, secret included', async () => {
    const result = await decode(await renderCarrierPng('qr', base, { ...stamp, secret: 'AbCdEfGhIjKl' }));
    expect(result.format).toBe('QRCode');
    expect(result.text).toBe(stampUri(base, { ...stamp, secret: 'AbCdEfGhIjKl' }));
    expect(result.text).toBe(
      'https://txng.example.vn/01/08935049500018/10/L2026%2F03/21/1000123?s=AbCdEfGhIjKl',
    );
  });

  it('DataMatrix holds the Digital Link URI, so a phone camera opens the page', async () => {
    const result = await decode(await renderCarrierPng('datamatrix', base, stamp));
    expect(result.format).toBe('DataMatrix');
    expect(result.text).toBe(stampUri(base, stamp));
  });

  it('GS1 DataMatrix holds the element string', async () => {
    const result = await decode(await renderCarrierPng('gs1-datamatrix', base, stamp));
    expect(result.format).toBe('DataMatrix');
    expect(result.text).toBe('(01)08935049500018(10)L2026/03(21)1000123');
  });

  it('GS1-128 holds the element string', async () => {
    const result = await decode(await renderCarrierPng('gs1-128', base, stamp));
    expect(result.text).toBe('(01)08935049500018(10)L2026/03(21)1000123');
  });

  it('EAN-13 holds the GTIN-13', async () => {
    const result = await decode(await renderCarrierPng('ean-13', base, stamp));
    expect(result.format).toBe('EAN13');
    expect(result.text).toBe('8935049500018');
  });
});

/** Rasterises a module matrix (as drawn in the PDF) with a 4-module quiet zone. */
function rasterise(m: { size: number; rows: Uint8Array[] }, scale = 4) {
  const n = (m.size + 8) * scale;
  const data = new Uint8ClampedArray(n * n * 4).fill(255);
  m.rows.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + 4) * scale + dy) * n + (x + 4) * scale + dx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
    });
  });
  return { data, width: n, height: n, colorSpace: 'srgb' } as ImageData;
}

describe('the vector codes of the print sheet', () => {
  it('QR matrices decode to their text at every version from 1 to 10', async () => {
    const uri = stampUri(base, { ...stamp, secret: 'Zy0-_9xWvUtS' });
    const texts = [
      uri,
      ...[14, 26, 42, 62, 84, 106, 122, 152, 180, 213].map((n) =>
        `https://a.vn/${'9Az-'.repeat(60)}`.slice(0, n),
      ),
    ];
    const sizes = new Set<number>();
    for (const text of texts) {
      const m = carrierMatrix('qr', text);
      sizes.add(m.size);
      const [result] = await readBarcodes(rasterise(m), { tryHarder: true, formats: ['QRCode'] });
      expect(result?.text, `${text.length} bytes`).toBe(text);
    }
    expect(sizes.size).toBeGreaterThanOrEqual(8);
  });

  it('DataMatrix matrix decodes to the URI, GS1 DataMatrix to the element string', async () => {
    const uri = stampUri(base, { ...stamp, secret: 'Zy0-_9xWvUtS' });
    const [dl] = await readBarcodes(rasterise(carrierMatrix('datamatrix', uri)), { tryHarder: true });
    expect(dl.text).toBe(uri);
    const [result] = await readBarcodes(
      rasterise(carrierMatrix('gs1-datamatrix', '(01)08935049500018(21)42')),
      {
        tryHarder: true,
        textMode: 'HRI',
      },
    );
    expect(result.text).toBe('(01)08935049500018(21)42');
  });
});

describe('the print sheet', () => {
  it('draws QR codes that decode to the stamp URI (content stream read back and rasterised)', async () => {
    const uri = stampUri(base, { ...stamp, secret: 'Zy0-_9xWvUtS' });
    const pdf = await renderLabelSheet(
      [
        {
          code: uri,
          link: uri,
          shortLink: uri,
          elementString: null,
          productName: 'Bưởi',
          lot: 'L1',
          productionDate: '2026-03-01',
          expiryDate: null,
        },
      ],
      { layout: 'roll', carrier: 'qr', title: 't' },
    );
    const raw = pdf.toString('latin1');
    let content = '';
    for (const m of raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
      try {
        content += zlib.inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
      } catch {
        // fonts and other binary streams
      }
    }
    const block = /0 g [\d.]+ 0 0 [\d.]+ [\d.]+ [\d.]+ cm\n([\s\S]*?)\nf Q/.exec(content);
    expect(block).not.toBeNull();
    const rects = block![1].split('\n').map((line) => line.split(' ').map(Number));
    const size = Math.max(...rects.map(([x, , w]) => x + w));
    const rows = Array.from({ length: size }, () => new Uint8Array(size));
    for (const [x, y, w] of rects) for (let i = x; i < x + w; i++) rows[y][i] = 1;
    const [result] = await readBarcodes(rasterise({ size, rows }), { tryHarder: true });
    expect(result.text).toBe(uri);
  });
});
