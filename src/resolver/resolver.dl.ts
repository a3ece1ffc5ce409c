import { buildDigitalLink, type DigitalLink, Gs1Error, parseDigitalLink } from '../gs1/index.ts';

export { primaryKeySegments } from '../gs1/index.ts';

/** The primary keys TXNG holds data for; others are well-formed but unknown here (404). */
export const supportedPrimaryKeys = ['01'];

export interface ResolverRequest {
  dl: DigitalLink;
  gtin: string | null;
  lot: string | null;
  serial: string | null;
  /** The uncompressed, canonical URI on this resolver: key, qualifiers and GS1 attributes, no other parameters. */
  uri: string;
  linkType: string | null;
  /** The raw query string (without '?'), passed on when redirecting. */
  query: string;
}

export { Gs1Error };

/** Parses the request's path and query as a Digital Link on this resolver; throws Gs1Error if malformed. */
export function parseResolverUrl(baseUrl: string, url: string, pathPrefix = ''): ResolverRequest {
  const path = pathPrefix && url.startsWith(pathPrefix) ? url.slice(pathPrefix.length) : url;
  // a phone follows the redirect to the page at once, and a stamp is scanned by several people: the same address is
  // parsed once (decision 064). The result is frozen, so nothing can change what the next request gets.
  const key = `${baseUrl} ${path}`;
  const known = parsed.get(key);
  if (known) return known;
  const request = deepFreeze(parseNow(baseUrl, path));
  if (parsed.size >= maxParsed) parsed.delete(parsed.keys().next().value!);
  parsed.set(key, request);
  return request;
}

const parsed = new Map<string, ResolverRequest>();
const maxParsed = 10_000;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function parseNow(baseUrl: string, path: string): ResolverRequest {
  const dl = parseDigitalLink(`${baseUrl}${path}`);
  const q = path.indexOf('?');
  return {
    dl,
    gtin: dl.primaryKey.ai === '01' ? dl.primaryKey.value : null,
    lot: dl.qualifiers.find((a) => a.ai === '10')?.value ?? null,
    serial: dl.qualifiers.find((a) => a.ai === '21')?.value ?? null,
    uri: buildDigitalLink(dl.ais, baseUrl),
    linkType: dl.otherParams.linkType ?? null,
    query: q < 0 ? '' : path.slice(q + 1),
  };
}

/** The Digital Link of one level above the request (lot → product), on this resolver. */
export function levelUri(
  baseUrl: string,
  request: ResolverRequest,
  level: 'item' | 'lot' | 'product',
): string {
  const ais = [request.dl.primaryKey];
  const lot = request.dl.qualifiers.find((a) => a.ai === '10');
  const serial = request.dl.qualifiers.find((a) => a.ai === '21');
  if (level !== 'product' && lot) ais.push(lot);
  if (level === 'item' && serial) ais.push(serial);
  return buildDigitalLink(ais, baseUrl);
}
