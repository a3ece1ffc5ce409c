import net from 'node:net';

/** Address ranges nobody outside this network can reach: loopback, private, link-local, carrier-grade NAT. */
const privateRanges = new net.BlockList();
for (const [address, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  privateRanges.addSubnet(address, bits, 'ipv4');
for (const [address, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  privateRanges.addSubnet(address, bits, 'ipv6');

const localNames = /(^|\.)(localhost|local|internal|lan|home\.arpa)$/i;

export type ImageUrl = { ok: true; url: string } | { ok: false; why: 'notAbsolute' | 'private' };

/**
 * An image address as someone outside the province's network would fetch it: a file this program serves
 * (`/files/…`) is read against the province's public base; anything else must be an absolute http(s) URL whose host
 * is a public name or address. The national portal fetches images itself, so a localhost or private address (or
 * a development base URL) never reaches it.
 */
export function publicImageUrl(raw: string, baseUrl: string): ImageUrl {
  let url: URL;
  try {
    url = raw.startsWith('/') && !raw.startsWith('//') ? new URL(raw, `${baseUrl}/`) : new URL(raw);
  } catch {
    return { ok: false, why: 'notAbsolute' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, why: 'notAbsolute' };
  return isPublicHost(url.hostname) ? { ok: true, url: url.href } : { ok: false, why: 'private' };
}

export function isPublicHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  const version = net.isIP(host);
  if (version === 4) return !privateRanges.check(host, 'ipv4');
  // an IPv4-mapped IPv6 address (::ffff:127.0.0.1) is checked against the IPv4 ranges by the BlockList itself
  if (version === 6) return !privateRanges.check(host, 'ipv6');
  // a bare name (no dot) is an intranet host
  return host.includes('.') && !localNames.test(host);
}
