import { hasValidCheckDigit } from '../gs1/index.ts';
import { badRequest, type FieldError } from '../platform/index.ts';
import { findAdministrativeUnit } from './admin-units.ts';

/** Collects field errors so a request hears about every mistake at once, then throws one 400. */
export class FieldErrors {
  readonly errors: FieldError[] = [];

  add(field: string, code: string, params?: Record<string, unknown>) {
    this.errors.push({ field: `/body/${field}`, code, params });
  }

  throwIfAny() {
    if (this.errors.length) throw badRequest(this.errors);
  }
}

export function checkCommune(errors: FieldErrors, field: string, code: string | null | undefined) {
  if (code && !findAdministrativeUnit(code)) errors.add(field, 'registry.commune', { code });
}

/** GTIN-8/12/13/14 with a right check digit, returned as GTIN-14; null after recording the error. */
export function checkGtin(errors: FieldErrors, field: string, gtin: string): string | null {
  if (!/^(\d{8}|\d{12,14})$/.test(gtin) || !hasValidCheckDigit(gtin)) {
    errors.add(field, 'registry.gtin');
    return null;
  }
  return gtin.padStart(14, '0');
}

export function checkGln(errors: FieldErrors, field: string, gln: string): boolean {
  const ok = /^\d{13}$/.test(gln) && hasValidCheckDigit(gln);
  if (!ok) errors.add(field, 'registry.gln');
  return ok;
}

export function checkDateOrder(
  errors: FieldErrors,
  field: string,
  from: string | null | undefined,
  to: string | null | undefined,
  code: string,
) {
  if (from && to && to <= from) errors.add(field, code);
}
