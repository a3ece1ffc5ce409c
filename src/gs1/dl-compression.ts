/**
 * GS1 Digital Link URI compression (DL 1.1): the AIs of a link packed into a bit string and written in
 * URI-safe base64 as the last path segment. Numeric fields are binary numbers, other fields carry a 3-bit
 * encoding (digits, lower hex, upper hex, base64url, 7-bit ASCII); frequent AI groups have 8-bit
 * "optimisation" codes; `F` introduces a non-GS1 query parameter. Field layout comes from the AI table.
 */
import { aiDefinition, aiLengthForPrefix } from './ai-table.ts';
import type { AiDefinition } from './ai-types.ts';
import type { AiValue } from './validate.ts';

/** Optimisation codes of the DL compression standard: one 8-bit code stands for a group of AIs. */
const OPTIMISATIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['0A', ['01', '22']],
  ['0B', ['01', '10']],
  ['0C', ['01', '21']],
  ['0D', ['01', '17']],
  ['0E', ['01', '7003']],
  ['0F', ['01', '30']],
  ['1A', ['01', '10', '21', '17']],
  ['1B', ['01', '15']],
  ['1C', ['01', '11']],
  ['1D', ['01', '16']],
  ['1E', ['01', '91']],
  ['1F', ['01', '10', '15']],
  ['2A', ['01', '3100']],
  ['2B', ['01', '3101']],
  ['2C', ['01', '3102']],
  ['2D', ['01', '3103']],
  ['2E', ['01', '3104']],
  ['2F', ['01', '3105']],
  ['3A', ['01', '3200']],
  ['3B', ['01', '3201']],
  ['3C', ['01', '3202']],
  ['3D', ['01', '3203']],
  ['3E', ['01', '3204']],
  ['3F', ['01', '3205']],
  ['9A', ['8010', '8011']],
  ['9B', ['8017', '8019']],
  ['9C', ['8018', '8019']],
  ['9D', ['414', '254']],
  ['A0', ['01', '3920']],
  ['A1', ['01', '3921']],
  ['A2', ['01', '3922']],
  ['A3', ['01', '3923']],
  ['A4', ['01', '3924']],
  ['A5', ['01', '3925']],
  ['A6', ['01', '3926']],
  ['A7', ['01', '3927']],
  ['A8', ['01', '3928']],
  ['A9', ['01', '3929']],
  ['C0', ['255', '3900']],
  ['C1', ['255', '3901']],
  ['C2', ['255', '3902']],
  ['C3', ['255', '3903']],
  ['C4', ['255', '3904']],
  ['C5', ['255', '3905']],
  ['C6', ['255', '3906']],
  ['C7', ['255', '3907']],
  ['C8', ['255', '3908']],
  ['C9', ['255', '3909']],
  ['CA', ['255', '3940']],
  ['CB', ['255', '3941']],
  ['CC', ['255', '3942']],
  ['CD', ['255', '3943']],
];
const OPTIMISATION_BY_CODE = new Map(OPTIMISATIONS);

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789ABCDEF';
const ENCODINGS = [/^\d+$/, /^[0-9a-f]+$/, /^[0-9A-F]+$/, /^[A-Za-z0-9_-]+$/] as const;
const BITS_PER_CHAR = [0, 4, 4, 6, 7];

/** A field of the compressed form: numeric or not, fixed `length` or variable up to `max`. */
interface Field {
  numeric: boolean;
  length?: number;
  max: number;
}

/**
 * The standard's field layout merges dictionary components: for digits, the mandatory fixed part becomes
 * one fixed field and the optional rest one variable field (AI 7007 N6 [N6] → N6 + N..6); other characters
 * become one field (AI 7230 X2 X..28 → X..30).
 */
function fieldsOf(def: AiDefinition): Field[] {
  const fields: Field[] = [];
  let i = 0;
  const comps = def.components;
  while (i < comps.length) {
    const numeric = comps[i].cset === 'N';
    let fixed = 0;
    let rest = 0;
    let allFixed = true;
    for (; i < comps.length && (comps[i].cset === 'N') === numeric; i++) {
      const c = comps[i];
      if (allFixed && c.min === c.max && !c.optional) fixed += c.max;
      else {
        allFixed = false;
        rest += c.max;
      }
    }
    if (numeric) {
      if (fixed) fields.push({ numeric, length: fixed, max: fixed });
      if (rest) fields.push({ numeric, max: rest });
    } else fields.push(rest ? { numeric, max: fixed + rest } : { numeric, length: fixed, max: fixed });
  }
  return fields;
}

const FIELDS = new Map<string, Field[]>();
function fields(ai: string): Field[] | null {
  let f = FIELDS.get(ai);
  if (!f) {
    const def = aiDefinition(ai);
    if (!def) return null;
    f = fieldsOf(def);
    FIELDS.set(ai, f);
  }
  return f;
}

const valueBits = (digits: number) => (digits === 0 ? 0 : Math.ceil(digits * Math.log2(10) + 0.01));
const lengthBits = (max: number) => (max === 0 ? 0 : Math.ceil(Math.log2(max) + 0.01));
const bin = (n: number | bigint, width: number) => n.toString(2).padStart(width, '0');

function encodeChars(s: string, enc: number): string {
  if (enc === 0) return s ? bin(BigInt(s), valueBits(s.length)) : '';
  let out = '';
  for (const ch of s) {
    if (enc === 4) out += bin(ch.charCodeAt(0), 7);
    else if (enc === 3) out += bin(BASE64URL.indexOf(ch), 6);
    else out += bin(HEX.indexOf(ch.toUpperCase()), 4);
  }
  return out;
}

