import bwipjs from 'bwip-js';
import QRCode from 'qrcode';
import { badRequest } from '../platform/index.ts';
import { stampElementString, stampUri } from './stamps.uri.ts';

export type CarrierFormat = 'qr' | 'datamatrix' | 'gs1-datamatrix' | 'gs1-128' | 'ean-13';

export interface CarrierStamp {
  gtin: string;
  serial: number;
  lot: string | null;
  secret?: string | null;
}

/**
 * The text each carrier holds: QR and DataMatrix carry the Digital Link URI (what a phone camera opens; a
 * DataMatrix with a URI starts without FNC1, as GS1 specifies); GS1 DataMatrix and GS1-128 carry the element
 * string (what a GS1 scanner at a till or warehouse reads); EAN-13 only the GTIN-13, so it fits only GTINs
 * that begin with 0.
 */
export function carrierText(format: CarrierFormat, baseUrl: string, stamp: CarrierStamp) {
  switch (format) {
    case 'qr':
      return { bcid: 'qrcode', text: stampUri(baseUrl, stamp) };
    case 'datamatrix':
      return { bcid: 'datamatrix', text: stampUri(baseUrl, stamp) };
    case 'gs1-datamatrix':
      return { bcid: 'gs1datamatrix', text: stampElementString(stamp) };
    case 'gs1-128':
      return { bcid: 'gs1-128', text: stampElementString(stamp) };
    case 'ean-13':
      if (!stamp.gtin.startsWith('0'))
        throw badRequest([{ field: '/format', code: 'stamps.ean13NotFit' }], 'validation');
      return { bcid: 'ean13', text: stamp.gtin.slice(1) };
  }
}

const common = { backgroundcolor: 'FFFFFF', paddingwidth: 4, paddingheight: 4 } as const;

export function renderCarrierSvg(format: CarrierFormat, baseUrl: string, stamp: CarrierStamp): string {
  const { bcid, text } = carrierText(format, baseUrl, stamp);
  const linear = format === 'gs1-128' || format === 'ean-13';
  return bwipjs.toSVG({ bcid, text, ...common, ...(linear ? { height: 15, includetext: true } : {}) });
}

export async function renderCarrierPng(
  format: CarrierFormat,
  baseUrl: string,
  stamp: CarrierStamp,
  scale = 4,
): Promise<Buffer> {
  const { bcid, text } = carrierText(format, baseUrl, stamp);
  const linear = format === 'gs1-128' || format === 'ean-13';
  return bwipjs.toBuffer({
    bcid,
    text,
    scale,
    ...common,
    ...(linear ? { height: 15, includetext: true } : {}),
  });
}

/**
 * The module matrix of a 2D code, for drawing it as vector paths in a PDF: QR from the qrcode package,
 * DataMatrix (the URI) and GS1 DataMatrix (the element string) from bwip-js.
 */
export function carrierMatrix(
  format: 'qr' | 'datamatrix' | 'gs1-datamatrix',
  text: string,
): { size: number; rows: Uint8Array[] } {
  if (format === 'qr') {
    // the qrcode package builds the module matrix alone (~0.5 ms); bwip-js takes 5–10 ms per symbol
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const rows: Uint8Array[] = [];
    for (let y = 0; y < modules.size; y++)
      rows.push(modules.data.slice(y * modules.size, (y + 1) * modules.size));
    return { size: modules.size, rows };
  }
  const bcid = format === 'datamatrix' ? 'datamatrix' : 'gs1datamatrix';
  const [sym] = bwipjs.raw(bcid, text, {}) as unknown as {
    pixs: number[];
    pixx: number;
    pixy: number;
  }[];
  const rows: Uint8Array[] = [];
  for (let y = 0; y < sym.pixy; y++)
    rows.push(Uint8Array.from(sym.pixs.slice(y * sym.pixx, (y + 1) * sym.pixx)));
  return { size: Math.max(sym.pixx, sym.pixy), rows };
}
