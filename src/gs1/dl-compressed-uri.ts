/** Compressed GS1 Digital Link URIs (DL URI compression) ⇄ their uncompressed canonical form. */
import { alphaName, buildDigitalLinkWith, parseDigitalLinkWith } from './digital-link.ts';
import { encodeCompressed } from './dl-compression.ts';
import { DEFAULT_OPTIONS } from './options.ts';
import { escapeDlValue } from './uri-escape.ts';

/**
 * The compressed form of a Digital Link (DL URI compression): same stem, the AIs packed into one path
 * segment. `compressOtherParams: false` leaves non-AI query parameters readable in the query.
 */
export function compressDigitalLink(
  uri: string,
  { optimise = true, compressOtherParams = true }: { optimise?: boolean; compressOtherParams?: boolean } = {},
): string {
  const dl = parseDigitalLinkWith(uri, DEFAULT_OPTIONS);
  const packedParams: Record<string, string> = {};
  const queryParams: Record<string, string> = {};
  for (const [key, value] of Object.entries(dl.otherParams)) {
    const packable = compressOtherParams && PACKABLE_KEY.test(key) && value.length < 128 && isAscii(value);
    (packable ? packedParams : queryParams)[key] = value;
  }
  const query = otherQuery(queryParams);
  return `${dl.stem}/${encodeCompressed(dl.ais, packedParams, optimise)}${query ? `?${query}` : ''}`;
}

/** What the compressed form can carry for a non-AI parameter: a base64url key and a 7-bit value, < 128 long. */
const PACKABLE_KEY = /^[A-Za-z0-9_-]{1,127}$/;
const isAscii = (s: string) => [...s].every((c) => c.charCodeAt(0) < 128);

const otherQuery = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([k, v]) => `${escapeDlValue(k, true)}=${escapeDlValue(v, true)}`)
    .join('&');

/**
 * The uncompressed, canonical form of a (possibly compressed) Digital Link, on its own stem;
 * `shortNames` writes path keys as convenience alphas (`/gtin/…/lot/…`).
 */
export function decompressDigitalLink(
  uri: string,
  { shortNames = false }: { shortNames?: boolean } = {},
): string {
  const dl = parseDigitalLinkWith(uri, DEFAULT_OPTIONS);
  const base = buildDigitalLinkWith(dl.ais, dl.stem, DEFAULT_OPTIONS, shortNames ? alphaName : undefined);
  const other = otherQuery(dl.otherParams);
  return other ? `${base}${base.includes('?') ? '&' : '?'}${other}` : base;
}
