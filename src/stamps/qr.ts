/**
 * A small QR code encoder for print sheets: byte mode, error correction level M, versions 1–10 (up to 213
 * bytes, far more than a stamp URL needs), best of the eight masks by the standard penalty rules
 * (ISO/IEC 18004). bwip-js makes the same symbols at 5–10 ms each; this takes a fraction of a millisecond,
 * which is what a 10,000-label sheet needs. Every symbol is checked against a real decoder in the tests.
 */

/** [total codewords, EC codewords per block, blocks in group 1, data codewords each, blocks in group 2] */
const levelM: [number, number, number, number, number][] = [
  [26, 10, 1, 16, 0],
  [44, 16, 1, 28, 0],
  [70, 26, 1, 44, 0],
  [100, 18, 2, 32, 0],
  [134, 24, 2, 43, 0],
  [172, 16, 4, 27, 0],
  [196, 18, 4, 31, 0],
  [242, 22, 2, 38, 2],
  [292, 22, 3, 36, 2],
  [346, 26, 4, 43, 1],
];
const alignment: number[][] = [
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
];

const exp = new Uint8Array(512);
const log = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    exp[i] = x;
    log[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) exp[i] = exp[i - 255];
}
const mul = (a: number, b: number) => (a && b ? exp[log[a] + log[b]] : 0);

const generators = new Map<number, Uint8Array>();
function generator(degree: number): Uint8Array {
  let g = generators.get(degree);
  if (g) return g;
  // coefficients of ∏ (x − α^i), highest power first, leading 1 dropped
  let poly = [1];
  for (let i = 0; i < degree; i++) {
    const next = new Array(poly.length + 1).fill(0);
    for (let j = 0; j < poly.length; j++) {
      next[j] ^= poly[j];
      next[j + 1] ^= mul(poly[j], exp[i]);
    }
    poly = next;
  }
  g = Uint8Array.from(poly.slice(1));
  generators.set(degree, g);
  return g;
}

function ecCodewords(data: Uint8Array, degree: number): Uint8Array {
  const g = generator(degree);
  const rem = new Uint8Array(degree);
  for (const byte of data) {
    const factor = byte ^ rem[0];
    rem.copyWithin(0, 1);
    rem[degree - 1] = 0;
    for (let i = 0; i < degree; i++) rem[i] ^= mul(g[i], factor);
  }
  return rem;
}

function codewords(bytes: Uint8Array, version: number): Uint8Array {
  const [total, ec, g1, d1, g2] = levelM[version - 1];
  const dataLength = total - ec * (g1 + g2);
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, dataLength * 8 - bits.length));
  while (bits.length % 8) bits.push(0);
  const data = new Uint8Array(dataLength);
  for (let i = 0; i < bits.length / 8; i++)
    for (let j = 0; j < 8; j++) data[i] = (data[i] << 1) | bits[i * 8 + j];
  for (let i = bits.length / 8, pad = 0xec; i < dataLength; i++, pad ^= 0xec ^ 0x11) data[i] = pad;

  const blocks: Uint8Array[] = [];
  const ecs: Uint8Array[] = [];
  let at = 0;
  for (let b = 0; b < g1 + g2; b++) {
    const length = b < g1 ? d1 : d1 + 1;
    const block = data.subarray(at, at + length);
    at += length;
    blocks.push(block);
    ecs.push(ecCodewords(block, ec));
  }
  const out = new Uint8Array(total);
  let k = 0;
  for (let i = 0; i <= d1; i++) for (const block of blocks) if (i < block.length) out[k++] = block[i];
  for (let i = 0; i < ec; i++) for (const e of ecs) out[k++] = e[i];
  return out;
}

