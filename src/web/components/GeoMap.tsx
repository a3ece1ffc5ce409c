import { Button, Group, Text } from '@mantine/core';
import { IconCurrentLocation } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client.ts';

export type LngLat = [number, number];
/** A GeoJSON position (longitude, latitude, maybe more) as the map's pair. */
export const lngLat = (position: number[]): LngLat => [position[0], position[1]];

/** The province's centre when nothing is drawn yet (Đồng Nai by default). */
const defaultCentre: L.LatLngTuple = [
  Number(import.meta.env.VITE_MAP_LAT ?? 11.0),
  Number(import.meta.env.VITE_MAP_LNG ?? 107.0),
];
const tileUrl = import.meta.env.VITE_TILE_URL as string | undefined;

function baseMap(element: HTMLElement): L.Map {
  const map = L.map(element, { center: defaultCentre, zoom: 9, attributionControl: Boolean(tileUrl) });
  // No tile server is reachable in many deployments: the GeoJSON is drawn on the plain background.
  if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map);
  return map;
}

const boundaryStyle: L.PathOptions = {
  color: '#5c7c99',
  weight: 1,
  opacity: 0.7,
  fillColor: '#ffffff',
  fillOpacity: 0.15,
};

/**
 * The province's commune outlines (GET /api/commune-boundaries, cached for the session) drawn under what the map
 * shows, each naming its commune on hover: the base layer that works without a tile server. With nothing else
 * drawn, the map fits the province.
 */
function useCommuneBase(map: RefObject<L.Map | null>, fitWhen: () => boolean) {
  const boundaries = useQuery({
    queryKey: ['/api/commune-boundaries'],
    queryFn: () => get<GeoJSON.FeatureCollection>('/api/commune-boundaries'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const fit = useRef(fitWhen);
  fit.current = fitWhen;
  useEffect(() => {
    const m = map.current;
    if (!m || !boundaries.data?.features.length) return;
    const layer = L.geoJSON(boundaries.data, {
      style: boundaryStyle,
      // only the tooltip: clicks go through to the map, where they place the point
      bubblingMouseEvents: true,
      onEachFeature: (feature, l) => l.bindTooltip(String(feature.properties?.name ?? ''), { sticky: true }),
    }).addTo(m);
    layer.bringToBack();
    // the map may have been made while its dialog was still opening: measure it again before fitting
    m.invalidateSize();
    if (fit.current()) m.fitBounds(layer.getBounds(), { padding: [8, 8] });
    return () => {
      layer.remove();
    };
  }, [map, boundaries.data]);
}

const pointStyle = { radius: 8, color: '#087f5b', weight: 2, fillColor: '#20c997', fillOpacity: 0.8 };

interface EditorProps {
  mode: 'point' | 'polygon';
  point: LngLat | null;
  polygon: LngLat[];
  onPoint(point: LngLat | null): void;
  onPolygon(polygon: LngLat[]): void;
  label: string;
}

/**
 * Click to place the point, or click vertex after vertex to draw the polygon. Coordinates also have number
 * inputs beside the map, so the map is never the only way to enter them.
 */
export function GeoEditor({ mode, point, polygon, onPoint, onPolygon, label }: EditorProps) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const state = useRef({ mode, point, polygon, onPoint, onPolygon });
  state.current = { mode, point, polygon, onPoint, onPolygon };
  const locate = useMyLocation(onPoint);

  useEffect(() => {
    const m = baseMap(element.current!);
    layer.current = L.layerGroup().addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => {
      const at: LngLat = [Number(e.latlng.lng.toFixed(6)), Number(e.latlng.lat.toFixed(6))];
      if (state.current.mode === 'point') state.current.onPoint(at);
      else state.current.onPolygon([...state.current.polygon, at]);
    });
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);
  useCommuneBase(map, () => !state.current.point && !state.current.polygon.length);

  useEffect(() => {
    const group = layer.current;
    if (!group || !map.current) return;
    group.clearLayers();
    const bounds: L.LatLngTuple[] = [];
    if (point) {
      L.circleMarker([point[1], point[0]], pointStyle).addTo(group);
      bounds.push([point[1], point[0]]);
    }
    if (polygon.length) {
      const latlngs = polygon.map(([lng, lat]) => [lat, lng] as L.LatLngTuple);
      (polygon.length >= 3
        ? L.polygon(latlngs, { color: '#e8590c' })
        : L.polyline(latlngs, { color: '#e8590c' })
      ).addTo(group);
      for (const ll of latlngs)
        L.circleMarker(ll, { ...pointStyle, radius: 4, color: '#e8590c' }).addTo(group);
      bounds.push(...latlngs);
    }
    if (bounds.length === 1) map.current.setView(bounds[0], Math.max(map.current.getZoom(), 13));
  }, [point, polygon]);

  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {label}
      </Text>
      <div ref={element} className="geo-map" role="application" aria-label={label} />
      <Group mt="xs" gap="xs">
        <Text size="xs" c="dimmed">
          {mode === 'point' ? t('map.pointHelp') : t('map.polygonHelp', { count: polygon.length })}
        </Text>
        {mode === 'polygon' && polygon.length ? (
          <>
            <Button size="compact-xs" variant="default" onClick={() => onPolygon(polygon.slice(0, -1))}>
              {t('map.undo')}
            </Button>
            <Button size="compact-xs" variant="default" onClick={() => onPolygon([])}>
              {t('map.clear')}
            </Button>
          </>
        ) : null}
        {mode === 'point' && point ? (
          <Button size="compact-xs" variant="default" onClick={() => onPoint(null)}>
            {t('map.clear')}
          </Button>
        ) : null}
        {mode === 'point' ? (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconCurrentLocation size={16} />}
            loading={locate.busy}
            onClick={locate.run}
          >
            {t('map.myLocation')}
          </Button>
        ) : null}
      </Group>
      {locate.error ? (
        <Text size="sm" c="red" role="alert" mt={4}>
          {locate.error}
        </Text>
      ) : null}
    </div>
  );
}

