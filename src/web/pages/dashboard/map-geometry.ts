/** Drawing the communes' map as SVG without a tile server: positions projected into a fixed view box. */

export interface CommunePoint {
  code: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
  value: number;
}

export interface Outline {
  code: string;
  /** Rings of [longitude, latitude]. */
  rings: number[][][];
}

export const viewWidth = 600;
export const viewHeight = 420;
const pad = 24;
const maxRadius = 28;
const minSpan = 0.2;

/**
 * An equirectangular projection fitted to the box, with longitudes shortened by cos(latitude) so that Đồng Nai
 * (about 11° N) keeps its shape; y grows southwards.
 */
export function fitProjection(box: [number, number, number, number]) {
  const [minLng, minLat, maxLng, maxLat] = box;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const w = Math.max((maxLng - minLng) * k, 1e-6);
  const h = Math.max(maxLat - minLat, 1e-6);
  const scale = Math.min((viewWidth - 2 * pad) / w, (viewHeight - 2 * pad) / h);
  const offsetX = (viewWidth - w * scale) / 2;
  const offsetY = (viewHeight - h * scale) / 2;
  return (lng: number, lat: number): [number, number] => [
    offsetX + (lng - minLng) * k * scale,
    offsetY + (maxLat - lat) * scale,
  ];
}

function boxOf(points: [number, number][]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng, lat] of points) {
    box[0] = Math.min(box[0], lng);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lng);
    box[3] = Math.max(box[3], lat);
  }
  // a few communes close together: at least a fifth of a degree each way round them, so one point is not a corner
  for (const [lo, hi] of [
    [0, 2],
    [1, 3],
  ] as const) {
    const grow = Math.max(0, minSpan - (box[hi] - box[lo])) / 2;
    box[lo] -= grow;
    box[hi] += grow;
  }
  return box;
}

/** Proportional circles (area ∝ value) at each located commune; communes without a position are left out. */
export function circles(communes: CommunePoint[]) {
  const located = communes.filter((c) => c.latitude !== null && c.longitude !== null);
  if (!located.length) return [];
  const project = fitProjection(boxOf(located.map((c) => [c.longitude!, c.latitude!])));
  const max = Math.max(...located.map((c) => c.value), 1);
  return located
    .map((c) => {
      const [x, y] = project(c.longitude!, c.latitude!);
      // a commune with places but nothing counted still shows, as a small ring
      return { ...c, x, y, r: c.value > 0 ? Math.max(4, maxRadius * Math.sqrt(c.value / max)) : 3 };
    })
    .sort((a, b) => b.r - a.r);
}

/** One SVG path per outlined commune, shaded 0–1 by its value against the largest. */
export function shapes(outlines: Outline[], values: Map<string, number>) {
  if (!outlines.length) return [];
  const project = fitProjection(boxOf(outlines.flatMap((o) => o.rings.flat() as [number, number][])));
  const max = Math.max(...outlines.map((o) => values.get(o.code) ?? 0), 1);
  return outlines.map((o) => ({
    code: o.code,
    value: values.get(o.code) ?? 0,
    shade: (values.get(o.code) ?? 0) / max,
    d: o.rings
      .map(
        (ring) =>
          `M${ring
            .map(([lng, lat]) =>
              project(lng, lat)
                .map((v) => v.toFixed(1))
                .join(','),
            )
            .join('L')}Z`,
      )
      .join(''),
  }));
}
