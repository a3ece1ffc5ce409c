import fs from 'node:fs';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { isValidGtin, parseGs1 } from '../gs1/index.ts';
import type { PortalData } from './portal.data.ts';

const require = createRequire(import.meta.url);
let readerReady = false;

/** The reader's WebAssembly comes from node_modules, never from a network. */
function prepareReader() {
  if (readerReady) return;
  const wasm = fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
    },
  });
  readerReady = true;
}

export class NotAnImage extends Error {}

/**
 * The text of the first QR code (or barcode) in a photo, null when none is found. sharp reads the photo (any of
 * its formats, turned upright, at most 1600 px across) into a plain PNG for the reader; a file that is no image
 * throws NotAnImage.
 */
export async function readCodeInPhoto(bytes: Buffer): Promise<string | null> {
  let png: Buffer;
  try {
    png = await sharp(bytes, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer();
  } catch {
    throw new NotAnImage();
  }
  prepareReader();
  const [found] = await readBarcodes(new Uint8Array(png), {
    tryHarder: true,
    maxNumberOfSymbols: 1,
  });
  return found?.isValid ? found.text : null;
}

export type CodeAnswer =
  | { kind: 'empty' }
  | { kind: 'bad' }
  | { kind: 'go'; to: string }
  | { kind: 'unknown'; code: string }
  | { kind: 'foreign'; host: string; productId: string | null }
  | { kind: 'not-gs1' };

const gtinOf = (ais: { ai: string; value: string }[]) => ais.find((a) => a.ai === '01')?.value ?? null;

/**
 * Where a typed number or a code read from a photo leads: a GTIN to the product's portal page, a Digital Link or
 * element string naming a lot or a stamp to the consumer page (which says itself whether the lot or stamp is
 * known), a link to another site said to be so in words, anything else said to be unknown or unreadable.
 */
export function answerCode(raw: string, baseUrl: string, data: PortalData): CodeAnswer {
  const text = raw.trim();
  if (!text) return { kind: 'empty' };
  const productByGtin = (gtin: string) =>
    data.catalogue.products.find((p) => p.gtin === gtin.padStart(14, '0')) ?? null;
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { kind: 'bad' };
    }
    const ours = new URL(baseUrl);
    let ais: { ai: string; value: string }[] | null = null;
    try {
      ais = parseGs1(text);
    } catch {
      ais = null;
    }
    if (url.host !== ours.host) {
      const gtin = ais && gtinOf(ais);
      return { kind: 'foreign', host: url.host, productId: (gtin && productByGtin(gtin)?.id) || null };
    }
    // this resolver's own link: the consumer page answers it (the secret of a stamp stays in the address)
    const path = url.pathname.replace(/^\/page(?=\/)/, '') + url.search;
    if (!ais || !gtinOf(ais)) return { kind: 'not-gs1' };
    return { kind: 'go', to: `/page${path}` };
  }
  const digits = text.replace(/[\s-]/g, '');
  if (/^\d+$/.test(digits) && [8, 12, 13, 14].includes(digits.length)) {
    const gtin = digits.padStart(14, '0');
    if (!isValidGtin(gtin)) return { kind: 'bad' };
    const product = productByGtin(gtin);
    return product ? { kind: 'go', to: `/san-pham/${product.id}` } : { kind: 'unknown', code: digits };
  }
  let ais: { ai: string; value: string }[];
  try {
    ais = parseGs1(text);
  } catch {
    return { kind: 'bad' };
  }
  const gtin = gtinOf(ais);
  if (!gtin) return { kind: 'not-gs1' };
  const product = productByGtin(gtin);
  if (!product) return { kind: 'unknown', code: gtin };
  const lot = ais.find((a) => a.ai === '10')?.value;
  const serial = ais.find((a) => a.ai === '21')?.value;
  if (!lot && !serial) return { kind: 'go', to: `/san-pham/${product.id}` };
  const seg = (ai: string, v: string | undefined) => (v ? `/${ai}/${encodeURIComponent(v)}` : '');
  return { kind: 'go', to: `/page/01/${gtin}${seg('10', lot)}${seg('21', serial)}` };
}
