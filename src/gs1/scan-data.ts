/**
 * Barcode scanner output: an AIM symbology identifier (`]C1`, `]e0`, `]d2`, `]Q3`, `]J1` GS1 data;
 * `]d1`, `]Q1`, `]J0` plain data, possibly a Digital Link URI; `]E0`/`]E4` EAN-13/EAN-8 with an optional
 * `|]e0` composite) followed by the data, GS (0x1D) standing for FNC1.
 * The "data string" notation here is the GS1 tools' one: `^` is FNC1 and `\^` a literal caret.
 */
import { checkDigit, hasValidCheckDigit } from './check-digit.ts';
import { GS, needsSeparator, splitUnbracketed } from './element-string.ts';
import { Gs1Error } from './errors.ts';
import type { ResolvedOptions } from './options.ts';
import { type AiValue, validateAis } from './validate.ts';

export type Symbology =
  | 'QR'
  | 'DM'
  | 'DotCode'
  | 'DataBarExpanded'
  | 'GS1_128_CCA'
  | 'EAN13'
  | 'EAN8'
  | 'NONE';

const GS1_MODE: Record<string, Symbology> = {
  ']C1': 'GS1_128_CCA',
  ']e0': 'DataBarExpanded',
  ']d2': 'DM',
  ']Q3': 'QR',
  ']J1': 'DotCode',
};
const PLAIN_MODE: Record<string, Symbology> = { ']d1': 'DM', ']Q1': 'QR', ']J0': 'DotCode' };
const EAN_MODE: Record<string, { symbology: Symbology; digits: number }> = {
  ']E0': { symbology: 'EAN13', digits: 13 },
  ']E4': { symbology: 'EAN8', digits: 8 },
};

/** Scheme test of the GS1 tools: lower or upper case only, a mixed-case scheme is plain text. */
export const DL_SCHEME = /^(?:https?|HTTPS?):\/\//;

export interface ScanResult {
  symbology: Symbology;
  /** `gs1`: AI data; `dl`: a Digital Link URI in plain data; `text`: anything else. */
  kind: 'gs1' | 'dl' | 'text';
  /** The data in GS1 tools notation (FNC1 as `^`). */
  dataString: string;
  /** The AIs: of the GS1 data (EAN/UPC: AI 01 and any composite) or of the Digital Link; empty for `text`. */
  ais: AiValue[];
}

const scanError = (reason: string) => new Gs1Error('gs1.scanData', { reason });

function gs1Data(data: string, options: ResolvedOptions): { dataString: string; ais: AiValue[] } {
  if (data.length === 0) throw scanError('no GS1 data');
  if (data.includes('^')) throw scanError('a "^" cannot occur in GS1 data');
  const ais = splitUnbracketed(data, GS, options);
  validateAis(ais, options);
  return { dataString: `^${data.replaceAll(GS, '^')}`, ais };
}

/**
 * Reads scanner output. `parseDl` validates a Digital Link found in plain data (the caller passes the
 * DL parser so that this file does not depend on it).
 */
export function processScanData(
  scan: string,
  options: ResolvedOptions,
  parseDl: (uri: string) => AiValue[],
): ScanResult {
  if (scan.length < 3 || scan[0] !== ']') throw scanError('no symbology identifier');
  const id = scan.slice(0, 3);
  const data = scan.slice(3);
  const gs1 = GS1_MODE[id];
  if (gs1) return { symbology: gs1, kind: 'gs1', ...gs1Data(data, options) };
  const plain = PLAIN_MODE[id];
  if (plain) {
    if (DL_SCHEME.test(data)) return { symbology: plain, kind: 'dl', dataString: data, ais: parseDl(data) };
    return { symbology: plain, kind: 'text', dataString: data.replaceAll('^', '\\^'), ais: [] };
  }
  const ean = EAN_MODE[id];
  if (!ean) throw scanError(`unknown symbology identifier ${id}`);
  const bar = data.indexOf('|');
  const primary = bar < 0 ? data : data.slice(0, bar);
  if (primary.length !== ean.digits || !/^\d+$/.test(primary))
    throw scanError(`${ean.symbology} needs ${ean.digits} digits`);
  if (!hasValidCheckDigit(primary)) throw new Gs1Error('gs1.checkDigit', { ai: '01' });
  const ais: AiValue[] = [{ ai: '01', value: primary.padStart(14, '0') }];
  let dataString = primary;
  if (bar >= 0) {
    const composite = data.slice(bar + 1);
    if (!composite.startsWith(']e0')) throw scanError('a composite must start with ]e0');
    const cc = gs1Data(composite.slice(3), options);
    ais.push(...cc.ais);
    dataString += `|${cc.dataString}`;
    validateAis(ais, options);
  }
  return { symbology: ean.symbology, kind: 'gs1', dataString, ais };
}

