import { useMantineTheme } from '@mantine/core';
import { formatDateTime, formatNumber } from '../../format.ts';
import { type ChartRange, type ChartReading, type ChartSpan, chartGeometry, chartSize } from './chart.ts';

interface Props {
  readings: ChartReading[];
  range: ChartRange | null;
  excursions: ChartSpan[];
  unit: string;
  label: string;
}

/** A line of the readings over time, the allowed range as a green band, excursions shaded red (plain SVG). */
export function ReadingsChart({ readings, range, excursions, unit, label }: Props) {
  const theme = useMantineTheme();
  const g = chartGeometry(readings, range, excursions);
  const { width, height, left, right, bottom } = chartSize;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={label}
      style={{ maxWidth: width }}
    >
      <title>{label}</title>
      {g.band ? (
        <rect
          x={left}
          y={g.band.y}
          width={width - left - right}
          height={g.band.height}
          fill={theme.colors.teal[0]}
        />
      ) : null}
      {g.shaded.map((s) => (
        <rect
          key={`${s.x}-${s.width}`}
          x={s.x}
          y={0}
          width={s.width}
          height={height - bottom}
          fill={theme.colors.red[1]}
        />
      ))}
      {g.ticks.map((tick) => (
        <g key={tick.value}>
          <line
            x1={left}
            x2={width - right}
            y1={tick.y}
            y2={tick.y}
            stroke={theme.colors.gray[3]}
            strokeDasharray="3 3"
          />
          <text x={left - 4} y={tick.y + 4} fontSize={11} textAnchor="end" fill={theme.colors.gray[7]}>
            {formatNumber(Math.round(tick.value * 10) / 10)}
            {unit}
          </text>
        </g>
      ))}
      <path d={g.path} fill="none" stroke={theme.colors.blue[7]} strokeWidth={2} />
      {g.points.length <= 200
        ? g.points.map((p) => (
            <circle
              key={`${p.x}-${p.y}`}
              cx={p.x}
              cy={p.y}
              r={p.out ? 3.5 : 2.5}
              fill={p.out ? theme.colors.red[7] : theme.colors.blue[7]}
            />
          ))
        : null}
      <text x={left} y={height - 8} fontSize={11} fill={theme.colors.gray[7]}>
        {formatDateTime(g.from)}
      </text>
      <text x={width - right} y={height - 8} fontSize={11} textAnchor="end" fill={theme.colors.gray[7]}>
        {formatDateTime(g.to)}
      </text>
    </svg>
  );
}
