import type { Bbox, CommuneBoundary } from '../registry/index.ts';
import type { Place } from './consumer.view.ts';
import { esc } from './html.ts';

const W = 600;
const pad = 40;
/** Boundary points closer than this (pixels) to the last one kept are dropped: the base stays a few KB. */
const minStep = 2;

type Pt = { x: number; y: number };

function polygonRings(geometry: any): number[][][] {
  if (!geometry || typeof geometry !== 'object') return [];
  if (geometry.type === 'Polygon' && Array.isArray(geometry.coordinates))
    return [geometry.coordinates[0] ?? []];
  if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates))
    return geometry.coordinates.map((p: number[][][]) => p[0] ?? []);
  return [];
}

/**
 * An inline SVG map of the places with coordinates, numbered in journey order (1 is where it was made) and joined
 * in that order, over the outlines of the communes around them: points and polygons projected equirectangularly
 * (with the longitude scaled by cos(latitude)) into the box around the places. No tiles, no script, works offline.
 */
export function renderMapSvg(
  places: Place[],
  title: string,
  boundariesNear: (box: Bbox) => CommuneBoundary[] = () => [],
  /** `route: false` draws the places without the line joining them (a map of places, not a journey). */
  opts: { route?: boolean } = {},
): string | null {
  const points: Pt[] = [];
  for (const p of places) {
    if (p.latitude !== null && p.longitude !== null) points.push({ x: p.longitude, y: p.latitude });
    for (const ring of polygonRings(p.polygon)) for (const [x, y] of ring) points.push({ x, y });
  }
  const valid = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (!valid.length) return null;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of valid) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const kx = Math.cos(((minY + maxY) / 2) * (Math.PI / 180));
  const spanX = Math.max((maxX - minX) * kx, 0.02);
  const spanY = Math.max(maxY - minY, 0.02);
  // the box follows the places: a wide strip for places along a road, taller for places spread north–south
  const H = Math.round(Math.min(520, Math.max(220, ((W - 2 * pad) * spanY) / spanX + 2 * pad)));
  const scale = Math.min((W - 2 * pad) / spanX, (H - 2 * pad) / spanY);
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const project = ([x, y]: number[]): Pt => ({
    x: W / 2 + (x - cx) * kx * scale,
    y: H / 2 - (y - cy) * scale,
  });
  const f = (n: number) => n.toFixed(1);
  // what the drawing shows, in longitude and latitude: only the communes meeting it are drawn
  const shown: Bbox = [
    cx - W / 2 / (kx * scale),
    cy - H / 2 / scale,
    cx + W / 2 / (kx * scale),
    cy + H / 2 / scale,
  ];
  const base = baseLayer(boundariesNear(shown), project, H);
  const shapes: string[] = [];
  const markers: string[] = [];
  const route: Pt[] = [];
  places.forEach((p, i) => {
    for (const ring of polygonRings(p.polygon)) {
      const d = ring.map((c) => project(c)).map((q) => `${f(q.x)},${f(q.y)}`);
      shapes.push(`<polygon points="${d.join(' ')}" fill="#1e8e3e44" stroke="#1e8e3e" stroke-width="1.5"/>`);
    }
    const centre = markerAt(p);
    if (!centre) return;
    const at = project([centre.x, centre.y]);
    route.push(at);
    // numbered markers; the names are in the legend under the map, where they never run off the edge
    markers.push(
      `<circle cx="${f(at.x)}" cy="${f(at.y)}" r="16" fill="#c5221f" stroke="#fff" stroke-width="3"/><text x="${f(at.x)}" y="${f(at.y)}" dy="7" text-anchor="middle" font-size="20" font-weight="bold" fill="#fff">${i + 1}</text>`,
    );
  });
  const line =
    route.length > 1 && opts.route !== false
      ? `<polyline points="${route.map((q) => `${f(q.x)},${f(q.y)}`).join(' ')}" fill="none" stroke="#c5221f" stroke-width="3" stroke-dasharray="8 6" stroke-linejoin="round"/>`
      : '';
  return `<svg class="map" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}: ${esc(places.map((p, i) => `${i + 1}. ${p.name}`).join('; '))}" xmlns="http://www.w3.org/2000/svg">${base}${shapes.join('')}${line}${markers.join('')}</svg>`;
}

