import { Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format.ts';

export interface Series {
  label: string;
  color: string;
  values: number[];
}

const width = 560;
const height = 200;
const left = 44;
const bottom = 24;
const top = 8;

const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

/** A small bar chart drawn as SVG (no chart library in the bundle): one group of bars per month. */
export function MonthlyChart({
  title,
  months,
  series,
}: {
  title: string;
  months: string[];
  series: Series[];
}) {
  const { t } = useTranslation();
  const totals = months.map((_, i) => series.reduce((s, x) => s + x.values[i], 0));
  const total = totals.reduce((a, b) => a + b, 0);
  const max = Math.max(...series.flatMap((s) => s.values), 0);
  const peak = totals.indexOf(Math.max(...totals));
  const plotW = width - left - 8;
  const plotH = height - bottom - top;
  const slot = plotW / Math.max(months.length, 1);
  const barW = Math.max(2, (slot * 0.7) / series.length);
  const y = (v: number) => top + plotH - (max ? (v / max) * plotH : 0);
  const every = Math.ceil(months.length / 8);
  return (
    <Card withBorder padding="md">
      <Title order={4} size="h5" mb="xs">
        {title}
      </Title>
      {total === 0 ? (
        <Text c="dimmed" size="sm" py="lg">
          {t('provinceDashboard.noData')}
        </Text>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            width="100%"
            role="img"
            aria-label={t('provinceDashboard.chartSummary', {
              title,
              total: formatNumber(total),
              max: formatNumber(totals[peak]),
              month: monthLabel(months[peak]),
            })}
          >
            {[0, 0.5, 1].map((f) => (
              <g key={f}>
                <line x1={left} x2={width - 8} y1={y(max * f)} y2={y(max * f)} stroke="#dee2e6" />
                <text x={left - 6} y={y(max * f) + 4} fontSize="11" textAnchor="end" fill="#495057">
                  {formatNumber(Math.round(max * f))}
                </text>
              </g>
            ))}
            {months.map((m, i) => (
              <g key={m}>
                {series.map((s, j) => (
                  <rect
                    key={s.label}
                    x={left + i * slot + (slot - barW * series.length) / 2 + j * barW}
                    y={y(s.values[i])}
                    width={barW}
                    height={top + plotH - y(s.values[i])}
                    fill={s.color}
                  >
                    <title>{`${s.label} ${monthLabel(m)}: ${formatNumber(s.values[i])}`}</title>
                  </rect>
                ))}
                {i % every === 0 ? (
                  <text
                    x={left + i * slot + slot / 2}
                    y={height - 6}
                    fontSize="11"
                    textAnchor="middle"
                    fill="#495057"
                  >
                    {monthLabel(m)}
                  </text>
                ) : null}
              </g>
            ))}
          </svg>
          {series.length > 1 ? (
            <Group gap="md" mt={4}>
              {series.map((s) => (
                <Group key={s.label} gap={6}>
                  <svg width="12" height="12" aria-hidden>
                    <rect width="12" height="12" fill={s.color} />
                  </svg>
                  <Text size="sm">{s.label}</Text>
                </Group>
              ))}
            </Group>
          ) : null}
        </>
      )}
    </Card>
  );
}
