/** Entry points that take whatever a user, a scanner or another system hands over. */

import { parseDigitalLinkWith } from './digital-link.ts';
import { GS, splitBracketed, splitUnbracketed } from './element-string.ts';
import { Gs1Error } from './errors.ts';
import { type Gs1Options, type ResolvedOptions, resolveOptions } from './options.ts';
import { DL_SCHEME, processScanData } from './scan-data.ts';
import { type AiValue, validateAis } from './validate.ts';

function elementString(input: string, options: ResolvedOptions): AiValue[] {
  if (input.length === 0) throw new Gs1Error('gs1.empty');
  if (input[0] === ']') {
    const scan = processScanData(input, options, (uri) => parseDigitalLinkWith(uri, options).ais);
    if (scan.kind === 'text') throw new Gs1Error('gs1.scanData', { reason: 'the barcode holds no GS1 data' });
    return scan.ais;
  }
  let ais: AiValue[];
  if (input[0] === '(') ais = splitBracketed(input, options);
  // `^` marks FNC1 in the notation of GS1's tools; scanners without symbology identifiers may send a leading GS.
  else if (input[0] === '^') ais = splitUnbracketed(input.slice(1), '^', options);
  else if (input[0] === GS) ais = splitUnbracketed(input.slice(1), GS, options);
  else if (/^\d/.test(input)) ais = splitUnbracketed(input, GS, options);
  else throw new Gs1Error('gs1.malformed', { reason: 'not a GS1 element string' });
  validateAis(ais, options);
  return ais;
}

/** Bracketed `(01)…(10)…`, unbracketed with GS separators, or scanner data with a symbology identifier. */
export function parseElementString(input: string, options?: Gs1Options): AiValue[] {
  return elementString(input, resolveOptions(options));
}

/** Any GS1 data: a Digital Link URI (any domain), a bracketed or unbracketed element string, scanner data. */
export function parseGs1(input: string, options?: Gs1Options): AiValue[] {
  const resolved = resolveOptions(options);
  const trimmed = input.trim();
  if (DL_SCHEME.test(trimmed)) return parseDigitalLinkWith(trimmed, resolved).ais;
  return elementString(trimmed, resolved);
}
