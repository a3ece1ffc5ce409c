import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartGeometry } from './chart.ts';
import en from './words.en.json';
import vi from './words.vi.json';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('the sensors page’s words', () => {
  it('say the same things in Vietnamese and English, and cover what the pages ask for', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
    const known = new Set(keys(vi));
    for (const file of ['./SensorsPage.tsx', './LotSensors.tsx']) {
      const source = fs.readFileSync(new URL(file, import.meta.url), 'utf8');
      const used = [...source.matchAll(/t\(['`](sensors\.[a-zA-Z.]+)['`]/g)].map((m) => m[1]);
      expect(used.filter((k) => !known.has(k))).toEqual([]);
    }
  });
});

describe('the readings chart', () => {
  it('puts the range as a band, excursions as shaded spans, readings out of range marked', () => {
    const at = (m: number) => new Date(Date.UTC(2026, 11, 1, 0, m)).toISOString();
    const g = chartGeometry(
      [
        { at: at(0), value: 4 },
        { at: at(30), value: 12 },
        { at: at(60), value: 5 },
      ],
      { min: 2, max: 8 },
      [{ from: at(20), to: at(50) }],
    );
    expect(g.path.startsWith('M44.0,')).toBe(true);
    expect(g.points.map((p) => p.out)).toEqual([false, true, false]);
    expect(g.band!.height).toBeGreaterThan(0);
    expect(g.shaded[0].x).toBeGreaterThan(44);
    expect(g.ticks.map((t) => Math.round(t.value * 10) / 10)).toEqual([2, 8, 12]);
    expect(g.shaded[0].width).toBeCloseTo(((50 - 20) / 60) * (720 - 44 - 12), 0);
  });
});