/**
 * "Vị trí của tôi": asks the phone (or browser) where it is and puts the point there, saying plainly why when it
 * cannot: refused, not available (no GPS, or a page not served over HTTPS), or too slow.
 */
function useMyLocation(onPoint: (point: LngLat) => void) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = () => {
    setError(null);
    if (!('geolocation' in navigator) || !window.isSecureContext) {
      setError(t('map.locateUnavailable'));
      return;
    }
    setBusy(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setBusy(false);
        onPoint([Number(position.coords.longitude.toFixed(6)), Number(position.coords.latitude.toFixed(6))]);
      },
      (failure) => {
        setBusy(false);
        setError(
          t(
            failure.code === failure.PERMISSION_DENIED
              ? 'map.locateDenied'
              : failure.code === failure.TIMEOUT
                ? 'map.locateTimeout'
                : 'map.locateUnavailable',
          ),
        );
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };
  return { busy, error, run };
}

export interface MapFeature {
  id: string;
  label: string;
  point: LngLat | null;
  polygon: LngLat[][] | null;
}

/** A read-only map of several places (locations list). */
export function FeatureMap({ features, label }: { features: MapFeature[]; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    const m = baseMap(element.current!);
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);
  const drawn = useRef(features);
  drawn.current = features;
  useCommuneBase(map, () => !drawn.current.some((f) => f.point || f.polygon));

  useEffect(() => {
    const group = layer.current;
    if (!group || !map.current) return;
    group.clearLayers();
    const bounds: L.LatLngTuple[] = [];
    for (const f of features) {
      for (const ring of f.polygon ?? []) {
        const latlngs = ring.map(([lng, lat]) => [lat, lng] as L.LatLngTuple);
        L.polygon(latlngs, { color: '#e8590c' }).bindTooltip(f.label).addTo(group);
        bounds.push(...latlngs);
      }
      if (f.point) {
        L.circleMarker([f.point[1], f.point[0]], pointStyle).bindTooltip(f.label).addTo(group);
        bounds.push([f.point[1], f.point[0]]);
      }
    }
    if (bounds.length) map.current.fitBounds(L.latLngBounds(bounds), { padding: [24, 24], maxZoom: 14 });
  }, [features]);

  return <div ref={element} className="geo-map" role="img" aria-label={label} />;
}
