/**
 * What approval checks that a form can fill in (`GET /api/review/approval-needs`): the server's own list, so the
 * form marks exactly what the pre-checks will test. Not the same as what saving requires.
 */
export interface ApprovalNeed {
  code: string;
  fields: string[];
  rule: 'all' | 'any';
  blocking: boolean;
  message: string;
}

/** A form value counts as given when it is not blank: an empty string or list, null and undefined do not. */
export function given(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

export function meets(need: ApprovalNeed, values: Record<string, unknown>): boolean {
  const found = need.fields.map((f) => given(values[f]));
  return need.rule === 'any' ? found.some(Boolean) : found.every(Boolean);
}

/** The needs a form's values do not meet yet, blocking ones first. */
export const missingNeeds = (needs: ApprovalNeed[], values: Record<string, unknown>) =>
  needs.filter((n) => !meets(n, values)).sort((a, b) => Number(b.blocking) - Number(a.blocking));

/** How a field is marked: needed (a blocking check), recommended (a warning), or not at all; and whether met. */
export function fieldNeed(
  needs: ApprovalNeed[],
  field: string,
  values: Record<string, unknown>,
): { blocking: boolean; met: boolean } | null {
  const mine = needs.filter((n) => n.fields.includes(field));
  if (!mine.length) return null;
  return { blocking: mine.some((n) => n.blocking), met: mine.every((n) => meets(n, values)) };
}
