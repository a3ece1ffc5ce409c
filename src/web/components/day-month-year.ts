/**
 * A date as people in Vietnam type it (`5/12/2026`, `05.12.2026`, `05-12-2026`: day first) → `YYYY-MM-DD`; null for
 * text that is no such day (31/02/2026). The browser's own parser would read `05/12/2026` as 12 May.
 */
export function parseDayMonthYear(input: string): string | null {
  const found = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(input.trim());
  if (!found) return null;
  const iso = `${found[3]}-${found[2].padStart(2, '0')}-${found[1].padStart(2, '0')}`;
  const day = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === iso ? iso : null;
}
