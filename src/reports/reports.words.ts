import type { ReportContent, ReportKind } from './reports.api.ts';

/** The words and number forms the Excel and PDF copies share (Vietnamese: 1.234,5; dd/mm/yyyy). */
type Indicator = ReportContent['indicators'][number];
type Task = ReportContent['tasks'][number];

const numberVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export const formatNumber = (n: number) => numberVi.format(n);

export const formatValue = (value: number | null, unit: string) =>
  value === null ? '—' : unit === 'percent' ? `${formatNumber(value)}%` : formatNumber(value);

/** The result as the report prints it: a share with what it was computed from ("85% (34/40)"). */
export function resultText(i: Indicator): string {
  if (i.value === null) return 'Chưa có số liệu';
  const base = formatValue(i.value, i.unit);
  return i.numerator !== null && i.denominator !== null
    ? `${base} (${formatNumber(i.numerator)}/${formatNumber(i.denominator)})`
    : base;
}

export const targetText = (i: Indicator) =>
  i.target === null
    ? 'Chưa giao'
    : `${i.direction === 'at_most' ? '≤ ' : ''}${formatValue(i.target, i.unit)}`;

export const metText = (met: boolean | null) => (met === null ? 'Chưa đánh giá' : met ? 'Đạt' : 'Chưa đạt');

export const sourceText = (i: Indicator) =>
  i.source === 'computed'
    ? 'Tính từ dữ liệu hệ thống'
    : i.source === 'manual'
      ? `Số liệu nhập tay${i.manualSource ? `: ${i.manualSource}` : ''}`
      : 'Chưa có số liệu';

const taskStates: Record<string, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Đã hoàn thành',
};

export const taskStateText = (t: Task) =>
  `${taskStates[t.state] ?? t.state}${t.overdue && t.state !== 'done' ? ' (quá hạn)' : ''}`;

export const dateVi = (d: string | null) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '—');

export const kindText: Record<ReportKind, string> = {
  annual: 'Năm',
  half_yearly: '6 tháng',
  custom: 'Theo kỳ',
};

/** "Đồng Nai, ngày 06 tháng 12 năm 2026" in Vietnam time, the date line of an administrative document. */
export function placeDate(place: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  // Decree 30/2020/NĐ-CP: a day below 10 and the months 1 and 2 are written with a leading 0
  const month = Number(get('month'));
  return `${place}, ngày ${get('day')} tháng ${month <= 2 ? `0${month}` : month} năm ${get('year')}`;
}
