import fs from 'node:fs';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

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
