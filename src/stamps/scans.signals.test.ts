import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/index.ts';
import { networkId, networkPrefix } from './scans.network.ts';
import { impossibleTravel, type LocatedScan } from './scans.travel.ts';

describe('networks, not devices', () => {
  it('counts addresses of one IPv4 /24 as one network, whatever the user agent', () => {
    expect(networkPrefix('203.0.113.7')).toBe('203.0.113.0/24');
    expect(networkId('203.0.113.7')).toBe(networkId('203.0.113.250'));
    expect(networkId('::ffff:203.0.113.9')).toBe(networkId('203.0.113.7'));
    expect(networkId('203.0.114.7')).not.toBe(networkId('203.0.113.7'));
  });

  it('counts addresses of one IPv6 /48 as one network, however they are written', () => {
    expect(networkPrefix('2001:db8:1:2::1')).toBe('2001:db8:1::/48');
    expect(networkPrefix('2001:0db8:0001:ffff:0:0:0:9')).toBe('2001:db8:1::/48');
    expect(networkPrefix('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(networkPrefix('::1')).toBe('0:0:0::/48');
    expect(networkPrefix('64:ff9b::203.0.113.7')).toBe('64:ff9b:0::/48');
    expect(networkId('2001:db8:2::1')).not.toBe(networkId('2001:db8:1::1'));
  });

  it('stores a salted hash that does not contain the address', () => {
    expect(networkId('203.0.113.7')).toMatch(/^[0-9a-f]{24}$/);
    expect(networkId('203.0.113.7')).not.toContain('203.0.113');
  });
});

describe('impossible travel', () => {
  const t = loadConfig({}).scan;
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 1, minutes));
  const hanoi = (network: string, minutes: number): LocatedScan => ({
    latitude: 21.03,
    longitude: 105.85,
    network,
    at: at(minutes),
  });
  const canTho = (network: string, minutes: number): LocatedScan => ({
    latitude: 10.03,
    longitude: 105.78,
    network,
    at: at(minutes),
  });

  it('needs two networks: one network posting two places proves nothing', () => {
    expect(impossibleTravel([hanoi('a', 0), canTho('a', 1)], [], t)).toBeNull();
    expect(impossibleTravel([hanoi('a', 0), canTho('b', 1)], [], t)).toMatchObject({ km: 1223, minutes: 1 });
  });

  it('allows what a truck or a train could do', () => {
    const dayLater = { ...canTho('b', 0), at: new Date(at(0).getTime() + 24 * 3_600_000) };
    expect(impossibleTravel([hanoi('a', 0), dayLater], [], t)).toBeNull();
    const nearby = { ...hanoi('b', 1), latitude: 21.9 }; // ≈ 97 km: under the distance floor
    expect(impossibleTravel([hanoi('a', 0), nearby], [], t)).toBeNull();
  });

  it('ignores a pair whose both ends are where the lot was made or shipped', () => {
    const lotPlaces = [
      { latitude: 21.04, longitude: 105.88 },
      { latitude: 10.05, longitude: 105.75 },
    ];
    expect(impossibleTravel([hanoi('a', 0), canTho('b', 1)], lotPlaces, t)).toBeNull();
    expect(impossibleTravel([hanoi('a', 0), canTho('b', 1)], lotPlaces.slice(0, 1), t)).toMatchObject({
      from: { expected: true },
      to: { expected: false },
    });
  });
});
