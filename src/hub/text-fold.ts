/**
 * Text for matching: lower case, Vietnamese marks dropped (đ → d), so “sau rieng” finds “Sầu riêng” — the rule of
 * the province portal's search, kept here so the hub needs nothing of a province's pages.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