function encodeText(s: string, lengthWidth: number | null): string {
  const enc = ENCODINGS.findIndex((re) => re.test(s));
  const code = enc < 0 ? 4 : enc;
  return bin(code, 3) + (lengthWidth === null ? '' : bin(s.length, lengthWidth)) + encodeChars(s, code);
}

function encodeValue(ai: string, value: string): string {
  let out = '';
  let at = 0;
  for (const f of fields(ai) ?? []) {
    const part = f.length !== undefined ? value.slice(at, at + f.length) : value.slice(at);
    at += part.length;
    if (f.numeric) {
      if (f.length === undefined) out += bin(part.length, lengthBits(f.max));
      out += part ? bin(BigInt(part), valueBits(part.length)) : '';
    } else out += encodeText(part, f.length === undefined ? lengthBits(f.max) : null);
  }
  return out;
}

const hexBits = (code: string) => [...code].map((c) => bin(Number.parseInt(c, 16), 4)).join('');

/** The URI-safe base64 form of AIs (and, optionally, other query parameters). */
export function encodeCompressed(
  ais: readonly AiValue[],
  other: Record<string, string>,
  optimise: boolean,
): string {
  const values = new Map(ais.map((a) => [a.ai, a.value]));
  let remaining = [...values.keys()].sort();
  let bits = '';
  while (optimise) {
    let best: (typeof OPTIMISATIONS)[number] | undefined;
    for (const opt of OPTIMISATIONS) {
      const covered = opt[1].every((ai) => remaining.includes(ai));
      if (covered && (!best || opt[1].join('').length > best[1].join('').length)) best = opt;
    }
    if (!best) break;
    bits += hexBits(best[0]);
    for (const ai of best[1]) bits += encodeValue(ai, values.get(ai)!);
    remaining = remaining.filter((ai) => !best[1].includes(ai));
  }
  for (const ai of remaining) bits += hexBits(ai) + encodeValue(ai, values.get(ai)!);
  for (const [key, value] of Object.entries(other)) {
    bits += `1111${bin(key.length, 7)}${encodeChars(key, 3)}${encodeText(value, 7)}`;
  }
  bits = bits.padEnd(Math.ceil(bits.length / 6) * 6, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 6) out += BASE64URL[Number.parseInt(bits.slice(i, i + 6), 2)];
  return out;
}

class BitReader {
  at = 0;
  readonly bits: string;
  constructor(bits: string) {
    this.bits = bits;
  }
  take(n: number): string {
    if (this.at + n > this.bits.length) throw new RangeError('compressed data ends early');
    const s = this.bits.slice(this.at, this.at + n);
    this.at += n;
    return s;
  }
  int(n: number): number {
    return n === 0 ? 0 : Number.parseInt(this.take(n), 2);
  }
  digits(count: number): string {
    return count === 0
      ? ''
      : BigInt(`0b${this.take(valueBits(count))}`)
          .toString()
          .padStart(count, '0');
  }
  chars(count: number, enc: number): string {
    if (enc === 0) return this.digits(count);
    if (enc > 4) throw new RangeError('unknown encoding');
    let out = '';
    for (let i = 0; i < count; i++) {
      const v = this.int(BITS_PER_CHAR[enc]);
      out += enc === 4 ? String.fromCharCode(v) : enc === 3 ? BASE64URL[v] : HEX[v];
    }
    return enc === 1 ? out.toLowerCase() : out;
  }
}

function decodeValue(ai: string, r: BitReader): string {
  let value = '';
  for (const f of fields(ai)!) {
    if (f.numeric) value += r.digits(f.length ?? r.int(lengthBits(f.max)));
    else {
      const enc = r.int(3);
      value += r.chars(f.length ?? r.int(lengthBits(f.max)), enc);
    }
  }
  return value;
}

const BASE64URL_SEGMENT = /^[A-Za-z0-9_-]+$/;

/** AIs and other parameters packed in a compressed path segment; null when `segment` is not one. */
export function decodeCompressed(
  segment: string,
): { ais: AiValue[]; otherParams: Record<string, string> } | null {
  if (!BASE64URL_SEGMENT.test(segment)) return null;
  const r = new BitReader([...segment].map((c) => bin(BASE64URL.indexOf(c), 6)).join(''));
  const ais: AiValue[] = [];
  const otherParams: Record<string, string> = {};
  try {
    while (r.bits.length - r.at >= 8) {
      const code = (r.int(4).toString(16) + r.int(4).toString(16)).toUpperCase();
      const group = OPTIMISATION_BY_CODE.get(code);
      if (/^\d\d$/.test(code)) {
        const length = aiLengthForPrefix(code);
        if (!length) return null;
        let ai = code;
        while (ai.length < length) ai += r.int(4).toString(16);
        if (!fields(ai)) return null;
        ais.push({ ai, value: decodeValue(ai, r) });
      } else if (code[0] === 'F') {
        r.at -= 4;
        const key = r.chars(r.int(7), 3);
        const enc = r.int(3);
        otherParams[key] = r.chars(r.int(7), enc);
      } else if (group) {
        for (const ai of group) ais.push({ ai, value: decodeValue(ai, r) });
      } else return null;
    }
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
  // The encoder pads with fewer than 6 zero bits: anything else is an ordinary path segment.
  const padding = r.bits.slice(r.at);
  return ais.length && padding.length < 6 && !padding.includes('1') ? { ais, otherParams } : null;
}