const unescapeCaret = (s: string) => s.replaceAll('\\^', '^');

/** A GTIN given either as `^01` + 14 digits or as bare digits, returned as the carrier's own digits. */
function linearGtin(primary: string, digits: number, addCheckDigit: boolean): string | null {
  let gtin = primary;
  if (gtin.startsWith('^01')) {
    const gtin14 = gtin.slice(3);
    if (gtin14.length !== 14 || !gtin14.startsWith('0'.repeat(14 - digits))) return null;
    gtin = gtin14.slice(14 - digits);
  } else if (addCheckDigit) {
    if (gtin.length !== digits - 1 || !/^\d+$/.test(gtin)) return null;
    gtin += checkDigit(gtin);
  }
  return gtin.length === digits && hasValidCheckDigit(gtin) ? gtin : null;
}

function compositeSuffix(composite: string | undefined): string | null {
  if (composite === undefined) return '';
  if (!composite.startsWith('^')) return null;
  return composite.slice(1).replaceAll('^', GS);
}

/** Joins primary and composite GS1 data, with an FNC1 when the primary's last AI is variable-length. */
function joinComposite(primary: string, composite: string, options: ResolvedOptions): string {
  if (!composite) return primary;
  const ais = splitUnbracketed(primary, GS, options);
  const separator = needsSeparator(ais[ais.length - 1].ai) && !primary.endsWith(GS) ? GS : '';
  return primary + separator + composite;
}

/**
 * What a scanner would output for `dataString` carried by `symbology`; null when that carrier cannot hold it.
 * `|` separates the primary data from a composite component.
 */
export function generateScanData(
  symbology: string,
  dataString: string,
  options: ResolvedOptions,
  addCheckDigit = false,
): string | null {
  try {
    const bar = dataString.indexOf('|');
    const primary = bar < 0 ? dataString : dataString.slice(0, bar);
    const composite = bar < 0 ? undefined : dataString.slice(bar + 1);
    switch (symbology) {
      case 'QR':
      case 'DM':
      case 'DotCode': {
        const [plainId, gs1Id] =
          symbology === 'QR' ? [']Q1', ']Q3'] : symbology === 'DM' ? [']d1', ']d2'] : [']J0', ']J1'];
        if (dataString.startsWith('^')) return gs1Id + dataString.slice(1).replaceAll('^', GS);
        return dataString ? plainId + unescapeCaret(dataString) : null;
      }
      case 'DataBarExpanded':
      case 'GS1_128_CCA':
      case 'GS1_128_CCC': {
        if (!primary.startsWith('^')) return null;
        const cc = compositeSuffix(composite);
        if (cc === null) return null;
        const main = primary.slice(1).replaceAll('^', GS);
        const id = symbology === 'DataBarExpanded' || cc ? ']e0' : ']C1';
        return id + joinComposite(main, cc, options);
      }
      case 'DataBarOmni':
      case 'DataBarLimited': {
        const gtin = linearGtin(primary.startsWith('^') ? primary : `^01${primary}`, 14, false);
        if (!gtin || (symbology === 'DataBarLimited' && gtin[0] > '1')) return null;
        const cc = compositeSuffix(composite);
        return cc === null ? null : `]e001${gtin}${cc}`;
      }
      case 'EAN13':
      case 'UPCA':
      case 'UPCE':
      case 'EAN8': {
        const digits = symbology === 'EAN13' ? 13 : symbology === 'EAN8' ? 8 : 12;
        const gtin = linearGtin(primary, digits, addCheckDigit);
        if (!gtin) return null;
        const cc = compositeSuffix(composite);
        if (cc === null) return null;
        const id = symbology === 'EAN8' ? ']E4' : ']E0';
        return id + gtin.padStart(digits === 12 ? 13 : digits, '0') + (cc ? `|]e0${cc}` : '');
      }
      default:
        return null;
    }
  } catch (err) {
    if (err instanceof Gs1Error) return null;
    throw err;
  }
}
