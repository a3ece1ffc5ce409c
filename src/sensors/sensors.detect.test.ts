import { describe, expect, it } from 'vitest';
import { detect, type Excursion, type Range } from './sensors.detect.ts';
import { describeExcursion, spoken } from './sensors.words.ts';

// hand-made series: minute `m` after 2026-12-06 07:00 UTC (14:00 in Vietnam)
const t = (m: number) => new Date(Date.UTC(2026, 11, 6, 7, m));
const series = (...pairs: [number, number][]) => pairs.map(([m, value]) => ({ at: t(m), value }));
const cold: Range = { min: 2, max: 8, durationSeconds: 30 * 60 };

describe('excursion detection', () => {
  it('a short rise above the range is no excursion; one that lasts the duration opens, closes with its worst value', () => {
    const short = detect(cold, null, series([0, 5], [10, 9], [20, 10], [35, 6]));
    expect(short).toMatchObject({ running: null, closed: [], opened: [], dropped: false });

    const long = detect(cold, null, series([0, 5], [10, 9], [25, 12.5], [40, 9.5], [50, 7]));
    expect(long.opened).toHaveLength(1);
    expect(long.closed).toEqual([
      {
        state: 'closed',
        startedAt: t(10),
        lastOutAt: t(40),
        endedAt: t(50),
        worstValue: 12.5,
        worstAt: t(25),
      },
    ]);
    expect(long.running).toBeNull();
  });

  it('back in range after the duration counts even with one reading out (a logger that reads every hour)', () => {
    const r = detect(cold, null, series([0, 9], [60, 5]));
    expect(r.closed).toHaveLength(1);
    expect(r.closed[0]).toMatchObject({ startedAt: t(0), endedAt: t(60), worstValue: 9 });
  });

  it('below the minimum: the lowest value is the worst; still out at the end stays open', () => {
    const r = detect(cold, null, series([0, 3], [5, 1], [20, -0.5], [40, 0.5]));
    expect(r.closed).toEqual([]);
    expect(r.running).toMatchObject({ state: 'open', startedAt: t(5), worstValue: -0.5, endedAt: null });
    expect(r.opened).toEqual([r.running]);
  });

  it('continues a running excursion across batches: pending then opened, open then closed, pending then dropped', () => {
    const first = detect(cold, null, series([0, 9], [10, 9.5]));
    expect(first.running?.state).toBe('pending');
    const second = detect(cold, first.running, series([31, 9.2], [40, 8]));
    expect(second.opened).toHaveLength(1);
    expect(second.closed[0]).toMatchObject({ startedAt: t(0), endedAt: t(40), worstValue: 9.5 });

    const open: Excursion = { ...first.running!, state: 'open' };
    expect(detect(cold, open, series([50, 7])).closed[0]).toMatchObject({ endedAt: t(50) });
    expect(detect(cold, first.running, series([15, 7]))).toMatchObject({ dropped: true, running: null });
  });

  it('a zero duration opens at the first reading out; two excursions in one series are two', () => {
    const now: Range = { min: null, max: 8, durationSeconds: 0 };
    const r = detect(now, null, series([0, 9], [1, 5], [2, 10], [3, 4]));
    expect(r.opened).toHaveLength(2);
    expect(r.closed.map((e) => e.worstValue)).toEqual([9, 10]);
  });

  it('says it in plain Vietnamese, in Vietnam time, without ids', () => {
    const r = detect(cold, null, series([10, 9], [25, 12.5], [85, 7]));
    const text = describeExcursion({ kind: 'temperature', min: 2, max: 8, ...r.closed[0] });
    expect(text).toBe(
      'Nhiệt độ cao hơn mức cho phép (tối đa 8 °C) từ 14:10 ngày 06/12/2026 đến 15:25 ngày 06/12/2026 (1 giờ 15 phút), cao nhất 12,5 °C.',
    );
    const open = describeExcursion({
      kind: 'humidity',
      min: 60,
      max: null,
      state: 'open',
      startedAt: t(0),
      lastOutAt: t(0),
      endedAt: null,
      worstValue: 41.25,
    });
    expect(open).toBe(
      'Độ ẩm thấp hơn mức cho phép (tối thiểu 60 %) từ 14:00 ngày 06/12/2026, chưa trở lại mức cho phép, thấp nhất 41,3 %.',
    );
    expect(spoken(2 * 86_400_000 + 3 * 3_600_000)).toBe('2 ngày 3 giờ');
  });
});
