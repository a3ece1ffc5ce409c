// The readings chart's geometry, kept apart from React so it can be tested: times on x, values on y, the allowed
// range as a band, each excursion as a shaded span.

export interface ChartReading {
  at: string;
  value: number;
}
export interface ChartRange {
  min: number | null;
  max: number | null;
}
export interface ChartSpan {
  from: string;
  to: string | null;
}

export const chartSize = { width: 720, height: 240, left: 44, right: 12, top: 12, bottom: 28 };

export function chartGeometry(
  readings: ChartReading[],
  range: ChartRange | null,
  spans: ChartSpan[],
  now = Date.now(),
) {
  const { width, height, left, right, top, bottom } = chartSize;
  const times = readings.map((r) => new Date(r.at).getTime());
  const t0 = Math.min(...times);
  const t1 = Math.max(...times, t0 + 60_000);
  const values = readings.map((r) => r.value);
  const limits = [range?.min, range?.max].filter((v): v is number => v !== null && v !== undefined);
  let lo = Math.min(...values, ...limits);
  let hi = Math.max(...values, ...limits);
  const pad = Math.max((hi - lo) * 0.1, 0.5);
  lo -= pad;
  hi += pad;
  const x = (t: number) => left + ((t - t0) / (t1 - t0)) * (width - left - right);
  const y = (v: number) => top + ((hi - v) / (hi - lo)) * (height - top - bottom);
  const out = (v: number) => (range?.max != null && v > range.max) || (range?.min != null && v < range.min);
  const path = readings
    .map((r, i) => `${i ? 'L' : 'M'}${x(times[i]).toFixed(1)},${y(r.value).toFixed(1)}`)
    .join(' ');
  const band = range
    ? {
        y: y(range.max ?? hi),
        height: y(range.min ?? lo) - y(range.max ?? hi),
      }
    : null;
  const shaded = spans.map((s) => {
    const from = Math.max(x(new Date(s.from).getTime()), left);
    const to = Math.min(x(s.to ? new Date(s.to).getTime() : Math.min(now, t1)), width - right);
    return { x: from, width: Math.max(to - from, 2) };
  });
  // the lowest and highest value shown, and the range's limits, unless one would sit on another
  const ticks: { value: number; y: number }[] = [];
  for (const v of [lo + pad, range?.min ?? null, range?.max ?? null, hi - pad]) {
    if (v === null || ticks.some((t) => Math.abs(t.value - v) < (hi - lo) * 0.08)) continue;
    ticks.push({ value: v, y: y(v) });
  }
  return {
    path,
    band,
    shaded,
    ticks,
    points: readings.map((r, i) => ({ x: x(times[i]), y: y(r.value), out: out(r.value) })),
    from: new Date(t0).toISOString(),
    to: new Date(t1).toISOString(),
  };
}
