import type { Place } from './consumer.view.ts';
import { esc } from './html.ts';

const W = 600;
const pad = 40;

function polygonRings(geometry: any): number[][][] {
  if (!geometry || typeof geometry !== 'object') return [];
  if (geometry.type === 'Polygon' && Array.isArray(geometry.coordinates))
    return [geometry.coordinates[0] ?? []];
  if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates))
    return geometry.coordinates.map((p: number[][][]) => p[0] ?? []);
  return [];
}

/**
 * An inline SVG map of the places with coordinates: points and polygons projected equirectangularly (with
 * the longitude scaled by cos(latitude)) into the box around them. No tiles, no script, works offline.
 */
export function renderMapSvg(places: Place[], title: string): string | null {
  const points: { x: number; y: number }[] = [];
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
  const px = (x: number) => (W / 2 + (x - cx) * kx * scale).toFixed(1);
  const py = (y: number) => (H / 2 - (y - cy) * scale).toFixed(1);
  const shapes: string[] = [];
  places.forEach((p, i) => {
    for (const ring of polygonRings(p.polygon)) {
      const d = ring.map(([x, y]) => `${px(x)},${py(y)}`).join(' ');
      shapes.push(`<polygon points="${d}" fill="#1e8e3e44" stroke="#1e8e3e" stroke-width="1.5"/>`);
    }
    const centre = markerAt(p);
    if (centre) {
      const x = px(centre.x);
      const y = py(centre.y);
      // numbered markers; the names are in the legend under the map, where they never run off the edge
      shapes.push(
        `<circle cx="${x}" cy="${y}" r="16" fill="#c5221f" stroke="#fff" stroke-width="3"/><text x="${x}" y="${y}" dy="7" text-anchor="middle" font-size="20" font-weight="bold" fill="#fff">${i + 1}</text>`,
      );
    }
  });
  return `<svg class="map" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}: ${esc(places.map((p, i) => `${i + 1}. ${p.name}`).join('; '))}" xmlns="http://www.w3.org/2000/svg">${shapes.join('')}</svg>`;
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
