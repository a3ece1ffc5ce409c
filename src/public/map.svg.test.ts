import { describe, expect, it } from 'vitest';
import type { Bbox, CommuneBoundary } from '../registry/index.ts';
import type { Place } from './consumer.view.ts';
import { clipPolyline, renderMapSvg } from './map.svg.ts';

const place = (name: string, longitude: number, latitude: number): Place => ({
  name,
  latitude,
  longitude,
  polygon: null,
});
// test outlines (squares), not real communes
const square = (code: string, name: string, lng: number, lat: number, size: number): CommuneBoundary => {
  const ring = [
    [lng, lat],
    [lng + size, lat],
    [lng + size, lat + size],
    [lng, lat + size],
    [lng, lat],
  ];
  return { code, name, rings: [ring], bbox: [lng, lat, lng + size, lat + size] };
};

describe('consumer map (inline SVG)', () => {
  const journey = [
    place('Vườn sầu riêng', 107.23, 10.93),
    place('Nhà sơ chế', 107.28, 10.95),
    place('Kho lạnh', 107.3, 10.9),
  ];

  it('numbers the places in journey order, 1 being the origin, and joins them in that order', () => {
    const svg = renderMapSvg(journey, 'Bản đồ')!;
    const numbers = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*\/><text[^>]*>(\d+)<\/text>/g)];
    expect(numbers.map((m) => m[3])).toEqual(['1', '2', '3']);
    const route = /<polyline points="([^"]+)"/.exec(svg)![1].split(' ');
    // the line goes through the markers, marker 1 first
    expect(route).toEqual(numbers.map((m) => `${m[1]},${m[2]}`));
    expect(svg).toContain('aria-label="Bản đồ: 1. Vườn sầu riêng; 2. Nhà sơ chế; 3. Kho lạnh"');
  });

  it('one place has no line', () => {
    expect(renderMapSvg([journey[0]], 'Bản đồ')).not.toContain('<polyline');
  });

  it('draws only the communes near the places, cut to the drawing, with their names', () => {
    let asked: Bbox | null = null;
    const near = square('75X001', 'Xã Xuân Lộc', 107.26, 10.92, 0.2);
    const svg = renderMapSvg(journey, 'Bản đồ', (box) => {
      asked = box;
      return [near];
    })!;
    // the box asked for holds every place
    const [w, s, e, n] = asked!;
    for (const p of journey) {
      expect(p.longitude!).toBeGreaterThan(w);
      expect(p.longitude!).toBeLessThan(e);
      expect(p.latitude!).toBeGreaterThan(s);
      expect(p.latitude!).toBeLessThan(n);
    }
    expect(svg).toContain('>Xã Xuân Lộc</text>');
    const [, width, height] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!.map(Number);
    const d = /<g aria-hidden="true"><path d="([^"]+)"/.exec(svg)![1];
    const coords = [...d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(coords.length).toBeGreaterThan(0);
    for (const [x, y] of coords) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(width);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(height);
    }
    // the base is drawn first, under the route and the markers
    expect(svg.indexOf('<g aria-hidden')).toBeLessThan(svg.indexOf('<polyline'));
  });

  it('without boundaries near the places there is no base layer', () => {
    expect(renderMapSvg(journey, 'Bản đồ', () => [])).not.toContain('<g aria-hidden');
  });
});

describe('clipPolyline', () => {
  it('keeps what is inside, cuts a crossing segment at the edge and splits a line that leaves and comes back', () => {
    const pieces = clipPolyline(
      [
        { x: 10, y: 10 },
        { x: 50, y: 10 },
        { x: 150, y: 10 }, // leaves at x = 100
        { x: 150, y: 50 },
        { x: 50, y: 50 }, // comes back at x = 100
      ],
      100,
      100,
    );
    expect(pieces).toEqual([
      [
        { x: 10, y: 10 },
        { x: 50, y: 10 },
        { x: 100, y: 10 },
      ],
      [
        { x: 100, y: 50 },
        { x: 50, y: 50 },
      ],
    ]);
  });

  it('drops a line wholly outside', () => {
    expect(
      clipPolyline(
        [
          { x: -10, y: -10 },
          { x: -5, y: 200 },
        ],
        100,
        100,
      ),
    ).toEqual([]);
  });
});
