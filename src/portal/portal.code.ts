import { type AiValue, buildDigitalLink, isValidGtin, parseDigitalLink, parseGs1 } from '../gs1/index.ts';
import type { Db } from '../platform/index.ts';
import { findSubject, parseResolverUrl } from '../resolver/index.ts';
import type { PortalData } from './portal.data.ts';

export type CodeAnswer =
  | { kind: 'empty' }
  | { kind: 'bad' }
  | { kind: 'go'; to: string }
  | { kind: 'unknown'; code: string; what: 'product' | 'lot' | 'stamp' }
  | { kind: 'foreign'; host: string; productId: string | null }
  | { kind: 'not-gs1' };

/** What a typed text names before the database is asked: a GTIN, or this site's Digital Link path of a code. */
type Reading =
  | Exclude<CodeAnswer, { kind: 'go' } | { kind: 'unknown' } | { kind: 'foreign' }>
  | { kind: 'foreign'; host: string; gtin: string | null }
  | { kind: 'gtin'; gtin: string; typed: string }
  | { kind: 'code'; gtin: string; path: string; typed: string };

const gtinOf = (ais: AiValue[]) => ais.find((a) => a.ai === '01')?.value ?? null;

/** The path on this site (`/01/…/10/…/21/…?s=…`) of a product, lot or stamp code; the secret stays in it. */
function codePath(ais: AiValue[], secret: string | null): string {
  const path = buildDigitalLink(ais, 'https://x').slice('https://x'.length);
  return secret ? `${path}?s=${encodeURIComponent(secret)}` : path;
}

/**
 * What a person typed from a label, read the way it was printed (decision 020): the number under a barcode
 * (with or without spaces, dashes or dots), the element string `(01)…(10)…(21)…` (brackets optional, spaces
 * anywhere), or the link printed under the QR code, whole or compressed, with or without `https://`. Labels break
 * a link across lines, so spaces inside a link or element string are dropped (neither ever holds one).
 */
export function readTypedCode(raw: string, baseUrl: string): Reading {
  const text = raw.replace(/[\u200b\u00a0]/g, ' ').trim();
  if (!text) return { kind: 'empty' };
  const compact = text.replace(/\s+/g, '');
  const ours = new URL(baseUrl);
  const looksLikeHost = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?\//i.test(compact);
  if (/^https?:\/\//i.test(compact) || looksLikeHost || compact.startsWith('/')) {
    const address = compact.startsWith('/')
      ? `${ours.origin}${compact}`
      : looksLikeHost
        ? `${compact.toLowerCase().startsWith(ours.host.toLowerCase()) ? ours.protocol : 'https:'}//${compact}`
        : compact;
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      return { kind: 'bad' };
    }
    let dl: ReturnType<typeof parseDigitalLink> | null;
    try {
      dl = parseDigitalLink(address);
    } catch {
      dl = null;
    }
    if (url.host !== ours.host) return { kind: 'foreign', host: url.host, gtin: dl && gtinOf(dl.ais) };
    const gtin = dl && gtinOf(dl.ais);
    if (!dl || !gtin) return { kind: 'not-gs1' };
    return { kind: 'code', gtin, path: codePath(dl.ais, dl.otherParams.s ?? null), typed: text };
  }
  const digits = text.replace(/[\s.-]/g, '');
  if (/^\d+$/.test(digits) && [8, 12, 13, 14].includes(digits.length)) {
    const gtin = digits.padStart(14, '0');
    return isValidGtin(gtin) ? { kind: 'gtin', gtin, typed: digits } : { kind: 'bad' };
  }
  let ais: AiValue[];
  try {
    ais = parseGs1(compact);
  } catch {
    return { kind: 'bad' };
  }
  const gtin = gtinOf(ais);
  if (!gtin) return { kind: 'not-gs1' };
  return { kind: 'code', gtin, path: codePath(ais, null), typed: compact };
}

/**
 * Where a typed number or a code read from a photo leads: a product to its portal page; a lot or stamp this
 * province knows (a revoked stamp too, whose page says so) to its consumer page; a code of nothing published to
 * the words "not found"; a link to another site said to be so.
 */
export async function answerCode(
  db: Db,
  raw: string,
  baseUrl: string,
  data: PortalData,
): Promise<CodeAnswer> {
  const read = readTypedCode(raw, baseUrl);
  const productOf = (gtin: string) => data.catalogue.products.find((p) => p.gtin === gtin) ?? null;
  switch (read.kind) {
    case 'foreign':
      return { kind: 'foreign', host: read.host, productId: (read.gtin && productOf(read.gtin)?.id) || null };
    case 'gtin': {
      const product = productOf(read.gtin);
      return product
        ? { kind: 'go', to: `/san-pham/${product.id}` }
        : { kind: 'unknown', code: read.typed, what: 'product' };
    }
    case 'code': {
      const dl = parseResolverUrl(baseUrl, read.path);
      const product = productOf(read.gtin);
      if (!product) return { kind: 'unknown', code: read.typed, what: 'product' };
      if (dl.lot === null && dl.serial === null) return { kind: 'go', to: `/san-pham/${product.id}` };
      // the resolver's own rule: an unknown serial, a wrong secret, an unknown lot are all "not found"
      const subject = await findSubject(db, dl);
      if (subject) return { kind: 'go', to: `/page${read.path}` };
      return { kind: 'unknown', code: read.typed, what: dl.serial === null ? 'lot' : 'stamp' };
    }
    default:
      return read;
  }
}
