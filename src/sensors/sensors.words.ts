// An excursion in plain Vietnamese, for the back office, the mail and the consumer page: no ids, times in Vietnam's.

interface Described {
  kind: string;
  state: string;
  min: number | null;
  max: number | null;
  startedAt: Date;
  endedAt: Date | null;
  lastOutAt: Date;
  worstValue: number;
}

const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dayFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** "14:05 ngày 03/12/2026" in Vietnam time. */
export const vietnamTime = (d: Date) => `${timeFormat.format(d)} ngày ${dayFormat.format(d)}`;

/** "1 giờ 15 phút", "40 phút", "2 ngày 3 giờ". */
export function spoken(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [
    days && `${days} ngày`,
    hours && `${hours} giờ`,
    (rest || (!days && !hours)) && `${rest} phút`,
  ];
  return parts.filter(Boolean).join(' ');
}

const unitOf = (kind: string) => (kind === 'temperature' ? ' °C' : ' %');
const nameOf = (kind: string) => (kind === 'temperature' ? 'Nhiệt độ' : 'Độ ẩm');
const n = (kind: string, v: number) => `${numberFormat.format(v)}${unitOf(kind)}`;

/**
 * "Nhiệt độ cao hơn mức cho phép (tối đa 8 °C) từ 14:05 ngày 03/12/2026 đến 15:20 ngày 03/12/2026 (1 giờ 15 phút),
 * cao nhất 11,2 °C."
 */
export function describeExcursion(e: Described): string {
  const above = e.max !== null && e.worstValue > e.max;
  const limit = above ? `tối đa ${n(e.kind, e.max!)}` : `tối thiểu ${n(e.kind, e.min ?? 0)}`;
  const what = `${nameOf(e.kind)} ${above ? 'cao hơn' : 'thấp hơn'} mức cho phép (${limit})`;
  const start = new Date(e.startedAt);
  const when = e.endedAt
    ? `từ ${vietnamTime(start)} đến ${vietnamTime(new Date(e.endedAt))} (${spoken(new Date(e.endedAt).getTime() - start.getTime())})`
    : `từ ${vietnamTime(start)}, chưa trở lại mức cho phép`;
  return `${what} ${when}, ${above ? 'cao nhất' : 'thấp nhất'} ${n(e.kind, e.worstValue)}.`;
}
