import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { administrativeUnits } from './admin-units.ts';

const position = z
  .array(z.number())
  .min(2)
  .refine(([lng, lat]) => Math.abs(lng) <= 180 && Math.abs(lat) <= 90, 'a longitude and a latitude in range');
const ring = z.array(position).min(4);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

export const communeBoundariesFileSchema = z.object({
  _note: z.string().optional(),
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.looseObject({ code: z.string().min(1) }),
      geometry,
    }),
  ),
});

/** What the API answers: each commune's outline with the code and name of its unit. */
export const communeBoundariesSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ code: z.string(), name: z.string() }),
      geometry,
    }),
  ),
});

export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

export interface CommuneBoundary {
  code: string;
  name: string;
  /** Every ring (outer rings and holes) as [longitude, latitude] pairs. */
  rings: number[][][];
  bbox: Bbox;
}

export interface CommuneBoundaries {
  communes: CommuneBoundary[];
  /** The API's answer, serialised once, and its ETag. */
  json: string;
  etag: string;
}

const defaultPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../config/commune-boundaries.geojson',
);

/**
 * Reads and checks the communes' boundaries against the units file: every outline must name a unit's code, once.
 * The department replaces the file, so a mistake stops start-up with the place it was found.
 */
export function readCommuneBoundaries(file: string): CommuneBoundaries {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read the commune boundaries file ${file}: ${(err as Error).message}`);
  }
  const parsed = communeBoundariesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `The commune boundaries file ${file} is not valid at /${first.path.join('/')}: ${first.message}`,
    );
  }
  const names = new Map(administrativeUnits().units.map((u) => [u.code, u.name]));
  const communes: CommuneBoundary[] = [];
  for (const [i, feature] of parsed.data.features.entries()) {
    const { code } = feature.properties;
    const name = names.get(code);
    if (!name)
      throw new Error(
        `The commune boundaries file ${file} names the code ${code} at /features/${i}, which the administrative units file does not list`,
      );
    if (communes.some((c) => c.code === code))
      throw new Error(`The commune boundaries file ${file} repeats the code ${code} at /features/${i}`);
    const g = feature.geometry;
    const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    communes.push({ code, name, rings, bbox: bboxOf(rings) });
  }
  const json = JSON.stringify({
    type: 'FeatureCollection',
    features: parsed.data.features.map((f, i) => ({
      type: 'Feature',
      properties: { code: communes[i].code, name: communes[i].name },
      geometry: f.geometry,
    })),
  });
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 22)}"`;
  return { communes, json, etag };
}

function bboxOf(rings: number[][][]): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings)
    for (const [lng, lat] of r) {
      box[0] = Math.min(box[0], lng);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lng);
      box[3] = Math.max(box[3], lat);
    }
  return box;
}

let loaded: { file: string; boundaries: CommuneBoundaries } | null = null;
let configuredFile: string | null = null;

/** The file named by the configuration (TXNG_COMMUNE_BOUNDARIES), set once at start; `null` is the shipped file. */
export function configureCommuneBoundaries(file: string | null) {
  configuredFile = file;
}

export function communeBoundaries(): CommuneBoundaries {
  const file = configuredFile ?? defaultPath;
  if (loaded?.file !== file) loaded = { file, boundaries: readCommuneBoundaries(file) };
  return loaded.boundaries;
}

/** The communes whose outline's box meets the given box (longitude, latitude): the base under a small map. */
export function communeBoundariesNear(box: Bbox): CommuneBoundary[] {
  return communeBoundaries().communes.filter(
    (c) => c.bbox[0] <= box[2] && c.bbox[2] >= box[0] && c.bbox[1] <= box[3] && c.bbox[3] >= box[1],
  );
}
