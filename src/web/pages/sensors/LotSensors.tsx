import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/hooks.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { ReadingsChart } from './ReadingsChart.tsx';
import './words.ts';

interface Excursion {
  id: string;
  state: 'pending' | 'open' | 'closed';
  kind: 'temperature' | 'humidity';
  startedAt: string;
  endedAt: string | null;
  description: string;
  published: boolean;
}
interface LotSensorsData {
  readings: { at: string; kind: 'temperature' | 'humidity'; value: number }[];
  thresholds: { kind: 'temperature' | 'humidity'; min: number | null; max: number | null }[];
  excursions: Excursion[];
}

const units = { temperature: ' °C', humidity: ' %' } as const;

/** The lot's readings as a chart per kind, its allowed range and its excursions in words (the lot's page). */
export function LotSensors({ lotId }: { lotId: string }) {
  const { t } = useTranslation();
  const data = useGet<LotSensorsData>(`/api/sensors/lots/${lotId}`);
  // roles that may not read sensors (commune officers, inspectors) see nothing of it
  if (!data.data) return null;
  const { readings, thresholds, excursions } = data.data;
  const kinds = (['temperature', 'humidity'] as const).filter((k) => readings.some((r) => r.kind === k));
  return (
    <Stack gap="sm" data-testid="lot-sensors">
      <Title order={3} size="h4">
        {t('sensors.lot.title')}
      </Title>
      {kinds.length === 0 ? <Text c="dimmed">{t('sensors.lot.none')}</Text> : null}
      {kinds.map((kind) => {
        const series = readings.filter((r) => r.kind === kind);
        const range = thresholds.find((th) => th.kind === kind) ?? null;
        const spans = excursions
          .filter((e) => e.kind === kind)
          .map((e) => ({ from: e.startedAt, to: e.endedAt }));
        return (
          <Card withBorder key={kind}>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{t(`sensors.thresholds.kinds.${kind}`)}</Text>
              {range ? (
                <Text size="sm" c="dimmed">
                  {t('sensors.lot.range')}: {range.min === null ? '…' : formatNumber(range.min)} –{' '}
                  {range.max === null ? '…' : formatNumber(range.max)}
                  {units[kind]}
                </Text>
              ) : null}
            </Group>
            <ReadingsChart
              readings={series}
              range={range}
              excursions={spans}
              unit={units[kind]}
              label={t('sensors.lot.chartOf', {
                kind: t(`sensors.thresholds.kinds.${kind}`),
                count: series.length,
                from: formatDateTime(series[0].at),
                to: formatDateTime(series[series.length - 1].at),
              })}
            />
          </Card>
        );
      })}
      {kinds.length ? (
        <Stack gap={4}>
          <Text fw={600}>{t('sensors.lot.excursions')}</Text>
          {excursions.length ? (
            <List spacing={4}>
              {excursions.map((e) => (
                <List.Item key={e.id}>
                  <Text span c={e.state === 'open' ? 'red.8' : undefined}>
                    {e.description}
                  </Text>{' '}
                  {e.published ? (
                    <Badge size="sm" variant="light" color="orange">
                      {t('sensors.alerts.published')}
                    </Badge>
                  ) : null}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text c="dimmed">{t('sensors.lot.noExcursion')}</Text>
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}
