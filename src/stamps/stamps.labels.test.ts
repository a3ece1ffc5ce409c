import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { compressDigitalLink, decompressDigitalLink } from '../gs1/index.ts';
import { carrierText } from './stamps.carriers.ts';
import {
  type LabelContent,
  labelLayouts,
  layoutLabel,
  type Rect,
  type TextBox,
} from './stamps.label-layout.ts';
import { breakLines, linkPieces } from './stamps.label-text.ts';
import { type Label, type LabelCarrier, pdfMeasure, placeLabels, renderLabelSheet } from './stamps.pdf.ts';
import { stampElementString, stampUri } from './stamps.uri.ts';

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

const base = 'https://txng.dongnai.gov.vn';
const gtin = '08935049500018';
const longName = 'Hạt điều rang muối Bình Phước loại đặc biệt hộp quà tết 500 g';
const longLot = 'HDBP-2026/12-DB-0017'; // 20 characters, the longest lot GS1 allows
const measure = pdfMeasure();

function label(serial: number, carrier: LabelCarrier, secret: string | null = 'AbCdEfGh-_Kl'): Label {
  const stamp = { gtin, serial, lot: longLot, secret };
  const uri = stampUri(base, stamp);
  const elementString = carrier === 'gs1-datamatrix' ? stampElementString(stamp) : null;
  return {
    code: elementString ?? uri,
    link: uri,
    shortLink: compressDigitalLink(uri),
    elementString,
    productName: longName,
    lot: longLot,
    productionDate: '2026-03-01',
    expiryDate: '2027-02-28',
  };
}

const inside = (box: Rect, cell: Rect) =>
  box.x >= cell.x - 1e-6 &&
  box.y >= cell.y - 1e-6 &&
  box.x + box.width <= cell.x + cell.width + 1e-6 &&
  box.y + box.height <= cell.y + cell.height + 1e-6;
/** More than touching: boxes placed edge to edge may differ in the last bits of a float. */
const overlap = (a: Rect, b: Rect, e = 1e-6) =>
  a.x + e < b.x + b.width && b.x + e < a.x + a.width && a.y + e < b.y + b.height && b.y + e < a.y + a.height;
const text = (boxes: TextBox[], role: TextBox['role']) => boxes.find((b) => b.role === role);

/** Every box inside its cell, none over another, every line within its box's width, nothing cut. */
function expectFitted(content: LabelContent, cell: Rect, boxes: ReturnType<typeof layoutLabel>) {
  const all: Rect[] = [boxes.code, ...boxes.texts];
  for (const box of all) expect(inside(box, cell), JSON.stringify(box)).toBe(true);
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) expect(overlap(all[i], all[j]), `${i} × ${j}`).toBe(false);
  for (const box of boxes.texts) {
    expect(box.cut, box.role).toBe(false);
    expect(box.height).toBeCloseTo(box.lines.length * box.lineHeight, 6);
    for (const line of box.lines)
      expect(measure.width(line, box.font, box.fontSize), line).toBeLessThanOrEqual(box.width + 1e-6);
  }
  // the name wraps at its spaces and keeps every word; the link is the whole address or its compressed form
  expect(text(boxes.texts, 'name')?.lines.join(' ')).toBe(content.productName);
  const link = text(boxes.texts, 'link')!.lines.join('');
  expect([content.link, content.shortLink]).toContain(link);
  expect(decompressDigitalLink(link)).toBe(decompressDigitalLink(content.link));
  if (link === content.link)
    expect(boxes.texts.find((b) => b.role === 'link')!.lines.some((l) => l.includes(gtin))).toBe(true);
}

