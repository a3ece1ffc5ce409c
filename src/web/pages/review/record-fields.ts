import i18next from 'i18next';
import { formatDate, formatDateTime, formatNumber } from '../../format.ts';

/**
 * How the reviewer reads each field of a submitted record: its label (an i18n key) and how its value is written.
 * `compare` names the field whose change counts when it differs from what is shown (a commune is shown by name,
 * changed by code).
 */
export type FieldFormat = 'text' | 'number' | 'coordinate' | 'date' | 'datetime' | 'list' | `enum:${string}`;
export interface FieldSpec {
  key: string;
  label: string;
  format?: FieldFormat;
  compare?: string;
  /** the field holding the unit of this number, shown by name after it */
  unitKey?: string;
}

const f = (key: string, label: string, format: FieldFormat = 'text', more: Partial<FieldSpec> = {}) => ({
  key,
  label,
  format,
  ...more,
});

export const recordFields: Record<string, FieldSpec[]> = {
  organisation: [
    f('name', 'organisation.name'),
    f('taxCode', 'organisation.taxCode'),
    f('type', 'organisation.type', 'enum:organisationType'),
    f('sector', 'organisation.sector', 'enum:sector'),
    f('communeName', 'organisation.commune', 'text', { compare: 'communeCode' }),
    f('streetAddress', 'organisation.streetAddress'),
    f('representative', 'organisation.representative'),
    f('phone', 'organisation.phone'),
    f('email', 'organisation.email'),
    f('gs1CompanyPrefixes', 'organisation.gs1CompanyPrefixes', 'list'),
    f('glns', 'organisation.glns', 'list'),
  ],
  location: [
    f('name', 'location.name'),
    f('type', 'location.type', 'enum:locationType'),
    f('gln', 'location.gln'),
    f('locationAi', 'location.locationAi', 'enum:locationAi'),
    f('growingAreaCode', 'location.growingAreaCode'),
    f('communeName', 'organisation.commune', 'text', { compare: 'communeCode' }),
    f('streetAddress', 'organisation.streetAddress'),
    f('latitude', 'location.latitude', 'coordinate'),
    f('longitude', 'location.longitude', 'coordinate'),
    f('areaHectares', 'location.areaHectares', 'number'),
  ],
  product: [
    f('gtin', 'product.gtin'),
    f('name', 'product.name'),
    f('brand', 'product.brand'),
    f('modelCode', 'product.modelCode'),
    f('productGroup', 'product.productGroup'),
    f('sector', 'organisation.sector', 'enum:sector'),
    f('unit', 'product.unit', 'enum:unit'),
    f('netQuantity', 'product.netQuantity', 'number', { unitKey: 'netQuantityUnit' }),
    f('shelfLifeDays', 'product.shelfLifeDays', 'number'),
    f('appliedStandards', 'product.appliedStandards', 'list'),
    f('conformityDeclaration', 'product.conformityDeclaration'),
    f('riskTier', 'product.riskTier', 'enum:riskTier'),
    f('geographicalIndication', 'product.geographicalIndication'),
    f('certificationMark', 'product.certificationMark'),
    f('description', 'product.description'),
  ],
  lot: [
    f('productName', 'lot.product', 'text', { compare: 'productId' }),
    f('gtin', 'product.gtin'),
    f('lot', 'lot.lot'),
    f('productionDate', 'lot.productionDate', 'date'),
    f('expiryDate', 'lot.expiryDate', 'date'),
    f('quantity', 'lot.quantity', 'number', { unitKey: 'unit' }),
    f('locationName', 'lot.location', 'text', { compare: 'locationId' }),
    f('inputLots', 'lot.inputLots', 'list'),
    f('status', 'lot.status', 'enum:status'),
  ],
  stamp_request: [
    f('productName', 'lot.product'),
    f('gtin', 'product.gtin'),
    f('kind', 'stamp.kind', 'enum:stampKind'),
    f('quantity', 'stamp.quantity', 'number'),
    f('approvedQuantity', 'review.approvedQuantity', 'number'),
    f('note', 'stamp.note'),
    f('createdAt', 'review.submittedAtShort', 'datetime'),
  ],
};

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A value as the reviewer reads it: numbers with vi-VN separators, dates dd/mm/yyyy, codes by name, yes/no. */
export function formatField(spec: FieldSpec, record: Record<string, unknown>, t: Translate): string {
  const value = record[spec.key];
  if (value === null || value === undefined || value === '') return '—';
  const format = spec.format ?? 'text';
  if (format === 'number' && typeof value === 'number') {
    const unit = spec.unitKey ? record[spec.unitKey] : null;
    return typeof unit === 'string' && unit
      ? `${formatNumber(value)} ${t(`unit.${unit}`, { defaultValue: unit })}`
      : formatNumber(value);
  }
  // a map position keeps its six decimals (a metre or so), which the usual three would round away
  if (format === 'coordinate' && typeof value === 'number')
    return value.toLocaleString(i18next.language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 6 });
  if (format === 'date' && typeof value === 'string') return formatDate(value);
  if (format === 'datetime' && typeof value === 'string') return formatDateTime(value);
  if (format === 'list') return Array.isArray(value) && value.length ? value.join('; ') : '—';
  if (format.startsWith('enum:') && typeof value === 'string')
    return t(`${format.slice(5)}.${value}`, { defaultValue: value });
  return String(value);
}

/** The fields whose value differs from the published version (none when nothing is published). */
export function changedFields(
  specs: FieldSpec[],
  current: Record<string, unknown>,
  published: Record<string, unknown> | null,
): Set<string> {
  if (!published) return new Set();
  const same = (key: string) =>
    JSON.stringify(current[key] ?? null) === JSON.stringify(published[key] ?? null);
  return new Set(
    specs
      .filter((s) => !same(s.compare ?? s.key) || (s.unitKey !== undefined && !same(s.unitKey)))
      .map((s) => s.key),
  );
}
