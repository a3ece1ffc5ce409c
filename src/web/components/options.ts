import type { TFunction } from 'i18next';

/** Select options for an enum whose labels live under `prefix.value` in the translations. */
export const enumOptions = (t: TFunction, prefix: string, values: readonly string[]) =>
  values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

/** Drops empty strings so optional fields are left out rather than sent blank (the API rejects blanks). */
export function compact<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === '' || value === null || value === undefined) continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out as Partial<T>;
}

/** "a, b\nc" → ["a", "b", "c"]: lists typed in one field. */
export const splitList = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