describe('label layout', () => {
  for (const layout of ['a4', 'roll'] as const)
    for (const carrier of ['qr', 'datamatrix', 'gs1-datamatrix'] as const)
      it(`${layout}, ${carrier}: a long Vietnamese name and a 20-character lot fit, wrapped, without overlap`, () => {
        const labels = Array.from({ length: 30 }, (_, i) => label(1_000_120 + i * 7_919, carrier));
        for (const [i, placed] of placeLabels(labels, layout, measure).entries()) {
          expectFitted(labels[i], placed.cell, placed.layout);
          const texts = placed.layout.texts;
          // the link is printed whole, with lot and serial and the secret that makes it open the same page
          expect(text(texts, 'link')!.lines.join('')).toBe(labels[i].link);
          expect(text(texts, 'productionDate')!.lines).toEqual(['NSX: 01/03/2026']);
          expect(text(texts, 'expiryDate')!.lines).toEqual(['HSD: 28/02/2027']);
          if (carrier === 'gs1-datamatrix')
            expect(text(texts, 'elementString')!.lines.join('')).toBe(labels[i].elementString);
        }
      });

  it('a label too small for the whole link prints the compressed one; names shrink before they are cut', () => {
    const content = label(1_000_123, 'qr');
    const small = { x: 0, y: 0, width: 100, height: 76 };
    const boxes = layoutLabel(content, small, labelLayouts.roll.label, measure);
    expectFitted(content, small, boxes);
    expect(text(boxes.texts, 'link')!.lines.join('')).toBe(content.shortLink);
    expect(text(boxes.texts, 'name')!.fontSize).toBeLessThan(labelLayouts.roll.label.name.max);
  });

  it('only past the smallest font does a name end in an ellipsis, and still nothing leaves the label', () => {
    const content = { ...label(1_000_123, 'qr'), productName: `${longName} `.repeat(4).trim() };
    const tiny = { x: 10, y: 10, width: 110, height: 55 };
    const boxes = layoutLabel(content, tiny, labelLayouts.roll.label, measure);
    const name = text(boxes.texts, 'name')!;
    expect(name.cut).toBe(true);
    expect(name.lines.at(-1)).toMatch(/…$/);
    expect(name.fontSize).toBe(labelLayouts.roll.label.name.min);
    for (const box of [boxes.code, ...boxes.texts]) expect(inside(box, tiny)).toBe(true);
  });

  it('a link breaks after a slash or before ?, never inside a number', () => {
    const uri = stampUri(base, { gtin, serial: 123456789, lot: longLot, secret: 'AbCdEfGh-_Kl' });
    expect(linkPieces(uri).join('')).toBe(uri);
    for (let width = 14; width <= 40; width++) {
      const lines = breakLines(linkPieces(uri), (t) => t.length <= width);
      expect(lines!.join('')).toBe(uri);
      expect(lines!.some((l) => l.includes(gtin))).toBe(true);
      expect(lines!.some((l) => l.includes('123456789'))).toBe(true);
    }
    // narrower than the GTIN itself: no line is made rather than a broken number
    expect(breakLines(linkPieces(uri), (t) => t.length <= 10)).toBeNull();
  });
});

describe('codes', () => {
  it('DataMatrix holds the Digital Link for phone cameras, GS1 DataMatrix the element string', () => {
    const stamp = { gtin, serial: 42, lot: longLot };
    expect(carrierText('datamatrix', base, stamp)).toEqual({
      bcid: 'datamatrix',
      text: stampUri(base, stamp),
    });
    expect(carrierText('gs1-datamatrix', base, stamp)).toEqual({
      bcid: 'gs1datamatrix',
      text: '(01)08935049500018(10)HDBP-2026/12-DB-0017(21)42',
    });
  });
});

const pdftoppm = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const out = path.resolve('test-results/labels');

// The picture needs a PDF renderer: poppler's pdftoppm (Debian package poppler-utils), when the machine has it.
describe.skipIf(!pdftoppm)('labels rendered to PNG (needs pdftoppm from poppler-utils)', () => {
  for (const layout of ['a4', 'roll'] as const)
    for (const carrier of ['qr', 'datamatrix', 'gs1-datamatrix'] as const)
      it(`${layout}, ${carrier}: the first page renders and its codes decode to what the stamp says`, async () => {
        const labels = Array.from({ length: 3 }, (_, i) =>
          label(1_000_120 + i, carrier, carrier === 'gs1-datamatrix' ? null : 'AbCdEfGh-_Kl'),
        );
        const pdf = await renderLabelSheet(labels, { layout, carrier, title: 'test' });
        fs.mkdirSync(out, { recursive: true });
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'labels-'));
        fs.writeFileSync(path.join(dir, 'sheet.pdf'), pdf);
        const name = path.join(out, `${layout}-${carrier}`);
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          layout === 'a4' ? '300' : '600',
          '-f',
          '1',
          '-l',
          '1',
          '-singlefile',
          path.join(dir, 'sheet.pdf'),
          name,
        ]);
        fs.rmSync(dir, { recursive: true });
        const png = fs.readFileSync(`${name}.png`);
        const found = await readBarcodes(new Uint8Array(png), {
          tryHarder: true,
          textMode: 'HRI',
          maxNumberOfSymbols: 8,
        });
        const onPage = layout === 'roll' ? labels.slice(0, 1) : labels;
        expect(found.map((r) => r.text).sort()).toEqual(onPage.map((l) => l.code).sort());
        expect(new Set(found.map((r) => r.format))).toEqual(
          new Set([carrier === 'qr' ? 'QRCode' : 'DataMatrix']),
        );
      });
});
