import crypto from 'node:crypto';
import net from 'node:net';
import { configuredScanSalt } from './stamps.secret.ts';

// without a configured salt (development, tests, demo) network ids stay comparable across restarts
const developmentSalt = 'txng-development-scan-salt';
const salt = () => configuredScanSalt() ?? developmentSalt;

/**
 * The network a client is on: its IPv4 /24 or IPv6 /48. One person can change user agent, browser or phone at
 * will but not, without effort, the network; and a household or office behind one router is one witness.
 */
export function networkPrefix(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const address = mapped ? mapped[1] : ip;
  if (net.isIPv4(address)) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  if (net.isIPv6(address))
    return `${ipv6Groups(address)
      .slice(0, 3)
      .map((g) => g.toString(16))
      .join(':')}::/48`;
  return `unparsed:${address}`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted IPv4 as two groups). */
function ipv6Groups(address: string): number[] {
  const plain = address.split('%')[0];
  const parse = (part: string) =>
    part
      ? part.split(':').flatMap((g) => {
          if (!g.includes('.')) return [Number.parseInt(g, 16)];
          const [a, b, c, d] = g.split('.').map(Number);
          return [a * 256 + b, c * 256 + d];
        })
      : [];
  if (!plain.includes('::')) return parse(plain);
  const [head, tail] = plain.split('::');
  const before = parse(head);
  const after = parse(tail);
  return [...before, ...new Array(8 - before.length - after.length).fill(0), ...after];
}

/** A network as stored with a scan: a salted hash of its prefix, countable but not reversible to an address. */
export const networkId = (ip: string) =>
  crypto.hash('sha256', `${salt()}|net|${networkPrefix(ip)}`, 'hex').slice(0, 24);
