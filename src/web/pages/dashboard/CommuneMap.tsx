import { Box, Card, Group, Select, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/hooks.ts';
import { formatNumber } from '../../format.ts';
import { circles, type Outline, shapes, viewHeight, viewWidth } from './map-geometry.ts';
import type { CommuneFigures, DashboardView } from './province-types.ts';

const measures = ['organisations', 'scans', 'violations', 'consumerReports'] as const;
type Measure = (typeof measures)[number];

interface Boundaries {
  features: {
    properties: { code: string; name: string };
    geometry:
      | { type: 'Polygon'; coordinates: number[][][] }
      | { type: 'MultiPolygon'; coordinates: number[][][][] };
  }[];
}

/**
 * The communes on an SVG map: their outlines shaded by the chosen figure when the department has installed the
 * boundaries file, otherwise a circle per commune at its organisations' mean position. A commune is a link: it
 * filters the dashboard.
 */
export function CommuneMap({
  communes,
  map,
  onPick,
}: {
  communes: CommuneFigures[];
  map: DashboardView['map'];
  onPick(code: string): void;
}) {
  const { t } = useTranslation();
  const [measure, setMeasure] = useState<Measure>('organisations');
  const boundaries = useGet<Boundaries>(map.kind === 'outlines' ? '/api/commune-boundaries' : null);
  const values = new Map(communes.map((c) => [c.code, c[measure]]));
  const names = new Map(communes.map((c) => [c.code, c.name]));
  const label = (code: string, value: number) =>
    t('provinceDashboard.mapCommune', { name: names.get(code) ?? code, value: formatNumber(value) });
  const pick = (code: string) => (event: React.MouseEvent | React.KeyboardEvent) => {
    if ('key' in event && event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onPick(code);
  };

  const outlines: Outline[] =
    boundaries.data?.features
      .filter((f) => map.outlined.includes(f.properties.code))
      .map((f) => ({
        code: f.properties.code,
        rings: f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat(),
      })) ?? [];
  const drawnShapes = map.kind === 'outlines' ? shapes(outlines, values) : [];
  const drawnCircles =
    map.kind === 'points' ? circles(communes.map((c) => ({ ...c, value: c[measure] }))) : [];
  // communes with figures the map cannot place: no outline installed for them, or (without outlines) no located place
  const unplaced = communes.filter(
    (c) =>
      (c.organisations > 0 || c[measure] > 0) &&
      (map.kind === 'outlines' ? !map.outlined.includes(c.code) : c.latitude === null),
  ).length;
  const nothing = map.kind === 'points' ? !drawnCircles.length : !drawnShapes.length && !boundaries.isPending;

  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={3} size="h4">
          {t('provinceDashboard.map')}
        </Title>
        <Select
          size="xs"
          w={240}
          label={t('provinceDashboard.mapMeasure')}
          allowDeselect={false}
          value={measure}
          onChange={(v) => v && setMeasure(v as Measure)}
          data={measures.map((m) => ({ value: m, label: t(`provinceDashboard.${m}`) }))}
        />
      </Group>
      {nothing ? (
        <Text c="dimmed" size="sm" py="lg">
          {t('provinceDashboard.mapEmpty')}
        </Text>
      ) : (
        <Box w="100%" maw={760} mx="auto">
          <svg
            viewBox={`0 0 ${viewWidth} ${viewHeight}`}
            width="100%"
            aria-label={t('provinceDashboard.map')}
          >
            <rect width={viewWidth} height={viewHeight} fill="#f8f9fa" rx="8" />
            {drawnShapes.map((s) => (
              // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
              <path
                key={s.code}
                d={s.d}
                fill={`rgba(25, 113, 194, ${0.08 + 0.8 * s.shade})`}
                stroke="#1864ab"
                strokeWidth="1"
                role="button"
                tabIndex={0}
                aria-label={`${label(s.code, s.value)} — ${t('provinceDashboard.filterCommune', { name: names.get(s.code) ?? s.code })}`}
                style={{ cursor: 'pointer' }}
                onClick={pick(s.code)}
                onKeyDown={pick(s.code)}
              >
                <title>{label(s.code, s.value)}</title>
              </path>
            ))}
            {drawnCircles.map((c) => (
              // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
              <g
                key={c.code}
                role="button"
                tabIndex={0}
                aria-label={`${label(c.code, c.value)} — ${t('provinceDashboard.filterCommune', { name: c.name })}`}
                style={{ cursor: 'pointer' }}
                onClick={pick(c.code)}
                onKeyDown={pick(c.code)}
              >
                <title>{label(c.code, c.value)}</title>
                <circle
                  cx={c.x}
                  cy={c.y}
                  r={c.r}
                  fill="rgba(25, 113, 194, 0.45)"
                  stroke="#1864ab"
                  strokeWidth="1.5"
                />
                {c.r >= 10 ? (
                  <text x={c.x} y={c.y + c.r + 12} fontSize="11" textAnchor="middle" fill="#212529">
                    {c.name.replace(/^(Phường|Xã) /, '')}
                  </text>
                ) : null}
              </g>
            ))}
          </svg>
        </Box>
      )}
      <Text size="sm" c="dimmed" mt="xs">
        {map.kind === 'outlines'
          ? t('provinceDashboard.mapOutlinesNote')
          : t('provinceDashboard.mapPointsNote')}
      </Text>
      {unplaced > 0 ? (
        <Text size="sm" c="dimmed">
          {t('provinceDashboard.mapNoPosition', { count: unplaced })}
        </Text>
      ) : null}
    </Card>
  );
}
