import { describe, expect, it } from 'vitest';
import { changedFields, type FieldSpec, formatField, recordFields } from './record-fields.ts';

// the words the reviewer reads for codes, as the i18n files give them
const words: Record<string, string> = {
  'unit.KGM': 'kg',
  'stampKind.traceability': 'Tem truy xuất nguồn gốc',
};
const t = (key: string, options?: Record<string, unknown>) =>
  words[key] ?? (options?.defaultValue as string | undefined) ?? key;
const spec = (kind: string, key: string) => recordFields[kind].find((s) => s.key === key) as FieldSpec;

describe('the record as the reviewer reads it', () => {
  it('writes quantities with vi-VN separators and their unit by name, dates dd/mm/yyyy and codes in words', () => {
    const lot = { quantity: 12500, unit: 'KGM', productionDate: '2026-06-15', status: 'active' };
    expect(formatField(spec('lot', 'quantity'), lot, t)).toBe('12.500 kg');
    expect(formatField(spec('lot', 'productionDate'), lot, t)).toBe('15/06/2026');
    expect(formatField(spec('stamp_request', 'kind'), { kind: 'traceability' }, t)).toBe(
      'Tem truy xuất nguồn gốc',
    );
    expect(formatField(spec('stamp_request', 'quantity'), { quantity: 150000 }, t)).toBe('150.000');
    // a unit nobody named is shown as written
    expect(formatField(spec('product', 'netQuantity'), { netQuantity: 500, netQuantityUnit: 'hộp' }, t)).toBe(
      '500 hộp',
    );
    expect(formatField(spec('product', 'brand'), { brand: null }, t)).toBe('—');
    expect(formatField(spec('location', 'latitude'), { latitude: 10.964123 }, t)).toBe('10,964123');
  });

  it('marks what an edit changed against the published version, a commune by its code and a number with its unit', () => {
    const published = {
      name: 'Chôm chôm',
      communeCode: '75W001',
      communeName: 'Xã A',
      quantity: 10,
      unit: 'KGM',
    };
    const current = { ...published, communeCode: '75W002', communeName: 'Xã B', unit: 'TNE' };
    expect([...changedFields(recordFields.location, current, published)]).toEqual(['communeName']);
    expect([...changedFields(recordFields.lot, current, published)]).toEqual(['quantity']);
    expect(changedFields(recordFields.location, current, null).size).toBe(0);
  });
});