const masks: ((r: number, c: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

function bch(value: number, poly: number, polyDegree: number): number {
  let rem = value << polyDegree;
  for (let i = 31 - Math.clz32(rem); i >= polyDegree; i--)
    if ((rem >>> i) & 1) rem ^= poly << (i - polyDegree);
  return (value << polyDegree) | rem;
}

export interface QrMatrix {
  size: number;
  rows: Uint8Array[];
}

/** Encodes `text` (UTF-8) as a QR code; throws when it does not fit version 10-M. */
export function encodeQr(text: string): QrMatrix {
  const bytes = new TextEncoder().encode(text);
  for (let version = 1; version <= levelM.length; version++) {
    const [total, ec, g1, , g2] = levelM[version - 1];
    const capacityBits = (total - ec * (g1 + g2)) * 8;
    if (4 + (version < 10 ? 8 : 16) + bytes.length * 8 <= capacityBits)
      return build(version, codewords(bytes, version));
  }
  throw new RangeError('text too long for a QR code of version 10-M');
}

function build(version: number, data: Uint8Array): QrMatrix {
  const size = 17 + 4 * version;
  const dark = Array.from({ length: size }, () => new Uint8Array(size));
  const fixed = Array.from({ length: size }, () => new Uint8Array(size));
  const set = (r: number, c: number, on: boolean) => {
    if (r < 0 || c < 0 || r >= size || c >= size) return;
    dark[r][c] = on ? 1 : 0;
    fixed[r][c] = 1;
  };
  for (const [fr, fc] of [
    [0, 0],
    [0, size - 7],
    [size - 7, 0],
  ]) {
    for (let r = -1; r <= 7; r++)
      for (let c = -1; c <= 7; c++) {
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        set(fr + r, fc + c, ring !== 2 && ring !== 4);
      }
  }
  for (let i = 8; i < size - 8; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  const centres = alignment[version - 1];
  for (const r of centres)
    for (const c of centres) {
      if ((r === 6 && c === 6) || (r === 6 && c === size - 7) || (r === size - 7 && c === 6)) continue;
      for (let dr = -2; dr <= 2; dr++)
        for (let dc = -2; dc <= 2; dc++) set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
    }
  // reserve format (and version) areas; their bits are written per mask below
  for (let i = 0; i < 9; i++) {
    if (i === 6) continue; // timing patterns
    set(8, i, false);
    set(i, 8, false);
  }
  for (let i = 0; i < 8; i++) {
    set(8, size - 1 - i, false);
    set(size - 1 - i, 8, false);
  }
  set(size - 8, 8, true);
  if (version >= 7) {
    const bits = bch(version, 0x1f25, 12);
    for (let i = 0; i < 18; i++) {
      const on = ((bits >>> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, on);
      set(b, a, on);
    }
  }
  // data, in two-column strips from the bottom right, alternately upward and downward, skipping column 6
  let bit = 0;
  const totalBits = data.length * 8;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const c = right - j;
        const upward = ((right + 1) & 2) === 0;
        const r = upward ? size - 1 - vert : vert;
        if (fixed[r][c]) continue;
        if (bit < totalBits) dark[r][c] = (data[bit >>> 3] >>> (7 - (bit & 7))) & 1;
        bit++;
      }
    }
  }
  const toggles = maskToggles(version, size, fixed);
  const flat = new Uint8Array(size * size);
  for (let r = 0; r < size; r++) flat.set(dark[r], r * size);
  let best: Uint8Array | null = null;
  let bestScore = Infinity;
  for (let m = 0; m < 8; m++) {
    const candidate = flat.slice();
    const t = toggles[m];
    for (let i = 0; i < candidate.length; i++) candidate[i] ^= t[i];
    writeFormat(candidate, size, m);
    const score = penalty(candidate, size);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return { size, rows: Array.from({ length: size }, (_, r) => best!.subarray(r * size, (r + 1) * size)) };
}

const toggleCache = new Map<number, Uint8Array[]>();
/** Per version, each mask's effect on the data area: computed once, then applied with XOR. */
function maskToggles(version: number, size: number, fixed: Uint8Array[]): Uint8Array[] {
  let cached = toggleCache.get(version);
  if (cached) return cached;
  cached = masks.map((mask) => {
    const t = new Uint8Array(size * size);
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) if (!fixed[r][c] && mask(r, c)) t[r * size + c] = 1;
    return t;
  });
  toggleCache.set(version, cached);
  return cached;
}

function writeFormat(m: Uint8Array, size: number, mask: number) {
  const bits = bch((0b00 << 3) | mask, 0x537, 10) ^ 0x5412; // level M = 00
  const bitAt = (i: number) => (bits >>> i) & 1;
  const put = (r: number, c: number, v: number) => {
    m[r * size + c] = v;
  };
  // the first copy around the top-left finder, the second split below it and to the right of it
  for (let i = 0; i <= 5; i++) put(i, 8, bitAt(i));
  put(7, 8, bitAt(6));
  put(8, 8, bitAt(7));
  put(8, 7, bitAt(8));
  for (let i = 9; i < 15; i++) put(8, 14 - i, bitAt(i));
  for (let i = 0; i < 8; i++) put(8, size - 1 - i, bitAt(i));
  for (let i = 8; i < 15; i++) put(size - 15 + i, 8, bitAt(i));
  put(size - 8, 8, 1);
}

/** ISO/IEC 18004 mask penalty: runs, 2×2 blocks, finder-like patterns, dark/light balance. */
function penalty(m: Uint8Array, size: number): number {
  let score = 0;
  for (let a = 0; a < size; a++) {
    score += linePenalty(m, a * size, 1, size) + linePenalty(m, a, size, size);
  }
  let darkCount = 0;
  for (let r = 0; r < size - 1; r++) {
    const row = r * size;
    for (let c = 0; c < size - 1; c++) {
      const v = m[row + c];
      if (m[row + c + 1] === v && m[row + size + c] === v && m[row + size + c + 1] === v) score += 3;
    }
  }
  for (let i = 0; i < m.length; i++) darkCount += m[i];
  return score + Math.floor(Math.abs((darkCount * 20) / (size * size) - 10)) * 10;
}

/**
 * Runs of five or more (N1) and finder-like 1:1:3:1:1 patterns with four light modules on a side (N3) along
 * one row or column; outside the symbol counts as light.
 */
function linePenalty(m: Uint8Array, start: number, step: number, size: number): number {
  let score = 0;
  let run = 0;
  let prev = -1;
  let window = 0;
  for (let i = 0, at = start; i < size; i++, at += step) {
    const v = m[at];
    window = ((window << 1) | v) & 0x7ff;
    if (i >= 10 && (window === 0x5d0 || window === 0x05d)) score += 40;
    else if (i < 10 && i >= 6 && window === 0x5d) score += 40; // pattern against the leading edge
    if (v === prev) run++;
    else {
      if (run >= 5) score += run - 2;
      run = 1;
      prev = v;
    }
  }
  if (run >= 5) score += run - 2;
  for (let i = 0; i < 4; i++) {
    window = (window << 1) & 0x7ff;
    if (window === 0x5d0) score += 40;
  }
  return score;
}
