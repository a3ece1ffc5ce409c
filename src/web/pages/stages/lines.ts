import { randomId } from '@mantine/hooks';

/** UN/ECE Recommendation 20 unit codes the stage forms offer (the server's list). */
export const units = ['KGM', 'GRM', 'TNE', 'LTR', 'MLT', 'H87'] as const;

/** One lot quantity line of a form; `key` only keeps React's list identity. */
export const newLine = () => ({
  key: randomId(),
  gtin: '',
  lot: '',
  quantity: '' as number | string,
  unit: 'KGM',
});
export type Line = ReturnType<typeof newLine>;

export const lineBody = (l: Line) => ({
  gtin: l.gtin.trim(),
  lot: l.lot.trim(),
  quantity: Number(l.quantity),
  unit: l.unit,
});
