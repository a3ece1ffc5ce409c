import { thisMonth } from '../../early.ts';

/** The dashboard's period: whole months in Vietnam time, chosen as this year, the last 12 months or from–to. */
export type Preset = 'year' | 'last12' | 'custom';

export interface Filters {
  sector: string | null;
  commune: string | null;
  preset: Preset;
  from: string;
  to: string;
}

/** This month in Vietnam (UTC+7 all year), `YYYY-MM`: with the back office's first script, which asks for it. */
export { thisMonth };

export const monthsBack = (m: string, n: number) => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/** `2026-03` → `03/2026`, as people write a month. */
export const monthWords = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

export function periodOf(f: Pick<Filters, 'preset' | 'from' | 'to'>, now = Date.now()) {
  const month = thisMonth(now);
  if (f.preset === 'year') return { from: `${month.slice(0, 4)}-01`, to: month };
  if (f.preset === 'last12') return { from: monthsBack(month, 11), to: month };
  return { from: f.from, to: f.to };
}
