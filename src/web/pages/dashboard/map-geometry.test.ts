import { describe, expect, it } from 'vitest';
import { circles, shapes, viewHeight, viewWidth } from './map-geometry.ts';

const commune = (code: string, latitude: number | null, longitude: number | null, value: number) => ({
  code,
  name: code,
  latitude,
  longitude,
  value,
});

describe('the communes map without outlines', () => {
  it('draws a circle per located commune, area proportional to its value, inside the view', () => {
    const drawn = circles([
      commune('A', 10.95, 106.82, 400),
      commune('B', 11.2, 107.2, 100),
      commune('C', null, null, 900),
    ]);
    expect(drawn.map((c) => c.code)).toEqual(['A', 'B']);
    const [a, b] = drawn;
    expect(a.r / b.r).toBeCloseTo(2, 6);
    for (const c of drawn) {
      expect(c.x).toBeGreaterThanOrEqual(0);
      expect(c.x).toBeLessThanOrEqual(viewWidth);
      expect(c.y).toBeGreaterThanOrEqual(0);
      expect(c.y).toBeLessThanOrEqual(viewHeight);
    }
    // north is up, east is right
    expect(b.y).toBeLessThan(a.y);
    expect(b.x).toBeGreaterThan(a.x);
  });

  it('draws nothing when no commune has a position', () => {
    expect(circles([commune('A', null, null, 3)])).toEqual([]);
  });
});

describe('the communes map with outlines (choropleth)', () => {
  it('draws each outline as a closed path, shaded by its value against the largest', () => {
    const square = (x: number, y: number) => [
      [
        [x, y],
        [x + 0.1, y],
        [x + 0.1, y + 0.1],
        [x, y + 0.1],
        [x, y],
      ],
    ];
    const drawn = shapes(
      [
        { code: 'A', rings: square(106.8, 10.9) },
        { code: 'B', rings: square(106.9, 10.9) },
      ],
      new Map([
        ['A', 10],
        ['B', 5],
      ]),
    );
    expect(drawn.map((s) => [s.code, s.shade])).toEqual([
      ['A', 1],
      ['B', 0.5],
    ]);
    expect(drawn[0].d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){4}Z$/);
  });
});
