import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/index.ts';
import { createTestApp } from '../test/index.ts';
import {
  communeBoundaries,
  communeBoundariesNear,
  configureCommuneBoundaries,
  readCommuneBoundaries,
} from './commune-boundaries.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-boundaries-'));
const write = (name: string, content: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
};
// a test square, not a real outline: only its shape and code matter here
const square = (code: string, lng: number, lat: number, size = 0.05) => ({
  type: 'Feature',
  properties: { code },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lng, lat],
        [lng + size, lat],
        [lng + size, lat + size],
        [lng, lat + size],
        [lng, lat],
      ],
    ],
  },
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

afterEach(() => configureCommuneBoundaries(null));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('commune boundaries file', () => {
  it('ships a valid file, empty until the department brings openly usable boundaries', () => {
    expect(communeBoundaries().communes).toEqual([]);
  });

  it('reads the file named by TXNG_COMMUNE_BOUNDARIES, naming each outline after its unit', () => {
    const file = write(
      'good.geojson',
      collection(square('75X001', 107.2, 10.9), square('75W010', 107.0, 10.6)),
    );
    configureCommuneBoundaries(loadConfig({ TXNG_COMMUNE_BOUNDARIES: file }).communeBoundariesFile);
    const { communes } = communeBoundaries();
    expect(communes.map((c) => [c.code, c.name])).toEqual([
      ['75X001', 'Xã Xuân Lộc'],
      ['75W010', 'Phường Long Khánh'],
    ]);
    expect(communes[0].bbox.map((n) => n.toFixed(2))).toEqual(['107.20', '10.90', '107.25', '10.95']);
    // only the outlines whose box meets the asked box
    expect(communeBoundariesNear([107.22, 10.92, 107.3, 11]).map((c) => c.code)).toEqual(['75X001']);
  });

  it('refuses an unknown code, a repeated code and a position out of range, naming where', () => {
    const unknown = write('unknown.geojson', collection(square('99X999', 107, 11)));
    expect(() => readCommuneBoundaries(unknown)).toThrow(/names the code 99X999 at \/features\/0/);
    const repeated = write(
      'repeated.geojson',
      collection(square('75X001', 107, 11), square('75X001', 107.1, 11)),
    );
    expect(() => readCommuneBoundaries(repeated)).toThrow(/repeats the code 75X001 at \/features\/1/);
    const outOfRange = write('range.geojson', collection(square('75X001', 107, 95)));
    expect(() => readCommuneBoundaries(outOfRange)).toThrow(
      /not valid at \/features\/0\/geometry\/coordinates\/0\/0/,
    );
    const notJson = path.join(dir, 'broken.geojson');
    fs.writeFileSync(notJson, '{"type":');
    expect(() => readCommuneBoundaries(notJson)).toThrow(/Cannot read the commune boundaries file/);
  });

  it('a bad file stops the program at start', async () => {
    const bad = write('bad-start.geojson', collection(square('99X999', 107, 11)));
    await expect(createTestApp({ communeBoundariesFile: bad })).rejects.toThrow(/names the code 99X999/);
  });

  it('GET /api/commune-boundaries answers anyone with the outlines, cacheable and revalidated by ETag', async () => {
    const file = write('served.geojson', collection(square('75X002', 107.3, 10.9)));
    const t = await createTestApp({ communeBoundariesFile: file });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/commune-boundaries' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=3600');
      expect(res.json().features[0].properties).toEqual({ code: '75X002', name: 'Xã Xuân Định' });
      expect(res.json().features[0].geometry.coordinates[0]).toHaveLength(5);
      const again = await t.app.inject({
        method: 'GET',
        url: '/api/commune-boundaries',
        headers: { 'if-none-match': res.headers.etag as string },
      });
      expect(again.statusCode).toBe(304);
    } finally {
      await t.close();
    }
  });
});