/**
 * The faint commune outlines under the places: each ring cut to the drawing (so nothing outside it is sent) and
 * thinned to points at least `minStep` pixels apart, with each commune's name at the middle of what is shown of it where it fits.
 */
function baseLayer(communes: CommuneBoundary[], project: (c: number[]) => Pt, H: number): string {
  const paths: string[] = [];
  const labels: string[] = [];
  const placed: { x: number; y: number; w: number; h: number }[] = [];
  for (const commune of communes) {
    const pieces = commune.rings.flatMap((ring) => clipPolyline(ring.map(project), W, H));
    if (!pieces.length) continue;
    paths.push(
      pieces
        .map(
          (piece) =>
            `M${thin(piece)
              .map((q) => `${q.x.toFixed(1)} ${q.y.toFixed(1)}`)
              .join('L')}`,
        )
        .join(''),
    );
    // a name only where it fits inside what is shown of its commune and meets no name already placed
    const all = pieces.flat();
    const [x0, x1] = [Math.min(...all.map((q) => q.x)), Math.max(...all.map((q) => q.x))];
    const [y0, y1] = [Math.min(...all.map((q) => q.y)), Math.max(...all.map((q) => q.y))];
    const box = { x: (x0 + x1) / 2, y: (y0 + y1) / 2, w: commune.name.length * 7, h: 16 };
    const fits = box.w < x1 - x0 && box.h < y1 - y0;
    if (
      fits &&
      !placed.some((b) => Math.abs(b.x - box.x) * 2 < b.w + box.w && Math.abs(b.y - box.y) * 2 < b.h + box.h)
    ) {
      placed.push(box);
      labels.push(
        `<text x="${box.x.toFixed(0)}" y="${box.y.toFixed(0)}" text-anchor="middle" font-size="13" fill="#5f7d95">${esc(commune.name)}</text>`,
      );
    }
  }
  if (!paths.length) return '';
  return `<g aria-hidden="true"><path d="${paths.join('')}" fill="none" stroke="#8fa9bf" stroke-width="1.2"/>${labels.join('')}</g>`;
}

/** Drops points closer than `minStep` to the last one kept, always keeping the last point of the piece. */
function thin(points: Pt[]): Pt[] {
  const kept = [points[0]];
  for (let i = 1; i < points.length; i++) {
    const last = kept[kept.length - 1];
    if (i === points.length - 1 || Math.hypot(points[i].x - last.x, points[i].y - last.y) >= minStep)
      kept.push(points[i]);
  }
  return kept;
}

/**
 * Cuts a line into the pieces inside the rectangle [0, w] × [0, h] (Liang–Barsky on each segment, joining
 * segments that continue each other).
 */
export function clipPolyline(points: Pt[], w: number, h: number): Pt[][] {
  const pieces: Pt[][] = [];
  let current: Pt[] | null = null;
  for (let i = 1; i < points.length; i++) {
    const seg = clipSegment(points[i - 1], points[i], w, h);
    if (!seg) {
      current = null;
      continue;
    }
    const [a, b] = seg;
    const last = current?.[current.length - 1];
    if (current && last && last.x === a.x && last.y === a.y) current.push(b);
    else {
      current = [a, b];
      pieces.push(current);
    }
  }
  return pieces;
}

function clipSegment(a: Pt, b: Pt, w: number, h: number): [Pt, Pt] | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, a.x],
    [dx, w - a.x],
    [-dy, a.y],
    [dy, h - a.y],
  ]) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return null;
  }
  const at = (t: number) => (t === 0 ? a : t === 1 ? b : { x: a.x + t * dx, y: a.y + t * dy });
  return [at(t0), at(t1)];
}

/** A place's marker: its point, else the mean of its outline. */
function markerAt(p: Place): { x: number; y: number } | null {
  if (p.latitude !== null && p.longitude !== null) return { x: p.longitude, y: p.latitude };
  const ring = polygonRings(p.polygon)[0];
  if (!ring?.length) return null;
  return {
    x: ring.reduce((s, [x]) => s + x, 0) / ring.length,
    y: ring.reduce((s, [, y]) => s + y, 0) / ring.length,
  };
}
